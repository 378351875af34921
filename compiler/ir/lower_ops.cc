// lower_ops.cc: lowering of membership (constant sets, pack and tenant lists, arrays, networks),
// string operators (pattern nodes), stdlib calls and history functions.
#include <algorithm>

#include "base/check.h"
#include "base/strings.h"
#include "compiler/ir/lowerer.h"
#include "compiler/sema/expr_checker.h"
#include "stdlib/invoke.h"
#include "stdlib/lists/declared.h"
#include "stdlib/registry.h"

namespace vigil::ir {

using ast::Expr;
using ast::ExprKind;
using bytecode::ConstSet;
using bytecode::RegKind;
using schema::ScalarType;

uint32_t Lowerer::ConstSetFor(ConstSet set) {
  auto& sets = m_.pools.sets;
  for (uint32_t i = 0; i < sets.size(); ++i) {
    const ConstSet& s = sets[i];
    if (s.kind == set.kind && s.strings == set.strings && s.ints == set.ints &&
        s.networks == set.networks) {
      return i;
    }
  }
  sets.push_back(std::move(set));
  return static_cast<uint32_t>(sets.size() - 1);
}

namespace {

// The constant set `x in [entries]` tests for a left side of type t, from the entries' folded
// constants (null entries never match and are left out).
ConstSet SetFromConstants(const std::vector<bytecode::Constant>& entries, ScalarType t) {
  ConstSet set;
  if (t == ScalarType::kIp) {
    set.kind = ConstSet::Kind::kNetworks;
    for (const bytecode::Constant& c : entries) {
      if (c.type == ScalarType::kIp || c.type == ScalarType::kCidr) {
        set.networks.push_back({c.ip, c.prefix});
      }
    }
  } else if (schema::IsStringLike(t)) {
    set.kind = schema::IsCaseInsensitive(t) ? ConstSet::Kind::kStringsFolded
                                            : ConstSet::Kind::kStrings;
    for (const bytecode::Constant& c : entries) {
      if (schema::IsStringLike(c.type)) set.strings.push_back(c.s);
    }
  } else {
    set.kind = ConstSet::Kind::kInts;
    for (const bytecode::Constant& c : entries) {
      if (!schema::IsStringLike(c.type) && c.type != ScalarType::kFloat) set.ints.push_back(c.i);
    }
  }
  std::sort(set.strings.begin(), set.strings.end());
  set.strings.erase(std::unique(set.strings.begin(), set.strings.end()), set.strings.end());
  std::sort(set.ints.begin(), set.ints.end());
  set.ints.erase(std::unique(set.ints.begin(), set.ints.end()), set.ints.end());
  return set;
}

}  // namespace

std::string EntryTextOf(const bytecode::Constant& c) {
  switch (c.type) {
    case ScalarType::kIp: return base::FormatIp(c.ip);
    case ScalarType::kCidr: return base::FormatCidr({c.ip, c.prefix});
    case ScalarType::kFloat: return std::to_string(c.f);
    case ScalarType::kBool: return c.i != 0 ? "true" : "false";
    default: return schema::IsStringLike(c.type) ? c.s : std::to_string(c.i);
  }
}

const bytecode::Constant* Lowerer::ConstantOf(NodeId n) const {
  return g_.node(n).op == Op::kConst ? &m_.pools.constants[g_.node(n).imm] : nullptr;
}

NodeId Lowerer::InInline(NodeId v, ScalarType t, const Expr& list) {
  // Folded entries go into one constant set; float entries (compared as doubles) and entries
  // that did not fold are compared one by one.
  std::vector<bytecode::Constant> consts;
  std::vector<NodeId> others;
  for (const auto& item : list.args) {
    const NodeId n = Val(*item);
    const bytecode::Constant* c = ConstantOf(n);
    if (c != nullptr && c->is_null) continue;
    if (c != nullptr && c->type != ScalarType::kFloat && t != ScalarType::kFloat) {
      consts.push_back(*c);
    } else {
      others.push_back(n);
    }
  }
  const uint16_t flags = schema::IsCaseInsensitive(t) ? bytecode::kFlagCaseless : 0;
  auto cmp = [&](NodeId o, bytecode::CmpOp op) {
    const auto sub = static_cast<uint8_t>(op);
    return ConstantOf(o) != nullptr
               ? Make(Op::kCmpK, RegKind::kBool, ScalarType::kBool, {v}, g_.node(o).imm, sub, flags)
               : Make(Op::kCmp, RegKind::kBool, ScalarType::kBool, {v, o}, 0, sub, flags);
  };
  NodeId acc = kNoNode;
  if (t != ScalarType::kFloat) {
    const uint32_t set = ConstSetFor(SetFromConstants(consts, t));
    acc = Make(Op::kInSet, RegKind::kBool, ScalarType::kBool, {v}, set);
  } else if (others.empty()) {
    // No entry can match: false, or null for a null value (x == 0 and x != 0).
    bytecode::Constant zero;
    zero.type = ScalarType::kFloat;
    const NodeId z = Make(Op::kConst, RegKind::kValue, ScalarType::kFloat, {}, m_.Intern(zero));
    const NodeId eq = cmp(z, bytecode::CmpOp::kEq), ne = cmp(z, bytecode::CmpOp::kNe);
    return Make(Op::kAnd, RegKind::kBool, ScalarType::kBool, {eq, ne});
  }
  for (NodeId o : others) {
    const NodeId term = cmp(o, bytecode::CmpOp::kEq);
    acc = acc == kNoNode ? term : Make(Op::kOr, RegKind::kBool, ScalarType::kBool, {acc, term});
  }
  return acc;
}

NodeId Lowerer::In(const Expr& e) {
  const Expr& lhs = *e.args[0];
  const Expr& rhs = *e.args[1];
  const NodeId v = Val(lhs);
  const ScalarType t = lhs.type.kind == ast::Type::Kind::kScalar ? lhs.type.scalar : ScalarType::kString;
  auto in_set = [&](ConstSet set) {
    return Make(Op::kInSet, RegKind::kBool, ScalarType::kBool, {v}, ConstSetFor(std::move(set)));
  };
  if (rhs.kind == ExprKind::kList) return InInline(v, t, rhs);
  if (rhs.kind == ExprKind::kListRef) {
    const sema::List* list = pack_.FindList(rhs.name);
    VIGIL_CHECK(list != nullptr);
    return InListRef(v, lhs, *list);
  }
  const NodeId r = Val(rhs);
  if (g_.node(r).kind == RegKind::kArray) {
    const uint16_t flags = schema::IsCaseInsensitive(t) ? bytecode::kFlagCaseless : 0;
    return Make(Op::kInArray, RegKind::kBool, ScalarType::kBool, {v, r}, 0, 0, flags);
  }
  // ip in <network constant>
  VIGIL_CHECK(g_.node(r).op == Op::kConst);
  const bytecode::Constant& c = m_.pools.constants[g_.node(r).imm];
  ConstSet set;
  set.kind = ConstSet::Kind::kNetworks;
  set.networks.push_back({c.ip, c.prefix});
  return in_set(std::move(set));
}

uint32_t Lowerer::PackListFor(const sema::List& list) {
  auto& lists = m_.pools.lists;
  for (uint32_t i = 0; i < lists.size(); ++i) {
    if (lists[i].name == list.name) return i;
  }
  bytecode::PackList p;
  p.name = list.name;
  p.kind = std::string(sema::ListKindName(list.kind));
  p.tenant = list.tenant;
  for (const ast::Literal& l : list.entries) p.entries.push_back(sema::ListEntryText(l));
  lists.push_back(std::move(p));
  return static_cast<uint32_t>(lists.size() - 1);
}

uint32_t Lowerer::InlineListFor(std::string kind, std::vector<std::string> entries) {
  auto& lists = m_.pools.lists;
  for (uint32_t i = 0; i < lists.size(); ++i) {
    if (lists[i].name.empty() && lists[i].kind == kind && lists[i].entries == entries) return i;
  }
  lists.push_back({"", std::move(kind), false, std::move(entries)});
  return static_cast<uint32_t>(lists.size() - 1);
}

NodeId Lowerer::InListRef(NodeId value, const Expr& lhs, const sema::List& list) {
  const ScalarType t = lhs.type.kind == ast::Type::Kind::kScalar ? lhs.type.scalar : ScalarType::kString;
  const uint16_t flags = schema::IsCaseInsensitive(t) ? bytecode::kFlagCaseless : 0;
  return Make(Op::kInList, RegKind::kBool, ScalarType::kBool, {value}, PackListFor(list), 0, flags);
}

namespace {

bytecode::StrOp StrOpOf(ast::BinaryOp op, bool* caseless) {
  using B = ast::BinaryOp;
  using S = bytecode::StrOp;
  *caseless = op == B::kIContains || op == B::kIStartsWith || op == B::kIEndsWith ||
              op == B::kILike || op == B::kIMatches;
  switch (op) {
    case B::kContains:
    case B::kIContains: return S::kContains;
    case B::kStartsWith:
    case B::kIStartsWith: return S::kStartsWith;
    case B::kEndsWith:
    case B::kIEndsWith: return S::kEndsWith;
    case B::kLike:
    case B::kILike: return S::kLike;
    default: return S::kRegex;
  }
}

}  // namespace

NodeId Lowerer::StringOp(const Expr& e) {
  const Expr& lhs = *e.args[0];
  const Expr& rhs = *e.args[1];
  bool caseless = false;
  const bytecode::StrOp op = StrOpOf(e.bop, &caseless);
  const ScalarType lt = lhs.type.kind == ast::Type::Kind::kScalar ? lhs.type.scalar : ScalarType::kString;
  // A list's element type counts too: patterns from an email or domain list fold case.
  const bool scalar_or_list =
      rhs.type.kind == ast::Type::Kind::kScalar || rhs.type.kind == ast::Type::Kind::kList;
  const ScalarType rt = scalar_or_list ? rhs.type.scalar : ScalarType::kString;
  caseless = caseless || schema::IsCaseInsensitive(lt) || schema::IsCaseInsensitive(rt);
  const NodeId v = Val(lhs);
  std::vector<std::string> pats;
  if (rhs.kind == ExprKind::kLiteral) {
    if (rhs.lit.kind == ast::LiteralKind::kNull) return BoolConst(2);
    pats.push_back(rhs.lit.s);
  } else if (rhs.kind == ExprKind::kList) {
    for (const auto& item : rhs.args) {
      const bytecode::Constant* c = ConstantOf(Val(*item));
      VIGIL_CHECK_MSG(c != nullptr, "a constant pattern did not fold");
      if (!c->is_null) pats.push_back(c->s);
    }
  } else if (rhs.kind == ExprKind::kListRef) {
    const sema::List* list = pack_.FindList(rhs.name);
    VIGIL_CHECK(list != nullptr && !list->tenant);
    // The list's entries as built for lookups (normalized: domains lower-cased, ...), which
    // is what `$list` means on the right of a string operator.
    std::vector<std::string> texts, errors;
    for (const ast::Literal& l : list->entries) texts.push_back(sema::ListEntryText(l));
    const auto built =
        stdlib::BuildDeclaredList(sema::ListKindName(list->kind), texts, "", &errors);
    pats = built->entries();
    if (list->kind == sema::ListKind::kRegex || list->kind == sema::ListKind::kGlob) {
      return PatternList(v, list->kind == sema::ListKind::kGlob, caseless, pats);
    }
  } else {
    const NodeId r = Val(rhs);
    if (g_.node(r).op != Op::kConst) {
      return Make(Op::kStr, RegKind::kBool, ScalarType::kBool, {v, r}, 0, static_cast<uint8_t>(op),
                  caseless ? bytecode::kFlagCaseless : 0);
    }
    const bytecode::Constant& c = m_.pools.constants[g_.node(r).imm];
    if (c.is_null) return BoolConst(2);  // a null pattern (a constant that folded to null)
    pats.push_back(c.s);
  }
  if (pats.size() > 16) return PatternList(v, op == bytecode::StrOp::kLike, caseless, pats, op);
  return Patterns(v, op, caseless, pats);
}

NodeId Lowerer::Patterns(NodeId value, bytecode::StrOp op, bool caseless,
                         const std::vector<std::string>& pats) {
  std::vector<NodeId> terms;
  for (const std::string& p : pats) {
    bytecode::Constant c;
    c.type = ScalarType::kString;
    c.s = p;
    terms.push_back(Make(Op::kPattern, RegKind::kBool, ScalarType::kBool, {value}, m_.Intern(c),
                         static_cast<uint8_t>(op), caseless ? bytecode::kFlagCaseless : 0));
  }
  return AnyOf(std::move(terms));
}

NodeId Lowerer::PatternList(NodeId value, bool glob, bool caseless, const std::vector<std::string>& pats,
                            bytecode::StrOp op) {
  bytecode::PatternSpec spec;
  const bytecode::StrOp kind = glob ? bytecode::StrOp::kLike : op;
  for (const std::string& p : pats) spec.patterns.push_back({kind, caseless, p});
  auto& specs = m_.pools.patterns;
  specs.push_back(std::move(spec));
  const auto set = static_cast<uint32_t>(specs.size() - 1);
  const NodeId scan = Make(Op::kScan, RegKind::kBool, ScalarType::kBool, {value}, set, 0, bytecode::kFlagAnyOf);
  return Make(Op::kScanOut, RegKind::kBool, ScalarType::kBool, {scan}, 0);
}

NodeId Lowerer::Call(const Expr& e) {
  if (e.callee == sema::kCallIp || e.callee == sema::kCallCidr) {
    ast::Literal lit;
    const std::string& text = e.args[0]->lit.s;
    if (e.callee == sema::kCallIp) {
      lit.kind = ast::LiteralKind::kIp;
      lit.ip = *base::ParseIp(text);
    } else {
      lit.kind = ast::LiteralKind::kCidr;
      lit.cidr = *base::ParseCidr(text);
    }
    return Constant(lit, e.callee == sema::kCallIp ? ScalarType::kIp : ScalarType::kCidr);
  }
  if (e.callee == sema::kCallFirstSeen || e.callee == sema::kCallPrevalence) return History(e);
  VIGIL_CHECK(e.callee >= 0);
  const stdlib::FunctionDef& def = stdlib::Registry::Get().all()[e.callee];
  bytecode::CallSite site;
  site.function = std::string(def.name);
  site.signature = stdlib::Signature(def);
  std::vector<NodeId> args;
  for (size_t i = 0; i < e.args.size(); ++i) {
    const stdlib::TypeSpec& param = def.params[std::min(i, def.params.size() - 1)];
    const Expr& arg = *e.args[i];
    if (param.kind == stdlib::TypeSpec::Kind::kList &&
        (arg.kind == ExprKind::kListRef || arg.kind == ExprKind::kList)) {
      uint32_t list;
      if (arg.kind == ExprKind::kListRef) {
        list = PackListFor(*pack_.FindList(arg.name));
      } else {
        std::vector<std::string> entries;
        for (const auto& item : arg.args) {
          const bytecode::Constant* c = ConstantOf(Val(*item));
          VIGIL_CHECK_MSG(c != nullptr, "a constant list entry did not fold");
          if (!c->is_null) entries.push_back(EntryTextOf(*c));
        }
        list = InlineListFor("inline:" + std::string(schema::ScalarTypeName(param.scalar)), std::move(entries));
      }
      args.push_back(Make(Op::kListArg, RegKind::kValue, param.scalar, {}, list));
      site.const_args.push_back(bytecode::kNoReg);
      continue;
    }
    const NodeId a = Val(arg);
    args.push_back(a);
    const bool is_const = stdlib::IsConstParam(def, i) && g_.node(a).op == Op::kConst;
    site.const_args.push_back(is_const ? g_.node(a).imm : bytecode::kNoReg);
  }
  auto& calls = m_.pools.calls;
  uint32_t idx = 0;
  while (idx < calls.size() && !(calls[idx].signature == site.signature && calls[idx].const_args == site.const_args)) {
    ++idx;
  }
  if (idx == calls.size()) calls.push_back(std::move(site));
  const RegKind kind = def.result.kind == stdlib::TypeSpec::Kind::kArray ? RegKind::kArray : RegKind::kValue;
  return Make(Op::kCall, kind, def.result.scalar, std::move(args), idx);
}

NodeId Lowerer::History(const Expr& e) {
  // Inside a quantifier the call lives in the quantifier's domain: one lookup per element, as
  // the reference interpreter makes them. One site per call occurrence: (rule, pre-order
  // position in the rule); a rule lowered for several event types reaches the same
  // occurrences in the same order.
  bytecode::HistorySite site;
  site.kind = e.callee == sema::kCallFirstSeen ? 0 : 1;
  site.over_ms = e.over_ms.value_or(0);
  site.rule = rule_;
  site.occurrence = history_calls_++;
  auto& sites = m_.pools.history;
  uint32_t idx = 0;
  while (idx < sites.size() && !(sites[idx].rule == site.rule && sites[idx].occurrence == site.occurrence)) ++idx;
  if (idx == sites.size()) sites.push_back(site);
  std::vector<NodeId> keys;
  for (const auto& a : e.args) keys.push_back(Val(*a));
  return Make(Op::kHistory, RegKind::kValue, site.kind == 0 ? ScalarType::kBool : ScalarType::kInt,
              std::move(keys), idx, site.kind);
}

}  // namespace vigil::ir
