// value_print.h: renders Datums in vigil's literal syntax, as docs/stdlib.md examples,
// `vigil functions` and test failures show them ("a\"b", 42, 1.5, 1h30m,
// 2024-05-01T10:00:00Z, 10.1.2.3, ip("::1"), ["a", "b"], null).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "schema/datum.h"

namespace vigil::stdlib {

// The value in the language's literal syntax. Lists print as "<list of N>".
std::string FormatDatum(const schema::Datum& d);
// Appends FormatDatum(d) to *out (string values without a temporary copy).
void AppendDatum(const schema::Datum& d, std::string* out);

// A string literal: quotes, \" \\ \n \t escapes; other control bytes and bytes that are not
// well-formed UTF-8 as \xHH.
std::string QuoteString(std::string_view s);
// Appends QuoteString(s) to *out.
void AppendQuoted(std::string_view s, std::string* out);

// "1h30m", "500ms", "0s", "-5m": largest units first (d, h, m, s, ms).
std::string FormatDuration(int64_t ms);

// Shortest text that reads back as the same double, always with a '.' or exponent ("2.0").
std::string FormatFloat(double v);

}  // namespace vigil::stdlib
