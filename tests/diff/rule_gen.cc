// rule_gen.cc: conditions: logic, comparisons, string operators, membership, null tests,
// boolean values and quantifiers.
#include "tests/diff/rule_gen.h"

#include <algorithm>

namespace vigil::difftest {

using schema::ScalarType;

namespace {

const std::vector<std::string> kStringOps = {
    "contains",   "icontains", "starts_with", "istarts_with", "ends_with",
    "iends_with", "like",      "ilike",       "matches",      "imatches"};
const std::vector<std::string> kAllCmp = {"==", "!=", "<", "<=", ">", ">="};
const std::vector<std::string> kEqCmp = {"==", "!="};

// A piece of s cut at UTF-8 character boundaries: a prefix, a suffix or a middle part.
std::string Piece(Rng& rng, const std::string& s) {
  std::vector<size_t> cuts = {0};
  for (size_t i = 1; i < s.size(); ++i) {
    if ((static_cast<unsigned char>(s[i]) & 0xC0) != 0x80) cuts.push_back(i);
  }
  cuts.push_back(s.size());
  size_t a = rng.Pick(cuts), b = rng.Pick(cuts);
  if (a > b) std::swap(a, b);
  switch (rng.Below(4)) {
    case 0:
      return s.substr(0, b);
    case 1:
      return s.substr(a);
    case 2:
      return s.substr(a, b - a);
    default:
      return s;
  }
}

}  // namespace

const std::vector<ScalarType>& StringTypes() {
  static const std::vector<ScalarType> kTypes = {ScalarType::kString, ScalarType::kEmail,
                                                 ScalarType::kDomain};
  return kTypes;
}

bool IsGeneratedType(ScalarType t) { return t != ScalarType::kCidr; }

RuleGen::RuleGen(Rng& rng, ValuePool& pool, const std::vector<GenList>& lists,
                 schema::EventMask events)
    : rng_(rng), pool_(pool), lists_(lists), events_(events) {}

GenExpr RuleGen::Condition(int depth) {
  if (rng_.Chance(0.01)) return GenExpr::Cond("null", {});
  if (depth > 0 && rng_.Chance(0.45)) {
    switch (rng_.Below(5)) {
      case 0:
      case 1:
        return GenExpr::Cond("(" + Kid(0) + " and " + Kid(1) + ")",
                             {Condition(depth - 1), Condition(depth - 1)});
      case 2:
      case 3:
        return GenExpr::Cond("(" + Kid(0) + " or " + Kid(1) + ")",
                             {Condition(depth - 1), Condition(depth - 1)});
      default:
        return GenExpr::Cond("not (" + Kid(0) + ")", {Condition(depth - 1)});
    }
  }
  return Leaf(depth);
}

GenExpr RuleGen::Leaf(int depth) {
  const uint64_t k = rng_.Below(100);
  if (k < 28) return Compare(depth);
  if (k < 50) return StringOp(depth);
  if (k < 70) return In(depth);
  if (k < 77) return IsNull(depth);
  if (k < 86 || depth <= 0) return BoolValue(depth);
  static const std::vector<std::string> kQuants = {"any", "all", "none"};
  return Quantified(rng_.Pick(kQuants), depth);
}

GenExpr RuleGen::LiteralFor(const GenExpr& other, ScalarType t) {
  if (other.field >= 0 && schema::IsStringLike(t)) {
    const auto f = static_cast<schema::FieldId>(other.field);
    if (schema::Field(f).closed()) {
      const auto values = schema::ValuesOf(f);
      std::string v(values[rng_.Below(values.size())]);
      pool_.strings.push_back(v);
      return GenExpr::Leaf(ScalarType::kString, Quote(v));
    }
  }
  return Literal(t);
}

GenExpr RuleGen::Compare(int depth) {
  const uint64_t k = rng_.Below(100);
  ScalarType t = ScalarType::kInt;
  const std::vector<std::string>* ops = &kAllCmp;
  if (k < 40) {
    t = rng_.Pick(StringTypes());
  } else if (k < 58) {
    t = ScalarType::kInt;
  } else if (k < 66) {
    t = ScalarType::kTimestamp;
  } else if (k < 73) {
    t = ScalarType::kDuration;
  } else if (k < 80) {
    t = ScalarType::kFloat;
  } else if (k < 90) {
    t = ScalarType::kIp;
    ops = &kEqCmp;
  } else {
    GenExpr a = rng_.Chance(0.5) ? BoolValue(depth - 1) : Condition(depth - 1);
    GenExpr b = rng_.Chance(0.6) ? Literal(ScalarType::kBool) : Condition(depth - 1);
    return GenExpr::Cond("((" + Kid(0) + ") " + rng_.Pick(kEqCmp) + " (" + Kid(1) + "))", {a, b});
  }
  GenExpr lhs = Value(t, depth - 1);
  ScalarType rt = t;
  if (schema::IsStringLike(t)) rt = rng_.Pick(StringTypes());
  if (t == ScalarType::kFloat) rt = rng_.Chance(0.5) ? ScalarType::kInt : ScalarType::kFloat;
  GenExpr rhs = rng_.Chance(0.6) ? LiteralFor(lhs, rt) : Value(rt, depth - 1);
  if (rng_.Chance(0.03)) rhs = GenExpr::Leaf(t, "null");
  // A closed field compared with a string literal must name one of its values (E0307).
  auto quoted = [](const GenExpr& e) {
    return e.kids.empty() && !e.text.empty() && e.text[0] == '"';
  };
  if (quoted(rhs)) rhs = LiteralFor(lhs, rt);
  if (quoted(lhs)) lhs = LiteralFor(rhs, t);
  if (rng_.Chance(0.2)) std::swap(lhs, rhs);
  return GenExpr::Cond("(" + Kid(0) + " " + rng_.Pick(*ops) + " " + Kid(1) + ")", {lhs, rhs});
}

GenExpr RuleGen::StringOp(int depth) {
  GenExpr lhs = Value(rng_.Pick(StringTypes()), depth - 1);
  const std::string& op = rng_.Pick(kStringOps);
  GenExpr rhs = StringPatterns(op, depth);
  const std::string neg = rng_.Chance(0.2) ? "not " : "";
  return GenExpr::Cond("(" + Kid(0) + " " + neg + op + " " + Kid(1) + ")", {lhs, rhs});
}

GenExpr RuleGen::StringPatterns(const std::string& op, int depth) {
  const bool like = op == "like" || op == "ilike";
  const bool regex = op == "matches" || op == "imatches";
  auto pattern = [&] {
    std::string s =
        pool_.strings.empty() || rng_.Chance(0.3) ? RandomString(rng_) : rng_.Pick(pool_.strings);
    pool_.strings.push_back(s);
    if (like) return WildcardFrom(rng_, s);
    if (regex) return RegexFrom(rng_, Piece(rng_, s));
    return Piece(rng_, s);
  };
  const uint64_t k = rng_.Below(100);
  if (k < 2) return GenExpr::Leaf(ScalarType::kString, "null");
  if (k < 55) return GenExpr::Leaf(ScalarType::kString, Quote(pattern()));
  if (k < 75) {
    const size_t n = rng_.Chance(0.1) ? 17 + rng_.Below(3) : 1 + rng_.Below(4);
    std::vector<GenExpr> items;
    std::string tmpl = "[";
    for (size_t i = 0; i < n; ++i) {
      tmpl += (i ? ", " : "") + Kid(static_cast<int>(i));
      items.push_back(GenExpr::Leaf(ScalarType::kString, Quote(pattern())));
    }
    return GenExpr::Node(ScalarType::kString, tmpl + "]", std::move(items));
  }
  if (k < 90) {
    std::vector<const GenList*> fit;
    for (const GenList& l : lists_) {
      if (l.tenant) continue;
      const bool text = l.kind == "string" || l.kind == "email" || l.kind == "domain";
      if ((like && (l.kind == "glob" || (text && l.glob_safe))) ||
          (regex && (l.kind == "regex" || (text && l.regex_safe))) || (!like && !regex && text)) {
        fit.push_back(&l);
      }
    }
    if (!fit.empty()) return GenExpr::Leaf(ScalarType::kString, "$" + rng_.Pick(fit)->name);
  }
  if (!like && !regex) return Value(rng_.Pick(StringTypes()), depth - 1);
  return GenExpr::Leaf(ScalarType::kString, Quote(pattern()));
}

const GenList* RuleGen::PickList(const std::vector<std::string>& kinds, bool allow_tenant) {
  std::vector<const GenList*> fit;
  for (const GenList& l : lists_) {
    if ((allow_tenant || !l.tenant) &&
        std::find(kinds.begin(), kinds.end(), l.kind) != kinds.end()) {
      fit.push_back(&l);
    }
  }
  return fit.empty() ? nullptr : rng_.Pick(fit);
}

GenExpr RuleGen::InlineList(const GenExpr& other, ScalarType t, size_t n) {
  std::vector<GenExpr> items;
  std::string tmpl = "[";
  for (size_t i = 0; i < n; ++i) {
    tmpl += (i ? ", " : "") + Kid(static_cast<int>(i));
    items.push_back(LiteralFor(other, t));
  }
  return GenExpr::Node(t, tmpl + "]", std::move(items));
}

GenExpr RuleGen::In(int depth) {
  const uint64_t k = rng_.Below(100);
  const std::string op = rng_.Chance(0.3) ? " not in " : " in ";
  auto in = [&](GenExpr x, GenExpr c) {
    return GenExpr::Cond("(" + Kid(0) + op + Kid(1) + ")", {std::move(x), std::move(c)});
  };
  auto listed = [&](ScalarType t, const std::vector<std::string>& kinds) {
    GenExpr x = Value(t, depth - 1);
    if (const GenList* l = PickList(kinds, true); l != nullptr && rng_.Chance(0.5)) {
      return in(x, GenExpr::Leaf(t, "$" + l->name));
    }
    GenExpr list = InlineList(x, t, 1 + rng_.Below(4));
    return in(x, list);
  };
  if (k < 35) return InString(depth);
  if (k < 50) return listed(rng_.Chance(0.2) ? ScalarType::kFloat : ScalarType::kInt, {"int"});
  if (k < 56) return listed(ScalarType::kTimestamp, {});
  if (k < 61) return listed(ScalarType::kDuration, {});
  if (k < 75) {
    GenExpr x = Value(ScalarType::kIp, depth - 1);
    if (rng_.Chance(0.3)) return in(x, Literal(ScalarType::kCidr));
    if (const GenList* l = PickList({"cidr", "ioc"}, true); l != nullptr && rng_.Chance(0.5)) {
      return in(x, GenExpr::Leaf(ScalarType::kCidr, "$" + l->name));
    }
    std::vector<GenExpr> items;
    std::string tmpl = "[";
    const size_t n = 1 + rng_.Below(4);
    for (size_t i = 0; i < n; ++i) {
      tmpl += (i ? ", " : "") + Kid(static_cast<int>(i));
      items.push_back(Literal(rng_.Chance(0.5) ? ScalarType::kIp : ScalarType::kCidr));
    }
    return in(x, GenExpr::Node(ScalarType::kCidr, tmpl + "]", std::move(items)));
  }
  if (k < 82) {
    GenExpr x = Value(rng_.Chance(0.5) ? ScalarType::kFloat : ScalarType::kInt, depth - 1);
    std::vector<GenExpr> items = {Literal(ScalarType::kFloat), Literal(ScalarType::kInt)};
    if (rng_.Chance(0.5)) std::swap(items[0], items[1]);
    return in(x, GenExpr::Node(ScalarType::kFloat, "[" + Kid(0) + ", " + Kid(1) + "]", items));
  }
  if (k < 86) return listed(ScalarType::kBool, {});
  ScalarType elem = ScalarType::kString;
  schema::FieldId records = schema::FieldId::kNone;
  std::optional<GenExpr> arr;
  for (int i = 0; i < 4 && (!arr || records != schema::FieldId::kNone); ++i) {
    records = schema::FieldId::kNone;
    arr = ArraySource(depth, &elem, &records);
  }
  if (!arr || records != schema::FieldId::kNone) return InString(depth);
  GenExpr x = rng_.Chance(0.5) ? Literal(rng_.Pick(StringTypes()))
                               : Value(rng_.Pick(StringTypes()), depth - 1);
  return in(x, *arr);
}

GenExpr RuleGen::InString(int depth) {
  const std::string op = rng_.Chance(0.3) ? " not in " : " in ";
  GenExpr x = Value(rng_.Pick(StringTypes()), depth - 1);
  GenExpr c;
  const GenList* l = PickList({"string", "email", "domain", "regex", "glob", "ioc"}, true);
  if (l != nullptr && rng_.Chance(0.6)) {
    c = GenExpr::Leaf(ScalarType::kString, "$" + l->name);
  } else {
    c = InlineList(x, rng_.Pick(StringTypes()), 1 + rng_.Below(4));
  }
  return GenExpr::Cond("(" + Kid(0) + op + Kid(1) + ")", {x, c});
}

GenExpr RuleGen::IsNull(int depth) {
  const std::string op = rng_.Chance(0.5) ? " is null)" : " is not null)";
  const uint64_t k = rng_.Below(100);
  GenExpr x;
  if (k < 15) {
    ScalarType elem;
    schema::FieldId records;
    if (auto a = ArraySource(depth, &elem, &records)) x = *a;
  } else if (k < 30) {
    x = GenExpr::Node(ScalarType::kBool, "(" + Kid(0) + ")", {Condition(depth - 1)});
  }
  if (x.text.empty()) {
    static const std::vector<ScalarType> kTypes = {
        ScalarType::kBool,   ScalarType::kInt,       ScalarType::kFloat,
        ScalarType::kString, ScalarType::kEmail,     ScalarType::kDomain,
        ScalarType::kIp,     ScalarType::kTimestamp, ScalarType::kDuration};
    x = Value(rng_.Pick(kTypes), depth - 1);
  }
  return GenExpr::Cond("(" + Kid(0) + op, {x});
}

GenExpr RuleGen::BoolValue(int depth) {
  const uint64_t k = rng_.Below(100);
  // History is recorded once per event: never inside a quantifier (E0309).
  if (k < 6 && scope_.empty()) return History(true, depth);
  GenExpr v = Value(ScalarType::kBool, depth - 1);
  GenExpr c = GenExpr::Cond(Kid(0), {v});
  return c;
}

GenExpr RuleGen::Quantified(const std::string& quant, int depth) {
  ScalarType elem = ScalarType::kString;
  schema::FieldId records = schema::FieldId::kNone;
  std::optional<GenExpr> src;
  for (int i = 0; i < 4 && !src; ++i) src = ArraySource(depth, &elem, &records);
  if (!src) return Compare(depth);
  GenVar v;
  v.name = NewVar();
  v.record = records != schema::FieldId::kNone;
  v.records = records;
  v.type = elem;
  scope_.push_back(v);
  GenExpr body = Condition(depth - 1);
  scope_.pop_back();
  GenExpr e =
      GenExpr::Cond(quant + "(" + v.name + " in " + Kid(0) + ": " + Kid(1) + ")", {*src, body});
  e.binds = v.name;
  return e;
}

}  // namespace vigil::difftest
