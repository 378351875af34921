// docs.cc: Markdown rendering of the registry and of the built-in reference tables.
#include "stdlib/docs.h"

#include <map>

#include "stdlib/email/freemail.h"
#include "stdlib/families.h"
#include "stdlib/file/file_types.h"
#include "stdlib/net/ip_ranges.h"
#include "stdlib/url/url.h"

namespace vigil::stdlib {
namespace {

constexpr std::string_view kPreamble =
    "# vigil standard library\n\n"
    "<!-- Generated from the function registry (stdlib/docs.cc); do not edit by hand.\n"
    "     Regenerate: build/vigil functions --format markdown > docs/stdlib.md\n"
    "     tests/stdlib/docs_test.cc fails when this file differs from the rendering. -->\n\n"
    "Every function below can be called in any rule; its signature is checked at compile "
    "time. `vigil functions [NAME]` prints the same signatures on the command line.\n\n"
    "Conventions shared by every family:\n\n"
    "- **Null.** A null argument makes the result null (three-valued logic), unless the "
    "entry says otherwise. A function also returns null when its input is not what it "
    "works on (a URL that does not parse, text that is not base64).\n"
    "- **Types.** A `string` parameter accepts every string-like value (`string`, `email`, "
    "`domain`); a `float` parameter accepts an `int`. `email` and `domain` results are "
    "lower-case.\n"
    "- **Constants.** Parameters marked *constant* (patterns, zones, class names) must be "
    "literals; they are validated when the pack compiles.\n"
    "- **Cost.** Every function is linear in the size of its inputs (bounded constants for "
    "edit distances, documented per entry) and never fails on hostile input.\n"
    "- **Examples** are tested: each is evaluated by the test suite and must print the "
    "result shown.\n";

std::string Anchor(std::string_view title) {
  std::string a;
  for (char c : title) {
    if (c >= 'A' && c <= 'Z')
      a += static_cast<char>(c + 32);
    else if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))
      a += c;
    else if (c == ' ')
      a += '-';
  }
  return a;
}

std::string ConstNote(const FunctionDef& d) {
  std::string names;
  for (size_t i = 0; i < d.params.size(); ++i) {
    if (((d.const_params >> i) & 1u) == 0) continue;
    if (!names.empty()) names += ", ";
    names += "`" + std::string(d.param_names[i]) + "`";
  }
  return names.empty() ? "" : " Constant: " + names + ".";
}

void RenderOverload(const FunctionDef& d, std::string* out) {
  *out += "`" + Signature(d) + "`\n\n";
  *out += std::string(d.doc) + ConstNote(d) + "\n\n";
  *out += "```\n" + std::string(d.example) + "\n=> " + std::string(d.example_result) + "\n```\n\n";
}

void RenderFamily(const FamilyInfo& fam, const Registry& reg, std::string* out) {
  *out += "## " + std::string(fam.title) + "\n\n" + std::string(fam.intro) + "\n\n";
  std::vector<std::string_view> order;
  std::map<std::string_view, std::vector<const FunctionDef*>> by_name;
  for (const FunctionDef& d : reg.all()) {
    if (d.family != fam.id) continue;
    if (by_name[d.name].empty()) order.push_back(d.name);
    by_name[d.name].push_back(&d);
  }
  for (std::string_view name : order) {
    *out += "### " + std::string(name) + "\n\n";
    for (const FunctionDef* d : by_name[name]) RenderOverload(*d, out);
  }
}

void RenderTables(std::string* out) {
  *out += "## Built-in reference tables\n\n";
  *out +=
      "### Freemail providers (`is_freemail`, `freemail_provider`)\n\n"
      "A listed domain also covers its subdomains.\n\n| domain | provider |\n|---|---|\n";
  for (const FreemailDomain& d : FreemailDomains()) {
    *out += "| " + std::string(d.domain) + " | " + std::string(d.provider) + " |\n";
  }
  *out += "\n### URL shorteners (`url_is_shortener`)\n\nA `www.` prefix is ignored.\n\n";
  std::string hosts;
  for (std::string_view h : UrlShortenerHosts())
    hosts += (hosts.empty() ? "" : ", ") + std::string(h);
  *out += hosts +
          "\n\n### File classes by extension (`file_class`, `file_is`)\n\n"
          "| class | extensions |\n|---|---|\n";
  std::map<int, std::string> classes;
  for (const auto& [ext, cls] : ExtensionTable()) {
    std::string& line = classes[static_cast<int>(cls)];
    line += (line.empty() ? "" : " ") + std::string(ext);
  }
  for (const auto& [cls, exts] : classes) {
    *out += "| " + std::string(FileClassName(static_cast<FileClass>(cls))) + " | " + exts + " |\n";
  }
  *out +=
      "\n### Special IP ranges (`is_private_ip`, `is_reserved_ip`, ...)\n\n"
      "| network | range | note |\n|---|---|---|\n";
  static constexpr std::string_view kRangeNames[] = {"public", "private", "loopback", "link_local",
                                                     "reserved"};
  for (const IpRangeEntry& e : SpecialIpRanges()) {
    *out += "| " + std::string(e.cidr) + " | " +
            std::string(kRangeNames[static_cast<int>(e.range)]) + " | " + std::string(e.note) +
            " |\n";
  }
}

}  // namespace

std::string FunctionLine(const FunctionDef& def) {
  return Signature(def) + "  " + std::string(def.doc);
}

std::string RenderStdlibDocs(const Registry& registry) {
  std::string out(kPreamble);
  out += "\n## Contents\n\n";
  for (const FamilyInfo& fam : Families()) {
    size_t n = 0;
    for (const FunctionDef& d : registry.all()) n += d.family == fam.id;
    out += "- [" + std::string(fam.title) + "](#" + Anchor(fam.title) + ") (" + std::to_string(n) +
           " overloads)\n";
  }
  out += "- [Built-in reference tables](#built-in-reference-tables)\n\n";
  for (const FamilyInfo& fam : Families()) RenderFamily(fam, registry, &out);
  RenderTables(&out);
  return out;
}

}  // namespace vigil::stdlib
