// record.h: a rendered log record before it is written: its fields in wire order (keys and
// values as Mimecast sends them), the stream (file family) it belongs to, its event time and
// the planted scenario it is part of. Serializers turn fields into a JSON object (API 1.0
// JSON, API 2.0 NDJSON, feed logs) or an API 1.0 key=value line.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace vigil::gen {

struct Value {
  enum class Kind : uint8_t { kNull, kBool, kInt, kString, kJson };
  Kind kind = Kind::kNull;
  bool b = false;
  int64_t i = 0;
  std::string s;  // kString text, or kJson raw JSON text

  static Value Null() { return {}; }
  static Value Bool(bool v) { return {Kind::kBool, v, 0, {}}; }
  static Value Int(int64_t v) { return {Kind::kInt, false, v, {}}; }
  static Value Str(std::string v) { return {Kind::kString, false, 0, std::move(v)}; }
  // A string, or null when empty.
  static Value StrOrNull(std::string v) { return v.empty() ? Null() : Str(std::move(v)); }
  static Value Json(std::string raw) { return {Kind::kJson, false, 0, std::move(raw)}; }
};

struct Field {
  std::string_view key;  // always a string literal
  Value value;
};
using Fields = std::vector<Field>;

// Where a record is written: one file family per SIEM log type and per feed.
enum class Stream : uint8_t {
  kReceipt,
  kProcess,
  kDelivery,
  kJournal,
  kAv,
  kSpam,
  kIep,
  kImpersonation,
  kUrlProtect,
  kAttachmentProtect,
  kTtpUrlLog,
  kTtpAttachmentLog,
  kTtpImpersonationLog,
  kDlpLog,
  kAuditLog,
  kReleaseLog,
  kSearchLog,
};
inline constexpr size_t kStreamCount = 17;

// The normalized event type name of a stream's records ("receipt", "url_protect", ...).
std::string_view StreamEventType(Stream s);
bool IsSiemStream(Stream s);

struct Record {
  int64_t ts = 0;
  Stream stream = Stream::kReceipt;
  int scenario = -1;
  std::string message_id;
  std::string body;  // serialized, no trailing newline
};

// Appends `fields` as one compact JSON object (keys sorted by name when `sorted`).
void AppendJson(const Fields& fields, bool sorted, std::string* out);
// Appends `fields` as an API 1.0 key=value line: `key=value` joined by '|', nulls left out,
// booleans as true/false, JSON values as their text, free text (Subject, RejType, RejInfo,
// Err, Error) wrapped in backslashes.
void AppendKv(const Fields& fields, std::string* out);
// A JSON string literal of `s` (quotes included).
std::string JsonQuote(std::string_view s);

enum class Syntax { kJson, kSortedJson, kKv };
// Serializes `fields` in `syntax` into a new record appended to *out.
void EmitRecord(Stream s, int64_t ts, int scenario, const std::string& message_id,
                const Fields& fields, Syntax syntax, std::vector<Record>* out);

}  // namespace vigil::gen
