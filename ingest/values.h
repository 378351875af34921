// values.h: the scalar coercions of normalization, as pure functions over text: timestamps in
// every shape Mimecast and its integrators emit, loose booleans and integers, and the value
// vocabularies of fields.def (actions, hold reasons, directions, auth results, identifiers).
// Returned views point to static strings (the vocabulary words: storage that never changes, so
// StagedRow::SetWord may stage them) or into the input.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

#include "base/strings.h"

namespace vigil::ingest {

// base::Trim (spaces, tabs, CR, LF off both ends), inline for the common text that starts and
// ends with a visible byte.
inline std::string_view TrimText(std::string_view s) {
  if (s.empty() ||
      (static_cast<unsigned char>(s.front()) > ' ' && static_cast<unsigned char>(s.back()) > ' ')) {
    return s;
  }
  return base::Trim(s);
}

// Milliseconds since the Unix epoch (UTC) from: epoch milliseconds or seconds as digits;
// ISO-8601 "2021-10-18T09:02:43+0100" (offsets +hhmm, +hh:mm, +hh, Z or none = UTC; optional
// fraction; 'T' or ' '); Sentinel exports "10/28/2025, 9:30:45.297 AM" (UTC).
std::optional<int64_t> ParseTimestamp(std::string_view text);
// Epoch milliseconds from a JSON number token (values below 1e11 are taken as seconds).
std::optional<int64_t> EpochToMs(int64_t v);

// true/false, yes/no, 1/0, t/f, y/n, hit/no hit (ASCII case-insensitive, trimmed).
std::optional<bool> ParseLooseBool(std::string_view text);
// A decimal integer, optionally signed; a number with a fraction is truncated toward zero.
std::optional<int64_t> ParseLooseInt(std::string_view text);
// True for texts that mean "no value": "", "null", "n/a", "na", "-" (any casing, trimmed).
bool IsNullText(std::string_view text);

// Acc=accept, Rej=reject, Ign=ignore, Bnc=bounce, Hld=hold, Sdbx=sandbox, Rty=retry; else "".
std::string_view ActionWord(std::string_view code);
// Spm=spam, Att=attachment, RcptLimit=recipient_limit, Imp=impersonation, Sbx=sandbox,
// Oth=other, Ctnt=content, Exp=exp, Url=url, Dpp=dpp, RBL=rbl; else "".
std::string_view HoldReasonWord(std::string_view code);
// inbound, outbound, internal, external for any casing of those words; else "".
std::string_view DirectionWord(std::string_view text);
// An SPF/DKIM/DMARC verdict as a word: SPF_FAIL=fail, ALLOW=pass, *_UNKNOWN=unknown, NONE=none,
// pass/fail/softfail/neutral/temperror/permerror in any casing or prefix; else "".
std::string_view AuthWord(std::string_view info);
// Impersonation identifier as a word of fields.def (internal_user_name, new_domain,
// reply_mismatch, similar_internal_domain, similar_external_domain, threat_dictionary,
// custom_threat_dictionary, custom_name); -1 when unknown. Index into kIdentifierWords.
int IdentifierIndex(std::string_view name);
inline constexpr std::string_view kIdentifierWords[] = {
    "internal_user_name",       "new_domain",
    "reply_mismatch",           "similar_internal_domain",
    "similar_external_domain",  "threat_dictionary",
    "custom_threat_dictionary", "custom_name"};
inline constexpr int kIdentifierCount = 8;

// For an address text: the index of its last '@' (npos: none), or kNotBareAddress when it holds
// a byte that makes stdlib::SplitAddress reject it or parse a display-name form (' ', '<', '>',
// ',', NUL). Reads only the bytes of text (16 at a time).
inline constexpr size_t kNotBareAddress = std::string_view::npos - 1;
size_t BareAddressAt(std::string_view text);

// The last extension of a file name, without the dot ("a.tar.GZ" -> "GZ"); "" when none.
std::string_view FileExtension(std::string_view name);

}  // namespace vigil::ingest
