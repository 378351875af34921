// values.h: the literal side of the differential test: vigil source text for constants of each
// type, and the pool of every constant a generated pack uses, from which the event generator
// draws exact values and near misses so that rules match some rows. Part of tests/diff.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "tests/diff/gen_expr.h"

namespace vigil::difftest {

// Constants a pack's rules and lists mention, by kind.
struct ValuePool {
  std::vector<std::string> strings;   // string, email and domain constants, and patterns' text
  std::vector<int64_t> ints;          // int constants
  std::vector<int64_t> timestamps;    // ms since the epoch
  std::vector<int64_t> durations;     // ms
  std::vector<std::string> ips;       // address texts
  std::vector<std::string> networks;  // cidr texts
};

// A vigil string literal for `s` (escapes quotes, backslashes and control bytes).
std::string Quote(std::string_view s);
// Source text of an int that evaluates to v (INT64_MIN as an expression).
std::string IntText(int64_t v);
// Source text of a duration literal of `ms` (non-negative; "-" prefixed otherwise).
std::string DurationText(int64_t ms);
// RFC 3339 timestamp literal text (UTC, with milliseconds when not whole seconds).
std::string TimestampText(int64_t ms);
// A float literal text.
std::string FloatText(double v);

// Random values the generators share.
std::string RandomWord(Rng& rng);
// A random string of a random flavour: word, domain, email, unicode, empty, long, odd bytes.
std::string RandomString(Rng& rng);
// A string close to `s`: case changed, a prefix or suffix, one character changed or dropped,
// or `s` itself.
std::string NearMiss(Rng& rng, std::string_view s);
int64_t RandomInt(Rng& rng);
int64_t RandomTimestamp(Rng& rng);
int64_t RandomDuration(Rng& rng);
std::string RandomIp(Rng& rng);
std::string RandomNetwork(Rng& rng);
// A wildcard pattern (like) derived from `s`, and a small RE2 regex derived from `s`; both
// always valid.
std::string WildcardFrom(Rng& rng, std::string_view s);
std::string RegexFrom(Rng& rng, std::string_view s);

}  // namespace vigil::difftest
