// declared.cc: declared list kinds -> stdlib lists.
#include "stdlib/lists/declared.h"

#include "stdlib/lists/ioc.h"
#include "stdlib/lists/typed_lists.h"

namespace vigil::stdlib {

std::unique_ptr<schema::ListValue> BuildDeclaredList(std::string_view kind,
                                                     const std::vector<std::string>& entries,
                                                     std::string_view source,
                                                     std::vector<std::string>* errors) {
  if (kind == "ioc") {
    std::vector<Indicator> indicators;
    for (size_t i = 0; i < entries.size(); ++i) {
      Indicator ind;
      ind.source = std::string(source);
      if (ClassifyIndicator(entries[i], &ind.type, &ind.value)) {
        indicators.push_back(std::move(ind));
      } else {
        errors->push_back("entry " + std::to_string(i + 1) + ": \"" + entries[i] + "\" is not an indicator");
      }
    }
    return std::make_unique<IocList>(std::move(indicators));
  }
  ListOptions o;
  if (kind == "email") {
    o.caseless = true;
  } else if (kind == "domain") {
    o.kind = ListKind::kDomain;
  } else if (kind == "cidr" || kind == "ip") {
    o.kind = ListKind::kCidr;
  } else if (kind == "regex") {
    o.kind = ListKind::kRegex;
  } else if (kind == "glob") {
    o.kind = ListKind::kGlob;
  } else if (kind != "string" && kind != "int") {
    errors->push_back("unknown list kind `" + std::string(kind) + "`");
  }
  std::vector<EntryError> bad;
  auto list = BuildList(o, entries, &bad);
  for (const EntryError& e : bad) errors->push_back("entry " + std::to_string(e.index + 1) + ": " + e.message);
  if (list == nullptr) list = BuildList(o, {}, &bad);
  return list;
}

}  // namespace vigil::stdlib
