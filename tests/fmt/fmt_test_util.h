// fmt_test_util.h: shared helpers of the `vigil fmt` tests: reading the data files and parsing
// a text on its own (independently of the formatter's built-in verification).
#pragma once

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "compiler/ast/ast.h"
#include "compiler/fmt/ast_dump.h"
#include "compiler/fmt/comments.h"
#include "compiler/parse/parser.h"

namespace vigil::format::testing {

inline std::string DataDir() { return std::string(VIGIL_SOURCE_DIR) + "/tests/fmt/data"; }

inline std::string ReadFile(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream buf;
  buf << in.rdbuf();
  return buf.str();
}

// Files under `dir` (recursively) whose name ends with `suffix`, sorted; none when `dir` is
// missing.
inline std::vector<std::string> FilesEndingWith(const std::string& dir, const std::string& suffix) {
  std::vector<std::string> out;
  std::error_code ec;
  if (!std::filesystem::is_directory(dir, ec)) return out;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(dir, ec)) {
    const std::string p = entry.path().string();
    if (entry.is_regular_file() && p.size() >= suffix.size() &&
        p.compare(p.size() - suffix.size(), suffix.size(), suffix) == 0) {
      out.push_back(p);
    }
  }
  std::sort(out.begin(), out.end());
  return out;
}

// A text parsed on its own: the AST dump, the sorted comment texts and whether it had errors.
struct Parsed {
  bool errors = false;
  std::string dump;
  std::vector<std::string> comments;
};

inline Parsed ParseText(const std::string& text) {
  compiler::SourceManager sm;
  const uint32_t id = sm.Add("<test>", text);
  compiler::DiagnosticSink sink;
  const ast::File file = compiler::ParseFile(sm, id, sink);
  Parsed p;
  p.errors = sink.has_errors();
  p.dump = DumpAst(file);
  for (const ast::Comment& c : file.comments) p.comments.push_back(CommentText(c));
  std::sort(p.comments.begin(), p.comments.end());
  return p;
}

// The base name of a test data path, usable in a test name ([A-Za-z0-9_] only).
inline std::string TestName(const std::string& path) {
  std::string name = std::filesystem::path(path).filename().string();
  name = name.substr(0, name.find('.'));
  for (char& c : name) {
    if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';
  }
  return name;
}

// Names parameterized tests after their data file: `<base name>_<index>`.
inline std::string FileParamName(const ::testing::TestParamInfo<std::string>& p) {
  return TestName(p.param) + "_" + std::to_string(p.index);
}

}  // namespace vigil::format::testing
