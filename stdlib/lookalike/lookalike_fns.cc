// lookalike_fns.cc: the lookalike family: edit distances, confusable skeleton keys, closest
// list member, mixed-script and homoglyph checks. Distances work on code points; inputs over
// kMaxEditLength code points (or kMaxConfusableInput bytes for keys) give null.
#include <string>

#include "base/strings.h"
#include "stdlib/families.h"
#include "stdlib/fn_util.h"
#include "stdlib/lists/list_value.h"
#include "stdlib/lookalike/confusables.h"
#include "stdlib/lookalike/edit_distance.h"

namespace vigil::stdlib {
namespace {

using Args = std::span<const Datum>;

template <bool kDamerau, bool kFold>
void Distance(Args a, const FnState*, EvalContext&, Datum* out) {
  const std::u32string x = ToCodePoints(a[0].s, kFold), y = ToCodePoints(a[1].s, kFold);
  if (x.size() > kMaxEditLength || y.size() > kMaxEditLength) {
    SetNull(out, ScalarType::kInt);
    return;
  }
  SetInt(out, static_cast<int64_t>(kDamerau ? Damerau(x, y) : Levenshtein(x, y)));
}

void Skeleton(Args a, const FnState*, EvalContext& ctx, Datum* out) {
  std::string key;
  if (!LookalikeKey(a[0].s, &key)) {
    SetNull(out, ScalarType::kString);
    return;
  }
  SetString(out, ArenaCopy(ctx, key));
}

void Confusable(Args a, const FnState*, EvalContext&, Datum* out) {
  std::string kx, ky;
  if (!LookalikeKey(a[0].s, &kx) || !LookalikeKey(a[1].s, &ky)) {
    SetNull(out, ScalarType::kBool);
    return;
  }
  SetBool(out, kx == ky && !base::EqualsIgnoreCase(a[0].s, a[1].s));
}

// Index of the first of `keys` (skipping empty ones) at the least distance(key, cutoff) from a
// key of `length` code points, and that distance in *best_d; -1 when every key is empty. An
// entry whose length differs by best_d or more cannot be closer and is not compared;
// distance(key, cutoff) is exact below cutoff (may answer cutoff at or above it).
template <typename DistanceFn>
int64_t ClosestKey(const std::vector<std::u32string>& keys, size_t length, size_t* best_d,
                   DistanceFn distance) {
  int64_t best = -1;
  *best_d = SIZE_MAX;
  for (size_t i = 0; i < keys.size() && *best_d > 0; ++i) {
    const std::u32string& t = keys[i];
    if (t.empty()) continue;
    if ((t.size() > length ? t.size() - length : length - t.size()) >= *best_d) continue;
    const size_t d = distance(t, *best_d);
    if (d < *best_d) {
      *best_d = d;
      best = static_cast<int64_t>(i);
    }
  }
  return best;
}

// Index of the list entry whose key is closest to s's key (Damerau distance; ties go to the
// earlier entry) and that distance; -1 when s has no key or the list is empty.
int64_t ComputeClosest(std::string_view s, const schema::ListValue& list, size_t* distance) {
  std::string key;
  if (s.size() > 253 || !LookalikeKey(s, &key)) return -1;
  const std::u32string k = ToCodePoints(key);
  const std::vector<std::u32string>& keys = list.LookalikeKeyPoints();
  if (k.size() > DamerauPattern::kMaxPattern)
    return ClosestKey(keys, k.size(), distance,
                      [&](auto& t, size_t cutoff) { return Damerau(k, t, cutoff); });
  const DamerauPattern pattern(k);
  return ClosestKey(keys, k.size(), distance, [&](auto& t, size_t) { return pattern.Distance(t); });
}

// ComputeClosest, memoized per list.
int64_t Closest(std::string_view s, const schema::ListValue& list, size_t* distance) {
  const auto [index, d] = list.Memoize(s, [&] {
    size_t dist = 0;
    const int64_t i = ComputeClosest(s, list, &dist);
    return std::pair<int64_t, size_t>(i, dist);
  });
  *distance = d;
  return index;
}

void Lookalike(Args a, const FnState*, EvalContext&, Datum* out) {
  size_t d = 0;
  const int64_t i = a[1].list == nullptr ? -1 : Closest(a[0].s, *a[1].list, &d);
  if (i < 0) {
    SetNull(out, ScalarType::kDomain);
    return;
  }
  SetString(out, a[1].list->entries()[i], ScalarType::kDomain);
}

void LookalikeDistance(Args a, const FnState*, EvalContext&, Datum* out) {
  size_t d = 0;
  const int64_t i = a[1].list == nullptr ? -1 : Closest(a[0].s, *a[1].list, &d);
  if (i < 0) {
    SetNull(out, ScalarType::kInt);
    return;
  }
  SetInt(out, static_cast<int64_t>(d));
}

void MixedScript(Args a, const FnState*, EvalContext&, Datum* out) {
  SetBool(out, IsMixedScript(a[0].s));
}
void Homoglyphs(Args a, const FnState*, EvalContext&, Datum* out) {
  SetBool(out, HasHomoglyphs(a[0].s));
}

}  // namespace

void RegisterLookalikes(Registry& r) {
  const std::string_view f = "lookalike";
  r.Add({.name = "levenshtein",
         .params = {kStringT, kStringT},
         .result = kIntT,
         .family = f,
         .doc = "Levenshtein edit distance in characters (insertions, deletions, "
                "substitutions); null past 1024 characters.",
         .example = R"(levenshtein("micros0ft", "microsoft"))",
         .example_result = "1",
         .eval = Distance<false, false>,
         .param_names = {"a", "b"}});
  r.Add({.name = "ilevenshtein",
         .params = {kStringT, kStringT},
         .result = kIntT,
         .family = f,
         .doc = "levenshtein() ignoring ASCII letter case.",
         .example = R"(ilevenshtein("American Expres", "american express"))",
         .example_result = "1",
         .eval = Distance<false, true>,
         .param_names = {"a", "b"}});
  r.Add({.name = "damerau",
         .params = {kStringT, kStringT},
         .result = kIntT,
         .family = f,
         .doc = "Damerau distance (optimal string alignment: adjacent transpositions cost 1); "
                "null past 1024 characters.",
         .example = R"(damerau("paypla.com", "paypal.com"))",
         .example_result = "1",
         .eval = Distance<true, false>,
         .param_names = {"a", "b"}});
  r.Add({.name = "confusable_skeleton",
         .params = {kStringT},
         .result = kStringT,
         .family = f,
         .doc = "The lookalike key: punycode decoded, then skeleton(lower(skeleton(s))) by "
                "Unicode UTS #39, so 1/l, 0/o, Cyrillic а/a and m/rn fold together.",
         .example = R"(confusable_skeleton("PAYPA1.com"))",
         .example_result = R"("paypal.corn")",
         .eval = Skeleton,
         .param_names = {"s"}});
  r.Add({.name = "is_confusable",
         .params = {kStringT, kStringT},
         .result = kBoolT,
         .family = f,
         .doc = "True when the two strings differ (ignoring ASCII case) but share a lookalike "
                "key.",
         .example = R"(is_confusable("pаypal.com", "paypal.com"))",
         .example_result = "true",
         .eval = Confusable,
         .param_names = {"a", "b"}});
  r.Add({.name = "lookalike",
         .params = {kStringT, kDomainListT},
         .result = kDomainT,
         .family = f,
         .doc = "The list entry whose lookalike key is closest (Damerau) to the domain's; ties "
                "go to the earlier entry; null for an empty list or a domain over 253 bytes.",
         .example = R"(lookalike("rnicrosoft-support.com", ["microsoft.com", "paypal.com"]))",
         .example_result = R"("microsoft.com")",
         .eval = Lookalike,
         .param_names = {"domain", "brands"}});
  r.Add({.name = "lookalike_distance",
         .params = {kStringT, kDomainListT},
         .result = kIntT,
         .family = f,
         .doc = "The Damerau distance between the domain's lookalike key and the closest "
                "entry's (0: visually identical); null as for lookalike().",
         .example = R"(lookalike_distance("paypa1.co", ["paypal.com", "amazon.com"]))",
         .example_result = "2",
         .eval = LookalikeDistance,
         .param_names = {"domain", "brands"}});
  r.Add({.name = "is_mixed_script",
         .params = {kStringT},
         .result = kBoolT,
         .family = f,
         .doc = "True when the letters come from more than one script (UTS #39 resolved "
                "script sets; digits and punctuation are neutral).",
         .example = R"(is_mixed_script("pаypal.com"))",
         .example_result = "true",
         .eval = MixedScript,
         .param_names = {"s"}});
  r.Add({.name = "has_homoglyphs",
         .params = {kStringT},
         .result = kBoolT,
         .family = f,
         .doc = "True when a non-ASCII character impersonates an ASCII one (its confusable "
                "skeleton is ASCII), e.g. Cyrillic а or Greek ο.",
         .example = R"(has_homoglyphs("gοogle.com"))",
         .example_result = "true",
         .eval = Homoglyphs,
         .param_names = {"s"}});
}

}  // namespace vigil::stdlib
