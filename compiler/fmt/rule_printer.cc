// rule_printer.cc: rules in the canonical layout: metadata in a fixed key order, then the logic
// clauses (on, when, aggregate/sequence, evidence, suppress, except), then each test; the three
// groups are separated by blank lines.
#include <algorithm>
#include <array>
#include <string_view>

#include "compiler/fmt/expr_doc.h"
#include "compiler/fmt/printer.h"
#include "compiler/parse/literals.h"

namespace vigil::format {
namespace {

constexpr std::array<std::string_view, 15> kMetaOrder = {
    "title",   "description", "class",    "severity",     "status",
    "opt_in",  "mitre",       "tags",     "references",   "author",
    "version", "requires",    "question", "first_action", "false_positives"};

constexpr int kFirstLogicRank = 100;
constexpr int kTestRank = 200;

// Position of a clause in the canonical order (stable for equal ranks).
int Rank(const ast::Rule& r, const ast::ClauseRef& ref) {
  switch (ref.kind) {
    case ast::ClauseKind::kMeta: {
      const auto it = std::find(kMetaOrder.begin(), kMetaOrder.end(), r.meta[ref.index].key);
      return static_cast<int>(it - kMetaOrder.begin());  // unknown keys after the known ones
    }
    case ast::ClauseKind::kOn:
      return kFirstLogicRank;
    case ast::ClauseKind::kWhen:
      return kFirstLogicRank + 1;
    case ast::ClauseKind::kAggregate:
      return kFirstLogicRank + 2;
    case ast::ClauseKind::kSequence:
      return kFirstLogicRank + 3;
    case ast::ClauseKind::kEvidence:
      return kFirstLogicRank + 4;
    case ast::ClauseKind::kSuppress:
      return kFirstLogicRank + 5;
    case ast::ClauseKind::kExcept:
      return kFirstLogicRank + 6;
    case ast::ClauseKind::kTest:
      return kTestRank;
  }
  return kTestRank;
}

// Clauses of one group print without blank lines between them; every test is its own group.
size_t GroupOf(int rank, const ast::ClauseRef& ref) {
  if (rank < kFirstLogicRank) return 0;
  if (rank < kTestRank) return 1;
  return 2 + ref.index;
}

std::string EventTypes(const std::vector<ast::EventRef>& types) {
  std::string out;
  for (size_t i = 0; i < types.size(); ++i) out += (i > 0 ? ", " : "") + types[i].name;
  return out;
}

std::string Tuple(const std::vector<ast::Literal>& tuple) {
  if (tuple.size() == 1) return LiteralText(tuple[0]);
  std::string out = "(";
  for (size_t i = 0; i < tuple.size(); ++i) out += (i > 0 ? ", " : "") + LiteralText(tuple[i]);
  return out + ")";
}

}  // namespace

Doc Printer::Rule(const ast::Rule& r) {
  std::vector<const ast::ClauseRef*> refs;
  for (const ast::ClauseRef& ref : r.clauses) refs.push_back(&ref);
  std::stable_sort(refs.begin(), refs.end(), [&](const ast::ClauseRef* a, const ast::ClauseRef* b) {
    return Rank(r, *a) < Rank(r, *b);
  });
  std::vector<Doc> lines;
  for (size_t i = 0; i < refs.size(); ++i) {
    const size_t group = GroupOf(Rank(r, *refs[i]), *refs[i]);
    if (i > 0 && group != GroupOf(Rank(r, *refs[i - 1]), *refs[i - 1])) lines.emplace_back();
    lines.push_back(Clause(r, *refs[i]));
  }
  return Block(Text("rule " + r.id), std::move(lines), &r);
}

Doc Printer::Clause(const ast::Rule& r, const ast::ClauseRef& ref) {
  Doc body;
  switch (ref.kind) {
    case ast::ClauseKind::kMeta:
      body = Meta(r.meta[ref.index]);
      break;
    case ast::ClauseKind::kOn:
      body = Text("on " + EventTypes(r.on));
      break;
    case ast::ClauseKind::kWhen:
      body = Concat({Text("when "), ExprDoc(*r.when)});
      break;
    case ast::ClauseKind::kAggregate:
      body = Aggregate(*r.aggregate);
      break;
    case ast::ClauseKind::kSequence:
      body = Sequence(*r.sequence, &r.sequence);
      break;
    case ast::ClauseKind::kEvidence:
      body = Evidence(r);
      break;
    case ast::ClauseKind::kSuppress:
      body = Concat({Text("suppress by "), ExprList(r.suppress->by),
                     Text(" for " + compiler::FormatDurationLiteral(r.suppress->for_ms))});
      break;
    case ast::ClauseKind::kExcept:
      body = Except(r.exceptions[ref.index]);
      break;
    case ast::ClauseKind::kTest:
      body = Test(r.tests[ref.index]);
      break;
  }
  return Commented(ClauseKey(r, ref), std::move(body));
}

Doc Printer::Meta(const ast::MetaEntry& m) {
  return Concat({Text(m.key + " "), MetaValue(m.value, &m)});
}

// `container` keys the dangling comments of a list value (null for nested lists).
Doc Printer::MetaValue(const ast::MetaValue& v, const void* container) {
  using Kind = ast::MetaValue::Kind;
  ast::Literal lit;
  switch (v.kind) {
    case Kind::kString:
      return Text(Quoted(v.text));
    case Kind::kName:
      return Text(v.text);
    case Kind::kInt:
      return Text(std::to_string(v.i));
    case Kind::kBool:
      return Text(v.b ? "true" : "false");
    case Kind::kFloat:
      lit.kind = ast::LiteralKind::kFloat;
      lit.f = v.f;
      return Text(LiteralText(lit));
    case Kind::kList:
      break;
  }
  std::vector<Doc> items;
  for (const ast::MetaValue& item : v.list)
    items.push_back(Commented(&item, MetaValue(item, nullptr)));
  return Bracketed("[", "]", std::move(items), container ? Tail(container) : std::vector<Doc>{},
                   false);
}

// aggregate by k over 10m [tumbling] having cond (the default window mode, sliding, is omitted)
Doc Printer::Aggregate(const ast::Aggregate& a) {
  std::string window = " over " + compiler::FormatDurationLiteral(a.window_ms);
  if (a.mode != "sliding") window += " " + a.mode;
  return Concat(
      {Text("aggregate by "), ExprList(a.by), Text(window + " having "), ExprDoc(*a.having)});
}

Doc Printer::Sequence(const ast::Sequence& s, const void* key) {
  std::vector<Doc> steps;
  for (const ast::Step& step : s.steps) {
    std::vector<Doc> parts{Text(std::string(step.absent ? "absent " : "step ") + step.name + ": " +
                                EventTypes(step.types))};
    if (step.where) {
      parts.push_back(Text(" where "));
      parts.push_back(ExprDoc(*step.where));
    }
    steps.push_back(Commented(&step, Concat(std::move(parts))));
  }
  Doc header = Concat({Text("sequence by "), ExprList(s.by),
                       Text(" within " + compiler::FormatDurationLiteral(s.within_ms))});
  return Block(std::move(header), std::move(steps), key);
}

Doc Printer::Evidence(const ast::Rule& r) {
  std::vector<Doc> items;
  for (const ast::EvidenceItem& e : r.evidence) {
    Doc value = ExprDoc(*e.expr);
    if (e.named) value = Concat({Text(e.name + ": "), std::move(value)});
    items.push_back(Commented(&e, std::move(value)));
  }
  return Concat(
      {Text("evidence "), Bracketed("{", "}", std::move(items), Tail(&r.evidence), true)});
}

// except name (field op, ...) = [value, (value, value), ...]
Doc Printer::Except(const ast::Exception& x) {
  std::vector<Doc> fields;
  for (const ast::ExceptField& f : x.fields) {
    Doc field = ExprDoc(*f.field);
    if (f.explicit_op)
      field = Concat({std::move(field), Text(" " + std::string(ExceptOpText(f.op)))});
    fields.push_back(std::move(field));
  }
  std::vector<Doc> parts{Text("except " + x.name + " ("), Join(std::move(fields), Text(", ")),
                         Text(")")};
  if (x.has_values) {
    std::vector<Doc> tuples;
    for (const std::vector<ast::Literal>& t : x.values)
      tuples.push_back(Commented(&t, Text(Tuple(t))));
    parts.push_back(Text(" = "));
    parts.push_back(Bracketed("[", "]", std::move(tuples), Tail(&x), false));
  }
  return Concat(std::move(parts));
}

}  // namespace vigil::format
