// domain_cache.h: memoized registered-domain (eTLD+1) lookups for normalization. libpsl is
// called once per distinct host; mail logs repeat a small set of domains, so the hot path is
// one probe of a flat open-addressing table. Bounded: the cache is dropped whole when it
// grows past kMaxEntries.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "vm/columnar/arena.h"

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
  size_t size() const { return count_; }

 private:
  struct Entry {
    std::string_view host;  // lower-case, in bytes_; empty: a free slot
    std::string_view root;  // in bytes_
    uint64_t hash = 0;
  };
  // The slot of `host` (hash h): its entry, or the free slot where it would go.
  size_t Probe(std::string_view host, uint64_t h) const;
  void Grow();

  std::vector<Entry> slots_;  // power-of-two size, at most half full
  size_t count_ = 0;
  columnar::Arena bytes_{16 * 1024};  // hosts and roots of the entries
  std::string key_;                   // lower-cased lookup key, reused
};

}  // namespace vigil::ingest
