// source.cc: line tables and positions.
#include "compiler/base/source.h"

#include <algorithm>

namespace vigil::compiler {

SourceFile::SourceFile(std::string path, std::string text)
    : path_(std::move(path)), text_(std::move(text)) {
  line_starts_.push_back(0);
  for (uint32_t i = 0; i < text_.size(); ++i) {
    if (text_[i] == '\n') line_starts_.push_back(i + 1);
  }
}

LineCol SourceFile::Position(uint32_t offset) const {
  offset = std::min<uint32_t>(offset, static_cast<uint32_t>(text_.size()));
  const auto it = std::upper_bound(line_starts_.begin(), line_starts_.end(), offset);
  const auto line = static_cast<uint32_t>(it - line_starts_.begin());
  const uint32_t start = line_starts_[line - 1];
  uint32_t col = 1;
  for (uint32_t i = start; i < offset; ++i) {
    // Count code points: skip UTF-8 continuation bytes.
    if ((static_cast<unsigned char>(text_[i]) & 0xC0) != 0x80) ++col;
  }
  return {line, col};
}

std::string_view SourceFile::Line(uint32_t line) const {
  if (line == 0 || line > line_starts_.size()) return {};
  const uint32_t start = line_starts_[line - 1];
  uint32_t end = line < line_starts_.size() ? line_starts_[line] : static_cast<uint32_t>(text_.size());
  while (end > start && (text_[end - 1] == '\n' || text_[end - 1] == '\r')) --end;
  return std::string_view(text_).substr(start, end - start);
}

uint32_t SourceManager::Add(std::string path, std::string text) {
  files_.emplace_back(std::move(path), std::move(text));
  return static_cast<uint32_t>(files_.size() - 1);
}

uint32_t SourceManager::Find(std::string_view path) const {
  for (uint32_t i = 0; i < files_.size(); ++i) {
    if (files_[i].path() == path) return i;
  }
  return Span::kNoFile;
}

std::string_view SourceManager::Text(const Span& span) const {
  if (!span.valid() || span.file >= files_.size()) return {};
  const std::string& t = files_[span.file].text();
  const uint32_t b = std::min<uint32_t>(span.begin, static_cast<uint32_t>(t.size()));
  const uint32_t e = std::min<uint32_t>(span.end, static_cast<uint32_t>(t.size()));
  return std::string_view(t).substr(b, e - b);
}

}  // namespace vigil::compiler
