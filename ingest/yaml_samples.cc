// yaml_samples.cc: `sample:` block scalar extraction.
#include "ingest/yaml_samples.h"

namespace vigil::ingest {
namespace {

size_t Indent(std::string_view line) {
  size_t n = 0;
  while (n < line.size() && line[n] == ' ') ++n;
  return n;
}

// True when `line` is "<indent>[- ]sample: |" with an optional chomping indicator.
bool IsSampleKey(std::string_view line) {
  std::string_view s = line.substr(Indent(line));
  if (s.starts_with("- ")) s.remove_prefix(2);
  if (!s.starts_with("sample:")) return false;
  s.remove_prefix(7);
  while (!s.empty() && (s.front() == ' ' || s.back() == ' ' || s.back() == '\r')) {
    s.front() == ' ' ? s.remove_prefix(1) : s.remove_suffix(1);
  }
  return s == "|" || s == "|-" || s == "|+";
}

bool IsBlank(std::string_view line) { return Indent(line) == line.size() || line == "\r"; }

}  // namespace

bool LooksLikeYamlSamples(std::string_view head) {
  size_t pos = 0;
  while (pos < head.size()) {
    const size_t nl = head.find('\n', pos);
    const std::string_view line = head.substr(pos, nl - pos);
    if (IsSampleKey(line)) return true;
    if (nl == std::string_view::npos) break;
    pos = nl + 1;
  }
  return false;
}

void ForEachYamlSample(std::string_view doc, std::string* scratch,
                       const std::function<void(std::string_view, uint64_t)>& fn) {
  size_t pos = 0;
  while (pos < doc.size()) {
    size_t nl = doc.find('\n', pos);
    if (nl == std::string_view::npos) nl = doc.size();
    const std::string_view line = doc.substr(pos, nl - pos);
    pos = nl + 1;
    if (!IsSampleKey(line)) continue;
    const size_t key_indent = Indent(line);
    const uint64_t offset = pos;
    size_t block_indent = 0;
    scratch->clear();
    while (pos < doc.size()) {
      size_t end = doc.find('\n', pos);
      if (end == std::string_view::npos) end = doc.size();
      const std::string_view body = doc.substr(pos, end - pos);
      if (!IsBlank(body) && Indent(body) <= key_indent) break;
      if (block_indent == 0 && !IsBlank(body)) block_indent = Indent(body);
      scratch->append(body.substr(std::min(block_indent, Indent(body)))).push_back('\n');
      pos = end + 1;
    }
    fn(*scratch, offset);
  }
}

}  // namespace vigil::ingest
