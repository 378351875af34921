// typed_lists.h: building the typed lists (string, domain, CIDR, regex, glob) from entries,
// with per-entry validation. File loaders (loaders.h) and the compiler's inline lists both
// come through here; IOC lists have their own builder (ioc.h).
#pragma once

#include <memory>
#include <span>
#include <string>
#include <vector>

#include "stdlib/lists/list_value.h"
#include "stdlib/registry.h"

namespace vigil::stdlib {

struct ListOptions {
  ListKind kind = ListKind::kString;
  bool caseless = false;  // string and glob lists: fold ASCII letters (domains always do)
};

// An entry that failed validation; `index` is its position in the input.
struct EntryError {
  size_t index = 0;
  std::string message;
};

// Builds a list of options.kind (not kIoc). Invalid entries are reported in *errors and left
// out; the list is still built from the rest. Entries are normalized: domains lower-cased
// with "*." / leading "." / trailing "." removed, networks canonical ("10.0.0.0/8").
std::unique_ptr<schema::ListValue> BuildList(const ListOptions& options,
                                             const std::vector<std::string>& entries,
                                             std::vector<EntryError>* errors);

// The list an inline list literal becomes when passed to a parameter of type list_type:
// list<string> -> case-sensitive string list, list<email> -> caseless string list,
// list<domain> -> domain list, list<cidr> -> CIDR list (ip and cidr elements). Null elements
// are skipped. Returns nullptr with *error on an invalid element.
std::unique_ptr<schema::ListValue> BuildInlineList(const TypeSpec& list_type,
                                                   std::span<const Datum> elems,
                                                   std::string* error);

// Domain entry normalization: lower-case, strip "*.", a leading and a trailing '.'. False when
// the result is empty or holds characters no host name has (space, '/', '@', ':', control).
bool NormalizeDomainEntry(std::string_view in, std::string* out);

// Lower-cases a host for lookup and strips one trailing '.'; `buf` holds the bytes when a
// copy was needed.
std::string_view LookupHost(std::string_view host, std::string* buf);

}  // namespace vigil::stdlib
