// schema.cc: the schema tables expanded from events.def and fields.def.
#include "schema/schema.h"

#include <array>
#include <string>
#include <unordered_map>

#include "base/check.h"

namespace vigil::schema {
namespace {

constexpr std::array<EventInfo, kEventTypeCount> kEvents = {{
#define VIGIL_EVENT(id, name, doc) {EventType::k##id, name, doc},
#include "schema/events.def"
#undef VIGIL_EVENT
}};

#define EV(x) MaskOf(EventType::k##x)
#define F_DICT kFlagDict
#define F_CLOSED kFlagClosed
#define F_KNOWN kFlagKnown
constexpr std::array<FieldInfo, kFieldCount> kFields = {{
#define VIGIL_FIELD(id, name, type, shape, parent, flags, events, values, doc) \
  {FieldId::k##id, name,   ScalarType::k##type, Shape::k##shape,               \
   FieldId::k##parent, static_cast<uint8_t>(flags), static_cast<EventMask>(events), values, doc},
#include "schema/fields.def"
#undef VIGIL_FIELD
}};
#undef EV
#undef F_DICT
#undef F_CLOSED
#undef F_KNOWN

// Table invariants checked at compile time: ids match positions, members follow parents.
constexpr bool TableIsConsistent() {
  for (size_t i = 0; i < kFields.size(); ++i) {
    const FieldInfo& f = kFields[i];
    if (static_cast<size_t>(f.id) != i) return false;
    const bool member = f.shape == Shape::kMember;
    if (member != (f.parent != FieldId::kNone)) return false;
    if (member && kFields[static_cast<size_t>(f.parent)].shape != Shape::kRecords) return false;
    if (f.events == 0 || (f.events & ~kAllEvents) != 0) return false;
  }
  return true;
}
static_assert(TableIsConsistent(), "fields.def is inconsistent");

const std::unordered_map<std::string_view, size_t>& FieldIndex() {
  static const auto* index = [] {
    auto* m = new std::unordered_map<std::string_view, size_t>();
    for (size_t i = 0; i < kFields.size(); ++i) m->emplace(kFields[i].name, i);
    return m;
  }();
  return *index;
}

}  // namespace

std::span<const EventInfo> AllEvents() { return kEvents; }
std::span<const FieldInfo> AllFields() { return kFields; }

const EventInfo& Event(EventType t) {
  const auto i = static_cast<size_t>(t);
  VIGIL_CHECK(i < kEvents.size());
  return kEvents[i];
}

const FieldInfo& Field(FieldId f) {
  const auto i = static_cast<size_t>(f);
  VIGIL_CHECK(i < kFields.size());
  return kFields[i];
}

bool FindEvent(std::string_view name, EventType* out) {
  for (const EventInfo& e : kEvents) {
    if (e.name == name) {
      *out = e.id;
      return true;
    }
  }
  return false;
}

bool FindField(std::string_view name, FieldId* out) {
  const auto& index = FieldIndex();
  auto it = index.find(name);
  if (it == index.end()) return false;
  *out = kFields[it->second].id;
  return true;
}

const std::vector<FieldId>& MembersOf(FieldId records) {
  static const auto* members = [] {
    auto* m = new std::array<std::vector<FieldId>, kFieldCount + 1>();
    for (const FieldInfo& f : kFields) {
      if (f.parent != FieldId::kNone) (*m)[static_cast<size_t>(f.parent)].push_back(f.id);
    }
    return m;
  }();
  return (*members)[static_cast<size_t>(records)];
}

std::vector<std::string_view> ValuesOf(FieldId f) {
  std::vector<std::string_view> out;
  std::string_view v = Field(f).values;
  while (!v.empty()) {
    const size_t comma = v.find(',');
    out.push_back(v.substr(0, comma));
    if (comma == std::string_view::npos) break;
    v.remove_prefix(comma + 1);
  }
  return out;
}

std::vector<std::string> EventNames() {
  std::vector<std::string> out;
  for (const EventInfo& e : kEvents) out.emplace_back(e.name);
  return out;
}

std::vector<std::string> FieldNames() {
  std::vector<std::string> out;
  for (const FieldInfo& f : kFields) out.emplace_back(f.name);
  return out;
}

}  // namespace vigil::schema
