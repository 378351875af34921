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
      keys[k] = base::Fnv1a64(c->GetString(row), 0xcbf29ce484222325ULL + k);
    }
  }
  return keys;
}

std::array<uint64_t, 3> KeysOf(const EventRef& e) {
  std::array<uint64_t, 3> keys{};
  const std::string* texts[3] = {&e.message_id, &e.tracking_id, &e.aggregate_id};
  for (int k = 0; k < 3; ++k) {
    if (!texts[k]->empty()) keys[k] = base::Fnv1a64(*texts[k], 0xcbf29ce484222325ULL + k);
  }
  return keys;
}

}  // namespace

void MessageIndex::AddKey(uint64_t key, const Brief& b) {
  auto it = by_key_.find(key);
  if (it == by_key_.end()) {
    if (by_key_.size() >= max_keys_) {
      by_key_.erase(order_.front());
      order_.pop_front();
    }
    order_.push_back(key);
    it = by_key_.emplace(key, std::vector<Brief>{}).first;
  }
  if (it->second.size() < max_events_) it->second.push_back(b);
}

void MessageIndex::AddBatch(const columnar::Batch& batch) {
  const columnar::Column* ts = batch.column(FieldId::kTs);
  const columnar::Column* action = batch.column(FieldId::kAction);
  for (size_t row = 0; row < batch.size(); ++row) {
    const auto keys = KeysOf(batch, row);
    if (keys[0] == 0 && keys[1] == 0 && keys[2] == 0) continue;
    Brief b{batch.type(), batch.sources()[row].file, batch.sources()[row].offset,
            ts == nullptr || ts->IsNull(row) ? 0 : ts->i64[row], {}};
    if (action != nullptr && !action->IsNull(row)) b.action_text = std::string(action->GetString(row));
    for (uint64_t k : keys) {
      if (k != 0) AddKey(k, b);
    }
  }
}

Json MessageIndex::Related(const EventRef& e, const std::vector<std::string>& files) const {
  Json out = Json::array();
  std::set<std::pair<std::string, uint64_t>> seen = {{e.file, e.offset}};
  for (uint64_t key : KeysOf(e)) {
    if (key == 0) continue;
    auto it = by_key_.find(key);
    if (it == by_key_.end()) continue;
    for (const Brief& b : it->second) {
      const std::string file = b.file < files.size() ? files[b.file] : std::to_string(b.file);
      if (!seen.insert({file, b.offset}).second) continue;
      Json j;
      j["event_type"] = schema::Event(b.type).name;
      j["time"] = ingest::FormatTimestamp(b.ts);
      j["file"] = file;
      j["offset"] = b.offset;
      if (!b.action_text.empty()) j["action"] = b.action_text;
      out.push_back(std::move(j));
    }
  }
  return out;
}

}  // namespace vigil::runtime
