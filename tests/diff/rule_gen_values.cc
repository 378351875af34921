// rule_gen_values.cc: values: literals, fields, quantifier variables, index, arithmetic,
// array sources of quantifiers, count() and history functions.
#include <algorithm>

#include "tests/diff/rule_gen.h"

namespace vigil::difftest {

using schema::FieldId;
using schema::ScalarType;
using schema::Shape;

namespace {

// Fields of `shape` carried by every event type of `events` (records: any type).
std::vector<const schema::FieldInfo*> FieldsOf(schema::EventMask events, Shape shape) {
  std::vector<const schema::FieldInfo*> out;
  for (const schema::FieldInfo& f : schema::AllFields()) {
    if (f.shape == shape && (f.events & events) == events) out.push_back(&f);
  }
  return out;
}

// The member name of `member` after its records field ("name" of "attachments.name").
std::string MemberSuffix(FieldId member) {
  const schema::FieldInfo& m = schema::Field(member);
  return std::string(m.name.substr(schema::Field(m.parent).name.size() + 1));
}

}  // namespace

GenExpr RuleGen::Literal(ScalarType t) {
  switch (t) {
    case ScalarType::kBool:
      return GenExpr::Leaf(t, rng_.Chance(0.5) ? "true" : "false");
    case ScalarType::kInt: {
      const int64_t v =
          rng_.Chance(0.3) && !pool_.ints.empty() ? rng_.Pick(pool_.ints) : RandomInt(rng_);
      pool_.ints.push_back(v);
      return GenExpr::Leaf(t, IntText(v));
    }
    case ScalarType::kFloat: {
      static const std::vector<double> kFloats = {1.5, 0.5, 2.0, 0.0, 0.25, 1.0e300, 3.0e-5, 7.0};
      const double v = rng_.Pick(kFloats) * (rng_.Chance(0.2) ? -1 : 1);
      return GenExpr::Leaf(t, FloatText(v));
    }
    case ScalarType::kTimestamp: {
      const int64_t v = RandomTimestamp(rng_);
      pool_.timestamps.push_back(v);
      return GenExpr::Leaf(t, TimestampText(v));
    }
    case ScalarType::kDuration: {
      const int64_t v = RandomDuration(rng_) * (rng_.Chance(0.1) ? -1 : 1);
      pool_.durations.push_back(v);
      return GenExpr::Leaf(t, DurationText(v));
    }
    case ScalarType::kIp: {
      const std::string ip = RandomIp(rng_);
      pool_.ips.push_back(ip);
      return GenExpr::Leaf(t, ip.find(':') != std::string::npos ? "ip(" + Quote(ip) + ")" : ip);
    }
    case ScalarType::kCidr: {
      const std::string net = RandomNetwork(rng_);
      pool_.networks.push_back(net);
      return GenExpr::Leaf(t,
                           net.find(':') != std::string::npos ? "cidr(" + Quote(net) + ")" : net);
    }
    default:
      break;
  }
  std::string s;
  if (!pool_.strings.empty() && rng_.Chance(0.4)) {
    s = NearMiss(rng_, rng_.Pick(pool_.strings));
  } else if (t == ScalarType::kEmail) {
    s = NearMiss(rng_, RandomWord(rng_) + "@" + RandomWord(rng_) + ".com");
  } else if (t == ScalarType::kDomain) {
    s = NearMiss(rng_, RandomWord(rng_) + ".com");
  } else {
    s = RandomString(rng_);
  }
  pool_.strings.push_back(s);
  return GenExpr::Leaf(ScalarType::kString, Quote(s));
}

GenExpr RuleGen::Value(ScalarType t, int depth) {
  for (int attempt = 0; attempt < 8; ++attempt) {
    const uint64_t k = rng_.Below(100);
    std::optional<GenExpr> e;
    if (k < 38) {
      e = FieldOf(t);
    } else if (k < 62) {
      e = VarOf(t);
    } else if (k < 70) {
      e = IndexOf(t, depth);
    } else if (k < 80 && depth > 0) {
      e = CallOf(t, depth);
    } else if (k < 89 && depth > 0) {
      e = ArithOf(t, depth);
    } else if (k < 93 && depth > 0 && t == ScalarType::kInt) {
      e = Count(depth);
    } else if (k < 95 && t == ScalarType::kInt && scope_.empty()) {
      e = History(false, depth);
    } else {
      e = Literal(t);
    }
    if (e) return *e;
  }
  return Literal(t);
}

std::optional<GenExpr> RuleGen::FieldOf(ScalarType t) {
  std::vector<const schema::FieldInfo*> fit;
  for (const schema::FieldInfo* f : FieldsOf(events_, Shape::kScalar)) {
    if (f->type == t) fit.push_back(f);
  }
  if (fit.empty()) return std::nullopt;
  const schema::FieldInfo* f = rng_.Pick(fit);
  GenExpr e = GenExpr::Leaf(t, std::string(f->name));
  e.field = static_cast<int>(f->id);
  return e;
}

std::optional<GenExpr> RuleGen::VarOf(ScalarType t) {
  std::vector<GenExpr> fit;
  for (const GenVar& v : scope_) {
    if (!v.record && v.type == t) fit.push_back(GenExpr::Leaf(t, v.name, v.name));
    if (!v.record) continue;
    for (FieldId m : schema::MembersOf(v.records)) {
      if (schema::Field(m).type != t) continue;
      GenExpr e = GenExpr::Leaf(t, v.name + "." + MemberSuffix(m), v.name);
      e.field = static_cast<int>(m);
      fit.push_back(e);
    }
  }
  if (fit.empty()) return std::nullopt;
  return rng_.Pick(fit);
}

std::optional<GenExpr> RuleGen::IndexOf(ScalarType t, int depth) {
  std::vector<std::pair<std::string, std::string>> fit;  // (array text, member suffix)
  for (const schema::FieldInfo* f : FieldsOf(events_, Shape::kArray)) {
    if (f->type == t) fit.emplace_back(std::string(f->name), "");
  }
  for (const schema::FieldInfo* f : FieldsOf(events_, Shape::kRecords)) {
    for (FieldId m : schema::MembersOf(f->id)) {
      if (schema::Field(m).type == t) fit.emplace_back(std::string(f->name), MemberSuffix(m));
    }
  }
  static const std::vector<int64_t> kIndexes = {-1, 0, 0, 1, 1, 2, 5, 4611686018427387904};
  GenExpr index = rng_.Chance(0.7) ? GenExpr::Leaf(ScalarType::kInt, IntText(rng_.Pick(kIndexes)))
                                   : Value(ScalarType::kInt, depth - 1);
  if (t == ScalarType::kString && depth > 0 && (fit.empty() || rng_.Chance(0.2))) {
    if (auto call = CallOf(ScalarType::kString, depth, /*array=*/true)) {
      return GenExpr::Node(t, Kid(0) + "[" + Kid(1) + "]", {*call, index});
    }
  }
  if (fit.empty()) return std::nullopt;
  const auto& [array, member] = rng_.Pick(fit);
  return GenExpr::Node(t, Kid(0) + "[" + Kid(1) + "]" + (member.empty() ? "" : "." + member),
                       {GenExpr::Leaf(t, array), index});
}

std::optional<GenExpr> RuleGen::ArithOf(ScalarType t, int depth) {
  static const std::vector<std::string> kOps = {"+", "-", "*", "/", "%"};
  auto node = [&](GenExpr a, const std::string& op, GenExpr b) {
    return GenExpr::Node(t, "(" + Kid(0) + " " + op + " " + Kid(1) + ")",
                         {std::move(a), std::move(b)});
  };
  auto operand = [&](ScalarType u) { return rng_.Chance(0.5) ? Literal(u) : Value(u, depth - 1); };
  switch (t) {
    case ScalarType::kInt:
      if (rng_.Chance(0.15)) return GenExpr::Node(t, "(-" + Kid(0) + ")", {Value(t, depth - 1)});
      return node(Value(t, depth - 1), rng_.Pick(kOps), operand(ScalarType::kInt));
    case ScalarType::kFloat: {
      GenExpr a = Value(rng_.Chance(0.5) ? ScalarType::kInt : ScalarType::kFloat, depth - 1);
      GenExpr b = Literal(ScalarType::kFloat);
      if (rng_.Chance(0.3)) std::swap(a, b);
      return node(a, rng_.Pick(kOps), b);
    }
    case ScalarType::kDuration:
      switch (rng_.Below(5)) {
        case 0:
          return node(Value(t, depth - 1), rng_.Chance(0.5) ? "+" : "-", operand(t));
        case 1:
          return node(Value(t, depth - 1), rng_.Chance(0.5) ? "*" : "/", operand(ScalarType::kInt));
        case 2:
          return node(Value(ScalarType::kTimestamp, depth - 1), "-",
                      operand(ScalarType::kTimestamp));
        case 3:
          return GenExpr::Node(t, "(-" + Kid(0) + ")", {Value(t, depth - 1)});
        default:
          return std::nullopt;
      }
    case ScalarType::kTimestamp:
      if (rng_.Chance(0.2)) return node(operand(ScalarType::kDuration), "+", Value(t, depth - 1));
      return node(Value(t, depth - 1), rng_.Chance(0.5) ? "+" : "-",
                  operand(ScalarType::kDuration));
    default:
      return std::nullopt;
  }
}

std::optional<GenExpr> RuleGen::ArraySource(int depth, ScalarType* elem, FieldId* records) {
  const uint64_t k = rng_.Below(100);
  *records = FieldId::kNone;
  if (k < 45) {
    const auto fit = FieldsOf(events_, Shape::kRecords);
    if (fit.empty()) return std::nullopt;
    const schema::FieldInfo* f = rng_.Pick(fit);
    *records = f->id;
    GenExpr e = GenExpr::Leaf(ScalarType::kString, std::string(f->name));
    e.field = static_cast<int>(f->id);
    return e;
  }
  if (k < 80 || depth <= 0) {
    const auto fit = FieldsOf(events_, Shape::kArray);
    if (fit.empty()) return std::nullopt;
    const schema::FieldInfo* f = rng_.Pick(fit);
    *elem = f->type;
    return GenExpr::Leaf(f->type, std::string(f->name));
  }
  *elem = ScalarType::kString;
  return CallOf(ScalarType::kString, depth, /*array=*/true);
}

GenExpr RuleGen::Count(int depth) {
  ScalarType elem = ScalarType::kString;
  FieldId records = FieldId::kNone;
  std::optional<GenExpr> src;
  for (int i = 0; i < 4 && !src; ++i) src = ArraySource(depth, &elem, &records);
  if (!src) return Literal(ScalarType::kInt);
  GenVar v;
  v.name = NewVar();
  v.record = records != FieldId::kNone;
  v.records = records;
  v.type = elem;
  if (rng_.Chance(0.3)) {
    return GenExpr::Node(ScalarType::kInt, "count(" + v.name + " in " + Kid(0) + ")", {*src});
  }
  scope_.push_back(v);
  GenExpr body = Condition(depth - 1);
  scope_.pop_back();
  GenExpr e = GenExpr::Node(
      ScalarType::kInt, "count(" + v.name + " in " + Kid(0) + ": " + Kid(1) + ")", {*src, body});
  e.binds = v.name;
  return e;
}

GenExpr RuleGen::History(bool first_seen, int depth) {
  static const std::vector<ScalarType> kKeyTypes = {ScalarType::kString, ScalarType::kEmail,
                                                    ScalarType::kDomain, ScalarType::kInt,
                                                    ScalarType::kIp};
  static const std::vector<std::string> kOver = {"1ms", "1h", "1d", "30d", "90d"};
  const size_t n = 1 + rng_.Below(2);
  std::vector<GenExpr> keys;
  std::string tmpl = first_seen ? "first_seen(" : "prevalence(";
  for (size_t i = 0; i < n; ++i) {
    tmpl += (i ? ", " : "") + Kid(static_cast<int>(i));
    keys.push_back(Value(rng_.Pick(kKeyTypes), depth - 1));
  }
  tmpl += ") over " + rng_.Pick(kOver);
  GenExpr e =
      GenExpr::Node(first_seen ? ScalarType::kBool : ScalarType::kInt, tmpl, std::move(keys));
  e.condition = first_seen;
  return e;
}

}  // namespace vigil::difftest
