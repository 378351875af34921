// sink.h: where ingest delivers its output: full batches of normalized events (one event type
// each) and dead letters. The runtime implements it to evaluate batches; the CLI to print them.
#pragma once

#include "ingest/dead_letter.h"
#include "vm/columnar/batch.h"

namespace vigil::ingest {

class Sink {
 public:
  virtual ~Sink() = default;
  // A batch of batch.type() events: full (batch.size() == batch_size) or flushed. The batch
  // and every view in it are valid only during the call: the ingestor resets and refills it
  // afterwards. Row provenance: batch.sources()[i].file indexes Ingestor::files().
  virtual void OnBatch(columnar::Batch& batch) = 0;
  // Every record read so far has been delivered: no event waits in a partly filled batch.
  virtual void OnFlushed() {}
  // One quarantined record; its views are valid only during the call.
  virtual void OnDeadLetter(const DeadLetter& letter) = 0;
  // Every record of input `file_index` up to its `records_done`-th (kInputDone: all of it) has
  // been delivered, and no record after it (Options::checkpoint_every).
  virtual void OnCheckpoint(uint32_t file_index, uint64_t records_done) {
    (void)file_index;
    (void)records_done;
  }
};

}  // namespace vigil::ingest
