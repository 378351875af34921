// records.cc: text, CSV and JSON record readers with line tracking.
#include "stdlib/lists/records.h"

#include <algorithm>

#include "base/strings.h"

namespace vigil::stdlib {
namespace {

std::string_view StripBom(std::string_view t) {
  if (t.starts_with("\xEF\xBB\xBF")) t.remove_prefix(3);
  return t;
}

bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

// Offsets of the elements of the JSON array whose '[' is at `open`.
std::vector<size_t> ElementOffsets(std::string_view t, size_t open) {
  std::vector<size_t> out;
  int depth = 0;
  bool expect_element = false;
  for (size_t i = open; i < t.size(); ++i) {
    const char c = t[i];
    if (expect_element && !IsSpace(c)) {
      if (c != ']') out.push_back(i);
      expect_element = false;
    }
    if (c == '"') {
      for (++i; i < t.size() && t[i] != '"'; ++i) {
        if (t[i] == '\\') ++i;
      }
    } else if (c == '[' || c == '{') {
      if (++depth == 1) expect_element = true;
    } else if (c == ']' || c == '}') {
      if (--depth == 0) break;
    } else if (c == ',' && depth == 1) {
      expect_element = true;
    }
  }
  return out;
}

// Offset of the '[' of the value of key "objects" in the top-level object, or npos.
size_t BundleArrayOffset(std::string_view t) {
  int depth = 0;
  for (size_t i = 0; i < t.size(); ++i) {
    const char c = t[i];
    if (c == '"') {
      const size_t start = i + 1;
      for (++i; i < t.size() && t[i] != '"'; ++i) {
        if (t[i] == '\\') ++i;
      }
      if (depth == 1 && t.substr(start, i - start) == "objects") {
        size_t j = t.find_first_not_of(" \t\r\n", i + 1);
        if (j != std::string_view::npos && t[j] == ':') j = t.find_first_not_of(" \t\r\n", j + 1);
        if (j != std::string_view::npos && t[j] == '[') return j;
      }
    } else if (c == '[' || c == '{') {
      ++depth;
    } else if (c == ']' || c == '}') {
      --depth;
    }
  }
  return std::string_view::npos;
}

void AddWithLines(std::string_view t, const nlohmann::json& array,
                  const std::vector<size_t>& offsets, std::vector<JsonRecord>* out) {
  size_t line = 1, at = 0;
  for (size_t i = 0; i < array.size(); ++i) {
    if (i < offsets.size()) {
      for (; at < offsets[i]; ++at) line += t[at] == '\n';
    }
    out->push_back({line, array[i]});
  }
}

// Calls fn(line_number, trimmed_line) for every line of text.
template <typename Fn>
void ForEachLine(std::string_view text, Fn fn) {
  size_t line = 0, start = 0;
  while (start <= text.size()) {
    size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    if (!fn(++line, base::Trim(text.substr(start, end - start)))) return;
    start = end + 1;
  }
}

}  // namespace

std::vector<TextRecord> ReadTextRecords(std::string_view text) {
  std::vector<TextRecord> out;
  ForEachLine(StripBom(text), [&](size_t line, std::string_view v) {
    if (!v.empty() && v.front() != '#') out.push_back({line, std::string(v)});
    return true;
  });
  return out;
}

bool ReadCsvRecords(std::string_view text, std::vector<CsvRecord>* rows, std::string* error) {
  text = StripBom(text);
  size_t line = 1;
  CsvRecord row{1, {""}};
  bool quoted = false, any = false;
  size_t quote_line = 0;
  auto end_row = [&] {
    if (any || row.fields.size() > 1 || !row.fields[0].empty()) rows->push_back(std::move(row));
    row = CsvRecord{line, {""}};
    any = false;
  };
  for (size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (quoted) {
      if (c == '"' && i + 1 < text.size() && text[i + 1] == '"') {
        row.fields.back() += '"';
        ++i;
      } else if (c == '"') {
        quoted = false;
      } else {
        if (c == '\n') ++line;
        row.fields.back() += c;
      }
    } else if (c == '"' && row.fields.back().empty()) {
      quoted = any = true;
      quote_line = line;
    } else if (c == ',') {
      row.fields.emplace_back();
      any = true;
    } else if (c == '\n' || (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n')) {
      if (c == '\r') ++i;
      ++line;
      end_row();
    } else {
      row.fields.back() += c;
    }
  }
  if (quoted) {
    *error = "line " + std::to_string(quote_line) + ": unterminated quoted field";
    return false;
  }
  end_row();
  return true;
}

bool ReadJsonRecords(std::string_view text, std::vector<JsonRecord>* records, std::string* error) {
  text = StripBom(text);
  const size_t first = text.find_first_not_of(" \t\r\n");
  if (first == std::string_view::npos) return true;
  nlohmann::json doc;
  bool whole = true;
  try {
    doc = nlohmann::json::parse(text);
  } catch (const nlohmann::json::parse_error& e) {
    whole = false;
    if (text[first] == '[' || text.find('\n', first) == std::string_view::npos) {
      const size_t at = std::min<size_t>(e.byte, text.size());
      const auto line = std::count(text.begin(), text.begin() + (at > 0 ? at - 1 : 0), '\n') + 1;
      *error = "line " + std::to_string(line) + ": invalid JSON: " + e.what();
      return false;
    }
  }
  if (whole && doc.is_array()) {
    AddWithLines(text, doc, ElementOffsets(text, first), records);
    return true;
  }
  if (whole && doc.is_object() && doc.contains("objects") && doc["objects"].is_array()) {
    const size_t open = BundleArrayOffset(text);
    AddWithLines(
        text, doc["objects"],
        open == std::string_view::npos ? std::vector<size_t>{} : ElementOffsets(text, open),
        records);
    return true;
  }
  if (whole) {
    records->push_back(
        {static_cast<size_t>(std::count(text.begin(), text.begin() + first, '\n') + 1), doc});
    return true;
  }
  // JSON lines: one value per non-blank line.
  bool ok = true;
  ForEachLine(text, [&](size_t line, std::string_view v) {
    if (v.empty()) return true;
    try {
      records->push_back({line, nlohmann::json::parse(v)});
    } catch (const nlohmann::json::exception& e) {
      *error = "line " + std::to_string(line) + ": " + e.what();
      ok = false;
    }
    return ok;
  });
  return ok;
}

}  // namespace vigil::stdlib
