// coerce_address.cc: email addresses (split into local part, domain and display name, with
// the registered domain from the public suffix list), recipient lists, domains and URLs.
// The null sender <> and empty values are absent; an address that does not split is kept
// as sent in the address field with no parts.
#include "base/ip.h"
#include "base/strings.h"
#include "ingest/normalize_context.h"
#include "ingest/values.h"
#include "stdlib/email/address.h"

namespace vigil::ingest {

using schema::FieldId;
namespace od = simdjson::ondemand;

namespace {

struct AddressFields {
  FieldId address, local, domain, name;
};
constexpr AddressFields kSenderFields{FieldId::kSender, FieldId::kSenderLocal,
                                      FieldId::kSenderDomain, FieldId::kNone};
constexpr AddressFields kFromFields{FieldId::kFrom, FieldId::kNone, FieldId::kFromDomain,
                                    FieldId::kFromName};
constexpr AddressFields kUserFields{FieldId::kUser, FieldId::kNone, FieldId::kUserDomain,
                                    FieldId::kNone};
constexpr AddressFields kRecipientFields{FieldId::kRecipient, FieldId::kRecipientLocal,
                                         FieldId::kRecipientDomain, FieldId::kNone};

void Set(NormalizeContext& c, FieldId f, std::string_view s, bool weak) {
  if (f != FieldId::kNone && !s.empty()) c.row->SetString(f, s, weak);
}

// Stages an address split into `p`; `text` is the whole (trimmed) value.
void StageParts(NormalizeContext& c, const AddressFields& a, std::string_view text,
                const stdlib::AddressParts& p, std::string_view display, bool weak) {
  if (!p.valid) {
    Set(c, a.address, text, weak);
    return;
  }
  Set(c, a.address, p.address, weak);
  Set(c, a.local, c.Lower(p.local), weak);  // the address is stored lower-case too
  Set(c, a.domain, p.domain, weak);
  Set(c, a.name, display.empty() ? p.display : TrimText(display), weak);
}

bool IsNoAddress(std::string_view text) { return text.empty() || text == "<>" || IsNullText(text); }

// stdlib::SplitAddress(t) for a trimmed t, in one pass for the bare form "local@domain" (none
// of the bytes BareAddressAt rejects: then SplitAddress only splits at the last '@'); other
// forms go to it.
stdlib::AddressParts Split(std::string_view t) {
  const size_t at = BareAddressAt(t);
  if (at == kNotBareAddress) return stdlib::SplitAddress(t);
  stdlib::AddressParts p;
  if (at == std::string_view::npos || at == 0 || at + 1 == t.size()) return p;
  p.valid = true;
  p.address = t;
  p.local = t.substr(0, at);
  p.domain = t.substr(at + 1);
  return p;
}

// Stages one address; `display` is a separately sent display name (release logs).
void StageAddress(NormalizeContext& c, const AddressFields& a, std::string_view text,
                  std::string_view display, bool weak) {
  text = TrimText(text);
  if (!IsNoAddress(text)) StageParts(c, a, text, Split(text), display, weak);
}

// Reads {"emailAddress":..., "displayableName":...} from the nested parser.
bool AddressObject(od::object o, NormalizeContext& c, std::string_view* address,
                   std::string_view* display) {
  for (auto field : o) {
    std::string_view key, value;
    if (field.unescaped_key().get(key)) return false;
    if (field.value().get_string().get(value)) continue;
    if (key == "emailAddress") *address = c.Copy(value);
    if (key == "displayableName") *display = c.Copy(value);
  }
  return true;
}

bool CoerceAddress(const KeyRule& r, const RawField& f, NormalizeContext& c,
                   const AddressFields& a) {
  if (f.kind == RawKind::kNull) return true;
  if (f.kind == RawKind::kString || f.kind == RawKind::kNumber) {
    StageAddress(c, a, f.text, {}, false);
    return true;
  }
  od::document doc;
  od::object o;
  std::string_view address, display;
  if (f.kind != RawKind::kObject || !c.nested->Parse(f, &doc) || doc.get_object().get(o) ||
      !AddressObject(o, c, &address, &display)) {
    return c.Fail(r.key, "expected an address or {emailAddress}", f.text);
  }
  StageAddress(c, a, address, display, false);
  return true;
}

// Stages one recipient: a record of recipients; the first also fills recipient.*.
void StageRecipient(NormalizeContext& c, std::string_view text) {
  text = TrimText(text);
  if (IsNoAddress(text)) return;
  const stdlib::AddressParts p = Split(text);
  c.row->BeginRecord(FieldId::kRecipients);
  c.row->SetMember(FieldId::kRecipientsAddress, p.valid ? p.address : text);
  if (p.valid) c.row->SetMember(FieldId::kRecipientsDomain, p.domain);
  if (!c.row->Has(FieldId::kRecipient)) StageParts(c, kRecipientFields, text, p, {}, true);
}

// A JSON array of addresses or {emailAddress} objects.
bool RecipientArray(od::array a, NormalizeContext& c) {
  for (auto element : a) {
    od::value v;
    od::json_type t;
    if (element.get(v) || v.type().get(t)) return false;
    std::string_view address, display;
    if (t == od::json_type::string) {
      if (v.get_string().get(address)) return false;
      address = c.Copy(address);
    } else if (t == od::json_type::object) {
      od::object o;
      if (v.get_object().get(o) || !AddressObject(o, c, &address, &display)) return false;
    } else if (t != od::json_type::null) {
      return false;
    }
    StageRecipient(c, address);
  }
  return true;
}

// "a@x" or "a@x, b@y; c@z": a list only when it holds more than one '@'.
void RecipientList(std::string_view s, NormalizeContext& c) {
  if (s.find('@') == s.rfind('@')) return StageRecipient(c, s);
  size_t start = 0;
  for (size_t i = 0; i <= s.size(); ++i) {
    if (i == s.size() || s[i] == ',' || s[i] == ';') {
      StageRecipient(c, s.substr(start, i - start));
      start = i + 1;
    }
  }
}

}  // namespace

bool CoerceSender(const KeyRule& r, const RawField& f, NormalizeContext& c) {
  return CoerceAddress(r, f, c, kSenderFields);
}

bool CoerceFrom(const KeyRule& r, const RawField& f, NormalizeContext& c) {
  return CoerceAddress(r, f, c, kFromFields);
}

bool CoerceUser(const KeyRule& r, const RawField& f, NormalizeContext& c) {
  return CoerceAddress(r, f, c, kUserFields);
}

bool CoerceRecipients(const KeyRule& r, const RawField& f, NormalizeContext& c) {
  if (f.kind == RawKind::kNull) return true;
  const bool json_text = f.kind == RawKind::kString && !f.text.empty() && f.text.front() == '[';
  if (f.kind == RawKind::kString && !json_text) {
    RecipientList(f.text, c);
    return true;
  }
  if (f.kind == RawKind::kNumber || f.kind == RawKind::kBool) {
    return c.Fail(r.key, "expected an address or a list of addresses", f.text);
  }
  od::document doc;
  od::json_type t;
  if (!c.nested->Parse(f, &doc) || doc.type().get(t)) {
    return c.Fail(r.key, "expected an address or a list of addresses", f.text);
  }
  c.row->MarkPresent(FieldId::kRecipients);
  std::string_view address, display;
  od::array a;
  od::object o;
  if (t == od::json_type::array && !doc.get_array().get(a) && RecipientArray(a, c)) return true;
  if (t == od::json_type::object && !doc.get_object().get(o) &&
      AddressObject(o, c, &address, &display)) {
    StageRecipient(c, address);
    return true;
  }
  return c.Fail(r.key, "expected an address or a list of addresses", f.text);
}

bool CoerceDomainWeak(const KeyRule& r, const RawField& f, NormalizeContext& c) {
  std::string_view s;
  if (!ScalarText(f, &s))
    return f.kind == RawKind::kNull || c.Fail(r.key, "expected a domain", f.text);
  s = TrimText(s);
  if (!s.empty() && !IsNullText(s)) c.row->SetString(r.field, s, true);
  return true;
}

void DeriveRootDomains(NormalizeContext& c) {
  const std::pair<FieldId, FieldId> kPairs[] = {
      {FieldId::kSenderDomain, FieldId::kSenderRootDomain},
      {FieldId::kFromDomain, FieldId::kFromRootDomain}};
  for (const auto& [domain, root] : kPairs) {
    if (!c.row->Has(domain)) continue;
    const std::string_view rd = c.domains->Root(c.row->GetString(domain));
    if (!rd.empty()) c.row->SetString(root, rd);
  }
}

bool CoerceUrl(const KeyRule& r, const RawField& f, NormalizeContext& c) {
  std::string_view s;
  if (!ScalarText(f, &s))
    return f.kind == RawKind::kNull || c.Fail(r.key, "expected a URL", f.text);
  s = TrimText(s);
  if (s.empty() || IsNullText(s)) return true;
  c.row->SetString(FieldId::kUrl, s);
  std::string_view rest = s;
  const size_t colon = rest.find("://");
  if (colon != std::string_view::npos && colon > 0 && rest.find('/') > colon) {
    c.row->SetString(FieldId::kUrlScheme, c.Lower(rest.substr(0, colon)));
    rest.remove_prefix(colon + 3);
  }
  const size_t path_at = rest.find_first_of("/?#");
  std::string_view host = rest.substr(0, path_at);
  if (const size_t at = host.rfind('@'); at != std::string_view::npos) host.remove_prefix(at + 1);
  if (!host.empty() && host.front() == '[') {
    host = host.substr(1, host.find(']') == std::string_view::npos ? 0 : host.find(']') - 1);
  } else if (const size_t port = host.rfind(':'); port != std::string_view::npos) {
    host = host.substr(0, port);
  }
  std::string_view path = path_at == std::string_view::npos ? "" : rest.substr(path_at);
  path = path.substr(0, path.find_first_of("?#"));
  c.row->SetString(FieldId::kUrlPath, path.empty() ? std::string_view("/") : path);
  if (host.empty()) return true;
  c.row->SetString(FieldId::kUrlHost, host);
  if (!base::ParseIp(host)) {
    const std::string_view rd = c.domains->Root(host);
    if (!rd.empty()) c.row->SetString(FieldId::kUrlRootDomain, rd);
  }
  return true;
}

}  // namespace vigil::ingest
