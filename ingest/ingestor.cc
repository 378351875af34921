// ingestor.cc: the facade, input traversal and the record path with its accounting.
#include "ingest/ingestor.h"

#include <algorithm>
#include <filesystem>

#include "ingest/ingestor_impl.h"
#include "ingest/input_walk.h"
#include "vm/columnar/batch_builder.h"

namespace vigil::ingest {

namespace fs = std::filesystem;
using schema::EventType;

namespace {

Options Validated(Options o) {
  o.batch_size = std::max<size_t>(o.batch_size, 1);
  o.max_record_bytes = std::max<size_t>(o.max_record_bytes, 1);
  return o;
}

std::optional<EventType> OverrideType(const Options& o) {
  if (o.log_type.empty()) return std::nullopt;
  return LogTypeFromName(o.log_type);
}

}  // namespace

Ingestor::Impl::Impl(Options options, Sink* sink)
    : options_(Validated(std::move(options))),
      sink_(sink),
      classifier_(OverrideType(options_)),
      json_(this, std::max(options_.max_record_bytes, options_.max_document_bytes)) {}

bool Ingestor::Impl::IngestPath(const std::string& path) {
  if (auto it = options_.resume.find(path);
      it != options_.resume.end() && it->second == kInputDone) {
    return true;  // fully processed by an earlier run
  }
  if (path == "-") {
    IngestSource("-", StdinSource());
    return true;
  }
  std::error_code ec;
  const fs::file_status st = fs::status(path, ec);
  if (!ec && fs::is_directory(st)) {
    IngestDirectory(path);
    return true;
  }
  std::string error;
  std::unique_ptr<ByteSource> source = OpenFileSource(path, &error);
  if (source == nullptr) {
    IngestUnreadable(path, error);
    return false;
  }
  IngestSource(path, std::move(source));
  return true;
}

void Ingestor::Impl::IngestDirectory(const std::string& dir) {
  WalkDirectory(dir, &visited_dirs_,
                {.file = [this](const std::string& path) { IngestPath(path); },
                 .error = [this](const std::string& d,
                                 const std::string& message) { IngestUnreadable(d, message); }});
}

void Ingestor::Impl::IngestUnreadable(std::string name, std::string_view message) {
  BeginInput(std::move(name));
  OnBad(Reason::kIoError, message, 0, {}, 0);
}

void Ingestor::Impl::BeginInput(std::string name) {
  file_index_ = static_cast<uint32_t>(files_.size());
  file_type_ = LogTypeFromFileName(name);
  files_.push_back(std::move(name));
  format_ = Format::kAuto;
  api_hint_ = 0;
  file_records_ = 0;
  auto it = options_.resume.find(files_.back());
  skip_records_ = it == options_.resume.end() ? 0 : it->second;
  ++inputs_;
}

bool Ingestor::Impl::SkipRecord() {
  if (options_.stop != nullptr && options_.stop->load(std::memory_order_relaxed)) return true;
  return file_records_++ < skip_records_;
}

void Ingestor::Impl::AfterRecord() {
  if (options_.flush_every != 0 && ++since_flush_ >= options_.flush_every) Flush();
  if (options_.checkpoint_every == 0 || ++since_checkpoint_ < options_.checkpoint_every) return;
  since_checkpoint_ = 0;
  Flush();
  sink_->OnCheckpoint(file_index_, file_records_);
}

void Ingestor::Impl::EndInput() {
  if (options_.checkpoint_every == 0) return;
  if (options_.stop != nullptr && options_.stop->load()) return;
  since_checkpoint_ = 0;
  Flush();
  sink_->OnCheckpoint(file_index_, kInputDone);
}

void Ingestor::Impl::OnRecord(RawRecord& r) {
  if (SkipRecord()) return;
  ProcessRecord(r);
  AfterRecord();
}

void Ingestor::Impl::ProcessRecord(RawRecord& r) {
  ++records_;
  ++by_format_[static_cast<size_t>(format_)];
  if (r.api_hint == 0) r.api_hint = api_hint_;
  const Classification c = classifier_.Classify(r, file_type_);
  if (!c.ok) return Quarantine(c.reason, c.detail, r.offset, r.raw, r.raw.size());
  if (!normalizer_.Normalize(r, c.route, &row_, &failure_)) {
    return Quarantine(failure_.reason, failure_.message, r.offset, r.raw, r.raw.size());
  }
  columnar::Batch& batch = BatchFor(c.route.type);
  columnar::BatchBuilder builder(&batch);
  builder.BeginRow(columnar::RowSource{file_index_, r.offset, r.raw});
  row_.Commit(&builder);
  ++events_;
  ++by_type_[static_cast<size_t>(c.route.type)];
  inferred_ += c.route.inferred;
  if (batch.full()) Emit(batch);
}

void Ingestor::Impl::OnBad(Reason reason, std::string_view message, uint64_t offset,
                           std::string_view raw, uint64_t size) {
  if (SkipRecord()) return;
  ++records_;
  ++by_format_[static_cast<size_t>(format_)];
  Quarantine(reason, message, offset, raw, size);
  AfterRecord();
}

void Ingestor::Impl::Quarantine(Reason reason, std::string_view message, uint64_t offset,
                                std::string_view raw, uint64_t size) {
  ++quarantined_;
  ++by_reason_[static_cast<size_t>(reason)];
  DeadLetter d;
  d.reason = reason;
  d.message = message;
  d.file = files_.empty() ? std::string_view() : std::string_view(files_[file_index_]);
  d.file_index = file_index_;
  d.offset = offset;
  d.raw = raw.substr(0, options_.dead_letter_raw_bytes);
  d.raw_size = std::max<uint64_t>(size, d.raw.size());
  sink_->OnDeadLetter(d);
}

columnar::Batch& Ingestor::Impl::BatchFor(EventType type) {
  auto& slot = batches_[static_cast<size_t>(type)];
  if (slot == nullptr) slot = std::make_unique<columnar::Batch>(type, options_.batch_size);
  return *slot;
}

void Ingestor::Impl::Emit(columnar::Batch& batch) {
  ++batches_emitted_;
  sink_->OnBatch(batch);
  batch.Reset();
}

void Ingestor::Impl::Flush() {
  since_flush_ = 0;
  for (auto& batch : batches_) {
    if (batch != nullptr && batch->size() > 0) Emit(*batch);
  }
  sink_->OnFlushed();
}

std::pair<std::string, uint64_t> Ingestor::Impl::Position() const {
  if (files_.empty()) return {};
  return {files_[file_index_], std::max(file_records_, skip_records_)};
}

Stats Ingestor::Impl::BuildStats() const {
  Stats s;
  s.records_read = records_;
  s.events = events_;
  s.quarantined = quarantined_;
  s.type_inferred = inferred_;
  s.containers = containers_;
  s.batches = batches_emitted_;
  s.files = inputs_;
  s.bytes = bytes_;
  for (int i = 0; i < schema::kEventTypeCount; ++i) {
    if (by_type_[i] > 0) {
      s.by_type[std::string(schema::Event(static_cast<EventType>(i)).name)] = by_type_[i];
    }
  }
  for (int i = 0; i < kReasonCount; ++i) {
    if (by_reason_[i] > 0)
      s.quarantine_reasons[std::string(ReasonCode(static_cast<Reason>(i)))] = by_reason_[i];
  }
  for (int i = 0; i < kFormatCount; ++i) {
    const auto f = static_cast<Format>(i);
    if (by_format_[i] > 0)
      s.by_format[f == Format::kAuto ? "unknown" : std::string(FormatName(f))] = by_format_[i];
  }
  for (const auto& [key, n] : normalizer_.unmapped_keys()) s.unmapped_keys[key] = n;
  return s;
}

Ingestor::Ingestor(Options options, Sink* sink)
    : impl_(std::make_unique<Impl>(std::move(options), sink)) {}
Ingestor::~Ingestor() = default;
bool Ingestor::IngestPath(const std::string& path) { return impl_->IngestPath(path); }
void Ingestor::IngestStream(std::string_view name, std::istream& in) {
  impl_->IngestSource(std::string(name), IstreamSource(in));
}
void Ingestor::IngestBytes(std::string_view name, std::string_view bytes) {
  impl_->IngestSource(std::string(name), MemorySource(bytes));
}
void Ingestor::IngestUnreadable(std::string_view name, std::string_view message) {
  impl_->IngestUnreadable(std::string(name), message);
}
void Ingestor::Flush() { impl_->Flush(); }
Stats Ingestor::stats() const { return impl_->BuildStats(); }
std::pair<std::string, uint64_t> Ingestor::Position() const { return impl_->Position(); }
const std::vector<std::string>& Ingestor::files() const { return impl_->files(); }
const Options& Ingestor::options() const { return impl_->options(); }

}  // namespace vigil::ingest
