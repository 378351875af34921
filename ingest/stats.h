// stats.h: the accounting of an ingest run. Invariant, checked by tests and printed by the CLI:
// records_read == events + quarantined, always. `vigil run --stats-json` reuses these keys.
#pragma once

#include <cstdint>
#include <map>
#include <string>

namespace vigil::ingest {

struct Stats {
  uint64_t records_read = 0;                           // records seen: events + quarantined
  uint64_t events = 0;                                 // records normalized into a batch
  uint64_t quarantined = 0;                            // records sent to the dead-letter sink
  std::map<std::string, uint64_t> by_type;             // event type name -> events
  std::map<std::string, uint64_t> quarantine_reasons;  // reason code -> records
  // API 1.0 records whose log type came from their keys (no file prefix, no --log-type).
  uint64_t type_inferred = 0;
  std::map<std::string, uint64_t> by_format;  // detected format name -> records read
  uint64_t files = 0;                         // inputs opened (files, streams)
  uint64_t bytes = 0;                         // bytes read after decompression
  uint64_t containers = 0;  // envelopes and pages unwrapped ({"data":[...]}, {"value":[...]}, ...)
  uint64_t batches = 0;     // batches handed to the sink
  // Source keys no mapping table knows, with counts (at most kMaxUnmappedKeys distinct keys).
  std::map<std::string, uint64_t> unmapped_keys;

  static constexpr size_t kMaxUnmappedKeys = 256;

  bool Balanced() const { return records_read == events + quarantined; }
  // One JSON object with exactly the keys records_read, events, quarantined, by_type,
  // quarantine_reasons, then the extras (type_inferred, by_format, files, bytes, containers,
  // batches, unmapped_keys).
  std::string ToJson() const;
  // Adds another run's counts (resuming from a checkpoint adds the new run to the old one).
  void Add(const Stats& other);
  // Parses ToJson's output; false when `json` is not such an object.
  static bool FromJson(std::string_view json, Stats* out);
};

}  // namespace vigil::ingest
