// message_index.cc: bounded correlation index.
#include "runtime/message_index.h"

#include <array>
#include <set>

#include "base/strings.h"
#include "ingest/normalized_json.h"

namespace vigil::runtime {
namespace {

using schema::FieldId;

// Hashes of the correlation keys of one row (0 when absent), salted per key kind.
std::array<uint64_t, 3> KeysOf(const columnar::Batch& b, size_t row) {
  std::array<uint64_t, 3> keys{};
  const FieldId fields[3] = {FieldId::kMessageId, FieldId::kTrackingId, FieldId::kAggregateId};
  for (int k = 0; k < 3; ++k) {
    const columnar::Column* c = b.column(fields[k]);
    if (c != nullptr && !c->IsNull(row) && !c->GetString(row).empty()) {
      keys[k] = base::Hash64(c->GetString(row), k);
    }
  }
  return keys;
}

std::array<uint64_t, 3> KeysOf(const EventRef& e) {
  std::array<uint64_t, 3> keys{};
  const std::string* texts[3] = {&e.message_id(), &e.tracking_id(), &e.aggregate_id()};
  for (int k = 0; k < 3; ++k) {
    if (!texts[k]->empty()) keys[k] = base::Hash64(*texts[k], k);
  }
  return keys;
}

}  // namespace

uint16_t MessageIndex::ActionId(std::string_view action) {
  if (action.empty()) return 0;
  thread_local std::string key;
  key.assign(action);
  auto it = action_ids_.find(key);
  if (it != action_ids_.end()) return it->second;
  if (actions_.size() > UINT16_MAX) return 0;
  const auto id = static_cast<uint16_t>(actions_.size());
  actions_.push_back(key);
  action_ids_.emplace(key, id);
  return id;
}

uint32_t MessageIndex::NewNode(const Node& n) {
  if (free_ == kNil) {
    nodes_.push_back(n);
    return static_cast<uint32_t>(nodes_.size() - 1);
  }
  const uint32_t i = free_;
  free_ = nodes_[i].next;
  nodes_[i] = n;
  return i;
}

void MessageIndex::FreeKey(uint64_t key) {
  auto it = by_key_.find(key);
  if (it == by_key_.end()) return;
  nodes_[it->second.tail].next = free_;
  free_ = it->second.head;
  by_key_.erase(it);
}

void MessageIndex::AddKey(uint64_t key, const Node& n) {
  auto it = by_key_.find(key);
  if (it == by_key_.end()) {
    if (by_key_.size() >= max_keys_) {
      FreeKey(order_.front());
      order_.pop_front();
    }
    order_.push_back(key);
    const uint32_t node = NewNode(n);
    by_key_.emplace(key, Entry{node, node, 1});
    return;
  }
  Entry& e = it->second;
  if (e.count >= max_events_) return;
  const uint32_t node = NewNode(n);
  nodes_[e.tail].next = node;
  e.tail = node;
  ++e.count;
}

void MessageIndex::AddBatch(const columnar::Batch& batch) {
  const columnar::Column* ts = batch.column(FieldId::kTs);
  const columnar::Column* action = batch.column(FieldId::kAction);
  for (size_t row = 0; row < batch.size(); ++row) {
    const auto keys = KeysOf(batch, row);
    if (keys[0] == 0 && keys[1] == 0 && keys[2] == 0) continue;
    const columnar::RowSource& src = batch.sources()[row];
    const Node n{
        src.offset,
        ts == nullptr || ts->IsNull(row) ? 0 : ts->i64[row],
        src.file,
        kNil,
        action == nullptr || action->IsNull(row) ? uint16_t{0} : ActionId(action->GetString(row)),
        batch.type()};
    for (uint64_t k : keys) {
      if (k != 0) AddKey(k, n);
    }
  }
}

Json MessageIndex::Related(const EventRef& e, const std::vector<std::string>& files) const {
  Json out = Json::array();
  std::set<std::pair<std::string, uint64_t>> seen = {{e.file(), e.offset}};
  for (uint64_t key : KeysOf(e)) {
    if (key == 0) continue;
    auto it = by_key_.find(key);
    if (it == by_key_.end()) continue;
    for (uint32_t i = it->second.head; i != kNil; i = nodes_[i].next) {
      const Node& b = nodes_[i];
      const std::string file = b.file < files.size() ? files[b.file] : std::to_string(b.file);
      if (!seen.insert({file, b.offset}).second) continue;
      Json j;
      j["event_type"] = schema::Event(b.type).name;
      j["time"] = ingest::FormatTimestamp(b.ts);
      j["file"] = file;
      j["offset"] = b.offset;
      if (b.action != 0) j["action"] = actions_[b.action];
      out.push_back(std::move(j));
    }
  }
  return out;
}

}  // namespace vigil::runtime
