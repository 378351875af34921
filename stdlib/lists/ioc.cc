// ioc.cc: indicator classification, normalization, per-type indexes and evidence JSON.
#include "stdlib/lists/ioc.h"

#include <nlohmann/json.hpp>

#include "base/ip.h"
#include "base/strings.h"
#include "stdlib/lists/domain_trie.h"
#include "stdlib/net/cidr_trie.h"
#include "stdlib/string_hash.h"
#include "stdlib/strings/wildcard.h"

namespace vigil::stdlib {
namespace {

constexpr std::string_view kTypeNames[] = {"md5",  "sha1",   "sha256", "ip",
                                           "cidr", "domain", "url",    "email"};

bool IsHex(std::string_view s) {
  for (char c : s) {
    if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'))) return false;
  }
  return true;
}

std::string Lower(std::string_view s) { return base::AsciiLower(s); }

// scheme and host lower-cased, one trailing '/' removed: "HTTP://Evil.COM/" -> "http://evil.com".
std::string NormalizeUrl(std::string_view s) {
  const size_t colon = s.find("://");
  const size_t host_end = s.find_first_of("/?#", colon + 3);
  std::string out = Lower(s.substr(0, host_end));
  if (host_end != std::string_view::npos) out.append(s.substr(host_end));
  if (out.size() > colon + 3 && out.back() == '/') out.pop_back();
  return out;
}

}  // namespace

std::string_view IocTypeName(IocType t) { return kTypeNames[static_cast<int>(t)]; }

bool ParseIocType(std::string_view name, IocType* out) {
  const std::string n = Lower(name);
  if (n == "sha-1") return *out = IocType::kSha1, true;
  if (n == "sha-256") return *out = IocType::kSha256, true;
  for (size_t i = 0; i < std::size(kTypeNames); ++i) {
    if (kTypeNames[i] == n) return *out = static_cast<IocType>(i), true;
  }
  return false;
}

bool NormalizeIndicator(IocType type, std::string_view raw, std::string* value) {
  const std::string_view s = base::Trim(raw);
  if (s.empty()) return false;
  switch (type) {
    case IocType::kMd5:
    case IocType::kSha1:
    case IocType::kSha256: {
      const size_t len = type == IocType::kMd5 ? 32 : type == IocType::kSha1 ? 40 : 64;
      if (s.size() != len || !IsHex(s)) return false;
      *value = Lower(s);
      return true;
    }
    case IocType::kIp:
    case IocType::kCidr: {
      const auto c = base::ParseCidr(s);
      if (!c) return false;
      *value =
          s.find('/') == std::string_view::npos ? base::FormatIp(c->addr) : base::FormatCidr(*c);
      return true;
    }
    case IocType::kDomain:
      return NormalizeDomainEntry(s, value);
    case IocType::kUrl:
      if (s.find("://") == std::string_view::npos || s.find(' ') != std::string_view::npos)
        return false;
      *value = NormalizeUrl(s);
      return true;
    case IocType::kEmail: {
      const size_t at = s.rfind('@');
      if (at == 0 || at == std::string_view::npos || at + 1 == s.size() ||
          s.find(' ') != std::string_view::npos) {
        return false;
      }
      *value = Lower(s);
      return true;
    }
  }
  return false;
}

bool ClassifyIndicator(std::string_view raw, IocType* type, std::string* value) {
  const std::string_view s = base::Trim(raw);
  if (IsHex(s) && (s.size() == 32 || s.size() == 40 || s.size() == 64)) {
    *type = s.size() == 32 ? IocType::kMd5 : s.size() == 40 ? IocType::kSha1 : IocType::kSha256;
  } else if (base::ParseCidr(s)) {
    *type = s.find('/') == std::string_view::npos ? IocType::kIp : IocType::kCidr;
  } else if (s.find("://") != std::string_view::npos) {
    *type = IocType::kUrl;
  } else if (s.find('@') != std::string_view::npos) {
    *type = IocType::kEmail;
  } else {
    *type = IocType::kDomain;
  }
  return NormalizeIndicator(*type, s, value);
}

struct IocList::Index {
  StringMap<uint32_t> exact;  // hashes, URLs, emails by normalized value
  DomainTrie domains;
  CidrTrie networks;
};

IocList::IocList(std::vector<Indicator> indicators) : index_(std::make_unique<Index>()) {
  for (Indicator& ind : indicators) {
    const auto i = static_cast<uint32_t>(indicators_.size());
    bool fresh = true;
    if (ind.type == IocType::kDomain) {
      fresh = index_->domains.FindExact(ind.value) < 0;
      if (fresh) index_->domains.Insert(ind.value, i);
    } else if (ind.type == IocType::kIp || ind.type == IocType::kCidr) {
      const auto net = base::ParseCidr(ind.value);
      if (!net) continue;
      index_->networks.Insert(*net, i);
    } else {
      fresh = index_->exact.emplace(ind.value, i).second;
    }
    if (!fresh) continue;
    entries_.push_back(ind.value);
    indicators_.push_back(std::move(ind));
  }
  for (const Indicator& ind : indicators_) {
    nlohmann::ordered_json j;
    j["indicator"] = ind.value;
    j["type"] = IocTypeName(ind.type);
    auto put = [&](const char* key, const std::string& v) {
      if (!v.empty()) j[key] = v;
    };
    put("source", ind.source);
    put("severity", ind.severity);
    put("description", ind.description);
    put("first_seen", ind.first_seen);
    put("last_seen", ind.last_seen);
    if (!ind.labels.empty()) j["labels"] = ind.labels;
    for (const auto& [k, v] : ind.extra) put(k.c_str(), v);
    json_.push_back(j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
  }
}

IocList::~IocList() = default;

int64_t IocList::Find(const schema::Datum& v) const {
  if (v.type == schema::ScalarType::kIp) return index_->networks.LongestMatch(v.ip);
  if (!schema::IsStringLike(v.type)) return -1;
  IocType type;
  std::string value;
  if (!ClassifyIndicator(v.s, &type, &value)) return -1;
  if (type == IocType::kIp || type == IocType::kCidr) {
    const auto ip = base::ParseIp(value);
    return ip ? index_->networks.LongestMatch(*ip) : -1;
  }
  if (type == IocType::kDomain) return index_->domains.FindSuffix(value);
  auto it = index_->exact.find(value);
  return it == index_->exact.end() ? -1 : static_cast<int64_t>(it->second);
}

}  // namespace vigil::stdlib
