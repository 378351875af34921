// domain_cache.cc: the registered-domain memo over stdlib's libpsl wrapper.
#include "ingest/domain_cache.h"

#include "stdlib/domain/psl.h"

namespace vigil::ingest {

std::string_view DomainCache::Root(std::string_view host) {
  if (!host.empty() && host.back() == '.') host.remove_suffix(1);
  if (host.empty() || host.size() > 253) return {};
  key_.assign(host);
  for (char& c : key_) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
  }
  auto it = map_.find(std::string_view(key_));
  if (it == map_.end()) it = map_.emplace(key_, stdlib::RegisteredDomain(key_)).first;
  return it->second;
}

void DomainCache::Trim() {
  if (map_.size() > kMaxEntries) map_.clear();
}

}  // namespace vigil::ingest
