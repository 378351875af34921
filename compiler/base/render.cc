// render.cc: text, JSON and SARIF renderings of diagnostics.
#include "compiler/base/render.h"

#include <fmt/format.h>

#include <algorithm>
#include <nlohmann/json.hpp>

#include "base/strings.h"

namespace vigil::compiler {
namespace {

std::string_view SeverityWord(Severity s) {
  switch (s) {
    case Severity::kError:
      return "error";
    case Severity::kWarning:
      return "warning";
    case Severity::kNote:
      return "note";
  }
  return "error";
}

// Number of code points in s (the width of the caret run).
size_t Width(std::string_view s) {
  size_t n = 0;
  for (char c : s) {
    if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++n;
  }
  return n;
}

// Renders the snippet of one location: source line and a caret run under [begin, end).
void RenderSnippet(std::string& out, const SourceManager& sm, const Span& span,
                   std::string_view label, size_t gutter, char mark) {
  const SourceFile& f = sm.file(span.file);
  const LineCol b = f.Position(span.begin);
  const LineCol e = f.Position(span.end);
  const std::string line = base::SanitizeUtf8(f.Line(b.line));
  // Very long lines (minified or generated input) are cut around the caret.
  const size_t kMax = 160;
  size_t start_col = 1;
  std::string shown = line;
  if (Width(line) > kMax && b.col > 60) {
    start_col = b.col - 40;
    size_t cp = 1, byte = 0;
    while (byte < line.size() && cp < start_col) {
      ++byte;
      while (byte < line.size() && (static_cast<unsigned char>(line[byte]) & 0xC0) == 0x80) ++byte;
      ++cp;
    }
    shown = "..." + line.substr(byte);
    start_col -= 3;
  }
  if (Width(shown) > kMax) shown = shown.substr(0, kMax) + "...";
  const std::string pad(gutter, ' ');
  out += fmt::format("{} |\n{:>{}} | {}\n", pad, b.line, gutter, shown);
  const size_t caret_col = b.col >= start_col ? b.col - start_col : 0;
  size_t caret_len = e.line == b.line && e.col > b.col ? e.col - b.col : 1;
  caret_len = std::min<size_t>(caret_len, kMax);
  out += fmt::format("{} | {}{}", pad, std::string(caret_col, ' '), std::string(caret_len, mark));
  if (!label.empty()) out += fmt::format(" {}", label);
  out += "\n";
}

}  // namespace

std::string RenderText(const Diagnostic& d, const SourceManager& sm, bool color) {
  const DiagInfo& info = InfoOf(d.code);
  std::string out;
  const std::string_view sev = SeverityWord(d.severity);
  if (color) {
    out += fmt::format("\x1b[1;{}m{}[{}]\x1b[0m\x1b[1m: {}\x1b[0m\n",
                       d.severity == Severity::kError ? 31 : 33, sev, info.id, d.message);
  } else {
    out += fmt::format("{}[{}]: {}\n", sev, info.id, d.message);
  }
  if (!d.span.valid() || d.span.file >= sm.size()) {
    for (const auto& n : d.notes) out += fmt::format("  = note: {}\n", n);
    if (!d.help.empty()) out += fmt::format("  = help: {}\n", d.help);
    return out;
  }
  const SourceFile& f = sm.file(d.span.file);
  const LineCol b = f.Position(d.span.begin);
  size_t gutter = std::to_string(b.line).size();
  for (const Label& l : d.secondary) {
    if (l.span.valid() && l.span.file < sm.size()) {
      gutter = std::max(gutter, std::to_string(sm.file(l.span.file).Position(l.span.begin).line).size());
    }
  }
  out += fmt::format("{}--> {}:{}:{}\n", std::string(gutter, ' '), f.path(), b.line, b.col);
  RenderSnippet(out, sm, d.span, d.label, gutter, '^');
  for (const Label& l : d.secondary) {
    if (!l.span.valid() || l.span.file >= sm.size()) continue;
    const SourceFile& lf = sm.file(l.span.file);
    const LineCol lb = lf.Position(l.span.begin);
    out += fmt::format("{}::: {}:{}:{}\n", std::string(gutter, ' '), lf.path(), lb.line, lb.col);
    RenderSnippet(out, sm, l.span, l.text, gutter, '-');
  }
  const std::string pad(gutter, ' ');
  if (!d.notes.empty() || !d.help.empty()) out += fmt::format("{} |\n", pad);
  for (const auto& n : d.notes) out += fmt::format("{} = note: {}\n", pad, n);
  if (!d.help.empty()) out += fmt::format("{} = help: {}\n", pad, d.help);
  return out;
}

namespace {

nlohmann::json Location(const Span& span, const SourceManager& sm) {
  nlohmann::json j;
  if (!span.valid() || span.file >= sm.size()) return j;
  const SourceFile& f = sm.file(span.file);
  const LineCol b = f.Position(span.begin), e = f.Position(span.end);
  j["file"] = f.path();
  j["line"] = b.line;
  j["column"] = b.col;
  j["end_line"] = e.line;
  j["end_column"] = std::max(e.col, b.col + (e.line == b.line ? 1 : 0));
  return j;
}

}  // namespace

std::string RenderJson(const std::vector<Diagnostic>& diags, const SourceManager& sm) {
  nlohmann::json arr = nlohmann::json::array();
  for (const Diagnostic& d : diags) {
    nlohmann::json j = Location(d.span, sm);
    j["code"] = InfoOf(d.code).id;
    j["severity"] = SeverityWord(d.severity);
    j["title"] = InfoOf(d.code).title;
    j["message"] = base::SanitizeUtf8(d.message);
    if (!d.label.empty()) j["label"] = d.label;
    if (!d.help.empty()) j["help"] = d.help;
    if (!d.notes.empty()) j["notes"] = d.notes;
    arr.push_back(std::move(j));
  }
  return arr.dump(2) + "\n";
}

std::string RenderSarif(const std::vector<Diagnostic>& diags, const SourceManager& sm) {
  nlohmann::json rules = nlohmann::json::array();
  for (const DiagInfo& info : AllDiagnostics()) {
    rules.push_back({{"id", info.id},
                     {"name", info.slug},
                     {"shortDescription", {{"text", info.title}}},
                     {"defaultConfiguration",
                      {{"level", info.severity == Severity::kError ? "error" : "warning"}}},
                     {"helpUri", fmt::format("docs/diagnostics.md#{}", base::AsciiLower(info.id))}});
  }
  nlohmann::json results = nlohmann::json::array();
  for (const Diagnostic& d : diags) {
    nlohmann::json r;
    r["ruleId"] = InfoOf(d.code).id;
    r["level"] = d.severity == Severity::kError ? "error" : "warning";
    std::string text = base::SanitizeUtf8(d.message);
    if (!d.help.empty()) text += " (help: " + d.help + ")";
    r["message"] = {{"text", text}};
    const nlohmann::json loc = Location(d.span, sm);
    if (!loc.empty()) {
      r["locations"] = {{{"physicalLocation",
                          {{"artifactLocation", {{"uri", loc["file"]}}},
                           {"region",
                            {{"startLine", loc["line"]},
                             {"startColumn", loc["column"]},
                             {"endLine", loc["end_line"]},
                             {"endColumn", loc["end_column"]}}}}}}};
    }
    results.push_back(std::move(r));
  }
  nlohmann::json log = {
      {"$schema", "https://json.schemastore.org/sarif-2.1.0.json"},
      {"version", "2.1.0"},
      {"runs",
       {{{"tool",
          {{"driver",
            {{"name", "vigil"},
             {"version", VIGIL_VERSION},
             {"rules", rules}}}}},
         {"results", results}}}}};
  return log.dump(2) + "\n";
}

}  // namespace vigil::compiler
