// source.h: source files of a rule pack and spans into them. Every diagnostic and AST node
// points into a SourceManager by (file id, byte range); line/column are computed on demand.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace vigil::compiler {

// A byte range [begin, end) in one source file.
struct Span {
  uint32_t file = 0;
  uint32_t begin = 0;
  uint32_t end = 0;
  bool valid() const { return end >= begin && file != kNoFile; }
  static constexpr uint32_t kNoFile = 0xffffffffu;
  static Span None() { return {kNoFile, 0, 0}; }
};

// 1-based line and column (column counts UTF-8 code points).
struct LineCol {
  uint32_t line = 0;
  uint32_t col = 0;
};

class SourceFile {
 public:
  SourceFile(std::string path, std::string text);
  const std::string& path() const { return path_; }
  const std::string& text() const { return text_; }
  LineCol Position(uint32_t offset) const;
  // The text of 1-based line `line` without its newline.
  std::string_view Line(uint32_t line) const;
  size_t line_count() const { return line_starts_.size(); }

 private:
  std::string path_;
  std::string text_;
  std::vector<uint32_t> line_starts_;
};

class SourceManager {
 public:
  // Adds a file and returns its id. The manager owns the text.
  uint32_t Add(std::string path, std::string text);
  const SourceFile& file(uint32_t id) const { return files_[id]; }
  size_t size() const { return files_.size(); }
  // The id of the file with this path, or Span::kNoFile.
  uint32_t Find(std::string_view path) const;
  std::string_view Text(const Span& span) const;

 private:
  std::vector<SourceFile> files_;
};

}  // namespace vigil::compiler
