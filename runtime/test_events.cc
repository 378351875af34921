// test_events.cc: typed test values -> columns, plus derived fields.
#include "runtime/test_events.h"

#include <map>
#include <set>
#include <string>

#include "base/strings.h"
#include "ingest/values.h"
#include "stdlib/domain/psl.h"
#include "stdlib/email/address.h"
#include "stdlib/url/url.h"

namespace vigil::runtime {
namespace {

using schema::FieldId;
using schema::ScalarType;

class RowWriter {
 public:
  explicit RowWriter(columnar::BatchBuilder* b) : b_(b) {}

  void Scalar(FieldId f, const ast::Literal& lit) {
    const schema::FieldInfo& info = schema::Field(f);
    set_.insert(f);
    switch (lit.kind) {
      case ast::LiteralKind::kNull: return;
      case ast::LiteralKind::kBool: b_->SetBool(f, lit.b); return;
      case ast::LiteralKind::kFloat: b_->SetFloat(f, lit.f); return;
      case ast::LiteralKind::kIp: b_->SetIp(f, lit.ip); return;
      case ast::LiteralKind::kString:
        if (info.type == ScalarType::kIp) {
          if (auto ip = base::ParseIp(lit.s)) b_->SetIp(f, *ip);
        } else if (IsAddressField(f)) {
          Address(f, lit.s);
        } else {
          b_->SetString(f, lit.s);
          strings_[f] = lit.s;
        }
        return;
      default:
        if (info.type == ScalarType::kFloat) {
          b_->SetFloat(f, static_cast<double>(lit.i));
        } else {
          b_->SetInt(f, lit.i);
        }
    }
  }

  void Field(const std::string& path, const ast::TestValue& v) {
    FieldId f;
    if (!schema::FindField(path, &f)) return;  // sema reported it
    const schema::FieldInfo& info = schema::Field(f);
    if (info.shape == schema::Shape::kScalar && v.kind == ast::TestValue::Kind::kLiteral) return Scalar(f, v.lit);
    set_.insert(f);
    b_->SetPresent(f);
    for (const ast::TestValue& item : v.items) {
      if (info.shape == schema::Shape::kArray && item.kind == ast::TestValue::Kind::kLiteral) {
        b_->AppendArrayString(f, item.lit.s);
      } else if (info.shape == schema::Shape::kRecords && item.kind == ast::TestValue::Kind::kRecord) {
        Record(info, item);
      }
    }
  }

  void Derive() {
    DeriveAddress(FieldId::kSender, FieldId::kSenderLocal, FieldId::kSenderDomain, FieldId::kSenderRootDomain, FieldId::kNone);
    DeriveAddress(FieldId::kFrom, FieldId::kNone, FieldId::kFromDomain, FieldId::kFromRootDomain, FieldId::kFromName);
    DeriveAddress(FieldId::kRecipient, FieldId::kRecipientLocal, FieldId::kRecipientDomain, FieldId::kNone, FieldId::kNone);
    DeriveAddress(FieldId::kUser, FieldId::kNone, FieldId::kUserDomain, FieldId::kNone, FieldId::kNone);
    DeriveRoot(FieldId::kSenderDomain, FieldId::kSenderRootDomain);
    DeriveRoot(FieldId::kFromDomain, FieldId::kFromRootDomain);
    DeriveRecipients();
    DeriveUrl();
    if (auto it = strings_.find(FieldId::kFileName); it != strings_.end() && !set_.count(FieldId::kFileExt)) {
      Set(FieldId::kFileExt, ingest::FileExtension(it->second));
    }
  }

 private:
  void Record(const schema::FieldInfo& records, const ast::TestValue& item) {
    b_->AppendRecord(records.id);
    bool has_ext = false;
    std::string name;
    for (const auto& [member, value] : item.fields) {
      FieldId m;
      if (!schema::FindField(std::string(records.name) + "." + member, &m)) continue;
      if (value.lit.kind == ast::LiteralKind::kInt) {
        b_->SetMemberInt(m, value.lit.i);
      } else if (m == FieldId::kRecipientsAddress) {
        RecipientAddress(item, value.lit.s);
      } else {
        b_->SetMemberString(m, value.lit.s);
      }
      if (m == FieldId::kAttachmentsExt) has_ext = true;
      if (m == FieldId::kAttachmentsName) name = value.lit.s;
    }
    if (records.id == FieldId::kAttachments && !has_ext && !name.empty()) {
      b_->SetMemberString(FieldId::kAttachmentsExt, ingest::FileExtension(name));
    }
  }

  // recipients[].address as ingest stores it: the address without a display name, and the
  // domain unless the record sets one.
  void RecipientAddress(const ast::TestValue& record, std::string_view text) {
    text = base::Trim(text);
    const stdlib::AddressParts parts = stdlib::SplitAddress(text);
    b_->SetMemberString(FieldId::kRecipientsAddress, parts.valid ? parts.address : text);
    bool has_domain = false;
    for (const auto& [k, v] : record.fields) has_domain = has_domain || k == "domain";
    if (parts.valid && !has_domain) b_->SetMemberString(FieldId::kRecipientsDomain, parts.domain);
  }

  static bool IsAddressField(FieldId f) {
    return f == FieldId::kSender || f == FieldId::kFrom || f == FieldId::kRecipient ||
           f == FieldId::kUser;
  }

  // An address field holds only the address, as ingest stores it (ingest/coerce_address.cc):
  // `"Name" <a@b.com>` keeps a@b.com and its display name (for from.name); "", "<>" and null
  // words are no value; text that does not split is kept as written, without parts.
  void Address(FieldId f, std::string_view text) {
    text = base::Trim(text);
    if (text.empty() || text == "<>" || ingest::IsNullText(text)) return;
    const stdlib::AddressParts p = stdlib::SplitAddress(text);
    const std::string_view address = p.valid ? p.address : text;
    b_->SetString(f, address);
    strings_[f] = std::string(address);
    if (p.valid) displays_[f] = std::string(p.display);
  }

  void Set(FieldId f, std::string_view value) {
    if (set_.count(f) || value.empty()) return;
    b_->SetString(f, value);
    strings_[f] = std::string(value);
    set_.insert(f);
  }

  void DeriveAddress(FieldId addr, FieldId local, FieldId domain, FieldId root, FieldId name) {
    auto it = strings_.find(addr);
    if (it == strings_.end()) return;
    const stdlib::AddressParts p = stdlib::SplitAddress(it->second);
    if (!p.valid) return;
    if (local != FieldId::kNone) Set(local, base_lower(p.local));  // lower-case, as ingest
    Set(domain, p.domain);
    if (root != FieldId::kNone) Set(root, stdlib::RegisteredDomain(base_lower(p.domain)));
    if (name != FieldId::kNone) Set(name, displays_[addr]);
  }

  void DeriveRoot(FieldId domain, FieldId root) {
    auto it = strings_.find(domain);
    if (it != strings_.end()) Set(root, stdlib::RegisteredDomain(base_lower(it->second)));
  }

  void DeriveRecipients() {
    auto it = strings_.find(FieldId::kRecipient);
    if (it == strings_.end() || set_.count(FieldId::kRecipients)) return;
    const stdlib::AddressParts p = stdlib::SplitAddress(it->second);
    b_->AppendRecord(FieldId::kRecipients);  // as ingest: text that does not split too
    b_->SetMemberString(FieldId::kRecipientsAddress, p.valid ? p.address : it->second);
    if (p.valid) b_->SetMemberString(FieldId::kRecipientsDomain, p.domain);
    if (!set_.count(FieldId::kRecipientCount)) b_->SetInt(FieldId::kRecipientCount, 1);
  }

  void DeriveUrl() {
    auto it = strings_.find(FieldId::kUrl);
    if (it == strings_.end()) return;
    stdlib::UrlParts u;
    if (!stdlib::ParseUrl(it->second, &u)) return;
    Set(FieldId::kUrlHost, u.host);
    Set(FieldId::kUrlPath, u.path.empty() ? "/" : u.path);
    Set(FieldId::kUrlScheme, base_lower(u.scheme));
    if (!u.host_is_ip) Set(FieldId::kUrlRootDomain, stdlib::RegisteredDomain(u.host));
  }

  static std::string base_lower(std::string_view s) {
    std::string out(s);
    for (char& c : out) c = (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c;
    return out;
  }

  columnar::BatchBuilder* b_;
  std::set<FieldId> set_;
  std::map<FieldId, std::string> strings_;
  std::map<FieldId, std::string> displays_;  // display names of address fields
};

}  // namespace

void AddTestEvent(const ast::TestItem& event, int64_t default_ts_ms, int64_t offset_ms,
                  columnar::BatchBuilder* builder) {
  builder->BeginRow({});
  RowWriter w(builder);
  int64_t ts = default_ts_ms;
  for (const ast::TestField& f : event.fields) {
    if (f.path == "ts" && f.value.kind == ast::TestValue::Kind::kLiteral) {
      ts = f.value.lit.i + offset_ms;
      continue;
    }
    w.Field(f.path, f.value);
  }
  builder->SetTimestamp(FieldId::kTs, ts);
  w.Derive();
}

}  // namespace vigil::runtime
