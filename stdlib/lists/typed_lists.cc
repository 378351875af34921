// typed_lists.cc: the string, domain, CIDR, regex and glob list implementations.
#include "stdlib/lists/typed_lists.h"

#include <re2/re2.h>
#include <re2/set.h>

#include <algorithm>

#include "base/ip.h"
#include "base/strings.h"
#include "stdlib/lists/domain_trie.h"
#include "stdlib/net/cidr_trie.h"
#include "stdlib/regex/pattern_set.h"
#include "stdlib/string_hash.h"
#include "stdlib/strings/wildcard.h"

namespace vigil::stdlib {
namespace {

using schema::Datum;

class ExactList : public schema::ListValue {
 public:
  ExactList(const std::vector<std::string>& entries, bool caseless) : caseless_(caseless) {
    for (const std::string& e : entries) {
      const std::string key = caseless ? base::AsciiLower(e) : e;
      if (index_.emplace(key, entries_.size()).second) entries_.push_back(e);
    }
  }
  ListKind kind() const override { return ListKind::kString; }
  int64_t Find(const Datum& v) const override {
    if (v.type == schema::ScalarType::kIp) {
      auto it = index_.find(base::FormatIp(v.ip));
      return it == index_.end() ? -1 : static_cast<int64_t>(it->second);
    }
    auto it = index_.find(caseless_ ? Lowered(v.s) : v.s);
    return it == index_.end() ? -1 : static_cast<int64_t>(it->second);
  }

 private:
  // s with ASCII letters lower-cased: s itself when it has no upper-case letter, else a
  // per-thread copy (valid until the next call on this thread).
  static std::string_view Lowered(std::string_view s) {
    if (std::none_of(s.begin(), s.end(), [](char c) { return c >= 'A' && c <= 'Z'; })) return s;
    thread_local std::string buf;
    buf.assign(s);
    base::AsciiLowerInPlace(buf);
    return buf;
  }

  bool caseless_;
  StringMap<uint32_t> index_;
};

class DomainList : public schema::ListValue {
 public:
  explicit DomainList(std::vector<std::string> normalized) {
    entries_ = std::move(normalized);
    for (uint32_t i = 0; i < entries_.size(); ++i) trie_.Insert(entries_[i], i);
  }
  ListKind kind() const override { return ListKind::kDomain; }
  int64_t Find(const Datum& v) const override {
    std::string buf;
    return trie_.FindSuffix(LookupHost(v.s, &buf));
  }

 private:
  DomainTrie trie_;
};

class CidrList : public schema::ListValue {
 public:
  explicit CidrList(const std::vector<base::Cidr>& nets) {
    for (const base::Cidr& n : nets) {
      trie_.Insert(n, static_cast<uint32_t>(entries_.size()));
      entries_.push_back(base::FormatCidr(n));
    }
  }
  ListKind kind() const override { return ListKind::kCidr; }
  int64_t Find(const Datum& v) const override {
    if (v.type == schema::ScalarType::kIp) return trie_.LongestMatch(v.ip);
    if (!schema::IsStringLike(v.type)) return -1;
    const auto ip = base::ParseIp(v.s);
    return ip ? trie_.LongestMatch(*ip) : -1;
  }

 private:
  CidrTrie trie_;
};

class RegexList : public schema::ListValue {
 public:
  RegexList(const std::vector<std::string>& patterns, std::vector<EntryError>* errors) {
    RE2::Options o;
    o.set_log_errors(false);
    o.set_max_mem(64 << 20);
    set_ = std::make_unique<RE2::Set>(o, RE2::UNANCHORED);
    for (size_t i = 0; i < patterns.size(); ++i) {
      RE2 alone(patterns[i], o);
      if (!alone.ok()) {
        errors->push_back({i, "invalid regex \"" + patterns[i] + "\": " + alone.error()});
        continue;
      }
      std::string e;
      set_->Add(patterns[i], &e);
      entries_.push_back(patterns[i]);
      regexes_.push_back(std::make_unique<RE2>(patterns[i], o));
    }
    compiled_ = set_->Compile();
  }
  ListKind kind() const override { return ListKind::kRegex; }
  int64_t Find(const Datum& v) const override {
    std::vector<int> hits;
    RE2::Set::ErrorInfo info;
    if (compiled_) {
      if (set_->Match(v.s, &hits, &info)) return *std::min_element(hits.begin(), hits.end());
      if (info.kind == RE2::Set::kNoError) return -1;
    }
    for (size_t i = 0; i < regexes_.size(); ++i) {  // set unavailable: one by one
      if (RE2::PartialMatch(v.s, *regexes_[i])) return static_cast<int64_t>(i);
    }
    return -1;
  }

 private:
  std::unique_ptr<RE2::Set> set_;
  bool compiled_ = false;
  std::vector<std::unique_ptr<RE2>> regexes_;
};

class GlobList : public schema::ListValue {
 public:
  GlobList(const std::vector<std::string>& globs, bool caseless) {
    for (const std::string& g : globs) {
      set_.Add(PatternSet::Kind::kWildcard, g, caseless);
      entries_.push_back(g);
    }
    std::string unused;  // wildcard patterns always compile
    set_.Compile(&unused);
  }
  ListKind kind() const override { return ListKind::kGlob; }
  int64_t Find(const Datum& v) const override {
    std::unique_ptr<PatternSet::Scratch> scratch;
    {
      std::lock_guard<std::mutex> lock(mu_);
      if (!pool_.empty()) {
        scratch = std::move(pool_.back());
        pool_.pop_back();
      }
    }
    if (scratch == nullptr) scratch = set_.NewScratch();
    std::vector<uint32_t> ids;
    set_.Scan(v.s, *scratch, &ids);
    std::lock_guard<std::mutex> lock(mu_);
    pool_.push_back(std::move(scratch));
    return ids.empty() ? int64_t{-1} : static_cast<int64_t>(ids.front());
  }

 private:
  PatternSet set_;
  mutable std::mutex mu_;
  mutable std::vector<std::unique_ptr<PatternSet::Scratch>> pool_;  // per-thread scratch reuse
};

}  // namespace

bool NormalizeDomainEntry(std::string_view in, std::string* out) {
  std::string_view d = in;
  if (d.starts_with("*.")) d.remove_prefix(2);
  if (d.starts_with(".")) d.remove_prefix(1);
  if (d.ends_with(".")) d.remove_suffix(1);
  if (d.empty() || d.size() > 253) return false;
  for (unsigned char c : d) {
    if (c <= 0x20 || c == '/' || c == '@' || c == ':' || c == 0x7F) return false;
  }
  if (d.find("..") != std::string_view::npos || d.front() == '.') return false;
  *out = base::AsciiLower(d);
  return true;
}

std::string_view LookupHost(std::string_view host, std::string* buf) {
  if (!host.empty() && host.back() == '.') host.remove_suffix(1);
  for (char c : host) {
    if (c >= 'A' && c <= 'Z') {
      *buf = base::AsciiLower(host);
      return *buf;
    }
  }
  return host;
}

std::unique_ptr<schema::ListValue> BuildList(const ListOptions& options,
                                             const std::vector<std::string>& entries,
                                             std::vector<EntryError>* errors) {
  switch (options.kind) {
    case ListKind::kString:
      return std::make_unique<ExactList>(entries, options.caseless);
    case ListKind::kDomain: {
      std::vector<std::string> normalized;
      for (size_t i = 0; i < entries.size(); ++i) {
        std::string d;
        if (NormalizeDomainEntry(entries[i], &d)) {
          normalized.push_back(std::move(d));
        } else {
          errors->push_back({i, "invalid domain \"" + entries[i] + "\""});
        }
      }
      return std::make_unique<DomainList>(std::move(normalized));
    }
    case ListKind::kCidr: {
      std::vector<base::Cidr> nets;
      for (size_t i = 0; i < entries.size(); ++i) {
        const auto c = base::ParseCidr(entries[i]);
        if (c) {
          nets.push_back(*c);
        } else {
          errors->push_back({i, "invalid CIDR \"" + entries[i] +
                                    "\" (expected an address or address/len with zero host bits)"});
        }
      }
      return std::make_unique<CidrList>(nets);
    }
    case ListKind::kRegex:
      return std::make_unique<RegexList>(entries, errors);
    case ListKind::kGlob:
      return std::make_unique<GlobList>(entries, options.caseless);
    case ListKind::kIoc:
      break;
  }
  errors->push_back({0, "IOC lists are built by LoadIocFile"});
  return nullptr;
}

std::unique_ptr<schema::ListValue> BuildInlineList(const TypeSpec& list_type,
                                                   std::span<const Datum> elems,
                                                   std::string* error) {
  ListOptions options;
  std::vector<std::string> entries;
  for (const Datum& e : elems) {
    if (!e.valid) continue;
    if (e.type == schema::ScalarType::kIp) {
      entries.push_back(base::FormatIp(e.ip));
    } else if (e.type == schema::ScalarType::kCidr) {
      entries.push_back(base::FormatCidr(base::Cidr{e.ip, e.prefix}));
    } else {
      entries.emplace_back(e.s);
    }
  }
  switch (list_type.scalar) {
    case schema::ScalarType::kDomain:
      options.kind = ListKind::kDomain;
      break;
    case schema::ScalarType::kCidr:
    case schema::ScalarType::kIp:
      options.kind = ListKind::kCidr;
      break;
    case schema::ScalarType::kEmail:
      options.caseless = true;
      break;
    default:
      break;
  }
  std::vector<EntryError> errors;
  auto list = BuildList(options, entries, &errors);
  if (!errors.empty()) {
    *error =
        "list element " + std::to_string(errors.front().index + 1) + ": " + errors.front().message;
    return nullptr;
  }
  return list;
}

}  // namespace vigil::stdlib
