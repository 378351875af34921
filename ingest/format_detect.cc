// format_detect.cc: format sniffing.
#include "ingest/format_detect.h"

#include "base/strings.h"
#include "ingest/yaml_samples.h"

namespace vigil::ingest {
namespace {

bool IsKeyChar(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ||
         c == '-';
}

// "key=value|key=..." at the start of the first line.
bool LooksLikeKv(std::string_view line) {
  size_t i = 0;
  while (i < line.size() && IsKeyChar(line[i])) ++i;
  if (i == 0 || i >= line.size() || line[i] != '=') return false;
  return line.starts_with("datetime=") || line.find('|', i) != std::string_view::npos;
}

bool LooksLikeCsvHeader(std::string_view line) {
  if (line.find(',') == std::string_view::npos) return false;
  for (char c : line) {
    if (c == '{' || c == '=') return false;
  }
  return true;
}

}  // namespace

std::string_view SkipBomAndSpace(std::string_view head) {
  if (head.starts_with("\xEF\xBB\xBF")) head.remove_prefix(3);
  size_t i = 0;
  while (i < head.size() &&
         (head[i] == ' ' || head[i] == '\t' || head[i] == '\r' || head[i] == '\n')) {
    ++i;
  }
  return head.substr(i);
}

Format DetectFormat(std::string_view head, std::string_view name) {
  const std::string_view s = SkipBomAndSpace(head);
  if (s.empty()) return Format::kAuto;
  if (s.front() == '{' || s.front() == '[') return Format::kJson;
  const std::string_view first = s.substr(0, s.find('\n'));
  if (LooksLikeKv(first)) return Format::kApi1Kv;
  if (LooksLikeYamlSamples(s)) return Format::kYamlSamples;
  if (base::EndsWith(name, ".csv") || base::EndsWith(name, ".csv.gz") ||
      LooksLikeCsvHeader(first)) {
    return Format::kCsv;
  }
  return Format::kAuto;
}

bool JsonIsLineDelimited(std::string_view head) {
  const std::string_view s = SkipBomAndSpace(head);
  int depth = 0;
  bool in_string = false;
  for (size_t i = 0; i < s.size(); ++i) {
    const char c = s[i];
    if (in_string) {
      if (c == '\\') {
        ++i;
      } else if (c == '"') {
        in_string = false;
      }
      continue;
    }
    if (c == '\n') return depth == 0;
    if (c == '"') in_string = true;
    if (c == '{' || c == '[') ++depth;
    if (c == '}' || c == ']') --depth;
  }
  return true;  // the whole head is one line: treat as lines (a single line either way)
}

}  // namespace vigil::ingest
