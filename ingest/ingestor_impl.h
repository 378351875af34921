// ingestor_impl.h: the ingestor's internals (internal to ingest): input traversal, the
// per-format read loops, and the record path classify -> normalize -> stage -> batch, with
// the accounting. ingestor.cc holds the record path, input_reader.cc the read loops.
#pragma once

#include <array>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "ingest/byte_source.h"
#include "ingest/classify.h"
#include "ingest/ingestor.h"
#include "ingest/input_buffer.h"
#include "ingest/json_records.h"
#include "ingest/normalizer.h"
#include "ingest/record_handler.h"
#include "ingest/staged_row.h"
#include "vm/columnar/batch.h"

namespace vigil::ingest {

class Ingestor::Impl final : public RecordHandler {
 public:
  Impl(Options options, Sink* sink);

  bool IngestPath(const std::string& path);
  // Reads one input to its end; `name` is what dead letters and RowSource refer to.
  void IngestSource(std::string name, std::unique_ptr<ByteSource> source);
  // Registers an input that cannot be read and quarantines it as one io_error record.
  void IngestUnreadable(std::string name, std::string_view message);
  void Flush();
  Stats BuildStats() const;
  std::pair<std::string, uint64_t> Position() const;
  const std::vector<std::string>& files() const { return files_; }
  const Options& options() const { return options_; }

  void OnRecord(RawRecord& record) override;
  void OnBad(Reason reason, std::string_view message, uint64_t offset, std::string_view raw,
             uint64_t size) override;
  void OnContainer() override { ++containers_; }

 private:
  void IngestDirectory(const std::string& dir);
  // Registers an input name and makes it current.
  void BeginInput(std::string name);
  void Quarantine(Reason reason, std::string_view message, uint64_t offset, std::string_view raw,
                  uint64_t size);
  // Whether the next record of the current input is to be skipped (resumed or stopped).
  bool SkipRecord();
  // Counts a processed record of the current input; checkpoints when due.
  void AfterRecord();
  // The current input ended: flush and checkpoint it as done (when checkpointing).
  void EndInput();
  void ProcessRecord(RawRecord& r);
  columnar::Batch& BatchFor(schema::EventType type);
  void Emit(columnar::Batch& batch);

  // Read loops (input_reader.cc).
  void ReadInput(InputBuffer& in);
  void ReadJsonLines(InputBuffer& in);
  void ReadJsonDocument(InputBuffer& in);
  void ReadKv(InputBuffer& in);
  void ReadYaml(InputBuffer& in);
  void ReadUnknown(InputBuffer& in);
  // True when JSON input holds one value per line, false for one (pretty or huge) document.
  bool JsonHasLines(InputBuffer& in);
  // Reports an oversize line or one holding a NUL byte; true when the line is usable.
  bool CheckLine(const Line& line);

  Options options_;
  Sink* sink_;
  Classifier classifier_;
  Normalizer normalizer_;
  JsonRecords json_;
  StagedRow row_;
  Failure failure_;
  RawRecord kv_record_;
  std::string yaml_scratch_;
  std::array<std::unique_ptr<columnar::Batch>, schema::kEventTypeCount> batches_;
  std::vector<std::string> files_;
  std::set<std::string> visited_dirs_;  // canonical paths, so symlinked directories read once

  // The current input.
  uint32_t file_index_ = 0;
  uint64_t file_records_ = 0;  // records of the current input seen (skipped included)
  uint64_t skip_records_ = 0;  // records of the current input an earlier run processed
  uint64_t since_checkpoint_ = 0;
  uint64_t since_flush_ = 0;
  std::optional<schema::EventType> file_type_;
  Format format_ = Format::kAuto;
  int api_hint_ = 0;

  // Accounting (Stats is built from these on demand).
  uint64_t records_ = 0;
  uint64_t events_ = 0;
  uint64_t quarantined_ = 0;
  uint64_t inferred_ = 0;
  uint64_t containers_ = 0;
  uint64_t batches_emitted_ = 0;
  uint64_t inputs_ = 0;
  uint64_t bytes_ = 0;
  std::array<uint64_t, schema::kEventTypeCount> by_type_{};
  std::array<uint64_t, kReasonCount> by_reason_{};
  std::array<uint64_t, kFormatCount> by_format_{};
};

}  // namespace vigil::ingest
