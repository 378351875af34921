// text.h: byte- and code-point-level string routines behind the string family: Unicode case
// mapping (ICU), code-point counting and slicing, Shannon entropy, base64/hex decoding and
// character-class counts. All linear in the input; none throws.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace vigil::stdlib {

// Unicode (root locale) case mapping via ICU; ill-formed UTF-8 bytes are copied unchanged.
std::string Utf8Lower(std::string_view s);
std::string Utf8Upper(std::string_view s);

// Number of code points: bytes that are not UTF-8 continuation bytes (0x80-0xBF).
size_t CodePointCount(std::string_view s);

// Code points [start, start + len) of s; a negative start counts from the end; the range is
// clamped to the string. Cuts only at code-point boundaries.
std::string_view SubstrCodePoints(std::string_view s, int64_t start, int64_t len);

// Shannon entropy of the byte distribution in bits per byte (0 for "", at most 8).
double ShannonEntropy(std::string_view s);

// Decodes standard (+/) or URL-safe (-_) base64 with optional '=' padding. False on any
// other character, bad padding or an impossible length.
bool Base64Decode(std::string_view s, std::string* out);

// Decodes an even number of hex digits (either case). False otherwise.
bool HexDecode(std::string_view s, std::string* out);

enum class CharClass : uint8_t {
  kDigit,     // 0-9
  kAlpha,     // ASCII letters
  kUpper,     // A-Z
  kLower,     // a-z
  kAlnum,     // ASCII letters and digits
  kSpace,     // space, \t \n \v \f \r
  kPunct,     // ASCII punctuation
  kControl,   // bytes 0x00-0x1F and 0x7F
  kHex,       // 0-9 a-f A-F
  kNonAscii,  // code points >= U+0080 (counted per code point)
};

// Parses a class name ("digit", "alpha", "upper", "lower", "alnum", "space", "punct",
// "control", "hex", "non_ascii").
bool ParseCharClass(std::string_view name, CharClass* out);
// The accepted class names, comma separated (for error messages and docs).
std::string_view CharClassNames();

// How many characters of s belong to the class.
int64_t CountCharClass(std::string_view s, CharClass cls);

}  // namespace vigil::stdlib
