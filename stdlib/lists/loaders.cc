// loaders.cc: typed-list and IOC-list loading from text, CSV and JSON files.
#include "stdlib/lists/loaders.h"

#include <fstream>
#include <sstream>

#include "base/strings.h"
#include "stdlib/lists/records.h"

namespace vigil::stdlib {
namespace {

// One raw entry (or IOC row) and where it came from.
struct Row {
  size_t line = 0;
  std::vector<std::pair<std::string, std::string>> fields;  // (lower-case column, value)
};

std::string Where(std::string_view name, size_t line) {
  return std::string(name) + ":" + std::to_string(line) + ": ";
}

std::string JsonScalar(const nlohmann::json& v) {
  if (v.is_string()) return v.get<std::string>();
  if (v.is_null()) return {};
  if (v.is_array()) {  // label arrays: "a;b"
    std::string out;
    for (const auto& e : v) out += (out.empty() ? "" : ";") + JsonScalar(e);
    return out;
  }
  return v.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

// Reads rows in any format: text rows have one field "value".
bool ReadRows(std::string_view text, std::string_view name, FileFormat format, bool csv_header,
              std::vector<Row>* rows, LoadResult* result) {
  if (format == FileFormat::kText) {
    for (TextRecord& r : ReadTextRecords(text))
      rows->push_back({r.line, {{"value", std::move(r.value)}}});
    return true;
  }
  std::string error;
  if (format == FileFormat::kCsv) {
    std::vector<CsvRecord> csv;
    if (!ReadCsvRecords(text, &csv, &error)) {
      result->errors.push_back(std::string(name) + ":" + error);
      return false;
    }
    std::vector<std::string> header;
    size_t first = 0;
    if (csv_header && !csv.empty()) {
      for (const std::string& h : csv[0].fields) header.push_back(base::AsciiLower(base::Trim(h)));
      first = 1;
    }
    for (size_t i = first; i < csv.size(); ++i) {
      Row row{csv[i].line, {}};
      for (size_t c = 0; c < csv[i].fields.size(); ++c) {
        std::string key = c < header.size() ? header[c] : "column" + std::to_string(c + 1);
        row.fields.emplace_back(std::move(key), std::string(base::Trim(csv[i].fields[c])));
      }
      rows->push_back(std::move(row));
    }
    return true;
  }
  std::vector<JsonRecord> json;
  if (!ReadJsonRecords(text, &json, &error)) {
    result->errors.push_back(std::string(name) + ":" + error);
    return false;
  }
  for (JsonRecord& r : json) {
    Row row{r.line, {}};
    if (r.value.is_object()) {
      for (auto it = r.value.begin(); it != r.value.end(); ++it) {
        row.fields.emplace_back(base::AsciiLower(it.key()), JsonScalar(it.value()));
      }
    } else {
      row.fields.emplace_back("value", JsonScalar(r.value));
    }
    rows->push_back(std::move(row));
  }
  return true;
}

const std::string* Field(const Row& row, std::string_view key) {
  for (const auto& [k, v] : row.fields) {
    if (k == key) return &v;
  }
  return nullptr;
}

const std::string* FirstField(const Row& row, std::initializer_list<std::string_view> keys) {
  for (std::string_view k : keys) {
    if (const std::string* v = Field(row, k)) return v;
  }
  return nullptr;
}

// Stores one column of an IOC row into the indicator (metadata or extras).
void SetIocField(const std::string& key, const std::string& value, Indicator* ind) {
  if (value.empty() || key == "indicator" || key == "value" || key == "ioc" || key == "type") {
    return;
  }
  if (key == "source") {
    ind->source = value;
  } else if (key == "severity") {
    ind->severity = value;
  } else if (key == "description") {
    ind->description = value;
  } else if (key == "first_seen") {
    ind->first_seen = value;
  } else if (key == "last_seen") {
    ind->last_seen = value;
  } else if (key == "labels" || key == "tags") {
    size_t start = 0;
    while (start <= value.size()) {
      size_t end = value.find_first_of(";,", start);
      if (end == std::string::npos) end = value.size();
      const std::string_view label = base::Trim(std::string_view(value).substr(start, end - start));
      if (!label.empty()) ind->labels.emplace_back(label);
      start = end + 1;
    }
  } else {
    ind->extra.emplace_back(key, value);
  }
}

}  // namespace

bool ReadFileToString(const std::string& path, std::string* out, std::string* error) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    *error = path + ": cannot open file";
    return false;
  }
  std::ostringstream ss;
  ss << in.rdbuf();
  *out = std::move(ss).str();
  return true;
}

FileFormat FormatForPath(std::string_view path, FileFormat requested) {
  if (requested != FileFormat::kAuto) return requested;
  const std::string lower = base::AsciiLower(path);
  if (lower.ends_with(".csv")) return FileFormat::kCsv;
  if (lower.ends_with(".json") || lower.ends_with(".jsonl") || lower.ends_with(".ndjson")) {
    return FileFormat::kJson;
  }
  return FileFormat::kText;
}

LoadResult LoadListText(std::string_view text, std::string_view name, const LoadOptions& options) {
  LoadResult result;
  const FileFormat format = FormatForPath(name, options.format);
  const std::string column = base::AsciiLower(options.column);
  std::vector<Row> rows;
  if (!ReadRows(text, name, format, format == FileFormat::kCsv && !column.empty(), &rows,
                &result)) {
    return result;
  }
  std::vector<std::string> entries;
  std::vector<size_t> lines;
  for (const Row& row : rows) {
    const std::string* v = nullptr;
    if (format == FileFormat::kCsv) {
      v = column.empty() ? &row.fields.front().second : Field(row, column);
    } else {
      v = Field(row, column.empty() ? "value" : column);
    }
    if (v == nullptr) {
      result.errors.push_back(Where(name, row.line) + "no \"" +
                              (column.empty() ? std::string("value") : column) + "\" field");
      continue;
    }
    if (v->empty()) continue;
    entries.push_back(*v);
    lines.push_back(row.line);
  }
  std::vector<EntryError> errors;
  result.list = BuildList(options.list, entries, &errors);
  for (const EntryError& e : errors)
    result.errors.push_back(Where(name, lines[e.index]) + e.message);
  return result;
}

LoadResult LoadListFile(const std::string& path, const LoadOptions& options) {
  std::string text, error;
  if (!ReadFileToString(path, &text, &error)) {
    LoadResult r;
    r.errors.push_back(error);
    return r;
  }
  return LoadListText(text, path, options);
}

LoadResult LoadIocText(std::string_view text, std::string_view name, FileFormat format,
                       std::string_view default_source) {
  LoadResult result;
  format = FormatForPath(name, format);
  std::vector<Row> rows;
  if (!ReadRows(text, name, format, true, &rows, &result)) return result;
  std::vector<Indicator> indicators;
  for (const Row& row : rows) {
    const std::string* raw = FirstField(row, {"indicator", "value", "ioc"});
    if (raw == nullptr || raw->empty()) {
      result.errors.push_back(Where(name, row.line) + "no indicator (indicator, value or ioc)");
      continue;
    }
    Indicator ind;
    const std::string* type = Field(row, "type");
    bool ok;
    if (type != nullptr && !type->empty()) {
      if (!ParseIocType(*type, &ind.type)) {
        result.errors.push_back(Where(name, row.line) + "unknown indicator type \"" + *type + "\"");
        continue;
      }
      ok = NormalizeIndicator(ind.type, *raw, &ind.value);
    } else {
      ok = ClassifyIndicator(*raw, &ind.type, &ind.value);
    }
    if (!ok) {
      result.errors.push_back(Where(name, row.line) + "invalid " +
                              std::string(IocTypeName(ind.type)) + " indicator \"" + *raw + "\"");
      continue;
    }
    for (const auto& [k, v] : row.fields) SetIocField(k, v, &ind);
    if (ind.source.empty()) ind.source = default_source;
    indicators.push_back(std::move(ind));
  }
  result.list = std::make_unique<IocList>(std::move(indicators));
  return result;
}

LoadResult LoadIocFile(const std::string& path, FileFormat format,
                       std::string_view default_source) {
  std::string text, error;
  if (!ReadFileToString(path, &text, &error)) {
    LoadResult r;
    r.errors.push_back(error);
    return r;
  }
  return LoadIocText(text, path, format, default_source);
}

}  // namespace vigil::stdlib
