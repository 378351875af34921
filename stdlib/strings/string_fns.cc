// string_fns.cc: the string family's case, length, search, wildcard and shaping functions
// (rows and scalar routines). Encoding helpers live in codec_fns.cc.
#include <memory>
#include <string>

#include "base/strings.h"
#include "stdlib/families.h"
#include "stdlib/fn_util.h"
#include "stdlib/strings/text.h"
#include "stdlib/strings/wildcard.h"

namespace vigil::stdlib {
namespace {

using Args = std::span<const Datum>;

// split() returns at most this many parts; the last part holds the unsplit rest.
constexpr size_t kMaxSplitParts = 4096;

void Lower(Args a, const FnState*, EvalContext& ctx, Datum* out) {
  SetString(out, ArenaCopy(ctx, Utf8Lower(a[0].s)));
}
void Upper(Args a, const FnState*, EvalContext& ctx, Datum* out) {
  SetString(out, ArenaCopy(ctx, Utf8Upper(a[0].s)));
}
void Length(Args a, const FnState*, EvalContext&, Datum* out) {
  SetInt(out, static_cast<int64_t>(CodePointCount(a[0].s)));
}
void ByteLength(Args a, const FnState*, EvalContext&, Datum* out) {
  SetInt(out, static_cast<int64_t>(a[0].s.size()));
}

void Contains(Args a, const FnState*, EvalContext&, Datum* out) {
  SetBool(out, a[0].s.find(a[1].s) != std::string_view::npos);
}
void IContains(Args a, const FnState*, EvalContext&, Datum* out) {
  SetBool(out, FindIgnoreCase(a[0].s, a[1].s) != std::string_view::npos);
}
void StartsWith(Args a, const FnState*, EvalContext&, Datum* out) {
  SetBool(out, a[0].s.starts_with(a[1].s));
}
void IStartsWith(Args a, const FnState*, EvalContext&, Datum* out) {
  SetBool(out, a[0].s.size() >= a[1].s.size() &&
                   base::EqualsIgnoreCase(a[0].s.substr(0, a[1].s.size()), a[1].s));
}
void EndsWith(Args a, const FnState*, EvalContext&, Datum* out) {
  SetBool(out, a[0].s.ends_with(a[1].s));
}
void IEndsWith(Args a, const FnState*, EvalContext&, Datum* out) {
  SetBool(out, a[0].s.size() >= a[1].s.size() &&
                   base::EqualsIgnoreCase(a[0].s.substr(a[0].s.size() - a[1].s.size()), a[1].s));
}
void IEquals(Args a, const FnState*, EvalContext&, Datum* out) {
  SetBool(out, base::EqualsIgnoreCase(a[0].s, a[1].s));
}

struct WildcardState : FnState {
  WildcardState(std::string_view p, bool caseless) : matcher(p, caseless) {}
  WildcardMatcher matcher;
};
template <bool kCaseless>
std::unique_ptr<FnState> PrepareWildcard(Args c, std::string* error) {
  if (!c[1].valid) {
    *error = "the wildcard pattern must be a constant string";
    return nullptr;
  }
  return std::make_unique<WildcardState>(c[1].s, kCaseless);
}
void Like(Args a, const FnState* st, EvalContext&, Datum* out) {
  SetBool(out, StateAs<WildcardState>(st).matcher.Match(a[0].s));
}

void Split(Args a, const FnState*, EvalContext& ctx, Datum* out) {
  const std::string_view s = a[0].s, sep = a[1].s;
  size_t parts = 1;
  if (!sep.empty()) {
    for (size_t p = s.find(sep); p != std::string_view::npos && parts < kMaxSplitParts;
         p = s.find(sep, p + sep.size())) {
      ++parts;
    }
  }
  std::span<Datum> elems = ArenaDatums(ctx, parts);
  size_t begin = 0;
  for (size_t i = 0; i + 1 < parts; ++i) {
    const size_t p = s.find(sep, begin);
    elems[i] = Datum::String(s.substr(begin, p - begin));
    begin = p + sep.size();
  }
  elems[parts - 1] = Datum::String(s.substr(begin));
  *out = Datum::Array(ScalarType::kString, elems);
}

void Trim(Args a, const FnState*, EvalContext&, Datum* out) {
  std::string_view s = a[0].s;
  auto space = [](char c) { return c == ' ' || (c >= '\t' && c <= '\r'); };
  while (!s.empty() && space(s.front())) s.remove_prefix(1);
  while (!s.empty() && space(s.back())) s.remove_suffix(1);
  SetString(out, s);
}

void Replace(Args a, const FnState*, EvalContext& ctx, Datum* out) {
  const std::string_view s = a[0].s, from = a[1].s, to = a[2].s;
  if (from.empty() || s.find(from) == std::string_view::npos) {
    SetString(out, s);
    return;
  }
  std::string r;
  size_t begin = 0;
  for (size_t p = s.find(from); p != std::string_view::npos; p = s.find(from, begin)) {
    r.append(s.substr(begin, p - begin));
    r.append(to);
    begin = p + from.size();
  }
  r.append(s.substr(begin));
  SetString(out, ArenaCopy(ctx, r));
}

void Substr(Args a, const FnState*, EvalContext&, Datum* out) {
  SetString(out, SubstrCodePoints(a[0].s, a[1].i, a[2].i));
}

void Concat(Args a, const FnState*, EvalContext& ctx, Datum* out) {
  size_t total = 0;
  for (const Datum& d : a) total += d.s.size();
  if (total == 0) {
    SetString(out, {});
    return;
  }
  char* p = ctx.arena->Allocate(total);
  size_t at = 0;
  for (const Datum& d : a) {
    std::copy(d.s.begin(), d.s.end(), p + at);
    at += d.s.size();
  }
  SetString(out, {p, total});
}

}  // namespace

void RegisterStringCodecs(Registry& r);  // codec_fns.cc

void RegisterStrings(Registry& r) {
  const std::string_view f = "string";
  r.Add({.name = "lower",
         .params = {kStringT},
         .result = kStringT,
         .family = f,
         .doc = "The string with every letter lower-cased (full Unicode mapping).",
         .example = R"(lower("HeLLo Ω"))",
         .example_result = R"("hello ω")",
         .eval = Lower,
         .param_names = {"s"}});
  r.Add({.name = "upper",
         .params = {kStringT},
         .result = kStringT,
         .family = f,
         .doc = "The string with every letter upper-cased (full Unicode mapping).",
         .example = R"(upper("straße"))",
         .example_result = R"("STRASSE")",
         .eval = Upper,
         .param_names = {"s"}});
  r.Add({.name = "length",
         .params = {kStringT},
         .result = kIntT,
         .family = f,
         .doc = "Number of characters (Unicode code points) in the string.",
         .example = R"(length("héllo"))",
         .example_result = "5",
         .eval = Length,
         .param_names = {"s"}});
  r.Add({.name = "byte_length",
         .params = {kStringT},
         .result = kIntT,
         .family = f,
         .doc = "Number of bytes of the string's UTF-8 encoding.",
         .example = R"(byte_length("héllo"))",
         .example_result = "6",
         .eval = ByteLength,
         .param_names = {"s"}});
  r.Add({.name = "contains",
         .params = {kStringT, kStringT},
         .result = kBoolT,
         .family = f,
         .doc = "True when `sub` occurs in `s` (case-sensitive; \"\" occurs in every string).",
         .example = R"(contains("Invoice #4411", "#44"))",
         .example_result = "true",
         .eval = Contains,
         .param_names = {"s", "sub"}});
  r.Add({.name = "icontains",
         .params = {kStringT, kStringT},
         .result = kBoolT,
         .family = f,
         .doc = "contains() ignoring ASCII letter case.",
         .example = R"(icontains("URGENT Wire Transfer", "wire transfer"))",
         .example_result = "true",
         .eval = IContains,
         .param_names = {"s", "sub"}});
  r.Add({.name = "starts_with",
         .params = {kStringT, kStringT},
         .result = kBoolT,
         .family = f,
         .doc = "True when `s` begins with `prefix` (case-sensitive).",
         .example = R"(starts_with("RE: invoice", "RE:"))",
         .example_result = "true",
         .eval = StartsWith,
         .param_names = {"s", "prefix"}});
  r.Add({.name = "istarts_with",
         .params = {kStringT, kStringT},
         .result = kBoolT,
         .family = f,
         .doc = "starts_with() ignoring ASCII letter case.",
         .example = R"(istarts_with("Re: invoice", "RE:"))",
         .example_result = "true",
         .eval = IStartsWith,
         .param_names = {"s", "prefix"}});
  r.Add({.name = "ends_with",
         .params = {kStringT, kStringT},
         .result = kBoolT,
         .family = f,
         .doc = "True when `s` ends with `suffix` (case-sensitive).",
         .example = R"(ends_with("report.pdf.exe", ".exe"))",
         .example_result = "true",
         .eval = EndsWith,
         .param_names = {"s", "suffix"}});
  r.Add({.name = "iends_with",
         .params = {kStringT, kStringT},
         .result = kBoolT,
         .family = f,
         .doc = "ends_with() ignoring ASCII letter case.",
         .example = R"(iends_with("REPORT.PDF.EXE", ".exe"))",
         .example_result = "true",
         .eval = IEndsWith,
         .param_names = {"s", "suffix"}});
  r.Add({.name = "iequals",
         .params = {kStringT, kStringT},
         .result = kBoolT,
         .family = f,
         .doc = "True when the strings are equal ignoring ASCII letter case.",
         .example = R"(iequals("PayPal", "paypal"))",
         .example_result = "true",
         .eval = IEquals,
         .param_names = {"a", "b"}});
  r.Add({.name = "like",
         .params = {kStringT, kStringT},
         .result = kBoolT,
         .const_params = ConstParam(1),
         .family = f,
         .doc = "Wildcard match of the whole string: `*` any run, `?` one character, `\\` "
                "escapes; linear time.",
         .example = R"(like("invoice_2024.pdf", "invoice_*.pdf"))",
         .example_result = "true",
         .prepare = PrepareWildcard<false>,
         .eval = Like,
         .param_names = {"s", "pattern"}});
  r.Add({.name = "ilike",
         .params = {kStringT, kStringT},
         .result = kBoolT,
         .const_params = ConstParam(1),
         .family = f,
         .doc = "like() ignoring ASCII letter case.",
         .example = R"(ilike("American Express", "*amer?can expres*"))",
         .example_result = "true",
         .prepare = PrepareWildcard<true>,
         .eval = Like,
         .param_names = {"s", "pattern"}});
  r.Add({.name = "split",
         .params = {kStringT, kStringT},
         .result = kStringArrayT,
         .family = f,
         .doc = "The parts of `s` between occurrences of `sep` (at most 4096 parts, the last "
                "holding the rest; an empty `sep` gives [s]).",
         .example = R"(split("a,b,,c", ","))",
         .example_result = R"(["a", "b", "", "c"])",
         .eval = Split,
         .param_names = {"s", "sep"}});
  r.Add({.name = "trim",
         .params = {kStringT},
         .result = kStringT,
         .family = f,
         .doc = "The string without leading and trailing ASCII whitespace.",
         .example = R"(trim("  hello\t"))",
         .example_result = R"("hello")",
         .eval = Trim,
         .param_names = {"s"}});
  r.Add({.name = "replace",
         .params = {kStringT, kStringT, kStringT},
         .result = kStringT,
         .family = f,
         .doc = "`s` with every non-overlapping occurrence of `old` replaced by `new`, left to "
                "right (an empty `old` changes nothing).",
         .example = R"(replace("hxxp://evil[.]com", "[.]", "."))",
         .example_result = R"("hxxp://evil.com")",
         .eval = Replace,
         .param_names = {"s", "old", "new"}});
  r.Add({.name = "substr",
         .params = {kStringT, kIntT, kIntT},
         .result = kStringT,
         .family = f,
         .doc = "`len` characters of `s` from character `start` (0-based; negative counts from "
                "the end), clamped to the string.",
         .example = R"(substr("mimecast", -4, 4))",
         .example_result = R"("cast")",
         .eval = Substr,
         .param_names = {"s", "start", "len"}});
  r.Add({.name = "concat",
         .params = {kStringT, kStringT},
         .result = kStringT,
         .family = f,
         .doc = "The arguments joined into one string (two or more; null if any is null).",
         .example = R"(concat("mime", "cast", ".com"))",
         .example_result = R"("mimecast.com")",
         .eval = Concat,
         .param_names = {"a", "b"},
         .variadic = true});
  RegisterStringCodecs(r);
}

}  // namespace vigil::stdlib
