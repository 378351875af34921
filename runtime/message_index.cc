// message_index.cc: bounded correlation index.
#include "runtime/message_index.h"

#include <array>
#include <set>

#include "base/strings.h"
#include "ingest/normalized_json.h"

namespace vigil::runtime {
namespace {

using schema::FieldId;

// The hash of correlation key `text` of kind k (0: Message-ID, 1: aCode, 2: aggregateId) in the
// tenant of `salt`; never 0 (0 marks an absent key).
uint64_t KeyHash(std::string_view text, int k, uint64_t salt) {
  const uint64_t h = base::Hash64(text, salt + static_cast<uint64_t>(k));
  return h == 0 ? 1 : h;
}

// Hashes of the correlation keys of one row (0 when absent).
std::array<uint64_t, 3> KeysOf(const EventRef& e, uint64_t salt) {
  std::array<uint64_t, 3> keys{};
  const std::string* texts[3] = {&e.message_id(), &e.tracking_id(), &e.aggregate_id()};
  for (int k = 0; k < 3; ++k) {
    if (!texts[k]->empty()) keys[k] = KeyHash(*texts[k], k, salt);
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

void MessageIndex::AddBatch(const columnar::Batch& batch,
                            const std::vector<uint64_t>& tenant_salts) {
  const size_t n = std::min(batch.size(), tenant_salts.size());
  // A column at a time: every row's keys, then every row's action (a dictionary value is
  // interned once); then the rows are added, the hash-table slots of the rows kAhead further
  // prefetched meanwhile.
  row_keys_.assign(n, {});
  const FieldId fields[3] = {FieldId::kMessageId, FieldId::kTrackingId, FieldId::kAggregateId};
  for (int k = 0; k < 3; ++k) {
    const columnar::Column* c = batch.column(fields[k]);
    for (size_t row = 0; c != nullptr && row < n; ++row) {
      if (c->IsNull(row)) continue;
      const std::string_view text = c->GetString(row);
      if (!text.empty()) row_keys_[row][k] = KeyHash(text, k, tenant_salts[row]);
    }
  }
  row_actions_.assign(n, 0);
  const columnar::Column* action = batch.column(FieldId::kAction);
  const bool dict = action != nullptr && action->storage() == columnar::Storage::kDictString;
  std::vector<int32_t> by_code(dict ? action->dict.size() : 0, -1);
  for (size_t row = 0; action != nullptr && row < n; ++row) {
    if (action->IsNull(row)) continue;
    if (!dict) {
      row_actions_[row] = ActionId(action->GetString(row));
      continue;
    }
    int32_t& id = by_code[action->code[row]];
    if (id < 0) id = ActionId(action->GetString(row));
    row_actions_[row] = static_cast<uint16_t>(id);
  }
  const columnar::Column* ts = batch.column(FieldId::kTs);
  constexpr size_t kAhead = 8;
  for (size_t row = 0; row < n; ++row) {
    if (row + kAhead < n) {
      for (uint64_t k : row_keys_[row + kAhead]) {
        if (k != 0) by_key_.prefetch(k);
      }
    }
    const auto& keys = row_keys_[row];
    if (keys[0] == 0 && keys[1] == 0 && keys[2] == 0) continue;
    const columnar::RowSource& src = batch.sources()[row];
    const Node node{src.offset,        ts == nullptr || ts->IsNull(row) ? 0 : ts->i64[row],
                    src.file,          kNil,
                    row_actions_[row], batch.type()};
    for (uint64_t k : keys) {
      if (k != 0) AddKey(k, node);
    }
  }
}

uint64_t MessageIndex::TenantSalt(std::string_view tenant) { return base::Hash64(tenant); }

Json MessageIndex::Related(const EventRef& e, uint64_t tenant_salt,
                           const std::vector<std::string>& files) const {
  Json out = Json::array();
  std::set<std::pair<std::string, uint64_t>> seen = {{e.file(), e.offset}};
  for (uint64_t key : KeysOf(e, tenant_salt)) {
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
