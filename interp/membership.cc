// membership.cc: `in` over lists, arrays and networks; string operators over lists.
#include "interp/membership.h"

#include <charconv>

#include "stdlib/lists/list_value.h"

namespace vigil::interp {

using Kind = ast::Type::Kind;
using schema::Datum;
using schema::ScalarType;

bool Membership::ElementMatches(const Datum& x, const Datum& e, bool caseless, bool network) {
  if (!e.valid) return false;
  if (network && e.type == ScalarType::kCidr) return base::Cidr{e.ip, e.prefix}.Contains(x.ip);
  if (network && e.type == ScalarType::kIp) return x.ip == e.ip;
  return Equal(x, e, caseless);
}

Tri Membership::In(const Value& x, const ast::Type& xt, const Value& c, const ast::Type& ct) {
  if (x.null()) return std::nullopt;
  const bool caseless = Caseless(xt) || Caseless(ct);
  const bool network = ct.scalar == ScalarType::kCidr;
  const bool list_kind =
      ct.kind == Kind::kList || ct.kind == Kind::kPattern || ct.kind == Kind::kIoc;
  if (list_kind && c.list == nullptr) return std::nullopt;  // an unknown list (never after sema)
  switch (ct.kind) {
    case Kind::kScalar:  // ip in network
      if (c.null()) return std::nullopt;
      return ElementMatches(x.d, c.d, false, true);
    case Kind::kArray:
      return InArray(x.d, caseless, c, network);
    case Kind::kList:
      return InList(x.d, caseless, *c.list, network);
    case Kind::kPattern:
      return AnyString(ct.glob ? StringOp::kLike : StringOp::kMatches, Caseless(xt), x, c);
    case Kind::kIoc:
      return c.list->value != nullptr && c.list->value->Find(x.d) >= 0;
    default:
      return std::nullopt;
  }
}

Tri Membership::InArray(const Datum& x, bool caseless, const Value& c, bool network) {
  if (c.null()) return false;  // a null array behaves as an empty one
  Tri any = false;
  for (const Datum& e : c.d.elems) {
    any = Or(any, e.valid ? Tri(ElementMatches(x, e, caseless, network)) : std::nullopt);
  }
  return any;
}

Tri Membership::InList(const Datum& x, bool caseless, const ListOperand& l, bool network) {
  if (l.value == nullptr) {  // inline
    for (const Datum& e : l.items) {
      if (ElementMatches(x, e, caseless, network)) return true;
    }
    return false;
  }
  if (l.decl != nullptr && l.decl->kind == sema::ListKind::kInt) return InIntList(x, *l.value);
  if (l.value->kind() == stdlib::ListKind::kString) {
    const bool email = l.decl != nullptr && (l.decl->kind == sema::ListKind::kEmail ||
                                             l.decl->kind == sema::ListKind::kDomain);
    return InExactList(x, caseless || email, *l.value);
  }
  return l.value->Find(x) >= 0;
}

bool Membership::InIntList(const Datum& x, const schema::ListValue& l) {
  for (const std::string& text : l.entries()) {
    int64_t v = 0;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
    if (ec != std::errc() || end != text.data() + text.size()) continue;
    if (Equal(x, Datum::Int(v), false)) return true;
  }
  return false;
}

bool Membership::InExactList(const Datum& x, bool caseless, const schema::ListValue& l) {
  if (!schema::IsStringLike(x.type)) return false;
  for (const std::string& text : l.entries()) {
    if (Equal(x, Datum::String(text), caseless)) return true;
  }
  return false;
}

Tri Membership::AnyString(StringOp op, bool caseless, const Value& x, const Value& c) {
  if (x.null() || c.null()) return std::nullopt;
  if (c.kind == Value::Kind::kScalar) return strings_.Match(op, caseless, x.d.s, c.d.s);
  if (c.kind != Value::Kind::kList) return std::nullopt;
  const ListOperand& l = *c.list;
  if (l.value == nullptr) {
    for (const Datum& e : l.items) {
      if (e.valid && strings_.Match(op, caseless, x.d.s, e.s)) return true;
    }
    return false;
  }
  for (const std::string& e : l.value->entries()) {
    if (strings_.Match(op, caseless, x.d.s, e)) return true;
  }
  return false;
}

}  // namespace vigil::interp
