// list_value.h: schema::ListValue, the typed lists rules test membership in (tenant lists,
// pack lists, inline lists passed to list parameters, IOC feeds), resolved at load time.
// Every lookup is sublinear in the list size: hash tables, label and prefix tries, one
// RE2::Set or one fused PatternSet per list. Lists are immutable and thread-safe once built.
#pragma once

#include <cstdint>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "schema/datum.h"
#include "stdlib/string_hash.h"

namespace vigil::stdlib {

enum class ListKind : uint8_t {
  kString,  // exact strings (optionally ASCII-caseless)
  kDomain,  // domains; an entry matches itself and every subdomain
  kCidr,    // IPv4/IPv6 networks (a bare address is a host network)
  kRegex,   // RE2 patterns, unanchored search
  kGlob,    // like()-dialect wildcards (optionally caseless)
  kIoc,     // indicators of compromise with metadata (stdlib/lists/ioc.h)
};
std::string_view ListKindName(ListKind k);
bool ParseListKind(std::string_view name, ListKind* out);

}  // namespace vigil::stdlib

namespace vigil::schema {

struct ListValue {
  virtual ~ListValue();

  virtual stdlib::ListKind kind() const = 0;

  // Index of the entry `v` matches (the most specific for domain and CIDR lists, the first
  // for pattern lists), or -1. v must be non-null: a string-like value, or an ip for CIDR and
  // IOC lists (which also parse IPs written as strings).
  virtual int64_t Find(const Datum& v) const = 0;

  // The entries as normalized at load (domains lower-cased, CIDRs in canonical form).
  const std::vector<std::string>& entries() const { return entries_; }
  size_t size() const { return entries_.size(); }

  // Evidence for entry i as a JSON object text: IOC lists carry their metadata, other lists
  // {"indicator": entry}.
  virtual std::string_view Metadata(size_t i) const;

  // The lookalike key (stdlib/lookalike/confusables.h) of every entry, computed on first use
  // ("" for entries without a key).
  const std::vector<std::string>& LookalikeKeys() const;
  // The same keys as code points (what the edit distances compare), computed with them.
  const std::vector<std::u32string>& LookalikeKeyPoints() const;

  // A memo of the closest entry to a value (lookalike functions: an ICU skeleton and edit
  // distances per call, while sender domains repeat across batches far more than within one).
  // Memoize(s, compute) returns compute() the first time per s, then the stored pair; at most
  // kMemoEntries values are kept (then it starts over). Thread-safe.
  static constexpr size_t kMemoEntries = 1 << 16;
  template <typename Compute>
  std::pair<int64_t, size_t> Memoize(std::string_view s, Compute compute) const {
    {
      std::lock_guard<std::mutex> lock(memo_mu_);
      if (auto it = memo_.find(s); it != memo_.end()) return it->second;
    }
    const std::pair<int64_t, size_t> v = compute();
    std::lock_guard<std::mutex> lock(memo_mu_);
    if (memo_.size() >= kMemoEntries) memo_.clear();
    memo_.emplace(std::string(s), v);
    return v;
  }
  // Empties the memo (benchmarks that measure a cold start). Thread-safe.
  void ForgetMemo() const {
    std::lock_guard<std::mutex> lock(memo_mu_);
    memo_.clear();
  }

 protected:
  std::vector<std::string> entries_;

 private:
  mutable std::once_flag metadata_once_;
  mutable std::vector<std::string> metadata_;
  mutable std::once_flag keys_once_;
  mutable std::vector<std::string> keys_;
  mutable std::vector<std::u32string> key_points_;
  mutable std::mutex memo_mu_;
  // Looked up by string_view (no copy of the value per call).
  mutable stdlib::StringMap<std::pair<int64_t, size_t>> memo_;
};

}  // namespace vigil::schema
