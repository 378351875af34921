// csv_records.cc: CSV rows, quoting and header names.
#include "ingest/csv_records.h"

#include <simdjson.h>

#include <cstring>

#include "base/strings.h"

namespace vigil::ingest {
namespace {

struct Display {
  std::string_view name;
  std::string_view key;
};

// Sentinel display names that are not the camel-cased key (the rest are camel-cased).
constexpr Display kDisplayNames[] = {
    {"Event Time", "timestamp"},       {"Sender IP", "senderIp"},   {"Source IP", "sourceIp"},
    {"Message ID", "messageId"},       {"Account ID", "accountId"}, {"Aggregate ID", "aggregateId"},
    {"Processing ID", "processingId"}, {"Type", "Logtype"},         {"Category", "category"}};

std::string CamelCase(std::string_view s) {
  std::string out;
  bool upper = false;
  for (char c : s) {
    if (c == ' ') {
      upper = !out.empty();
      continue;
    }
    if (out.empty() && c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
    if (upper && c >= 'a' && c <= 'z') c = static_cast<char>(c - 32);
    upper = false;
    out.push_back(c);
  }
  return out;
}

size_t CountQuotes(std::string_view s) {
  size_t n = 0;
  for (const char* p = s.data();
       (p = static_cast<const char*>(std::memchr(p, '"', s.data() + s.size() - p))) != nullptr;
       ++p) {
    ++n;
  }
  return n;
}

}  // namespace

std::string NormalizeCsvHeader(std::string_view cell) {
  std::string_view s = base::Trim(cell);
  if (s.starts_with("\xEF\xBB\xBF")) s.remove_prefix(3);
  if (const size_t unit = s.find(" ["); unit != std::string_view::npos && s.ends_with(']')) {
    s = base::Trim(s.substr(0, unit));
  }
  for (const Display& d : kDisplayNames) {
    if (d.name == s) return std::string(d.key);
  }
  std::string key = s.find(' ') != std::string_view::npos ? CamelCase(s) : std::string(s);
  const size_t n = key.size();
  if (n > 2 && key[n - 2] == '_' && std::strchr("sdbtg", key[n - 1]) != nullptr) key.resize(n - 2);
  return key;
}

bool SplitCsvRow(std::string_view row, std::string* storage, std::vector<std::string_view>* cells) {
  cells->clear();
  storage->clear();
  storage->reserve(row.size());
  size_t i = 0;
  for (;;) {
    if (i < row.size() && row[i] == '"') {
      const size_t start = storage->size();
      for (++i;; ++i) {
        if (i >= row.size()) return false;
        if (row[i] == '"') {
          if (i + 1 < row.size() && row[i + 1] == '"') {
            ++i;
          } else {
            break;
          }
        }
        storage->push_back(row[i]);
      }
      cells->push_back(std::string_view(storage->data() + start, storage->size() - start));
      ++i;
      if (i < row.size() && row[i] != ',') return false;
    } else {
      const size_t comma = std::min(row.find(',', i), row.size());
      cells->push_back(row.substr(i, comma - i));
      i = comma;
    }
    if (i >= row.size()) return true;
    ++i;  // the comma
  }
}

bool CsvRecords::NextRow(InputBuffer& in, uint64_t* offset, bool* oversize) {
  Line line;
  row_.clear();
  *oversize = false;
  do {
    if (!in.NextLine(&line)) return !row_.empty();
    if (row_.empty()) *offset = line.offset;
    if (!row_.empty()) row_.push_back('\n');
    if (line.oversize || row_.size() + line.text.size() > max_record_bytes_) {
      *oversize = true;
      row_.append(line.text.substr(0, 4096));
      return true;
    }
    row_.append(line.text);
  } while (CountQuotes(row_) % 2 == 1);
  return true;
}

void CsvRecords::Read(InputBuffer& in) {
  uint64_t offset = 0;
  bool oversize = false;
  while (NextRow(in, &offset, &oversize)) {
    if (oversize) {
      handler_->OnBad(Reason::kRecordTooLarge, "CSV row longer than max_record_bytes", offset, row_,
                      row_.size());
    } else if (!base::Trim(row_).empty()) {
      OnRow(row_, offset);
    }
  }
}

void CsvRecords::OnRow(std::string_view row, uint64_t offset) {
  if (std::memchr(row.data(), 0, row.size()) != nullptr) {
    return handler_->OnBad(Reason::kNulByte, "NUL byte in a CSV row", offset, row, row.size());
  }
  if (!simdjson::validate_utf8(row.data(), row.size())) {
    return handler_->OnBad(Reason::kInvalidUtf8, "invalid UTF-8 in a CSV row", offset, row,
                           row.size());
  }
  if (!SplitCsvRow(row, &storage_, &cells_)) {
    return handler_->OnBad(Reason::kMalformedCsv, "unterminated or misplaced quote", offset, row,
                           row.size());
  }
  if (header_.empty()) {
    for (std::string_view cell : cells_) header_.push_back(NormalizeCsvHeader(cell));
    return;
  }
  if (cells_.size() != header_.size()) {
    return handler_->OnBad(Reason::kMalformedCsv, "the row's cell count differs from the header's",
                           offset, row, row.size());
  }
  record_.Clear();
  for (size_t i = 0; i < cells_.size(); ++i) {
    if (base::Trim(cells_[i]).empty()) continue;
    record_.fields.push_back({header_[i], cells_[i], RawKind::kString, false});
  }
  record_.raw = row;
  record_.offset = offset;
  handler_->OnRecord(record_);
}

}  // namespace vigil::ingest
