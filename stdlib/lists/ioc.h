// ioc.h: indicator-of-compromise lists: file hashes (MD5, SHA-1, SHA-256), IPs and networks,
// domains (matching subdomains too), URLs and email addresses, each with the metadata an
// alert shows as evidence (source, severity, description, first/last seen, labels, extras).
#pragma once

#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "stdlib/lists/list_value.h"
#include "stdlib/lists/typed_lists.h"

namespace vigil::stdlib {

enum class IocType : uint8_t { kMd5, kSha1, kSha256, kIp, kCidr, kDomain, kUrl, kEmail };
std::string_view IocTypeName(IocType t);
// Parses "md5", "sha1"/"sha-1", "sha256"/"sha-256", "ip", "cidr", "domain", "url", "email".
bool ParseIocType(std::string_view name, IocType* out);

struct Indicator {
  IocType type = IocType::kDomain;
  std::string value;  // normalized: hashes and domains lower-case, URLs with lower-case host
  std::string source, severity, description, first_seen, last_seen;
  std::vector<std::string> labels;
  std::vector<std::pair<std::string, std::string>> extra;  // any other metadata, in order
};

// Infers the type of a raw indicator: 32/40/64 hex digits -> hash, an address or network ->
// ip/cidr, "scheme://..." -> url, "a@b" -> email, else a domain. Writes the normalized value.
// False when the value is none of these (empty, spaces, ...).
bool ClassifyIndicator(std::string_view raw, IocType* type, std::string* value);
// Normalizes a raw value of a known type; false when it is not a valid value of that type.
bool NormalizeIndicator(IocType type, std::string_view raw, std::string* value);

class IocList : public schema::ListValue {
 public:
  // Builds the indexes; duplicate values keep the first indicator.
  explicit IocList(std::vector<Indicator> indicators);
  ~IocList() override;

  ListKind kind() const override { return ListKind::kIoc; }
  // Looks `v` up by the type its text has (an ip Datum searches the networks).
  int64_t Find(const schema::Datum& v) const override;
  // The indicator's metadata as a JSON object (keys indicator, type, source, severity,
  // description, first_seen, last_seen, labels, then extras; empty fields left out).
  std::string_view Metadata(size_t i) const override { return json_[i]; }
  const Indicator& indicator(size_t i) const { return indicators_[i]; }

 private:
  struct Index;
  std::vector<Indicator> indicators_;
  std::vector<std::string> json_;
  std::unique_ptr<Index> index_;
};

}  // namespace vigil::stdlib
