// literals.h: decoding of literal tokens (strings, numbers, durations, timestamps, networks)
// into AST literals. ANTLR-free so the formatter and tests share it with the parser.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace vigil::compiler {

// Unescapes a string token including its quotes. Escapes: backslash followed by a quote, a
// backslash, n, r, t, 0, or u{XXXX}. Returns nullopt and sets *error on a bad escape.
std::optional<std::string> UnescapeString(std::string_view token, std::string* error);
// The string literal for value s, with quotes and escapes (inverse of UnescapeString).
std::string QuoteString(std::string_view s);

// "1h30m" -> 5400000. Returns nullopt on overflow.
std::optional<int64_t> ParseDurationMs(std::string_view token);
// 5400000 -> "1h30m" (a value for people: largest units first, ms when needed).
std::string FormatDuration(int64_t ms);
// The duration literal `vigil fmt` prints: one number in the largest unit of w, d, h, m, s, ms
// that divides `ms` exactly (2592000000 -> "30d", 1209600000 -> "2w", 5400000 -> "90m").
// ParseDurationMs(FormatDurationLiteral(ms)) == ms for every ms >= 0.
std::string FormatDurationLiteral(int64_t ms);

// "2024-05-01T10:00:00Z", "2024-05-01T10:00:00.250+02:00", "2024-05-01T10:00+0100" -> ms since
// epoch (UTC). Returns nullopt and sets *error on an impossible date or time.
std::optional<int64_t> ParseTimestampMs(std::string_view token, std::string* error);
// ms since epoch -> "2024-05-01T10:00:00Z" (with .mmm when needed).
std::string FormatTimestamp(int64_t ms);

}  // namespace vigil::compiler
