// message_index.h: the log lines of each message seen in a run, by correlation key (Message-ID,
// API 1.0 aCode, API 2.0 aggregateId), so an alert can list the message's other events
// (receipt, process, delivery, TTP verdicts). Cheap per event: keys are 64-bit hashes read
// straight from the batch columns. Bounded: at most `max_events` references per key and
// `max_keys` keys, the oldest key evicted first.
#pragma once

#include <array>
#include <cstdint>
#include <deque>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "runtime/alerts.h"
#include "vm/columnar/batch.h"

namespace vigil::runtime {

class MessageIndex {
 public:
  explicit MessageIndex(size_t max_keys = 1u << 19, size_t max_events = 32)
      : max_keys_(max_keys), max_events_(max_events) {}

  // Records every row of `batch` under each of its non-empty correlation keys, within its
  // tenant: tenant_salts[row] is TenantSalt of the row's tenant (keys of different tenants
  // never meet, even for the same Message-ID).
  void AddBatch(const columnar::Batch& batch, const std::vector<uint64_t>& tenant_salts);
  // The events of tenant `tenant_salt` sharing a key with `e`, other than `e` itself, in
  // arrival order (deduplicated), as JSON objects {event_type, time, file, offset, action?};
  // `files` names file indexes.
  Json Related(const EventRef& e, uint64_t tenant_salt,
               const std::vector<std::string>& files) const;
  // The salt of a tenant's keys.
  static uint64_t TenantSalt(std::string_view tenant);

 private:
  // One event under a key; nodes of a key form a list in arrival order.
  struct Node {
    uint64_t offset;
    int64_t ts;
    uint32_t file;
    uint32_t next;    // next node of the key, or kNil
    uint16_t action;  // index into actions_ (0: none)
    schema::EventType type;
  };
  struct Entry {
    uint32_t head, tail;
    uint32_t count;
  };
  static constexpr uint32_t kNil = UINT32_MAX;
  uint16_t ActionId(std::string_view action);
  void AddKey(uint64_t key, const Node& n);
  uint32_t NewNode(const Node& n);
  void FreeKey(uint64_t key);

  size_t max_keys_, max_events_;
  absl::flat_hash_map<uint64_t, Entry> by_key_;
  std::deque<uint64_t> order_;
  std::vector<Node> nodes_;
  uint32_t free_ = kNil;  // free nodes, linked by next
  // Action texts, interned (low cardinality; past 65,535 distinct values new ones are left out).
  std::vector<std::string> actions_ = {""};
  std::unordered_map<std::string, uint16_t> action_ids_;
  // AddBatch's per-row scratch, kept for its capacity.
  std::vector<std::array<uint64_t, 3>> row_keys_;
  std::vector<uint16_t> row_actions_;
};

}  // namespace vigil::runtime
