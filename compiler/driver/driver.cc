// driver.cc: file discovery, reading, parsing, import resolution and checking.
#include "compiler/driver/driver.h"

#include <fmt/format.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <map>
#include <set>
#include <sstream>

#include "compiler/parse/parser.h"
#include "compiler/sema/checker.h"

namespace vigil::compiler {
namespace fs = std::filesystem;

std::vector<std::string> ExpandRuleFiles(const std::vector<std::string>& paths,
                                         std::vector<std::string>* errors) {
  std::vector<std::string> out;
  for (const std::string& p : paths) {
    if (p == "-") {
      out.push_back(p);
      continue;
    }
    std::error_code ec;
    if (fs::is_directory(p, ec)) {
      std::vector<std::string> found;
      fs::recursive_directory_iterator it(p, fs::directory_options::skip_permission_denied, ec);
      if (ec) {
        errors->push_back(fmt::format("{}: {}", p, ec.message()));
        continue;
      }
      for (; it != fs::recursive_directory_iterator(); it.increment(ec)) {
        if (ec) {
          errors->push_back(fmt::format("{}: {}", p, ec.message()));
          break;
        }
        if (it->path().extension() == ".vgl" && it->is_regular_file(ec)) {
          found.push_back(it->path().lexically_normal().string());
        }
      }
      std::sort(found.begin(), found.end());
      out.insert(out.end(), found.begin(), found.end());
    } else if (fs::exists(p, ec)) {
      out.push_back(fs::path(p).lexically_normal().string());
    } else {
      errors->push_back(fmt::format("{}: no such file or directory", p));
    }
  }
  // The same file named twice (directly and through a directory) is loaded once.
  std::vector<std::string> unique;
  std::set<std::string> seen;
  for (const std::string& f : out) {
    if (seen.insert(f).second) unique.push_back(f);
  }
  return unique;
}

namespace {

class Loader {
 public:
  Loader(sema::Pack& pack, DiagnosticSink& sink, const LoadOptions& options)
      : pack_(pack), sink_(sink), options_(options) {}

  // Reads, parses and registers `path`; returns its file id (or kNoFile when unreadable).
  uint32_t AddFile(const std::string& path, Span import_site) {
    if (auto it = ids_.find(path); it != ids_.end()) return it->second;
    std::string text;
    if (auto mem = memory_.find(path); mem != memory_.end()) {
      text = mem->second;
    } else if (!Read(path, &text, import_site)) {
      return Span::kNoFile;
    }
    return AddText(path, std::move(text));
  }

  // Files served from memory instead of the file system (imports included).
  void SetMemoryFiles(std::map<std::string, std::string> files) { memory_ = std::move(files); }

  uint32_t AddText(const std::string& path, std::string text) {
    const uint32_t id = pack_.sources.Add(path, std::move(text));
    ids_[path] = id;
    const size_t errors_before = sink_.error_count();
    auto file = std::make_unique<ast::File>(ParseFile(pack_.sources, id, sink_));
    if (sink_.error_count() > errors_before) skip_.insert(id);
    ast::File* f = file.get();
    pack_.files.push_back(std::move(file));
    FollowImports(*f);
    return id;
  }

  sema::CheckOptions Options() {
    sema::CheckOptions o;
    o.skip_files = skip_;
    if (!memory_.empty()) {
      o.read_file = [this](const std::string& path, std::string* text) {
        auto it = memory_.find(path);
        if (it == memory_.end()) return false;
        *text = it->second;
        return true;
      };
    }
    for (const auto& f : pack_.files) o.visible[f->file_id] = Closure(f->file_id);
    return o;
  }

 private:
  bool Read(const std::string& path, std::string* text, Span site) {
    std::error_code ec;
    if (path != "-" && fs::is_directory(path, ec)) {
      sink_.Report(DiagCode::kE0108, site, fmt::format("`{}` is a directory", path));
      return false;
    }
    if (path != "-") {
      const auto size = fs::file_size(path, ec);
      if (!ec && size > options_.max_file_bytes) {
        sink_.Report(DiagCode::kE0108, site,
                     fmt::format("`{}` is {} bytes; rule files are limited to {} bytes", path, size,
                                 options_.max_file_bytes));
        return false;
      }
    }
    std::ostringstream buf;
    if (path == "-") {
      buf << std::cin.rdbuf();
    } else {
      std::ifstream in(path, std::ios::binary);
      if (!in) {
        sink_.Report(DiagCode::kE0108, site, fmt::format("cannot read `{}`", path));
        return false;
      }
      buf << in.rdbuf();
    }
    *text = buf.str();
    return true;
  }

  void FollowImports(const ast::File& f) {
    const fs::path base = fs::path(pack_.sources.file(f.file_id).path()).parent_path();
    for (const ast::Import& imp : f.imports) {
      const std::string target = (base / imp.path).lexically_normal().string();
      std::error_code ec;
      if (!memory_.count(target) && !fs::is_regular_file(target, ec)) {
        sink_.Report(DiagCode::kE0208, imp.span, fmt::format("cannot import `{}`", imp.path))
            .label = fmt::format("{} does not exist", target);
        continue;
      }
      const uint32_t id = AddFile(target, imp.span);
      if (id != Span::kNoFile) imports_[f.file_id].insert(id);
    }
  }

  std::set<uint32_t> Closure(uint32_t root) {
    std::set<uint32_t> seen = {root};
    std::vector<uint32_t> work = {root};
    while (!work.empty()) {
      const uint32_t f = work.back();
      work.pop_back();
      for (uint32_t i : imports_[f]) {
        if (seen.insert(i).second) work.push_back(i);
      }
    }
    return seen;
  }

  sema::Pack& pack_;
  DiagnosticSink& sink_;
  const LoadOptions& options_;
  std::map<std::string, uint32_t> ids_;
  std::map<std::string, std::string> memory_;
  std::map<uint32_t, std::set<uint32_t>> imports_;
  std::set<uint32_t> skip_;
};

LoadResult Finish(LoadResult r, Loader& loader, DiagnosticSink& sink) {
  sema::CheckPack(*r.pack, loader.Options(), sink);
  r.errors = sink.error_count();
  r.diagnostics = sink.Take();
  r.warnings = 0;
  for (const Diagnostic& d : r.diagnostics) {
    if (d.severity == Severity::kWarning) ++r.warnings;
  }
  r.files = r.pack->files.size();
  return r;
}

DiagnosticSink MakeSink(const LoadOptions& options) {
  DiagnosticSink sink;
  for (DiagCode c : options.disabled) sink.Disable(c);
  sink.SetWarningsAsErrors(options.warnings_as_errors);
  return sink;
}

}  // namespace

LoadResult LoadPack(const std::vector<std::string>& paths, const LoadOptions& options) {
  LoadResult r;
  r.pack = std::make_unique<sema::Pack>();
  DiagnosticSink sink = MakeSink(options);
  Loader loader(*r.pack, sink, options);
  for (const std::string& f : ExpandRuleFiles(paths, &r.tool_errors)) loader.AddFile(f, Span::None());
  return Finish(std::move(r), loader, sink);
}

LoadResult LoadSources(const std::vector<std::pair<std::string, std::string>>& files,
                       const LoadOptions& options) {
  LoadResult r;
  r.pack = std::make_unique<sema::Pack>();
  DiagnosticSink sink = MakeSink(options);
  Loader loader(*r.pack, sink, options);
  loader.SetMemoryFiles({files.begin(), files.end()});
  for (const auto& [path, text] : files) {
    if (path.ends_with(".vgl")) loader.AddFile(path, Span::None());  // others: list files
  }
  return Finish(std::move(r), loader, sink);
}

LoadResult LoadSource(const std::string& name, const std::string& text, const LoadOptions& options) {
  LoadResult r;
  r.pack = std::make_unique<sema::Pack>();
  DiagnosticSink sink = MakeSink(options);
  Loader loader(*r.pack, sink, options);
  loader.AddText(name, text);
  return Finish(std::move(r), loader, sink);
}

}  // namespace vigil::compiler
