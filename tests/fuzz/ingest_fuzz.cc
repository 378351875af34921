// ingest_fuzz.cc: libFuzzer target for ingest's record parsers and normalizer: any bytes, read
// as any format (auto-detected or forced), under a file name that may carry an API 1.0 log
// type; every batch row is rendered. Crashes, sanitizer reports and a broken accounting
// identity (records_read != events + quarantined) are findings.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "ingest/ingestor.h"
#include "ingest/normalized_json.h"

namespace {

using vigil::ingest::DeadLetter;
using vigil::ingest::Format;

constexpr std::string_view kNames[] = {"events.ndjson",   "receipt_2021.log", "process_x.json",
                                       "delivery_1.json", "ttp_url_9.log",    "x.csv",
                                       "t.yaml",          "jrnl_2.log"};

class RenderingSink final : public vigil::ingest::Sink {
 public:
  void OnBatch(vigil::columnar::Batch& batch) override {
    for (size_t i = 0; i < batch.size(); ++i) rows += vigil::ingest::RowToJson(batch, i).size() > 0;
  }
  void OnDeadLetter(const DeadLetter& d) override {
    ++dead;
    if (d.raw.size() > max_raw) std::abort();
    letters += vigil::ingest::DeadLetterToJson(d).size() > 0;
  }
  size_t rows = 0;
  size_t dead = 0;
  size_t letters = 0;
  size_t max_raw = 0;
};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size < 2) return 0;
  vigil::ingest::Options options;
  options.format = static_cast<Format>(data[0] % vigil::ingest::kFormatCount);
  options.batch_size = 1 + data[1] % 16;
  options.max_record_bytes = 64 + data[1] * 64;
  options.max_document_bytes = 1 << 16;
  options.dead_letter_raw_bytes = 256;
  const std::string_view name = kNames[(data[0] >> 4) % std::size(kNames)];
  const std::string_view bytes(reinterpret_cast<const char*>(data) + 2, size - 2);
  RenderingSink sink;
  sink.max_raw = options.dead_letter_raw_bytes;
  vigil::ingest::Ingestor ingestor(options, &sink);
  ingestor.IngestBytes(name, bytes);
  ingestor.Flush();
  const vigil::ingest::Stats stats = ingestor.stats();
  if (!stats.Balanced() || stats.events != sink.rows || stats.quarantined != sink.dead) {
    std::abort();
  }
  return 0;
}
