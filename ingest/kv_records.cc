// kv_records.cc: the key=value line splitter.
#include "ingest/kv_records.h"

namespace vigil::ingest {
namespace {

bool IsKeyChar(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ||
         c == '-';
}

// Length of the key at s[i] when s[i..] reads "key=", else 0.
size_t KeyAt(std::string_view s, size_t i) {
  size_t j = i;
  while (j < s.size() && IsKeyChar(s[j])) ++j;
  return j > i && j < s.size() && s[j] == '=' ? j - i : 0;
}

// End of a backslash-wrapped value starting after the opening '\' at `from`: the '\' followed
// by "|key=" or by the end of the line. npos when there is none.
size_t WrappedEnd(std::string_view s, size_t from) {
  for (size_t k = s.find('\\', from); k != std::string_view::npos; k = s.find('\\', k + 1)) {
    if (k + 1 == s.size()) return k;
    if (s[k + 1] == '|' && KeyAt(s, k + 2) > 0) return k;
  }
  return std::string_view::npos;
}

// End of a plain value: the '|' followed by "key=", or the end of the line.
size_t PlainEnd(std::string_view s, size_t from) {
  for (size_t k = s.find('|', from); k != std::string_view::npos; k = s.find('|', k + 1)) {
    if (KeyAt(s, k + 1) > 0) return k;
  }
  return s.size();
}

}  // namespace

bool ParseKvLine(std::string_view line, RawRecord* out) {
  size_t i = 0;
  while (i < line.size()) {
    if (out->fields.size() >= kMaxRecordFields) return false;
    const size_t key_len = KeyAt(line, i);
    if (key_len == 0) return false;
    RawField f;
    f.key = line.substr(i, key_len);
    f.kind = RawKind::kString;
    const size_t v = i + key_len + 1;
    size_t end = std::string_view::npos;
    if (v < line.size() && line[v] == '\\') end = WrappedEnd(line, v + 1);
    if (end != std::string_view::npos) {
      f.text = line.substr(v + 1, end - v - 1);
      i = end + 2;
    } else {
      end = PlainEnd(line, v);
      f.text = line.substr(v, end - v);
      i = end + 1;
    }
    out->fields.push_back(f);
  }
  return !out->fields.empty();
}

}  // namespace vigil::ingest
