// pack_lists.cc: building the pack's lists with the stdlib list builders and loaders.
#include "interp/pack_lists.h"

#include "stdlib/lists/ioc.h"
#include "stdlib/lists/loaders.h"
#include "stdlib/lists/typed_lists.h"

namespace vigil::interp {

namespace {

stdlib::ListOptions OptionsFor(sema::ListKind kind) {
  stdlib::ListOptions o;
  switch (kind) {
    case sema::ListKind::kEmail:
      o.caseless = true;
      break;
    case sema::ListKind::kDomain:
      o.kind = stdlib::ListKind::kDomain;
      break;
    case sema::ListKind::kCidr:
      o.kind = stdlib::ListKind::kCidr;
      break;
    case sema::ListKind::kRegex:
      o.kind = stdlib::ListKind::kRegex;
      break;
    case sema::ListKind::kGlob:
      o.kind = stdlib::ListKind::kGlob;
      break;
    case sema::ListKind::kIoc:
      o.kind = stdlib::ListKind::kIoc;
      break;
    case sema::ListKind::kString:
    case sema::ListKind::kInt:
      break;
  }
  return o;
}

// Sema copies the entries of a `from` file into the pack; the file is read here only when the
// pack carries none (a pack checked before that, or an empty file).
bool FromFile(const sema::List& list) { return list.entries.empty() && !list.from_file.empty(); }

}  // namespace

std::string EntryText(const ast::Literal& lit) { return sema::ListEntryText(lit); }

PackLists::PackLists(const sema::Pack& pack) {
  for (const sema::List& list : pack.lists) {
    Entry& e = lists_[list.name];
    e.decl = &list;
    e.value = list.kind == sema::ListKind::kIoc ? BuildIoc(list) : Build(list);
  }
}

PackLists::~PackLists() = default;

std::unique_ptr<schema::ListValue> PackLists::Build(const sema::List& list) {
  const stdlib::ListOptions options = OptionsFor(list.kind);
  std::unique_ptr<schema::ListValue> value;
  if (FromFile(list)) {
    stdlib::LoadOptions load;
    load.list = options;
    stdlib::LoadResult r = stdlib::LoadListFile(list.from_file, load);
    for (const std::string& m : r.errors) errors_.push_back("list $" + list.name + ": " + m);
    value = std::move(r.list);
  } else {
    std::vector<std::string> entries;
    for (const ast::Literal& lit : list.entries) entries.push_back(EntryText(lit));
    std::vector<stdlib::EntryError> errors;
    value = stdlib::BuildList(options, entries, &errors);
    for (const stdlib::EntryError& m : errors) {
      errors_.push_back("list $" + list.name + ": entry " + std::to_string(m.index + 1) + ": " +
                        m.message);
    }
  }
  if (value == nullptr) {  // an unreadable file: an empty list of the same kind
    std::vector<stdlib::EntryError> unused;
    value = stdlib::BuildList(options, {}, &unused);
  }
  return value;
}

std::unique_ptr<schema::ListValue> PackLists::BuildIoc(const sema::List& list) {
  if (FromFile(list)) {
    stdlib::LoadResult r =
        stdlib::LoadIocFile(list.from_file, stdlib::FileFormat::kAuto, list.name);
    for (const std::string& m : r.errors) errors_.push_back("list $" + list.name + ": " + m);
    if (r.list != nullptr) return std::move(r.list);
    return std::make_unique<stdlib::IocList>(std::vector<stdlib::Indicator>{});
  }
  std::vector<stdlib::Indicator> indicators;
  for (const ast::Literal& lit : list.entries) {
    stdlib::Indicator ind;
    ind.source = list.name;
    if (stdlib::ClassifyIndicator(EntryText(lit), &ind.type, &ind.value)) {
      indicators.push_back(std::move(ind));
    } else {
      errors_.push_back("list $" + list.name + ": \"" + EntryText(lit) + "\" is not an indicator");
    }
  }
  return std::make_unique<stdlib::IocList>(std::move(indicators));
}

const sema::List* PackLists::Decl(std::string_view name) const {
  auto it = lists_.find(name);
  return it == lists_.end() ? nullptr : it->second.decl;
}

const schema::ListValue* PackLists::Resolve(std::string_view name,
                                            const columnar::TenantContext& tenant) const {
  auto it = lists_.find(name);
  if (it == lists_.end()) return nullptr;
  if (it->second.decl->tenant) {
    auto own = tenant.lists.find(name);
    if (own != tenant.lists.end() && own->second != nullptr) return own->second;
  }
  return it->second.value.get();
}

}  // namespace vigil::interp
