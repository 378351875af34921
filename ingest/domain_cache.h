// domain_cache.h: memoized registered-domain (eTLD+1) lookups for normalization. libpsl is
// called once per distinct host; mail logs repeat a small set of domains, so the hot path is
// one hash lookup. Bounded: the cache is dropped whole when it grows past kMaxEntries.
#pragma once

#include <cstddef>
#include <functional>
#include <string>
#include <string_view>
#include <unordered_map>

namespace vigil::ingest {

class DomainCache {
 public:
  static constexpr size_t kMaxEntries = 1 << 16;

  // The registered domain of `host` (any case; trailing dot ignored), lower-case; "" when the
  // host has none (a public suffix, an IP literal, not a domain). The view stays valid until
  // the next Trim().
  std::string_view Root(std::string_view host);
  // Drops every entry when there are more than kMaxEntries. Call only between records.
  void Trim();
  size_t size() const { return map_.size(); }

 private:
  struct Hash {
    using is_transparent = void;
    size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
  };
  std::unordered_map<std::string, std::string, Hash, std::equal_to<>> map_;
  std::string key_;  // lower-cased lookup key, reused
};

}  // namespace vigil::ingest
