// codec_fns.cc: the string family's encoding and character-statistics functions: Shannon
// entropy, base64 and hex decoding (null on invalid input), character-class counts.
#include <memory>
#include <string>

#include "stdlib/fn_util.h"
#include "stdlib/strings/text.h"

namespace vigil::stdlib {
namespace {

using Args = std::span<const Datum>;

void Entropy(Args a, const FnState*, EvalContext&, Datum* out) {
  SetFloat(out, ShannonEntropy(a[0].s));
}

void Base64(Args a, const FnState*, EvalContext& ctx, Datum* out) {
  std::string decoded;
  if (!Base64Decode(a[0].s, &decoded)) {
    SetNull(out, ScalarType::kString);
    return;
  }
  SetString(out, ArenaCopy(ctx, decoded));
}

void Hex(Args a, const FnState*, EvalContext& ctx, Datum* out) {
  std::string decoded;
  if (!HexDecode(a[0].s, &decoded)) {
    SetNull(out, ScalarType::kString);
    return;
  }
  SetString(out, ArenaCopy(ctx, decoded));
}

struct ClassState : FnState {
  CharClass cls = CharClass::kDigit;
};
std::unique_ptr<FnState> PrepareClass(Args c, std::string* error) {
  auto st = std::make_unique<ClassState>();
  if (!c[1].valid || !ParseCharClass(c[1].s, &st->cls)) {
    *error = "unknown character class";
    if (c[1].valid) *error += " \"" + std::string(c[1].s) + "\"";
    *error += "; expected one of: " + std::string(CharClassNames());
    return nullptr;
  }
  return st;
}
void CountChars(Args a, const FnState* st, EvalContext&, Datum* out) {
  SetInt(out, CountCharClass(a[0].s, StateAs<ClassState>(st).cls));
}

}  // namespace

void RegisterStringCodecs(Registry& r) {
  const std::string_view f = "string";
  r.Add({.name = "entropy",
         .params = {kStringT},
         .result = kFloatT,
         .family = f,
         .doc = "Shannon entropy of the string's bytes in bits per byte (0.0 for \"\", at most "
                "8.0); random-looking tokens score high.",
         .example = R"(entropy("aabb"))",
         .example_result = "1.0",
         .eval = Entropy,
         .param_names = {"s"}});
  r.Add({.name = "base64_decode",
         .params = {kStringT},
         .result = kStringT,
         .family = f,
         .doc = "Decodes standard or URL-safe base64 (padding optional); null when the input "
                "is not base64.",
         .example = R"(base64_decode("aGVsbG8="))",
         .example_result = R"("hello")",
         .eval = Base64,
         .param_names = {"s"}});
  r.Add({.name = "hex_decode",
         .params = {kStringT},
         .result = kStringT,
         .family = f,
         .doc = "Decodes pairs of hex digits into bytes; null on odd length or a non-hex "
                "character.",
         .example = R"(hex_decode("6869"))",
         .example_result = R"("hi")",
         .eval = Hex,
         .param_names = {"s"}});
  r.Add({.name = "count_chars",
         .params = {kStringT, kStringT},
         .result = kIntT,
         .const_params = ConstParam(1),
         .family = f,
         .doc = "How many characters of `s` are in `class`: digit, alpha, upper, lower, alnum, "
                "space, punct, control, hex or non_ascii (code points >= U+0080).",
         .example = R"(count_chars("pаypal1.com", "non_ascii"))",
         .example_result = "1",
         .prepare = PrepareClass,
         .eval = CountChars,
         .param_names = {"s", "class"}});
}

}  // namespace vigil::stdlib
