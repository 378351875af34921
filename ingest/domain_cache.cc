// domain_cache.cc: the registered-domain memo over stdlib's libpsl wrapper.
#include "ingest/domain_cache.h"

#include "stdlib/domain/psl.h"
#include "vm/columnar/bytes.h"

namespace vigil::ingest {

size_t DomainCache::Probe(std::string_view host, uint64_t h) const {
  const size_t mask = slots_.size() - 1;
  for (size_t i = h & mask;; i = (i + 1) & mask) {
    const Entry& e = slots_[i];
    if (e.host.empty() || (e.hash == h && columnar::EqualBytes(e.host, host))) return i;
  }
}

void DomainCache::Grow() {
  std::vector<Entry> old(slots_.empty() ? 256 : slots_.size() * 2);
  old.swap(slots_);
  for (const Entry& e : old) {
    if (!e.host.empty()) slots_[Probe(e.host, e.hash)] = e;
  }
}

std::string_view DomainCache::Root(std::string_view host) {
  if (!host.empty() && host.back() == '.') host.remove_suffix(1);
  if (host.empty() || host.size() > 253) return {};
  if (columnar::HasUpperAscii(host)) {
    key_.assign(host);
    for (char& c : key_) {
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
    }
    host = key_;
  }
  if ((count_ + 1) * 2 > slots_.size()) Grow();
  const uint64_t h = columnar::HashBytes(host);
  Entry& e = slots_[Probe(host, h)];
  if (e.host.empty()) {
    e.host = bytes_.Copy(host);
    e.root = bytes_.Copy(stdlib::RegisteredDomain(host));
    e.hash = h;
    ++count_;
  }
  return e.root;
}

void DomainCache::Trim() {
  if (count_ <= kMaxEntries) return;
  slots_.assign(slots_.size(), Entry{});
  count_ = 0;
  bytes_.Reset();
}

}  // namespace vigil::ingest
