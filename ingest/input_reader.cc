// input_reader.cc: one input from first byte to last: decompression, format detection and
// the read loop of each format. Every record found reaches OnRecord or OnBad; so do an empty
// input, a read error and a cut compressed stream.
#include <simdjson.h>

#include <cstring>

#include "ingest/csv_records.h"
#include "ingest/format_detect.h"
#include "ingest/ingestor_impl.h"
#include "ingest/kv_records.h"
#include "ingest/yaml_samples.h"

namespace vigil::ingest {
namespace {

constexpr size_t kHeadBytes = 64 * 1024;

bool IsBlank(std::string_view s) {
  for (char c : s) {
    if (c != ' ' && c != '\t' && c != '\r') return false;
  }
  return true;
}

int ApiOfFormat(Format f) {
  if (f == Format::kApi1Json || f == Format::kApi1Kv) return 1;
  if (f == Format::kApi2Ndjson || f == Format::kApi2Page) return 2;
  return 0;
}

Reason ReasonOf(SourceError e) {
  return e == SourceError::kDecompress ? Reason::kDecompressError : Reason::kIoError;
}

}  // namespace

void Ingestor::Impl::IngestSource(std::string name, std::unique_ptr<ByteSource> raw_source) {
  BeginInput(std::move(name));
  std::unique_ptr<ByteSource> source = Decompressing(std::move(raw_source));
  InputBuffer in(source.get(), options_.max_record_bytes, options_.dead_letter_raw_bytes);
  const std::string_view head = in.Peek(kHeadBytes);
  if (head.size() < kHeadBytes && SkipBomAndSpace(head).empty()) {
    if (in.source_error() == SourceError::kNone) {
      OnBad(Reason::kEmptyFile, "the input holds no records", 0, head, head.size());
    }
  } else {
    format_ = options_.format == Format::kAuto ? DetectFormat(head, files_[file_index_])
                                               : options_.format;
    api_hint_ = ApiOfFormat(format_);
    ReadInput(in);
  }
  if (in.source_error() != SourceError::kNone) {
    OnBad(ReasonOf(in.source_error()), in.source_message(), in.offset(), {}, 0);
  }
  bytes_ += in.bytes_read();
  EndInput();
}

void Ingestor::Impl::ReadInput(InputBuffer& in) {
  switch (format_) {
    case Format::kApi2Ndjson:
      return ReadJsonLines(in);
    case Format::kApi2Page:
      return ReadJsonDocument(in);
    case Format::kApi1Json:
    case Format::kJson:
      return JsonHasLines(in) ? ReadJsonLines(in) : ReadJsonDocument(in);
    case Format::kApi1Kv:
      return ReadKv(in);
    case Format::kCsv: {
      CsvRecords csv(this, options_.max_record_bytes);
      return csv.Read(in);
    }
    case Format::kYamlSamples:
      return ReadYaml(in);
    case Format::kAuto:
      return ReadUnknown(in);
  }
}

bool Ingestor::Impl::JsonHasLines(InputBuffer& in) {
  std::string_view head = in.Peek(kHeadBytes);
  if (head.size() == kHeadBytes && head.find('\n') == std::string_view::npos) {
    // A first line longer than any record can only be one whole document.
    head = in.Peek(options_.max_record_bytes + 1);
    if (head.size() > options_.max_record_bytes && head.find('\n') == std::string_view::npos) {
      return false;
    }
  }
  return JsonIsLineDelimited(head);
}

bool Ingestor::Impl::CheckLine(const Line& line) {
  if (line.oversize) {
    OnBad(Reason::kRecordTooLarge, "line longer than max_record_bytes (rest skipped)", line.offset,
          line.text, line.size);
    return false;
  }
  if (IsBlank(line.text)) return false;
  if (std::memchr(line.text.data(), 0, line.text.size()) != nullptr) {
    OnBad(Reason::kNulByte, "NUL byte in the line", line.offset, line.text, line.size);
    return false;
  }
  return true;
}

void Ingestor::Impl::ReadJsonLines(InputBuffer& in) {
  Line line;
  bool first = true;
  while (in.NextLine(&line)) {
    if (first && line.text.starts_with("\xEF\xBB\xBF")) {
      line.text.remove_prefix(3);
      line.offset += 3;
      line.readable -= 3;
    }
    first = false;
    if (!CheckLine(line)) continue;
    json_.Parse(line.text, line.readable, line.offset, 0);
  }
}

void Ingestor::Impl::ReadJsonDocument(InputBuffer& in) {
  const uint64_t offset = in.offset();
  std::string_view doc;
  size_t readable = 0;
  uint64_t size = 0;
  if (!in.ReadRest(options_.max_document_bytes, &doc, &readable, &size)) {
    return OnBad(Reason::kDocumentTooLarge, "JSON document larger than max_document_bytes", offset,
                 doc, size);
  }
  if (std::memchr(doc.data(), 0, doc.size()) != nullptr) {
    return OnBad(Reason::kNulByte, "NUL byte in the JSON document", offset, doc, size);
  }
  const std::string_view body = SkipBomAndSpace(doc);
  json_.Parse(body, readable - static_cast<size_t>(body.data() - doc.data()),
              offset + static_cast<uint64_t>(body.data() - doc.data()), 0);
}

void Ingestor::Impl::ReadKv(InputBuffer& in) {
  Line line;
  while (in.NextLine(&line)) {
    if (!CheckLine(line)) continue;
    if (!simdjson::validate_utf8(line.text.data(), line.text.size())) {
      OnBad(Reason::kInvalidUtf8, "invalid UTF-8 in the line", line.offset, line.text, line.size);
      continue;
    }
    kv_record_.Clear();
    kv_record_.raw = line.text;
    kv_record_.offset = line.offset;
    if (!ParseKvLine(line.text, &kv_record_)) {
      OnBad(Reason::kMalformedKv, "not a key=value line", line.offset, line.text, line.size);
      continue;
    }
    OnRecord(kv_record_);
  }
}

void Ingestor::Impl::ReadYaml(InputBuffer& in) {
  const uint64_t offset = in.offset();
  std::string_view doc;
  size_t readable = 0;
  uint64_t size = 0;
  if (!in.ReadRest(options_.max_document_bytes, &doc, &readable, &size)) {
    return OnBad(Reason::kDocumentTooLarge, "YAML file larger than max_document_bytes", offset, doc,
                 size);
  }
  size_t samples = 0;
  ForEachYamlSample(doc, &yaml_scratch_, [&](std::string_view text, uint64_t at) {
    ++samples;
    json_.Parse(text, text.size(), offset + at, 0);
  });
  if (samples == 0) OnBad(Reason::kUnknownFormat, "no `sample:` blocks", offset, doc, size);
}

void Ingestor::Impl::ReadUnknown(InputBuffer& in) {
  const std::string head(in.Peek(options_.dead_letter_raw_bytes));
  std::string_view rest;
  size_t readable = 0;
  uint64_t size = 0;
  in.ReadRest(0, &rest, &readable, &size);
  OnBad(Reason::kUnknownFormat, "not JSON, key=value, CSV or YAML samples", 0, head, size);
}

}  // namespace vigil::ingest
