// pattern_set.cc: engine assignment, compilation and the fused scan of PatternSet.
#include "stdlib/regex/pattern_set.h"

#include <hs/hs.h>
#include <re2/re2.h>
#include <re2/set.h>

#include <algorithm>
#include <cstdio>

#include "base/check.h"
#include "base/strings.h"
#include "stdlib/strings/wildcard.h"

namespace vigil::stdlib {
namespace {

constexpr int64_t kSetMaxMem = 64 << 20;

std::string Escape(std::string_view lit, bool expand_case) {
  std::string out;
  char buf[16];
  for (unsigned char c : lit) {
    const uint8_t lower = FoldAscii(c);
    if (expand_case && lower >= 'a' && lower <= 'z') {
      std::snprintf(buf, sizeof(buf), "[\\x%02x\\x%02x]", lower, lower - 32);
    } else {
      std::snprintf(buf, sizeof(buf), "\\x%02x", c);
    }
    out += buf;
  }
  return out;
}

int OnHsMatch(unsigned int id, unsigned long long, unsigned long long, unsigned int, void* ctx) {
  static_cast<std::vector<uint32_t>*>(ctx)->push_back(id);
  return 0;
}

}  // namespace

std::string LiteralKindToRegex(PatternSet::Kind kind, std::string_view pattern, bool caseless) {
  switch (kind) {
    case PatternSet::Kind::kEquals:
      return "^" + Escape(pattern, caseless) + "\\z";
    case PatternSet::Kind::kContains:
      return Escape(pattern, caseless);
    case PatternSet::Kind::kStartsWith:
      return "^" + Escape(pattern, caseless);
    case PatternSet::Kind::kEndsWith:
      return Escape(pattern, caseless) + "\\z";
    case PatternSet::Kind::kWildcard:
      return WildcardToRegex(ParseWildcard(pattern), caseless);
    case PatternSet::Kind::kRegex:
      break;
  }
  VIGIL_UNREACHABLE();
}

PatternSet::Scratch::~Scratch() {
  if (hs != nullptr) hs_free_scratch(hs);
}

PatternSet::PatternSet(Options options) : options_(options) {}
PatternSet::PatternSet() : PatternSet(Options{}) {}
PatternSet::~PatternSet() {
  if (hs_db_ != nullptr) hs_free_database(hs_db_);
}

uint32_t PatternSet::Add(Kind kind, std::string_view pattern, bool caseless) {
  VIGIL_CHECK(!compiled_);
  patterns_.push_back({kind, std::string(pattern), caseless});
  return static_cast<uint32_t>(patterns_.size() - 1);
}

// The single-pattern semantics every engine must reproduce.
bool PatternSet::MatchAlone(const Pattern& p, std::string_view text) const {
  const std::string_view pat = p.text;
  switch (p.kind) {
    case Kind::kEquals:
      return p.caseless ? base::EqualsIgnoreCase(text, pat) : text == pat;
    case Kind::kContains:
      return (p.caseless ? FindIgnoreCase(text, pat) : text.find(pat)) != std::string_view::npos;
    case Kind::kStartsWith:
      return text.size() >= pat.size() &&
             MatchAlone({Kind::kEquals, p.text, p.caseless}, text.substr(0, pat.size()));
    case Kind::kEndsWith:
      return text.size() >= pat.size() &&
             MatchAlone({Kind::kEquals, p.text, p.caseless}, text.substr(text.size() - pat.size()));
    case Kind::kWildcard:
      return WildcardMatcher(pat, p.caseless).Match(text);
    case Kind::kRegex:
      break;
  }
  VIGIL_UNREACHABLE();
}

bool PatternSet::Compile(std::string* error) {
  if (compiled_) return compile_ok_;
  compiled_ = true;
  compile_ok_ = CompileOnce(error);
  return compile_ok_;
}

bool PatternSet::CompileOnce(std::string* error) {
  std::vector<uint32_t> literal_ids, regex_ids;
  regexes_.resize(patterns_.size());
  for (uint32_t id = 0; id < patterns_.size(); ++id) {
    const Pattern& p = patterns_[id];
    if (p.kind == Kind::kRegex) {
      RE2::Options o;
      o.set_log_errors(false);
      o.set_case_sensitive(!p.caseless);
      o.set_never_capture(true);
      regexes_[id] = std::make_unique<RE2>(p.text, o);
      if (!regexes_[id]->ok()) {
        *error = "pattern " + std::to_string(id) + ": " + regexes_[id]->error();
        return false;
      }
      if (RE2::PartialMatch("", *regexes_[id])) empty_matches_.push_back(id);
      regex_ids.push_back(id);
      continue;
    }
    if (MatchAlone(p, "")) empty_matches_.push_back(id);
    const bool everything =
        (p.kind != Kind::kEquals && p.kind != Kind::kWildcard && p.text.empty()) ||
        (p.kind == Kind::kWildcard && p.text == "*");
    if (everything) {
      always_.push_back(id);
      ++stats_.always;
    } else if (p.kind == Kind::kEquals) {
      (p.caseless ? exact_fold_[base::AsciiLower(p.text)] : exact_[p.text]).push_back(id);
      ++stats_.exact;
    } else {
      literal_ids.push_back(id);
    }
  }
  if (!BuildRegexSet(regex_ids, error)) return false;
  if (!options_.use_vectorscan || !BuildVectorscan(literal_ids)) {
    return BuildByteSet(literal_ids, error);
  }
  return true;
}

// Compiles `ids` into one database; a pattern Vectorscan rejects moves to the byte set, and so
// does every end-anchored pattern (ends_with, wildcards without a trailing star): Vectorscan
// 5.4.9 (Debian 12) misses end-anchored literal matches in texts of some lengths (17-19 bytes
// seen) whenever the database holds another pattern, e.g. {"om\z", "foo"} on
// "invoice@invoice.com" reports nothing (tests/stdlib/pattern_set_test.cc).
bool PatternSet::BuildVectorscan(std::vector<uint32_t> ids) {
  std::vector<uint32_t> rejected;
  std::erase_if(ids, [&](uint32_t id) {
    const Pattern& p = patterns_[id];
    const bool end_anchored = LiteralKindToRegex(p.kind, p.text, false).ends_with("\\z");
    if (end_anchored) rejected.push_back(id);
    return end_anchored;
  });
  while (!ids.empty()) {
    std::vector<std::string> exprs;
    std::vector<unsigned> flags;
    for (uint32_t id : ids) {
      const Pattern& p = patterns_[id];
      exprs.push_back(LiteralKindToRegex(p.kind, p.text, false));
      flags.push_back(HS_FLAG_SINGLEMATCH | HS_FLAG_ALLOWEMPTY |
                      (p.caseless ? HS_FLAG_CASELESS : 0));
    }
    std::vector<const char*> cexprs;
    for (const std::string& e : exprs) cexprs.push_back(e.c_str());
    hs_compile_error_t* err = nullptr;
    const hs_error_t rc =
        hs_compile_multi(cexprs.data(), flags.data(), ids.data(), static_cast<unsigned>(ids.size()),
                         HS_MODE_BLOCK, nullptr, &hs_db_, &err);
    if (rc == HS_SUCCESS) break;
    const int bad = err != nullptr ? err->expression : -1;
    hs_free_compile_error(err);
    hs_db_ = nullptr;
    if (bad < 0) return false;  // a database-wide failure: everything goes to the byte set
    rejected.push_back(ids[bad]);
    ids.erase(ids.begin() + bad);
  }
  stats_.vectorscan = ids.size();
  std::string unused;
  return BuildByteSet(rejected, &unused);
}

bool PatternSet::BuildByteSet(const std::vector<uint32_t>& ids, std::string* error) {
  if (ids.empty()) return true;
  RE2::Options o;
  o.set_encoding(RE2::Options::EncodingLatin1);
  o.set_log_errors(false);
  o.set_max_mem(kSetMaxMem);
  byte_set_ = std::make_unique<RE2::Set>(o, RE2::UNANCHORED);
  for (uint32_t id : ids) {
    const Pattern& p = patterns_[id];
    std::string e;
    if (byte_set_->Add(LiteralKindToRegex(p.kind, p.text, p.caseless), &e) < 0) {
      *error = "pattern " + std::to_string(id) + ": " + e;
      return false;
    }
    byte_ids_.push_back(id);
  }
  stats_.byte_set = ids.size();
  if (!byte_set_->Compile()) {
    *error = "the byte-level pattern set exceeds its memory budget";
    return false;
  }
  return true;
}

bool PatternSet::BuildRegexSet(const std::vector<uint32_t>& ids, std::string* error) {
  if (ids.empty()) return true;
  RE2::Options o;
  o.set_log_errors(false);
  o.set_max_mem(kSetMaxMem);
  regex_set_ = std::make_unique<RE2::Set>(o, RE2::UNANCHORED);
  for (uint32_t id : ids) {
    const Pattern& p = patterns_[id];
    std::string e;
    if (regex_set_->Add(p.caseless ? "(?i)" + p.text : p.text, &e) < 0) {
      *error = "pattern " + std::to_string(id) + ": " + e;
      return false;
    }
    regex_ids_.push_back(id);
  }
  stats_.regex_set = ids.size();
  if (!regex_set_->Compile()) {
    *error = "the regex set exceeds its memory budget";
    return false;
  }
  std::vector<RegexPrefilter::Regex> regexes;
  for (uint32_t id : ids) regexes.push_back({patterns_[id].text, patterns_[id].caseless});
  prefilter_ = RegexPrefilter::Build(regexes);
  return true;
}

std::unique_ptr<PatternSet::Scratch> PatternSet::NewScratch() const {
  VIGIL_CHECK(compiled_);
  std::unique_ptr<Scratch> s(new Scratch());
  if (hs_db_ != nullptr) VIGIL_CHECK(hs_alloc_scratch(hs_db_, &s->hs) == HS_SUCCESS);
  if (prefilter_ != nullptr) prefilter_->Prepare(s->prefilter);
  return s;
}

void PatternSet::ScanSet(const RE2::Set& set, const std::vector<uint32_t>& ids,
                         std::string_view text, Scratch& scratch,
                         std::vector<uint32_t>* out) const {
  RE2::Set::ErrorInfo info;
  scratch.hits.clear();
  if (set.Match(text, &scratch.hits, &info)) {
    for (int h : scratch.hits) out->push_back(ids[h]);
    return;
  }
  if (info.kind == RE2::Set::kNoError) return;
  // The DFA ran out of memory on this text: answer pattern by pattern (still linear).
  for (uint32_t id : ids) {
    const Pattern& p = patterns_[id];
    const bool hit =
        p.kind == Kind::kRegex ? RE2::PartialMatch(text, *regexes_[id]) : MatchAlone(p, text);
    if (hit) out->push_back(id);
  }
}

void PatternSet::Scan(std::string_view text, Scratch& scratch, std::vector<uint32_t>* ids) const {
  VIGIL_CHECK(compiled_);
  ids->clear();
  if (!compile_ok_) return;  // a set that failed to compile matches nothing
  if (text.empty()) {
    *ids = empty_matches_;
    return;
  }
  ids->insert(ids->end(), always_.begin(), always_.end());
  if (!exact_.empty()) {
    auto it = exact_.find(text);
    if (it != exact_.end()) ids->insert(ids->end(), it->second.begin(), it->second.end());
  }
  if (!exact_fold_.empty()) {
    scratch.folded.assign(text);
    base::AsciiLowerInPlace(scratch.folded);
    auto it = exact_fold_.find(scratch.folded);
    if (it != exact_fold_.end()) ids->insert(ids->end(), it->second.begin(), it->second.end());
  }
  if (hs_db_ != nullptr) {
    hs_scan(hs_db_, text.data(), static_cast<unsigned>(text.size()), 0, scratch.hs, OnHsMatch, ids);
  }
  if (regex_set_ != nullptr &&
      (prefilter_ == nullptr || prefilter_->MayMatch(text, scratch.prefilter))) {
    ScanSet(*regex_set_, regex_ids_, text, scratch, ids);
  }
  if (byte_set_ != nullptr) ScanSet(*byte_set_, byte_ids_, text, scratch, ids);
  std::sort(ids->begin(), ids->end());
}

}  // namespace vigil::stdlib
