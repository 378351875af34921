// json_records.cc: simdjson On-Demand traversal of records and containers.
#include "ingest/json_records.h"

#include <cstring>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "ingest/input_buffer.h"

namespace vigil::ingest {
namespace od = simdjson::ondemand;
using simdjson::error_code;

namespace {

// Keys whose array value holds the records of a container.
constexpr std::string_view kItemKeys[] = {"data",      "value",          "events",
                                          "clickLogs", "attachmentLogs", "impersonationLogs",
                                          "dlpLogs",   "rejectionLogs",  "logs"};
// Keys that only records carry: an object with one of them is never a container.
constexpr std::string_view kRecordTimeKeys[] = {"timestamp",  "datetime", "eventTime", "date",
                                                "createTime", "released", "created"};

std::string_view TrimRight(std::string_view s) {
  while (!s.empty() &&
         (s.back() == ' ' || s.back() == '\t' || s.back() == '\r' || s.back() == '\n')) {
    s.remove_suffix(1);
  }
  return s;
}

// The array field that makes `r` a container, or nullptr when `r` is a record.
const RawField* ContainerItems(const RawRecord& r) {
  for (std::string_view k : kRecordTimeKeys) {
    if (r.Find(k) != nullptr) return nullptr;
  }
  for (std::string_view k : kItemKeys) {
    const RawField* f = r.Find(k);
    if (f != nullptr && f->kind == RawKind::kArray) return f;
  }
  return nullptr;
}

// A {"message":"{...}"} wrapper element: returns the embedded JSON text, else "".
std::string_view WrappedMessage(const RawRecord& r) {
  if (r.fields.size() != 1 || r.fields[0].key != "message") return {};
  const RawField& f = r.fields[0];
  return f.kind == RawKind::kString && !f.text.empty() && f.text.front() == '{'
             ? f.text
             : std::string_view();
}

constexpr size_t kHasEscapes = ~size_t{0};

// Bytes of the JSON string body at p before its closing quote, or kHasEscapes when a backslash
// comes first. Requires a closing quote ahead (simdjson's stage 1 validated the string) and
// padding after the text (reads 16 bytes at a time; kInputPadding >= 16).
size_t PlainStringLength(const char* p) {
#if defined(__SSE2__)
  const __m128i quote = _mm_set1_epi8('"');
  const __m128i slash = _mm_set1_epi8('\\');
  for (size_t i = 0;; i += 16) {
    const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + i));
    const auto q = static_cast<unsigned>(_mm_movemask_epi8(_mm_cmpeq_epi8(v, quote)));
    const auto b = static_cast<unsigned>(_mm_movemask_epi8(_mm_cmpeq_epi8(v, slash)));
    if ((q | b) != 0) {
      const int first = __builtin_ctz(q | b);
      return (q >> first) & 1 ? i + static_cast<size_t>(first) : kHasEscapes;
    }
  }
#else
  for (size_t i = 0;; ++i) {
    if (p[i] == '"') return i;
    if (p[i] == '\\') return kHasEscapes;
  }
#endif
}

// A key or string value without escapes is its own text: a view of the input, no unescaping
// copy. `body` points just past the opening quote. False when the string has escapes.
bool PlainString(const char* body, std::string_view* text) {
  const size_t n = PlainStringLength(body);
  if (n == kHasEscapes) return false;
  *text = std::string_view(body, n);
  return true;
}

error_code CollectValue(od::value v, RawField* f) {
  od::json_type t;
  if (auto e = v.type().get(t)) return e;
  switch (t) {
    case od::json_type::string: {
      f->kind = RawKind::kString;
      if (PlainString(v.raw_json_token().data() + 1, &f->text)) return simdjson::SUCCESS;
      return v.get_string().get(f->text);
    }
    case od::json_type::number:
      f->kind = RawKind::kNumber;
      f->text = TrimRight(v.raw_json_token());
      return simdjson::SUCCESS;
    case od::json_type::boolean: {
      bool b;
      if (auto e = v.get_bool().get(b)) return e;
      f->kind = RawKind::kBool;
      f->text = b ? "true" : "false";
      return simdjson::SUCCESS;
    }
    case od::json_type::null: {
      bool is_null;
      if (auto e = v.is_null().get(is_null)) return e;
      f->kind = RawKind::kNull;
      return is_null ? simdjson::SUCCESS : simdjson::INCORRECT_TYPE;
    }
    case od::json_type::object: {
      od::object o;
      if (auto e = v.get_object().get(o)) return e;
      f->kind = RawKind::kObject;
      f->padded = true;
      return o.raw_json().get(f->text);
    }
    case od::json_type::array: {
      od::array a;
      if (auto e = v.get_array().get(a)) return e;
      f->kind = RawKind::kArray;
      f->padded = true;
      return a.raw_json().get(f->text);
    }
  }
  return simdjson::INCORRECT_TYPE;
}

}  // namespace

error_code CollectFields(od::object object, RawRecord* out) {
  for (auto field_result : object) {
    if (out->fields.size() >= kMaxRecordFields) return simdjson::CAPACITY;
    od::field field;
    if (auto e = std::move(field_result).get(field)) return e;
    RawField f;
    if (!PlainString(field.key().raw(), &f.key)) {
      if (auto e = field.unescaped_key().get(f.key)) return e;
    }
    if (auto e = CollectValue(field.value(), &f)) return e;
    out->fields.push_back(f);
  }
  return simdjson::SUCCESS;
}

Reason ReasonForJsonError(error_code e) {
  switch (e) {
    case simdjson::UTF8_ERROR:
      return Reason::kInvalidUtf8;
    case simdjson::UNCLOSED_STRING:
    case simdjson::INCOMPLETE_ARRAY_OR_OBJECT:
    case simdjson::EMPTY:
      return Reason::kTruncatedRecord;
    case simdjson::CAPACITY:  // also: more than kMaxRecordFields keys
      return Reason::kRecordTooLarge;
    default:
      return Reason::kMalformedJson;
  }
}

JsonRecords::JsonRecords(RecordHandler* handler, size_t max_bytes) : handler_(handler) {
  for (auto& p : parsers_) p = od::parser(max_bytes + kInputPadding);
}

void JsonRecords::Parse(std::string_view text, size_t readable, uint64_t offset, int api_hint) {
  ParseAt(0, Text{text, readable, offset, true, api_hint});
}

JsonRecords::Text JsonRecords::Child(const Text& parent, std::string_view sub, bool padded) const {
  const bool inside = parent.exact && sub.data() >= parent.text.data() &&
                      sub.data() <= parent.text.data() + parent.text.size();
  const uint64_t delta = inside ? static_cast<uint64_t>(sub.data() - parent.text.data()) : 0;
  const size_t readable =
      padded && inside ? parent.readable - static_cast<size_t>(delta) : sub.size();
  return Text{sub, readable, parent.offset + delta, inside, parent.api_hint};
}

void JsonRecords::Bad(error_code e, const Text& t) {
  handler_->OnBad(ReasonForJsonError(e), simdjson::error_message(e), t.offset, t.text,
                  t.text.size());
}

void JsonRecords::ParseAt(int level, Text t) {
  if (level >= kLevels) {
    handler_->OnBad(Reason::kMalformedJson, "containers nested too deep", t.offset, t.text,
                    t.text.size());
    return;
  }
  if (t.readable < t.text.size() + kInputPadding) {
    std::string& copy = copies_[level];
    copy.assign(t.text);
    copy.append(kInputPadding, '\0');
    t.text = std::string_view(copy.data(), t.text.size());
    t.readable = copy.size();
  }
  od::document doc;
  if (auto e = parsers_[level].iterate(t.text.data(), t.text.size(), t.readable).get(doc)) {
    return Bad(e, t);
  }
  od::json_type type;
  if (auto e = doc.type().get(type)) return Bad(e, t);
  if (type == od::json_type::object) return OnObject(level, t, doc);
  if (type == od::json_type::array) return OnArray(level, t, doc);
  handler_->OnBad(Reason::kNotAnObject, "a JSON value that is not an object or array", t.offset,
                  t.text, t.text.size());
}

void JsonRecords::OnObject(int level, const Text& t, od::document& doc) {
  RawRecord& r = records_[level];
  r.Clear();
  od::object object;
  error_code e = doc.get_object().get(object);
  if (!e) e = CollectFields(object, &r);
  if (!e && !doc.current_location().error()) {
    if (RetryAsArray(level, t)) return;
    e = simdjson::TRAILING_CONTENT;
  }
  if (e) return Bad(e, t);
  if (const RawField* items = ContainerItems(r)) {
    const bool v1 = r.StringOf("type") == "MTA";
    const bool page = items->key == "value";
    return Unwrap(level, t, *items, v1 ? 1 : page ? 2 : t.api_hint);
  }
  if (std::string_view msg = WrappedMessage(r); !msg.empty()) {
    handler_->OnContainer();
    // The message is decoded text (even when it is a view of the input): its records carry
    // the wrapper's offset.
    return ParseAt(level + 1, Text{msg, msg.size(), t.offset, false, t.api_hint});
  }
  r.raw = t.text;
  r.offset = t.offset;
  r.api_hint = t.api_hint;
  handler_->OnRecord(r);
}

void JsonRecords::Unwrap(int level, const Text& t, const RawField& items, int api_hint) {
  handler_->OnContainer();
  Text child = Child(t, items.text, items.padded);
  child.api_hint = api_hint;
  ParseAt(level + 1, child);
}

void JsonRecords::OnArray(int level, const Text& t, od::document& doc) {
  od::array array;
  if (auto e = doc.get_array().get(array)) return Bad(e, t);
  for (auto element : array) {
    od::value v;
    od::json_type type;
    error_code e = element.get(v);
    if (!e) e = v.type().get(type);
    if (!e && type != od::json_type::object) {
      const std::string_view token =
          type == od::json_type::array ? std::string_view("[...]") : v.raw_json_token();
      handler_->OnBad(Reason::kNotAnObject, "an array element that is not an object", t.offset,
                      token, token.size());
      continue;
    }
    od::object o;
    std::string_view raw;
    if (!e) e = v.get_object().get(o);
    if (!e) e = o.raw_json().get(raw);
    if (e) return Bad(e, t);
    ParseAt(level + 1, Child(t, raw, true));
  }
}

bool JsonRecords::RetryAsArray(int level, const Text& t) {
  if (level != 0 || t.text.empty() || t.text.front() != '{') return false;
  std::string& copy = retry_copy_;
  copy.assign("[");
  copy.append(t.text);
  copy.append("]");
  copy.append(kInputPadding, '\0');
  od::document doc;
  const Text wrapped{{copy.data(), t.text.size() + 2}, copy.size(), t.offset, false, t.api_hint};
  if (parsers_[level].iterate(wrapped.text.data(), wrapped.text.size(), copy.size()).get(doc)) {
    return false;
  }
  od::array probe;
  if (doc.get_array().get(probe)) return false;
  size_t count = 0;
  for (auto element : probe) {
    od::value v;
    if (element.get(v)) return false;
    ++count;
  }
  if (count < 2 || !doc.current_location().error()) return false;
  // Parse again for real: the probe consumed the document.
  if (parsers_[level].iterate(wrapped.text.data(), wrapped.text.size(), copy.size()).get(doc)) {
    return false;
  }
  OnArray(level, wrapped, doc);
  return true;
}

}  // namespace vigil::ingest
