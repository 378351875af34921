// checkpoint.h: the crash-safe state of `vigil run --state DIR`: where each input was read to,
// the accounting so far, and the runner's state (stateful detections, suppression, alert ids
// already written). Written atomically (temporary file, fsync, rename, fsync of the
// directory) and checksummed; a damaged file is reported, never loaded.
#pragma once

#include <cstdint>
#include <map>
#include <string>

namespace vigil::runtime {

struct Checkpoint {
  uint64_t fingerprint = 0;                    // of the rules, tenants, inputs and options
  std::map<std::string, uint64_t> positions;  // input -> records done (ingest::kInputDone: all)
  std::string ingest_stats;                    // ingest::Stats::ToJson of the work so far
  std::string runner_state;                    // Runner::Save
  bool complete = false;                       // the run reached the end of its inputs
  // Sizes of the alerts and dead-letter files when the checkpoint was taken: a resumed run
  // truncates them back to these, dropping any (partial) line written after it.
  uint64_t alerts_bytes = 0;
  uint64_t dead_letter_bytes = 0;
};

enum class CheckpointStatus { kNone, kLoaded, kCorrupt };

// Atomically replaces DIR/checkpoint.vgs; false with *error when it cannot.
bool WriteCheckpoint(const std::string& dir, const Checkpoint& c, std::string* error);
// Reads DIR/checkpoint.vgs: kNone when absent, kCorrupt (with *error) when damaged.
CheckpointStatus ReadCheckpoint(const std::string& dir, Checkpoint* c, std::string* error);

}  // namespace vigil::runtime
