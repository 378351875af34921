// regex_fns.cc: the regex family (RE2 dialect only: linear time, no backreferences or
// lookaround). Patterns are constant parameters compiled and validated once per call site.
#include <re2/re2.h>

#include <memory>
#include <string>

#include "stdlib/families.h"
#include "stdlib/fn_util.h"

namespace vigil::stdlib {
namespace {

using Args = std::span<const Datum>;

// regex_count stops counting here, bounding its cost to this many linear searches.
constexpr int64_t kMaxRegexCount = 100;

struct RegexState : FnState {
  std::unique_ptr<RE2> re;
  int group = 0;
};

std::unique_ptr<RegexState> CompilePattern(Args c, bool caseless, bool capture,
                                           std::string* error) {
  if (!c[1].valid) {
    *error = "the regex pattern must be a constant string";
    return nullptr;
  }
  RE2::Options o;
  o.set_log_errors(false);
  o.set_case_sensitive(!caseless);
  o.set_never_capture(!capture);
  auto st = std::make_unique<RegexState>();
  st->re = std::make_unique<RE2>(c[1].s, o);
  if (!st->re->ok()) {
    *error = "invalid regex \"" + std::string(c[1].s) + "\": " + st->re->error();
    return nullptr;
  }
  return st;
}

template <bool kCaseless>
std::unique_ptr<FnState> PrepareRegex(Args c, std::string* error) {
  return CompilePattern(c, kCaseless, false, error);
}

std::unique_ptr<FnState> PrepareExtract(Args c, std::string* error) {
  auto st = CompilePattern(c, false, true, error);
  if (st == nullptr) return nullptr;
  if (!c[2].valid || c[2].i < 0 || c[2].i > st->re->NumberOfCapturingGroups()) {
    *error = "group must be between 0 and " + std::to_string(st->re->NumberOfCapturingGroups()) +
             " for regex \"" + std::string(c[1].s) + "\"";
    return nullptr;
  }
  st->group = static_cast<int>(c[2].i);
  return st;
}

void Match(Args a, const FnState* st, EvalContext&, Datum* out) {
  SetBool(out, RE2::FullMatch(a[0].s, *StateAs<RegexState>(st).re));
}
void Search(Args a, const FnState* st, EvalContext&, Datum* out) {
  SetBool(out, RE2::PartialMatch(a[0].s, *StateAs<RegexState>(st).re));
}

void Extract(Args a, const FnState* st, EvalContext&, Datum* out) {
  const RegexState& rs = StateAs<RegexState>(st);
  re2::StringPiece groups[2];
  const int n = rs.group + 1;
  std::unique_ptr<re2::StringPiece[]> many;
  re2::StringPiece* g = groups;
  if (n > 2) {
    many = std::make_unique<re2::StringPiece[]>(n);
    g = many.get();
  }
  const re2::StringPiece text(a[0].s.data(), a[0].s.size());
  if (!rs.re->Match(text, 0, text.size(), RE2::UNANCHORED, g, n) || g[rs.group].data() == nullptr) {
    SetNull(out, ScalarType::kString);
    return;
  }
  SetString(out, std::string_view(g[rs.group].data(), g[rs.group].size()));
}

void Count(Args a, const FnState* st, EvalContext&, Datum* out) {
  const RE2& re = *StateAs<RegexState>(st).re;
  const re2::StringPiece text(a[0].s.data(), a[0].s.size());
  int64_t count = 0;
  size_t pos = 0;
  re2::StringPiece m;
  while (pos <= text.size() && count < kMaxRegexCount &&
         re.Match(text, pos, text.size(), RE2::UNANCHORED, &m, 1)) {
    ++count;
    const size_t end = static_cast<size_t>(m.data() - text.data()) + m.size();
    // An empty match advances by one character so the scan always progresses.
    pos = m.empty() ? end + 1 : end;
    while (m.empty() && pos < text.size() &&
           (static_cast<unsigned char>(text[pos]) & 0xC0) == 0x80) {
      ++pos;
    }
  }
  SetInt(out, count);
}

}  // namespace

void RegisterRegex(Registry& r) {
  const std::string_view f = "regex";
  r.Add({.name = "regex_match",
         .params = {kStringT, kStringT},
         .result = kBoolT,
         .const_params = ConstParam(1),
         .family = f,
         .doc = "True when the whole string matches the RE2 pattern (anchored at both ends).",
         .example = R"(regex_match("INV-20931", "INV-[0-9]+"))",
         .example_result = "true",
         .prepare = PrepareRegex<false>,
         .eval = Match,
         .param_names = {"s", "pattern"}});
  r.Add({.name = "iregex_match",
         .params = {kStringT, kStringT},
         .result = kBoolT,
         .const_params = ConstParam(1),
         .family = f,
         .doc = "regex_match() ignoring case (RE2 Unicode case folding).",
         .example = R"(iregex_match("inv-20931", "INV-[0-9]+"))",
         .example_result = "true",
         .prepare = PrepareRegex<true>,
         .eval = Match,
         .param_names = {"s", "pattern"}});
  r.Add({.name = "regex_search",
         .params = {kStringT, kStringT},
         .result = kBoolT,
         .const_params = ConstParam(1),
         .family = f,
         .doc = "True when the RE2 pattern matches somewhere in the string (use ^ and $ to "
                "anchor).",
         .example = R"(regex_search("Your password expires today", "pass(word)? expir"))",
         .example_result = "true",
         .prepare = PrepareRegex<false>,
         .eval = Search,
         .param_names = {"s", "pattern"}});
  r.Add({.name = "iregex_search",
         .params = {kStringT, kStringT},
         .result = kBoolT,
         .const_params = ConstParam(1),
         .family = f,
         .doc = "regex_search() ignoring case (RE2 Unicode case folding).",
         .example = R"(iregex_search("ACTION REQUIRED: verify", "action required"))",
         .example_result = "true",
         .prepare = PrepareRegex<true>,
         .eval = Search,
         .param_names = {"s", "pattern"}});
  r.Add({.name = "regex_extract",
         .params = {kStringT, kStringT, kIntT},
         .result = kStringT,
         .const_params = ConstParam(1) | ConstParam(2),
         .family = f,
         .doc = "Capture group `group` (0 = the whole match) of the leftmost match; null when "
                "the pattern does not match or the group did not take part.",
         .example = R"x(regex_extract("ticket INC-4412 opened", "(INC)-([0-9]+)", 2))x",
         .example_result = R"("4412")",
         .prepare = PrepareExtract,
         .eval = Extract,
         .param_names = {"s", "pattern", "group"}});
  r.Add({.name = "regex_count",
         .params = {kStringT, kStringT},
         .result = kIntT,
         .const_params = ConstParam(1),
         .family = f,
         .doc = "Number of non-overlapping matches, left to right, counting at most 100 (so "
                "the cost stays linear).",
         .example = R"(regex_count("a1b22c333", "[0-9]+"))",
         .example_result = "3",
         .prepare = PrepareRegex<false>,
         .eval = Count,
         .param_names = {"s", "pattern"}});
}

}  // namespace vigil::stdlib
