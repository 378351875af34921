// records.h: the record readers behind the list loaders: text lines, RFC 4180 CSV and JSON
// (arrays or JSON lines) with the 1-based line number each record starts on.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

namespace vigil::stdlib {

struct TextRecord {
  size_t line = 0;
  std::string value;
};
// Trimmed non-blank lines not starting with '#'.
std::vector<TextRecord> ReadTextRecords(std::string_view text);

struct CsvRecord {
  size_t line = 0;
  std::vector<std::string> fields;
};
// All rows (the header too); false with *error ("line N: unterminated quoted field").
bool ReadCsvRecords(std::string_view text, std::vector<CsvRecord>* rows, std::string* error);

struct JsonRecord {
  size_t line = 0;
  nlohmann::json value;
};
// The elements of a top-level array, a bundle's "objects" array, or one value per line
// (JSON lines). False with *error ("line N: parse error ...").
bool ReadJsonRecords(std::string_view text, std::vector<JsonRecord>* records, std::string* error);

}  // namespace vigil::stdlib
