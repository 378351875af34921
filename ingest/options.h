// options.h: how an ingest run reads its inputs (format, log type, batch size, limits).
// First stop of the ingest pipeline: the CLI and the runtime fill one Options per run.
#pragma once

#include <atomic>
#include <cstddef>
#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "vm/columnar/batch.h"

namespace vigil::ingest {

// Physical input formats. kAuto detects the format per file from its first bytes.
enum class Format : uint8_t {
  kAuto,
  kApi1Json,     // API 1.0 SIEM JSON: {"type":"MTA","data":[...]} or one 1.0 event per line
  kApi1Kv,       // API 1.0 SIEM key=value lines: datetime=...|aCode=...|Subject=\...\|...
  kApi2Ndjson,   // API 2.0 batch NDJSON: one event per line
  kApi2Page,     // API 2.0 non-batch page {"value":[...]} (one JSON document)
  kJson,         // any JSON: one document, or one value per line (detected)
  kCsv,          // CSV exports with a header row (Sentinel, Log Analytics)
  kYamlSamples,  // JSON records in YAML `sample: |-` blocks (DataDog pipeline tests)
};
inline constexpr int kFormatCount = 8;

// Name used on the command line and in stats ("auto", "api1-json", ..., "yaml-samples").
std::string_view FormatName(Format f);
// Parses a name from FormatName; returns false for anything else.
bool ParseFormat(std::string_view name, Format* out);
// Every format name, for usage messages.
std::vector<std::string> FormatNames();

struct Options {
  Format format = Format::kAuto;
  // The API 1.0 log type of records that do not carry one: a file prefix ("receipt", "jrnl",
  // "ttp_url", ...) or an event type name ("journal", "url_protect"). Empty: taken from the
  // file name, then from the record's keys. Overrides both when set.
  std::string log_type;
  size_t batch_size = columnar::kDefaultBatchSize;
  // Batches hold one event type each, so a sparse type's batch fills slowly and is handed over
  // late. After every `flush_every` records every partly filled batch is handed over too: the
  // sink then sees events at most this many records out of input order (0: only when full).
  size_t flush_every = 0;
  // A line (or CSV row) longer than this is quarantined; the rest of it is skipped unread.
  size_t max_record_bytes = size_t{16} << 20;
  // A file read as one JSON document (pages, envelopes, API 1.0 JSON) may not exceed this.
  size_t max_document_bytes = size_t{256} << 20;
  // How many bytes of a bad record a dead letter carries.
  size_t dead_letter_raw_bytes = 4096;

  // Checkpoints (vigil run --state): after every `checkpoint_every` records the ingestor
  // flushes its batches and calls Sink::OnCheckpoint at that record boundary, and again when
  // an input ends (0: never).
  uint64_t checkpoint_every = 0;
  // Resuming: per input name, how many of its records an earlier run processed; those are
  // skipped and not counted. kInputDone skips the input without opening it.
  std::map<std::string, uint64_t> resume;
  // Polled at every record: once true, the remaining records are left unread (not counted).
  const std::atomic<bool>* stop = nullptr;
};

inline constexpr uint64_t kInputDone = UINT64_MAX;

}  // namespace vigil::ingest
