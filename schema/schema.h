// schema.h: the normalized event schema (event types and fields) as a queryable table.
// Generated from events.def and fields.def; read by the type checker, ingest, the VM, docs and
// the rule catalog. Everything here is constant data built at compile time.
#pragma once

#include <cstdint>
#include <span>
#include <string_view>
#include <vector>

#include "schema/types.h"

namespace vigil::schema {

enum class EventType : uint8_t {
#define VIGIL_EVENT(id, name, doc) k##id,
#include "schema/events.def"
#undef VIGIL_EVENT
};
inline constexpr int kEventTypeCount = 0
#define VIGIL_EVENT(id, name, doc) +1
#include "schema/events.def"
#undef VIGIL_EVENT
    ;

// A set of event types, one bit per EventType.
using EventMask = uint32_t;
static_assert(kEventTypeCount <= 32, "EventMask holds at most 32 event types");
constexpr EventMask MaskOf(EventType t) { return EventMask{1} << static_cast<unsigned>(t); }
inline constexpr EventMask kAllEvents = (EventMask{1} << kEventTypeCount) - 1;

enum class FieldId : uint16_t {
#define VIGIL_FIELD(id, name, type, shape, parent, flags, events, values, doc) k##id,
#include "schema/fields.def"
#undef VIGIL_FIELD
  kNone,
};
inline constexpr int kFieldCount = static_cast<int>(FieldId::kNone);

// Field flags (see fields.def).
enum FieldFlags : uint8_t {
  kFlagDict = 1,    // dictionary-encoded column
  kFlagClosed = 2,  // closed value set: other literals are errors
  kFlagKnown = 4,   // documented value set: other literals are warnings
};

struct EventInfo {
  EventType id;
  std::string_view name;
  std::string_view doc;
};

struct FieldInfo {
  FieldId id;
  std::string_view name;  // dotted name used in rules: "sender.domain"
  ScalarType type;        // value type (element type for arrays; unused for kRecords)
  Shape shape;
  FieldId parent;  // the kRecords field for members, else kNone
  uint8_t flags;
  EventMask events;         // event types that carry this field
  std::string_view values;  // comma-separated documented values, or ""
  std::string_view doc;

  bool dict() const { return flags & kFlagDict; }
  bool closed() const { return flags & kFlagClosed; }
  bool known() const { return flags & kFlagKnown; }
  bool HasEvent(EventType t) const { return events & MaskOf(t); }
};

std::span<const EventInfo> AllEvents();
std::span<const FieldInfo> AllFields();
const EventInfo& Event(EventType t);
const FieldInfo& Field(FieldId f);

// Lookups by name; return false when the name is unknown.
bool FindEvent(std::string_view name, EventType* out);
bool FindField(std::string_view name, FieldId* out);

// Members of a kRecords field, in table order (empty for other fields).
const std::vector<FieldId>& MembersOf(FieldId records);
// The documented values of a field, split.
std::vector<std::string_view> ValuesOf(FieldId f);
// Names of all event types / all fields (for "did you mean" hints).
std::vector<std::string> EventNames();
std::vector<std::string> FieldNames();

}  // namespace vigil::schema
