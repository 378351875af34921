// membership.h: the set operators of the reference interpreter: `x in C` for every right side
// the type checker accepts (docs/language.md §4.4: inline lists, pack and tenant lists of each
// kind, arrays, networks) and string operators whose right side is a list (any of).
#pragma once

#include "compiler/ast/ast.h"
#include "interp/scalar_ops.h"
#include "interp/string_ops.h"
#include "interp/value.h"

namespace vigil::interp {

class Membership {
 public:
  explicit Membership(StringMatcher& strings) : strings_(strings) {}

  // `x in c`, where xt and ct are the operands' static types. Null when x is null. Otherwise:
  //  - a network (ct cidr scalar): null when c is null, else whether it contains x;
  //  - an array: Kleene any of (element == x); a null array is empty (false);
  //  - an inline list: any entry equals x (contains x for cidr entries; an ip entry is a host);
  //  - `$name` by the list's kind: exact lists compare every entry with ==, ASCII-caseless
  //    when x is an email/domain or the list is an email or domain list; int lists parse
  //    their entries as decimal integers (unparsable entries never match); domain, cidr and
  //    ioc lists use ListValue::Find (subdomains, longest prefix, typed indicators);
  //  - a regex / glob list: `x matches $l` / `x like $l` (caseless when x is email/domain).
  // Equality is scalar_ops' Equal: case folded when either side is email/domain.
  Tri In(const Value& x, const ast::Type& xt, const Value& c, const ast::Type& ct);

  // `x <op> c` for a string operator: null when x is null or c is a null string, else whether
  // x matches c or (for a list, inline or `$name`, of strings or patterns) any of its entries.
  // Caseless when `caseless` (the i-forms and email/domain operands).
  Tri AnyString(StringOp op, bool caseless, const Value& x, const Value& c);

 private:
  Tri InArray(const Datum& x, bool caseless, const Value& c, bool network);
  Tri InList(const Datum& x, bool caseless, const ListOperand& l, bool network);
  bool InIntList(const Datum& x, const schema::ListValue& l);
  bool InExactList(const Datum& x, bool caseless, const schema::ListValue& l);
  // x == e, or x in e when e is a network of a network list.
  static bool ElementMatches(const Datum& x, const Datum& e, bool caseless, bool network);

  StringMatcher& strings_;
};

}  // namespace vigil::interp
