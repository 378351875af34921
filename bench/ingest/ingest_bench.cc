// ingest_bench.cc: ingest throughput per core, next to a simdjson parse-only baseline.
//
// Hypothesis: turning API 2.0 NDJSON (~500-byte events) into normalized columnar batches
// costs at most 1.5x a simdjson On-Demand pass that only parses every field of every line
// (the same line splitting, unescaping every string) -- around 1 M events/s per core.
// Normalization (table lookups, coercions, address splitting with cached PSL lookups,
// dictionary interning, raw-record copies) must stay a fraction of parsing.
//
// Scenarios:
//   BM_Ingest_SimdjsonParseOnlyLines   baseline: memchr lines + parser.iterate + every field
//   BM_Ingest_SimdjsonParseOnlyMany    baseline: iterate_many over the buffer + every field
//   BM_Ingest_SimdjsonToColumns        baseline: the lines pass, each value copied into a
//                                      string column by key (no types, no normalization)
//   BM_Ingest_Api2Ndjson/<batch>       Ingestor on API 2.0 NDJSON (batch sizes 256, 2048)
//   BM_Ingest_Api2NdjsonGzip           the same corpus gzip-compressed
//   BM_Ingest_Api1Kv                   API 1.0 key=value lines (1/3 each receipt/process/delivery)
//   BM_Ingest_Api1Json                 an API 1.0 {"type":"MTA","data":[...]} file body
// Good: Api2Ndjson events/s >= 2/3 of SimdjsonParseOnlyLines. Results: README.md.
#include <benchmark/benchmark.h>
#include <simdjson.h>
#include <zlib.h>

#include <cstring>
#include <utility>
#include <vector>

#include "bench/ingest/corpus.h"
#include "ingest/ingestor.h"

namespace vigil::bench {
namespace {

namespace od = simdjson::ondemand;

constexpr size_t kEvents = 50'000;

const std::string& Ndjson() {
  static const std::string* corpus = new std::string(Api2Ndjson(kEvents));
  return *corpus;
}

class CountingSink final : public ingest::Sink {
 public:
  void OnBatch(columnar::Batch& batch) override { rows += batch.size(); }
  void OnDeadLetter(const ingest::DeadLetter& d) override {
    if (dead++ == 0)
      first_dead = std::string(ingest::ReasonCode(d.reason)) + ": " + std::string(d.message);
  }
  size_t rows = 0;
  size_t dead = 0;
  std::string first_dead;
};

void Report(benchmark::State& state, size_t events, size_t bytes) {
  state.SetItemsProcessed(static_cast<int64_t>(events * state.iterations()));
  state.SetBytesProcessed(static_cast<int64_t>(bytes * state.iterations()));
  state.counters["events/s"] = benchmark::Counter(static_cast<double>(events),
                                                  benchmark::Counter::kIsIterationInvariantRate);
}

// Visits every field of one document, unescaping strings; returns a checksum.
size_t VisitAll(od::document& doc) {
  size_t sum = 0;
  od::object object;
  if (doc.get_object().get(object)) return 0;
  for (auto field : object) {
    std::string_view key, text;
    if (field.unescaped_key().get(key)) return 0;
    od::value v = field.value();
    od::json_type t;
    if (v.type().get(t)) return 0;
    if (t == od::json_type::string) {
      if (v.get_string().get(text)) return 0;
    } else {
      text = v.raw_json_token();
    }
    sum += key.size() + text.size();
  }
  return sum;
}

void BM_Ingest_SimdjsonParseOnlyLines(benchmark::State& state) {
  const simdjson::padded_string padded(Ndjson());
  od::parser parser;
  for (auto _ : state) {
    size_t sum = 0;
    const char* p = padded.data();
    const char* end = p + padded.size();
    while (p < end) {
      const auto* nl = static_cast<const char*>(std::memchr(p, '\n', end - p));
      const size_t len = static_cast<size_t>((nl != nullptr ? nl : end) - p);
      od::document doc;
      if (!parser.iterate(p, len, static_cast<size_t>(end - p) + simdjson::SIMDJSON_PADDING)
               .get(doc)) {
        sum += VisitAll(doc);
      }
      p += len + 1;
    }
    benchmark::DoNotOptimize(sum);
  }
  Report(state, kEvents, Ndjson().size());
}

void BM_Ingest_SimdjsonParseOnlyMany(benchmark::State& state) {
  const simdjson::padded_string padded(Ndjson());
  od::parser parser;
  for (auto _ : state) {
    size_t sum = 0;
    od::document_stream stream;
    if (parser.iterate_many(padded).get(stream)) state.SkipWithError("iterate_many");
    for (auto doc_result : stream) {
      od::document_reference doc;
      if (std::move(doc_result).get(doc)) continue;
      od::object object;
      if (doc.get_object().get(object)) continue;
      for (auto field : object) {
        std::string_view key, text;
        od::value v = field.value();
        if (field.unescaped_key().get(key)) break;
        od::json_type t;
        if (v.type().get(t)) break;
        if (t == od::json_type::string) {
          if (v.get_string().get(text)) break;
        } else {
          text = v.raw_json_token();
        }
        sum += key.size() + text.size();
      }
    }
    benchmark::DoNotOptimize(sum);
  }
  Report(state, kEvents, Ndjson().size());
}

// One long-lived Ingestor, as in the runtime: every iteration ingests the corpus again.
// The "simdjson into columns" measurement of DESIGN.md: every value copied as text into a
// per-key column (an arena and a vector of views per key), no coercion, no dictionaries.
void BM_Ingest_SimdjsonToColumns(benchmark::State& state) {
  const simdjson::padded_string padded(Ndjson());
  od::parser parser;
  std::vector<std::pair<std::string, std::vector<std::string_view>>> columns;
  std::vector<char> arena(padded.size() * 2);
  for (auto _ : state) {
    size_t used = 0;
    for (auto& c : columns) c.second.clear();
    const char* p = padded.data();
    const char* end = p + padded.size();
    while (p < end) {
      const auto* nl = static_cast<const char*>(std::memchr(p, '\n', end - p));
      const size_t len = static_cast<size_t>((nl != nullptr ? nl : end) - p);
      od::document doc;
      od::object object;
      if (!parser.iterate(p, len, static_cast<size_t>(end - p) + simdjson::SIMDJSON_PADDING)
               .get(doc) &&
          !doc.get_object().get(object)) {
        size_t k = 0;
        for (auto field : object) {
          std::string_view key, text;
          od::value v = field.value();
          if (field.unescaped_key().get(key)) break;
          if (v.get_string().get(text)) text = v.raw_json_token();
          if (k >= columns.size())
            columns.emplace_back(std::string(key), std::vector<std::string_view>());
          if (columns[k].first != key) {  // find the key's column (events differ by type)
            k = 0;
            while (k < columns.size() && columns[k].first != key) ++k;
            if (k == columns.size())
              columns.emplace_back(std::string(key), std::vector<std::string_view>());
          }
          std::memcpy(arena.data() + used, text.data(), text.size());
          columns[k].second.emplace_back(arena.data() + used, text.size());
          used += text.size();
          ++k;
        }
      }
      p += len + 1;
    }
    benchmark::DoNotOptimize(used);
  }
  Report(state, kEvents, Ndjson().size());
}

void RunIngest(benchmark::State& state, const std::string& bytes, std::string_view name,
               size_t events, size_t batch_size) {
  ingest::Options options;
  options.batch_size = batch_size;
  CountingSink sink;
  ingest::Ingestor ingestor(options, &sink);
  std::string error;
  for (auto _ : state) {
    sink.rows = 0;
    ingestor.IngestBytes(name, bytes);
    ingestor.Flush();
    if (sink.rows != events || sink.dead != 0) {
      error = "lost or quarantined events: " + sink.first_dead;
      state.SkipWithError(error.c_str());
      break;
    }
  }
  Report(state, events, bytes.size());
}

void BM_Ingest_Api2Ndjson(benchmark::State& state) {
  RunIngest(state, Ndjson(), "events.ndjson", kEvents, static_cast<size_t>(state.range(0)));
}

void BM_Ingest_Api2NdjsonGzip(benchmark::State& state) {
  static const std::string* packed = [] {
    uLongf size = compressBound(Ndjson().size());
    auto* out = new std::string(size, '\0');
    compress2(reinterpret_cast<Bytef*>(out->data()), &size,
              reinterpret_cast<const Bytef*>(Ndjson().data()), Ndjson().size(), 6);
    out->resize(size);
    return out;
  }();
  RunIngest(state, *packed, "events.ndjson.gz", kEvents, 2048);
  state.counters["compressed_MB"] = static_cast<double>(packed->size()) / 1e6;
}

void BM_Ingest_Api1Kv(benchmark::State& state) {
  static const std::string* kv = new std::string(Api1Kv(kEvents));
  RunIngest(state, *kv, "siem_20241113.log", kEvents, 2048);
}

void BM_Ingest_Api1Json(benchmark::State& state) {
  static const std::string* body = new std::string(Api1JsonBody(kEvents));
  RunIngest(state, *body, "receipt_20241113.json", kEvents, 2048);
}

BENCHMARK(BM_Ingest_SimdjsonParseOnlyLines)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_Ingest_SimdjsonParseOnlyMany)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_Ingest_SimdjsonToColumns)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_Ingest_Api2Ndjson)->Arg(2048)->Arg(256)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_Ingest_Api2NdjsonGzip)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_Ingest_Api1Kv)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_Ingest_Api1Json)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace vigil::bench

BENCHMARK_MAIN();
