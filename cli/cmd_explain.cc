// cmd_explain.cc: `vigil explain [CODE...]`: the long form of diagnostic codes (what went wrong,
// an example, the fix) from compiler/base/diagnostic_docs.def; `--format markdown` with no code
// renders docs/diagnostics.md, which a test keeps equal to this output.
#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <string>
#include <string_view>
#include <vector>

#include "base/strings.h"
#include "cli/commands.h"
#include "compiler/base/diagnostics.h"

namespace vigil::cli {
namespace {

using compiler::DiagCode;
using compiler::DiagInfo;

struct DiagDoc {
  DiagCode code;
  std::string_view explanation;
  std::string_view example;  // may be empty
  std::string_view fix;      // may be empty
};

const std::vector<DiagDoc>& Docs() {
  static const std::vector<DiagDoc> kDocs = {
#define VIGIL_DIAG_DOC(code, explanation, example, fix) \
  {DiagCode::k##code, explanation, example, fix},
#include "compiler/base/diagnostic_docs.def"
#undef VIGIL_DIAG_DOC
  };
  return kDocs;
}

// The docs row of `code`, or nullptr when diagnostic_docs.def has none yet.
const DiagDoc* FindDoc(DiagCode code) {
  for (const DiagDoc& d : Docs()) {
    if (d.code == code) return &d;
  }
  return nullptr;
}

std::string_view SeverityWord(const DiagInfo& info) {
  return info.severity == compiler::Severity::kError ? "error" : "warning";
}

// `text` with every non-empty line prefixed by `pad`; always ends with a newline.
std::string Indent(std::string_view text, std::string_view pad) {
  std::string out;
  size_t start = 0;
  while (start <= text.size()) {
    const size_t end = std::min(text.find('\n', start), text.size());
    const std::string_view line = text.substr(start, end - start);
    out += line.empty() ? "\n" : fmt::format("{}{}\n", pad, line);
    start = end + 1;
  }
  return out;
}

// The paragraph `text` re-wrapped at `width` columns (the .def breaks lines where it must).
std::string Wrap(std::string_view text, size_t width) {
  std::string out, line;
  size_t i = 0;
  while (i < text.size()) {
    while (i < text.size() && (text[i] == ' ' || text[i] == '\n')) ++i;
    const size_t end = std::min(text.find_first_of(" \n", i), text.size());
    if (end == i) break;
    const std::string_view word = text.substr(i, end - i);
    if (!line.empty() && line.size() + 1 + word.size() > width) {
      out += line + "\n";
      line.clear();
    }
    line += (line.empty() ? "" : " ") + std::string(word);
    i = end;
  }
  return line.empty() ? out : out + line + "\n";
}

std::string ExplainText(const DiagInfo& info) {
  std::string out =
      fmt::format("{} {} ({}): {}\n\n", info.id, info.slug, SeverityWord(info), info.title);
  const DiagDoc* doc = FindDoc(info.code);
  if (doc == nullptr) return out + "No explanation is written for this code yet.\n";
  out += Wrap(doc->explanation, 96);
  if (!doc->example.empty()) out += "\nExample:\n\n" + Indent(doc->example, "    ");
  if (!doc->fix.empty()) out += "\nFixed:\n\n" + Indent(doc->fix, "    ");
  if (info.severity == compiler::Severity::kWarning) {
    out += fmt::format("\nSwitch it off with `vigil check -A {}`.\n", info.id);
  }
  out += fmt::format("\nSee docs/diagnostics.md#{}.\n", base::AsciiLower(info.id));
  return out;
}

std::string ListText() {
  std::string out;
  for (const DiagInfo& info : compiler::AllDiagnostics()) {
    out += fmt::format("{}  {:<8} {:<24} {}\n", info.id, SeverityWord(info), info.slug, info.title);
  }
  return out;
}

// The family headings of docs/diagnostics.md, by the first three characters of a code.
std::string_view FamilyTitle(std::string_view id) {
  const std::string_view prefix = id.substr(0, 3);
  if (prefix == "E01") return "Syntax (E01xx)";
  if (prefix == "E02") return "Names (E02xx)";
  if (prefix == "E03") return "Types (E03xx)";
  if (prefix == "E04") return "Metadata and rule structure (E04xx)";
  return "Lints (W05xx)";
}

std::string MarkdownEntry(const DiagInfo& info) {
  const std::string anchor = base::AsciiLower(info.id);
  std::string out = fmt::format("<a id=\"{}\"></a>\n### {} `{}`\n\n**{}**: {}", anchor, info.id,
                                info.slug, SeverityWord(info), info.title);
  if (info.severity == compiler::Severity::kWarning) {
    out += fmt::format(" (switch off with `-A {}`)", info.id);
  }
  out += "\n\n";
  const DiagDoc* doc = FindDoc(info.code);
  if (doc == nullptr) return out + "No explanation is written for this code yet.\n\n";
  out += Wrap(doc->explanation, 96) + "\n";
  // A few codes are about files, not their text: their examples are command lines.
  const std::string_view lang = doc->example.starts_with("vigil ") ? "sh" : "vgl";
  if (!doc->example.empty()) {
    out += fmt::format("Example:\n\n```{}\n{}\n```\n\n", lang, doc->example);
  }
  if (!doc->fix.empty()) out += fmt::format("Fixed:\n\n```{}\n{}\n```\n\n", lang, doc->fix);
  out += fmt::format(
      "Reproducer: [tests/golden/diagnostics/{0}.vgl]"
      "(../tests/golden/diagnostics/{0}.vgl)\n\n",
      info.id);
  return out;
}

std::string Markdown() {
  std::string out =
      "# Diagnostics\n\n"
      "<!-- Generated by `vigil explain --format markdown` from compiler/base/"
      "diagnostic_codes.def\n     and compiler/base/diagnostic_docs.def; edit those, then "
      "regenerate. -->\n\n"
      "Every mistake `vigil check` (and `vigil compile`, `vigil disasm`) finds in rule files is a\n"
      "diagnostic with a stable code, a location, the source line with a caret and, where one "
      "helps,\na hint. Codes are never reused or renumbered. Errors stop a pack from compiling; "
      "warnings do\nnot, unless `--deny-warnings` is given, and each can be switched off by code "
      "(`-A W0505`).\n`vigil explain CODE` prints one entry of this page. Each entry links to a "
      "reproducer whose\nrendering is golden-tested (`tests/golden/diagnostics/`).\n\n"
      "| code | severity | name | title |\n| --- | --- | --- | --- |\n";
  for (const DiagInfo& info : compiler::AllDiagnostics()) {
    out += fmt::format("| [{}](#{}) | {} | `{}` | {} |\n", info.id, base::AsciiLower(info.id),
                       SeverityWord(info), info.slug, info.title);
  }
  std::string_view family;
  for (const DiagInfo& info : compiler::AllDiagnostics()) {
    if (FamilyTitle(info.id) != family) {
      family = FamilyTitle(info.id);
      out += fmt::format("\n## {}\n\n", family);
    }
    out += MarkdownEntry(info);
  }
  while (out.ends_with("\n\n")) out.pop_back();
  return out;
}

}  // namespace

CLI::App* RegisterExplain(CLI::App& app, CommandFn* run) {
  struct Opts {
    std::vector<std::string> codes;
    std::string format = "text";
  };
  auto opts = std::make_shared<Opts>();
  CLI::App* cmd = app.add_subcommand(
      "explain", "Explain diagnostic codes (no code: list them; markdown: docs/diagnostics.md)");
  cmd->add_option("codes", opts->codes, "Diagnostic codes, e.g. E0201 (any case)");
  cmd->add_option("--format", opts->format, "Output format")
      ->check(CLI::IsMember({"text", "markdown"}))
      ->capture_default_str();
  *run = [opts]() {
    if (opts->codes.empty()) {
      std::fputs(opts->format == "markdown" ? Markdown().c_str() : ListText().c_str(), stdout);
      return kExitOk;
    }
    std::string out;
    for (const std::string& text : opts->codes) {
      DiagCode code;
      std::string upper = text;
      for (char& c : upper) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
      if (!compiler::ParseDiagCode(upper, &code)) {
        std::fprintf(stderr, "vigil: `%s` is not a diagnostic code; `vigil explain` lists them\n",
                     text.c_str());
        return kExitUsage;
      }
      const DiagInfo& info = compiler::InfoOf(code);
      out += opts->format == "markdown" ? MarkdownEntry(info) : ExplainText(info);
      if (&text != &opts->codes.back()) out += "\n";
    }
    std::fputs(out.c_str(), stdout);
    return kExitOk;
  };
  return cmd;
}

}  // namespace vigil::cli
