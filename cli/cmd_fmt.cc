// cmd_fmt.cc: `vigil fmt [--check | --diff] PATH...`: rewrites rule files in the one canonical
// layout (compiler/fmt). Exit 0 done, 1 a file has errors or (--check/--diff) would change,
// 2 usage or I/O failure. Files are replaced atomically: a temporary file, then a rename.
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <sstream>

#include "cli/commands.h"
#include "compiler/base/render.h"
#include "compiler/driver/driver.h"
#include "compiler/fmt/formatter.h"
#include "compiler/fmt/line_diff.h"

namespace vigil::cli {
namespace {

namespace fs = std::filesystem;

constexpr size_t kMaxFileBytes = 64u << 20;

struct FmtOptions {
  std::vector<std::string> paths;
  bool check = false;
  bool diff = false;
  std::string color = "auto";
};

// Reads `path` ("-" is stdin) into *text; false with *error on failure.
bool ReadSource(const std::string& path, std::string* text, std::string* error) {
  std::ostringstream buf;
  if (path == "-") {
    buf << std::cin.rdbuf();
  } else {
    std::ifstream in(path, std::ios::binary);
    if (!in) {
      *error = path + ": cannot open for reading";
      return false;
    }
    buf << in.rdbuf();
  }
  *text = std::move(buf).str();
  if (text->size() > kMaxFileBytes) {
    *error = path + ": larger than 64 MiB; not formatting it";
    return false;
  }
  return true;
}

bool WriteAll(int fd, const std::string& text) {
  size_t done = 0;
  while (done < text.size()) {
    const ssize_t n = ::write(fd, text.data() + done, text.size() - done);
    if (n <= 0) return false;
    done += static_cast<size_t>(n);
  }
  return true;
}

// Replaces the file `path` (through symlinks) by `text`: a temporary file in the same
// directory with the same permissions, renamed over it. Returns "" or what failed.
std::string WriteInPlace(const std::string& path, const std::string& text) {
  std::error_code ec;
  const fs::path target = fs::canonical(path, ec);
  if (ec) return path + ": " + ec.message();
  std::string tmp = (target.parent_path() / ("." + target.filename().string() + ".fmt-XXXXXX"));
  const int fd = ::mkstemp(tmp.data());
  if (fd < 0) return path + ": cannot create a temporary file next to it";
  struct stat st {};
  const bool ok = ::stat(target.c_str(), &st) == 0 && ::fchmod(fd, st.st_mode & 07777) == 0 &&
                  WriteAll(fd, text) && ::fsync(fd) == 0;
  const bool closed = ::close(fd) == 0;
  if (!ok || !closed || ::rename(tmp.c_str(), target.c_str()) != 0) {
    ::unlink(tmp.c_str());
    return path + ": cannot write the formatted file";
  }
  return {};
}

void PrintDiagnostics(const format::FormatResult& r, bool color) {
  for (const compiler::Diagnostic& d : r.diagnostics) {
    std::fputs(compiler::RenderText(d, r.sources, color).c_str(), stderr);
    std::fputs("\n", stderr);
  }
}

// Formats one file; returns its exit status.
int FormatOne(const std::string& path, const FmtOptions& opts, bool color) {
  const std::string name = path == "-" ? "<stdin>" : path;
  std::string text, error;
  if (!ReadSource(path, &text, &error)) {
    std::fprintf(stderr, "vigil: %s\n", error.c_str());
    return kExitUsage;
  }
  format::FormatResult r = format::FormatSource(name, text);
  if (!r.ok) {
    PrintDiagnostics(r, color);
    if (!r.internal_error.empty()) {
      std::fprintf(stderr, "vigil: internal error formatting %s: %s; left unchanged\n",
                   name.c_str(), r.internal_error.c_str());
      return kExitUsage;
    }
    std::fprintf(stderr, "vigil: %s has errors; not formatted\n", name.c_str());
    return kExitFindings;
  }
  const bool changed = r.text != text;
  if (opts.check || opts.diff) {
    if (!changed) return kExitOk;
    if (opts.check) std::printf("%s\n", name.c_str());
    if (opts.diff) std::fputs(format::UnifiedDiff(text, r.text, name, name).c_str(), stdout);
    return kExitFindings;
  }
  if (path == "-") {
    std::fwrite(r.text.data(), 1, r.text.size(), stdout);
    return kExitOk;
  }
  if (!changed) return kExitOk;
  error = WriteInPlace(path, r.text);
  if (error.empty()) return kExitOk;
  std::fprintf(stderr, "vigil: %s\n", error.c_str());
  return kExitUsage;
}

int RunFmt(const FmtOptions& opts) {
  std::vector<std::string> errors;
  const std::vector<std::string> files = compiler::ExpandRuleFiles(opts.paths, &errors);
  int status = kExitOk;
  for (const std::string& e : errors) {
    std::fprintf(stderr, "vigil: %s\n", e.c_str());
    status = kExitUsage;
  }
  if (std::count(opts.paths.begin(), opts.paths.end(), "-") > 1) {
    std::fprintf(stderr, "vigil: `-` (stdin) may be given once\n");
    return kExitUsage;
  }
  const bool color = opts.color == "always" || (opts.color == "auto" && isatty(STDERR_FILENO));
  for (const std::string& f : files) status = std::max(status, FormatOne(f, opts, color));
  std::fflush(stdout);
  return status;
}

}  // namespace

CLI::App* RegisterFmt(CLI::App& app, CommandFn* run) {
  auto opts = std::make_shared<FmtOptions>();
  CLI::App* cmd = app.add_subcommand("fmt", "Rewrite rule files (.vgl) in the canonical layout");
  cmd->add_option("paths", opts->paths, "Rule files or directories (recursively); - for stdin")
      ->required();
  CLI::Option* check = cmd->add_flag(
      "--check", opts->check, "Write nothing; list the files that would change (exit 1 if any)");
  cmd->add_flag("--diff", opts->diff,
                "Write nothing; print a unified diff of the changes (exit 1 if any)")
      ->excludes(check);
  cmd->add_option("--color", opts->color, "Color diagnostics")
      ->check(CLI::IsMember({"auto", "always", "never"}))
      ->capture_default_str();
  *run = [opts]() { return RunFmt(*opts); };
  return cmd;
}

}  // namespace vigil::cli
