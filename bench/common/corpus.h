// corpus.h: events for the evaluation benchmarks: `vigil gen` traffic (gen::Generate, one
// tenant, planted attacks included) written to a temporary directory, ingested once through
// ingest::Ingestor and kept as owned columnar batches, plus the tenant context its
// tenants.json describes. Evaluation benchmarks then time the engines alone.
// Part of bench/common.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "runtime/tenants.h"
#include "vm/columnar/batch.h"

namespace vigil::bench {

struct CorpusOptions {
  size_t messages = 5000;  // benign messages (about 4.3 events each)
  uint64_t seed = 42;
  size_t batch_size = columnar::kDefaultBatchSize;
};

struct EventCorpus {
  std::vector<std::unique_ptr<columnar::Batch>> batches;  // in ingest order, one type each
  size_t events = 0;
  size_t bytes = 0;  // of the generated logs
  std::unique_ptr<runtime::TenantConfig> tenants;
  // The generated tenant (its lists are the Mimecast pack's tenant lists).
  const columnar::TenantContext& tenant() const;
};

// Generates and ingests (aborts on any failure or quarantined record). The result is cached:
// the same options return the same corpus. Thread-safe.
const EventCorpus& Corpus(const CorpusOptions& options);

// The first batches of `corpus` holding at least `events` events (all when 0).
std::vector<const columnar::Batch*> FirstBatches(const EventCorpus& corpus, size_t events);

}  // namespace vigil::bench
