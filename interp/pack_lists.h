// pack_lists.h: the pack's lists as the reference interpreter sees them: every `list` and
// `tenant list` of a checked pack built once into a schema::ListValue (stdlib/lists) from its
// inline entries or its file, and the per-tenant resolution of `$name`.
#pragma once

#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "compiler/sema/pack.h"
#include "stdlib/lists/list_value.h"
#include "vm/columnar/tenant_context.h"

namespace vigil::interp {

class PackLists {
 public:
  // Builds every list of `pack`: string lists exact and case-sensitive, email lists exact and
  // ASCII-caseless, int lists as exact lists of decimal texts, domain/cidr/regex/glob lists
  // as stdlib builds them, ioc lists from classified indicators. Entries are the pack's (sema
  // copies a `from` file's entries into it); a `from` list without entries is loaded from its
  // file. A bad entry or an unreadable file is reported in errors() and left out.
  explicit PackLists(const sema::Pack& pack);
  ~PackLists();

  // The declaration of list `name`; null when unknown.
  const sema::List* Decl(std::string_view name) const;
  // The values of `$name` for `tenant`: the tenant's own values for a tenant list it
  // configures, else the pack's (inline or default entries). Null when unknown.
  const schema::ListValue* Resolve(std::string_view name,
                                   const columnar::TenantContext& tenant) const;

  // Problems met while building the lists ("list $name: ...").
  const std::vector<std::string>& errors() const { return errors_; }

 private:
  struct Entry {
    const sema::List* decl = nullptr;
    std::unique_ptr<schema::ListValue> value;
  };
  std::unique_ptr<schema::ListValue> Build(const sema::List& list);
  std::unique_ptr<schema::ListValue> BuildIoc(const sema::List& list);

  std::map<std::string, Entry, std::less<>> lists_;
  std::vector<std::string> errors_;
};

// The text of a list entry literal as list builders take it: strings as they are, ints in
// decimal, ips and cidrs in canonical form.
std::string EntryText(const ast::Literal& lit);

}  // namespace vigil::interp
