// coerce_scalar.cc: coercions of single values: strings, integers, booleans, timestamps, IPs
// and the closed vocabularies (actions, hold reasons, directions). Empty and null values are
// absent; a value of the wrong type fails the record with bad_value (bad_timestamp for time).
#include "base/strings.h"
#include "ingest/normalize_context.h"
#include "ingest/values.h"

namespace vigil::ingest {

using schema::EventType;
using schema::FieldId;

namespace {

// The trimmed scalar text of f; false when f is absent (null, empty). Objects and arrays fail.
bool Text(const KeyRule& r, const RawField& f, NormalizeContext& c, std::string_view* text,
          bool* ok) {
  *ok = true;
  if (f.kind == RawKind::kNull) return false;
  if (f.kind == RawKind::kObject || f.kind == RawKind::kArray) {
    *ok = c.Fail(r.key, "expected a scalar, got an object or array", f.text);
    return false;
  }
  *text = TrimText(f.text);
  return !text->empty();
}

// Stages `word` (a vocabulary word: static) as f when it is not empty, else s lower-cased.
void SetWordOrLower(FieldId f, std::string_view word, std::string_view s, NormalizeContext& c) {
  if (word.empty()) {
    c.row->SetString(f, c.Lower(s));
  } else {
    c.row->SetWord(f, word);
  }
}

}  // namespace

bool CoerceString(const KeyRule& r, const RawField& f, NormalizeContext& c) {
  std::string_view s;
  bool ok;
  if (Text(r, f, c, &s, &ok)) c.row->SetString(r.field, s);
  return ok;
}

bool CoerceLower(const KeyRule& r, const RawField& f, NormalizeContext& c) {
  std::string_view s;
  bool ok;
  if (Text(r, f, c, &s, &ok)) c.row->SetString(r.field, c.Lower(s));
  return ok;
}

bool CoerceInt(const KeyRule& r, const RawField& f, NormalizeContext& c) {
  std::string_view s;
  bool ok;
  if (!Text(r, f, c, &s, &ok)) return ok;
  if (f.kind == RawKind::kBool) return c.Fail(r.key, "expected an integer", s);
  if (IsNullText(s)) return true;
  const std::optional<int64_t> v = ParseLooseInt(s);
  if (!v) return c.Fail(r.key, "expected an integer", s);
  c.row->SetInt(r.field, *v);
  return true;
}

bool CoerceBool(const KeyRule& r, const RawField& f, NormalizeContext& c) {
  std::string_view s;
  bool ok;
  if (!Text(r, f, c, &s, &ok)) return ok;
  if (IsNullText(s)) return true;
  const std::optional<bool> v = ParseLooseBool(s);
  if (!v) return c.Fail(r.key, "expected a boolean", s);
  c.row->SetInt(r.field, *v ? 1 : 0);
  return true;
}

bool CoerceTimestamp(const KeyRule& r, const RawField& f, NormalizeContext& c) {
  std::string_view s;
  bool ok;
  if (!Text(r, f, c, &s, &ok)) return ok;
  const std::optional<int64_t> ms = ParseTimestamp(s);
  if (!ms) return c.Fail(r.key, "unparseable event time", s, Reason::kBadTimestamp);
  c.row->SetInt(r.field, *ms);
  return true;
}

bool CoerceIp(const KeyRule& r, const RawField& f, NormalizeContext& c) {
  std::string_view s;
  bool ok;
  if (!Text(r, f, c, &s, &ok)) return ok;
  if (IsNullText(s) || base::EqualsIgnoreCase(s, "Internal IP")) return true;
  std::optional<base::IpAddr> ip = base::ParseIp(s);
  if (!ip && s.size() > 2 && s.front() == '[' && s.back() == ']') {
    ip = base::ParseIp(s.substr(1, s.size() - 2));
  }
  if (!ip) return c.Fail(r.key, "expected an IP address", s);
  FieldId target = r.field;
  if (r.coerce == Coerce::kIpByType && c.type == EventType::kDelivery) {
    target = FieldId::kDestinationIp;
  }
  c.row->SetIp(target, *ip);
  return true;
}

bool CoerceAction(const KeyRule& r, const RawField& f, NormalizeContext& c) {
  std::string_view s;
  bool ok;
  if (!Text(r, f, c, &s, &ok)) return ok;
  const std::string_view word = ActionWord(s);
  SetWordOrLower(r.field, word, s, c);
  return true;
}

bool CoerceHoldReason(const KeyRule& r, const RawField& f, NormalizeContext& c) {
  std::string_view s;
  bool ok;
  if (!Text(r, f, c, &s, &ok)) return ok;
  const std::string_view word = HoldReasonWord(s);
  const bool code = s.find(' ') == std::string_view::npos;
  if (!word.empty()) {
    c.row->SetWord(r.field, word);
  } else {
    c.row->SetString(r.field, code ? c.Lower(s) : s);
  }
  return true;
}

bool CoerceDirection(const KeyRule& r, const RawField& f, NormalizeContext& c) {
  std::string_view s;
  bool ok;
  if (!Text(r, f, c, &s, &ok)) return ok;
  const std::string_view word = DirectionWord(s);
  SetWordOrLower(r.field, word, s, c);
  return true;
}

bool CoerceRouteOrDirection(const KeyRule& r, const RawField& f, NormalizeContext& c) {
  std::string_view s;
  bool ok;
  if (!Text(r, f, c, &s, &ok)) return ok;
  const std::string_view word = DirectionWord(s);
  if (!word.empty()) {
    c.row->SetWord(FieldId::kDirection, word, true);
  } else {
    c.row->SetString(r.field, s);
  }
  return true;
}

bool CoerceSpamInfo(const KeyRule& r, const RawField& f, NormalizeContext& c) {
  std::string_view s;
  bool ok;
  if (!Text(r, f, c, &s, &ok)) return ok;
  if (s != "[]") c.row->SetString(r.field, s);
  return true;
}

bool CoerceFileName(const KeyRule& r, const RawField& f, NormalizeContext& c) {
  std::string_view s;
  bool ok;
  if (!Text(r, f, c, &s, &ok)) return ok;
  c.row->SetString(r.field, s);
  const std::string_view ext = FileExtension(s);
  if (!ext.empty()) c.row->SetString(FieldId::kFileExt, c.Lower(ext), true);
  return true;
}

bool CoerceFileExt(const KeyRule& r, const RawField& f, NormalizeContext& c) {
  std::string_view s;
  bool ok;
  if (!Text(r, f, c, &s, &ok)) return ok;
  while (!s.empty() && s.front() == '.') s.remove_prefix(1);
  if (!s.empty()) c.row->SetString(r.field, c.Lower(s));
  return true;
}

bool CoerceImpFlag(const KeyRule& r, const RawField& f, NormalizeContext& c) {
  std::string_view s;
  bool ok;
  if (!Text(r, f, c, &s, &ok)) return ok;
  if (IsNullText(s)) return true;
  const std::optional<bool> v = ParseLooseBool(s);
  if (!v) return c.Fail(r.key, "expected a boolean impersonation flag", s);
  c.Identifier(-1);
  if (!*v) {
    c.row->SetInt(r.field, 0, true);
    return true;
  }
  c.row->SetInt(r.field, 1);
  c.Identifier(IdentifierIndex(schema::Field(r.field).name.substr(4)));
  return true;
}

bool CoerceTlsVersion(const KeyRule& r, const RawField& f, NormalizeContext& c) {
  c.tls_seen = true;
  return CoerceString(r, f, c);
}

}  // namespace vigil::ingest
