// loaders.h: reading typed lists and IOC lists from files (one entry per line, CSV, JSON),
// per tenant and per pack, at load time. Every bad entry is reported as "file:line: message";
// the list is still built from the good ones, and the caller decides whether errors are fatal.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "stdlib/lists/ioc.h"
#include "stdlib/lists/list_value.h"
#include "stdlib/lists/typed_lists.h"

namespace vigil::stdlib {

enum class FileFormat : uint8_t {
  kAuto,  // by extension: .csv -> CSV, .json / .jsonl / .ndjson -> JSON, anything else text
  kText,  // one entry per line; blank lines and lines starting with '#' are skipped; trimmed
  kCsv,   // RFC 4180 (quoted fields, "" escapes, CRLF); see LoadOptions::column
  kJson,  // an array of strings or of objects, or JSON lines (one value per line)
};

struct LoadOptions {
  ListOptions list;
  FileFormat format = FileFormat::kAuto;
  // CSV: the header column holding the entries (case-insensitive); "" = the first column of a
  // file without a header row. JSON objects: the key holding the entry ("" = "value").
  std::string column;
};

struct LoadResult {
  std::unique_ptr<schema::ListValue> list;  // null only when the file could not be read/parsed
  std::vector<std::string> errors;          // "path:line: message"
  size_t skipped = 0;                       // records deliberately ignored (unsupported kinds)
};

// Reads a typed list (string, domain, CIDR, regex or glob; not IOC) from a file.
LoadResult LoadListFile(const std::string& path, const LoadOptions& options);
// The same from text already in memory; `name` stands for the path in messages.
LoadResult LoadListText(std::string_view text, std::string_view name, const LoadOptions& options);

// Reads an IOC list. CSV needs a header; JSON holds objects. Recognized columns / keys
// (case-insensitive): indicator|value|ioc (required), type (else inferred), source, severity,
// description, first_seen, last_seen, labels|tags (';' or ',' separated in CSV); every other
// non-empty column is kept as extra metadata. Text files hold one indicator per line.
// `default_source` fills a missing source.
LoadResult LoadIocFile(const std::string& path, FileFormat format, std::string_view default_source);
LoadResult LoadIocText(std::string_view text, std::string_view name, FileFormat format,
                       std::string_view default_source);

// Reads a whole file; false with *error when it cannot be read.
bool ReadFileToString(const std::string& path, std::string* out, std::string* error);
// The format kAuto resolves to for `path`.
FileFormat FormatForPath(std::string_view path, FileFormat requested);

}  // namespace vigil::stdlib
