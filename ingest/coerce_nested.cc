// coerce_nested.cc: values with structure inside: spamProcessingDetail (object, JSON text or
// JSON text encoded twice), attachment name lists (quoted CSV or JSON), impersonation
// identifiers and results, URL Protect analysis and tagMap, Cloud Integrated policies and
// authentication results, and audit eventInfo free text.
#include <type_traits>

#include "base/ip.h"
#include "base/strings.h"
#include "ingest/normalize_context.h"
#include "ingest/values.h"

namespace vigil::ingest {

using schema::FieldId;
namespace od = simdjson::ondemand;

namespace {

// Parses f as JSON into doc; a null or empty value is absent (returns false, *ok = true).
bool Nested(const KeyRule& r, const RawField& f, NormalizeContext& c, od::document* doc, bool* ok) {
  *ok = true;
  if (f.kind == RawKind::kNull) return false;
  if (f.kind == RawKind::kString && (IsNullText(f.text) || TrimText(f.text) == "[]")) {
    return false;
  }
  if (!c.nested->Parse(f, doc)) {
    *ok = c.Fail(r.key, "expected JSON", f.text);
    return false;
  }
  return true;
}

// Whether a nested value was absent (null, empty), present, or bad (Fail() already called).
enum class Nest { kAbsent, kPresent, kBad };

// Reads f as a nested JSON array or object (T) into *out.
template <typename T>
Nest NestedAs(const KeyRule& r, const RawField& f, NormalizeContext& c, od::document* doc, T* out,
              std::string_view what) {
  bool ok;
  if (!Nested(r, f, c, doc, &ok)) return ok ? Nest::kAbsent : Nest::kBad;
  simdjson::error_code e;
  if constexpr (std::is_same_v<T, od::array>) {
    e = doc->get_array().get(*out);
  } else {
    e = doc->get_object().get(*out);
  }
  if (!e) return Nest::kPresent;
  c.Fail(r.key, what, f.text);
  return Nest::kBad;
}

// Calls fn(key, value) for each member of an object.
template <typename Fn>
bool ForEachMember(od::object o, Fn&& fn) {
  for (auto field : o) {
    std::string_view key;
    if (field.unescaped_key().get(key)) return false;
    if (!fn(key, field.value())) return false;
  }
  return true;
}

// Appends the strings of an array (or one string) to `array`, copied; non-strings skipped.
bool AppendStrings(od::value v, FieldId array, NormalizeContext& c, bool lower) {
  std::string_view s;
  od::json_type t;
  if (v.type().get(t)) return false;
  if (t == od::json_type::string) {
    if (v.get_string().get(s)) return false;
    c.row->AppendString(array, lower ? c.scratch->CopyLower(s) : c.Copy(s));
    return true;
  }
  if (t != od::json_type::array) return true;
  od::array a;
  if (v.get_array().get(a)) return false;
  for (auto element : a) {
    od::value e;
    if (element.get(e)) return false;
    if (e.get_string().get(s)) continue;
    c.row->AppendString(array, lower ? c.scratch->CopyLower(s) : c.Copy(s));
  }
  return true;
}

// {"info": "SPF_FAIL", "allow": true} -> the info text (copied).
std::string_view InfoOf(od::value v, NormalizeContext& c) {
  od::object o;
  std::string_view info;
  if (v.get_object().get(o)) return {};
  if (o.find_field_unordered("info").get_string().get(info)) return {};
  return c.Copy(info);
}

void StageAuth(FieldId f, std::string_view info, NormalizeContext& c) {
  if (TrimText(info).empty()) return;
  const std::string_view word = AuthWord(info);
  if (word.empty()) {
    c.row->SetString(f, c.scratch->CopyLower(TrimText(info)));
  } else {
    c.row->SetWord(f, word);
  }
}

// spamProcessingDetail.verdict / spamVerdict: decision and risk, lower-cased.
void StageVerdict(od::value v, NormalizeContext& c) {
  od::object o;
  if (v.get_object().get(o)) return;
  ForEachMember(o, [&](std::string_view key, od::value m) {
    std::string_view s;
    if ((key == "decision" || key == "risk") && !m.get_string().get(s) && !s.empty()) {
      c.row->SetString(key == "decision" ? FieldId::kSpamVerdict : FieldId::kSpamRisk,
                       c.scratch->CopyLower(s));
    }
    return true;
  });
}

// Splits `"a.docx", "b.xlsx"` (or a bare a.docx, b.xlsx) into names.
template <typename Fn>
void QuotedCsv(std::string_view s, Fn&& fn) {
  size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && (s[i] == ' ' || s[i] == ',')) ++i;
    if (i >= s.size()) break;
    size_t end;
    if (s[i] == '"') {
      end = s.find('"', i + 1);
      if (end == std::string_view::npos) end = s.size();
      fn(s.substr(i + 1, end - i - 1));
      i = end + 1;
    } else {
      end = s.find(',', i);
      if (end == std::string_view::npos) end = s.size();
      fn(TrimText(s.substr(i, end - i)));
      i = end;
    }
  }
}

void StageAttachment(std::string_view name, NormalizeContext& c) {
  if (name.empty()) return;
  c.row->BeginRecord(FieldId::kAttachments);
  c.row->SetMember(FieldId::kAttachmentsName, name);
  const std::string_view ext = FileExtension(name);
  if (!ext.empty()) c.row->SetMember(FieldId::kAttachmentsExt, c.Lower(ext));
}

// Audit eventInfo: the value after "Label:" up to the next ", " or the next known label.
std::string_view InfoPart(std::string_view info, std::string_view label) {
  size_t at = 0;
  for (;;) {
    at = info.find(label, at);
    if (at == std::string_view::npos) return {};
    const bool starts = at == 0 || info[at - 1] == ' ' || info[at - 1] == ',';
    const size_t colon = at + label.size();
    if (starts && colon < info.size() && info[colon] == ':') break;
    at = colon;
  }
  std::string_view rest = info.substr(at + label.size() + 1);
  size_t end = rest.find(", ");
  for (std::string_view next :
       {" Application:", " Method:", " IP:", " Reason:", " 2FA:", " Date:", " Time:"}) {
    end = std::min(end, rest.find(next));
  }
  return TrimText(rest.substr(0, end));
}

}  // namespace

bool CoerceSpamDetail(const KeyRule& r, const RawField& f, NormalizeContext& c) {
  od::document doc;
  od::object o;
  const Nest n = NestedAs(r, f, c, &doc, &o, "expected a JSON object");
  if (n != Nest::kPresent) return n == Nest::kAbsent;
  const bool walked = ForEachMember(o, [&](std::string_view key, od::value v) {
    bool grey;
    if (key == "spf") StageAuth(FieldId::kAuthSpf, InfoOf(v, c), c);
    if (key == "dkim") StageAuth(FieldId::kAuthDkim, InfoOf(v, c), c);
    if (key == "dmarc") StageAuth(FieldId::kAuthDmarc, InfoOf(v, c), c);
    if (key == "rbl") {
      const std::string_view info = InfoOf(v, c);
      if (!info.empty()) c.row->SetString(FieldId::kSpamRbl, info);
    }
    if (key == "greyEmail" && !v.get_bool().get(grey)) c.row->SetInt(FieldId::kSpamGrey, grey);
    if (key == "verdict" || key == "spamVerdict") StageVerdict(v, c);
    return true;
  });
  return walked || c.Fail(r.key, "malformed spamProcessingDetail", f.text);
}

bool CoerceAttachments(const KeyRule& r, const RawField& f, NormalizeContext& c) {
  if (f.kind == RawKind::kNull) return true;
  const bool json = f.kind == RawKind::kArray ||
                    (f.kind == RawKind::kString && TrimText(f.text).starts_with('['));
  size_t before = c.row->CountOf(FieldId::kAttachments);
  if (!json) {
    if (f.kind != RawKind::kString) return c.Fail(r.key, "expected attachment names", f.text);
    QuotedCsv(f.text, [&](std::string_view name) { StageAttachment(name, c); });
  } else {
    od::document doc;
    od::array a;
    if (!c.nested->Parse(f, &doc) || doc.get_array().get(a)) {
      return c.Fail(r.key, "expected a JSON array of names", f.text);
    }
    for (auto element : a) {
      std::string_view name;
      if (!element.get_string().get(name)) StageAttachment(c.Copy(name), c);
    }
  }
  c.row->MarkPresent(FieldId::kAttachments);
  const size_t n = c.row->CountOf(FieldId::kAttachments) - before;
  c.row->SetInt(FieldId::kAttachmentCount, static_cast<int64_t>(n), true);
  return true;
}

bool CoerceStringArray(const KeyRule& r, const RawField& f, NormalizeContext& c, bool lower) {
  if (f.kind == RawKind::kNull) return true;
  if (f.kind == RawKind::kString && !TrimText(f.text).starts_with('[')) {
    if (!TrimText(f.text).empty()) {
      c.row->AppendString(r.field, lower ? c.Lower(TrimText(f.text)) : TrimText(f.text));
    }
    return true;
  }
  od::document doc;
  od::value v;
  if (!c.nested->Parse(f, &doc) || doc.get_value().get(v)) {
    return c.Fail(r.key, "expected an array of strings", f.text);
  }
  c.row->MarkPresent(r.field);
  return AppendStrings(v, r.field, c, lower) || c.Fail(r.key, "malformed array", f.text);
}

bool CoerceIdentifiers(const KeyRule& r, const RawField& f, NormalizeContext& c) {
  od::document doc;
  od::array a;
  const Nest n = NestedAs(r, f, c, &doc, &a, "expected an array of identifiers");
  if (n != Nest::kPresent) return n == Nest::kAbsent;
  c.Identifier(-1);
  for (auto element : a) {
    std::string_view name;
    if (element.get_string().get(name)) continue;
    const int index = IdentifierIndex(name);
    c.Identifier(index);
    constexpr FieldId kFlags[] = {FieldId::kImpInternalName,     FieldId::kImpNewDomain,
                                  FieldId::kImpReplyMismatch,    FieldId::kImpSimilarInternal,
                                  FieldId::kImpSimilarExternal,  FieldId::kImpThreatDictionary,
                                  FieldId::kImpCustomDictionary, FieldId::kImpCustomName};
    if (index >= 0) c.row->SetInt(kFlags[index], 1);
  }
  return true;
}

bool CoerceImpResults(const KeyRule& r, const RawField& f, NormalizeContext& c) {
  od::document doc;
  od::array a;
  const Nest n = NestedAs(r, f, c, &doc, &a, "expected an array of results");
  if (n != Nest::kPresent) return n == Nest::kAbsent;
  for (auto element : a) {
    od::object o;
    std::string_view similar;
    if (element.get_object().get(o)) continue;
    if (!o.find_field_unordered("similarDomain").get_string().get(similar) && !similar.empty()) {
      c.row->SetString(r.field, c.Copy(similar), true);
    }
  }
  return true;
}

bool CoerceAnalysis(const KeyRule& r, const RawField& f, NormalizeContext& c) {
  od::document doc;
  od::json_type t;
  bool ok;
  if (!Nested(r, f, c, &doc, &ok)) return ok;
  if (doc.type().get(t)) return c.Fail(r.key, "malformed analysis", f.text);
  if (t != od::json_type::object) return true;
  od::object o;
  if (doc.get_object().get(o)) return c.Fail(r.key, "malformed analysis", f.text);
  ForEachMember(o, [&](std::string_view key, od::value v) {
    return key != "CredentialTheftTags" || AppendStrings(v, r.field, c, false);
  });
  return true;
}

bool CoerceTagMap(const KeyRule& r, const RawField& f, NormalizeContext& c) {
  od::document doc;
  od::object o;
  const Nest n = NestedAs(r, f, c, &doc, &o, "expected a tagMap object");
  if (n != Nest::kPresent) return n == Nest::kAbsent;
  const bool walked = ForEachMember(o, [&](std::string_view scan, od::value v) {
    c.row->AppendString(r.field, c.Copy(scan));
    od::object tags;
    od::value types;
    if (v.get_object().get(tags) || tags.find_field_unordered("Type").get(types)) return true;
    return AppendStrings(types, r.field, c, false);
  });
  return walked || c.Fail(r.key, "malformed tagMap", f.text);
}

bool CoercePolicies(const KeyRule& r, const RawField& f, NormalizeContext& c) {
  od::document doc;
  od::array a;
  const Nest n = NestedAs(r, f, c, &doc, &a, "expected an array of policies");
  if (n != Nest::kPresent) return n == Nest::kAbsent;
  c.row->MarkPresent(r.field);
  for (auto element : a) {
    od::object o;
    if (element.get_object().get(o)) continue;
    ForEachMember(o, [&](std::string_view key, od::value v) {
      std::string_view s;
      if (v.get_string().get(s) || s.empty()) return true;
      if (key == "name") c.row->AppendString(r.field, c.Copy(s));
      if (key == "action") {
        c.row->SetString(FieldId::kAction, s == "DO_NOTHING" ? "none" : c.scratch->CopyLower(s),
                         true);
      }
      return true;
    });
  }
  return true;
}

bool CoerceAuthResults(const KeyRule& r, const RawField& f, NormalizeContext& c) {
  od::document doc;
  od::array a;
  const Nest n = NestedAs(r, f, c, &doc, &a, "expected an array of results");
  if (n != Nest::kPresent) return n == Nest::kAbsent;
  for (auto element : a) {
    od::object o;
    std::string_view type, result;
    if (element.get_object().get(o)) continue;
    ForEachMember(o, [&](std::string_view key, od::value v) {
      std::string_view s;
      if (v.get_string().get(s)) return true;
      if (key == "type") type = c.Copy(s);
      if (key == "result") result = c.Copy(s);
      return true;
    });
    if (base::EqualsIgnoreCase(type, "SPF")) StageAuth(FieldId::kAuthSpf, result, c);
    if (base::EqualsIgnoreCase(type, "DKIM")) StageAuth(FieldId::kAuthDkim, result, c);
    if (base::EqualsIgnoreCase(type, "DMARC")) StageAuth(FieldId::kAuthDmarc, result, c);
  }
  return true;
}

bool CoerceAuditInfo(const KeyRule& r, const RawField& f, NormalizeContext& c) {
  std::string_view info;
  if (!ScalarText(f, &info)) {
    return f.kind == RawKind::kNull || c.Fail(r.key, "expected text", f.text);
  }
  info = TrimText(info);
  if (info.empty()) return true;
  c.row->SetString(r.field, info);
  std::string_view ip = InfoPart(info, "IP");
  for (std::string_view marker : {"Remote IP is ", "IP Address :"}) {
    const size_t at = info.find(marker);
    if (ip.empty() && at != std::string_view::npos) {
      ip = info.substr(at + marker.size());
      ip = ip.substr(0, ip.find_first_of(", ]"));
    }
  }
  if (const std::optional<base::IpAddr> addr = base::ParseIp(ip)) {
    c.row->SetIp(FieldId::kClientIp, *addr);
  }
  const std::pair<std::string_view, FieldId> kParts[] = {{"Application", FieldId::kApplication},
                                                         {"Method", FieldId::kMethod},
                                                         {"Reason", FieldId::kReason}};
  for (const auto& [label, field] : kParts) {
    const std::string_view v = InfoPart(info, label);
    if (!v.empty()) c.row->SetString(field, v);
  }
  return true;
}

}  // namespace vigil::ingest
