// corpus.cc: generating, ingesting and keeping the benchmark events.
#include "bench/common/corpus.h"

#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <map>
#include <mutex>
#include <tuple>

#include "bench/common/packs.h"
#include "gen/generator.h"
#include "ingest/ingestor.h"
#include "vm/columnar/batch_builder.h"
#include "vm/columnar/batch_copy.h"

namespace vigil::bench {
namespace {

namespace fs = std::filesystem;

[[noreturn]] void Die(const std::string& what) {
  std::fprintf(stderr, "bench: %s\n", what.c_str());
  std::abort();
}

// Copies every delivered batch (the ingestor reuses its own) and counts dead letters.
class CollectSink final : public ingest::Sink {
 public:
  explicit CollectSink(EventCorpus* out) : out_(out) {}
  void OnBatch(columnar::Batch& batch) override {
    auto copy = std::make_unique<columnar::Batch>(batch.type(), std::max<size_t>(1, batch.size()));
    columnar::BatchBuilder builder(copy.get());
    for (size_t row = 0; row < batch.size(); ++row) columnar::CopyRow(batch, row, &builder);
    out_->events += copy->size();
    out_->batches.push_back(std::move(copy));
  }
  void OnDeadLetter(const ingest::DeadLetter& d) override {
    Die("quarantined record in generated traffic: " + std::string(d.message));
  }

 private:
  EventCorpus* out_;
};

std::unique_ptr<EventCorpus> Build(const CorpusOptions& options) {
  const fs::path dir =
      fs::temp_directory_path() /
      ("vigil_bench_corpus_" + std::to_string(::getpid()) + "_" + std::to_string(options.messages) +
       "_" + std::to_string(options.batch_size));
  fs::remove_all(dir);
  gen::GenOptions g;
  g.messages = options.messages;
  g.tenants = 1;
  g.seed = options.seed;
  gen::GenSummary summary;
  std::string error;
  if (!gen::Generate(g, dir.string(), &summary, &error)) Die("gen: " + error);
  auto corpus = std::make_unique<EventCorpus>();
  corpus->bytes = summary.bytes;
  CollectSink sink(corpus.get());
  ingest::Options io;
  io.batch_size = options.batch_size;
  ingest::Ingestor ingestor(io, &sink);
  if (!ingestor.IngestPath((dir / "logs").string())) Die("cannot ingest " + dir.string());
  ingestor.Flush();
  // Tenant lists are declared in common.vgl, so one configuration serves every bench pack.
  static const compiler::LoadResult* real = new compiler::LoadResult(LoadOrDie(RealPack(0, false)));
  corpus->tenants =
      runtime::TenantConfig::Load((dir / "tenants.json").string(), *real->pack, &error);
  if (corpus->tenants == nullptr) Die("tenants: " + error);
  fs::remove_all(dir);
  return corpus;
}

}  // namespace

const EventCorpus& Corpus(const CorpusOptions& options) {
  static std::mutex mu;
  const std::lock_guard<std::mutex> lock(mu);
  static auto* cache =
      new std::map<std::tuple<size_t, uint64_t, size_t>, std::unique_ptr<EventCorpus>>();
  auto& slot = (*cache)[{options.messages, options.seed, options.batch_size}];
  if (slot == nullptr) slot = Build(options);
  return *slot;
}

const columnar::TenantContext& EventCorpus::tenant() const {
  for (const auto& t : tenants->tenants()) {
    if (t->id != "unassigned") return t->context;
  }
  Die("no tenant in the generated configuration");
}

std::vector<const columnar::Batch*> FirstBatches(const EventCorpus& corpus, size_t events) {
  std::vector<const columnar::Batch*> out;
  size_t n = 0;
  for (const auto& b : corpus.batches) {
    if (events != 0 && n >= events) break;
    out.push_back(b.get());
    n += b->size();
  }
  return out;
}

}  // namespace vigil::bench
