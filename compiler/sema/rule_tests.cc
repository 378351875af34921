// rule_tests.cc: checking of a rule's embedded tests: event types, field values against the
// schema, tenant list values, expectations; and the lint for rules without both a must-match
// and a must-not-match test.
#include <fmt/format.h>

#include "base/strings.h"
#include "compiler/sema/rule_checker.h"

namespace vigil::sema {

using ast::TestItem;
using ast::TestValue;
using compiler::DiagCode;
using schema::FieldId;

namespace {

bool LiteralFitsKind(const ast::Literal& lit, ListKind kind) {
  switch (kind) {
    case ListKind::kInt: return lit.kind == ast::LiteralKind::kInt;
    case ListKind::kCidr: return LiteralFits(lit, schema::ScalarType::kCidr);
    default: return lit.kind == ast::LiteralKind::kString;
  }
}

}  // namespace

namespace {

class TestFieldChecker {
 public:
  TestFieldChecker(compiler::DiagnosticSink& sink, schema::EventType type) : sink_(sink), type_(type) {}

  void Check(const std::string& path, compiler::Span span, const TestValue& v) {
    FieldId f;
    if (!schema::FindField(path, &f) || schema::Field(f).shape == schema::Shape::kMember) {
      compiler::Diagnostic& d = sink_.Report(DiagCode::kE0201, span, fmt::format("unknown field `{}`", path));
      const std::string best = base::ClosestMatch(path, schema::FieldNames());
      if (!best.empty()) d.help = fmt::format("did you mean `{}`?", best);
      return;
    }
    const schema::FieldInfo& info = schema::Field(f);
    if (!info.HasEvent(type_)) {
      sink_.Report(DiagCode::kE0209, span,
                   fmt::format("field `{}` is not carried by {}", path, schema::Event(type_).name));
      return;
    }
    switch (info.shape) {
      case schema::Shape::kScalar:
        return Scalar(info, v);
      case schema::Shape::kArray:
        if (v.kind != TestValue::Kind::kArray) return Bad(info, v, "an array");
        for (const TestValue& item : v.items) Scalar(info, item);
        return;
      case schema::Shape::kRecords:
        if (v.kind != TestValue::Kind::kArray) return Bad(info, v, "an array of records");
        for (const TestValue& item : v.items) Record(info, item);
        return;
      case schema::Shape::kMember:
        return;
    }
  }

 private:
  void Scalar(const schema::FieldInfo& info, const TestValue& v) {
    if (v.kind != TestValue::Kind::kLiteral) return Bad(info, v, std::string(schema::ScalarTypeName(info.type)));
    if (v.lit.kind == ast::LiteralKind::kNull) return;
    if (!LiteralFits(v.lit, info.type)) Bad(info, v, std::string(schema::ScalarTypeName(info.type)));
  }

  void Record(const schema::FieldInfo& records, const TestValue& v) {
    if (v.kind != TestValue::Kind::kRecord) return Bad(records, v, "a record {member: value, ...}");
    for (size_t i = 0; i < v.fields.size(); ++i) {
      const std::string path = std::string(records.name) + "." + v.fields[i].first;
      FieldId m;
      if (!schema::FindField(path, &m) || schema::Field(m).parent != records.id) {
        sink_.Report(DiagCode::kE0201, v.field_spans[i],
                     fmt::format("`{}` has no member `{}`", records.name, v.fields[i].first));
        continue;
      }
      Scalar(schema::Field(m), v.fields[i].second);
    }
  }

  void Bad(const schema::FieldInfo& info, const TestValue& v, const std::string& want) {
    sink_.Report(DiagCode::kE0311, v.span,
                 fmt::format("`{}` takes {}", info.name, want))
        .notes.push_back(std::string(info.doc));
  }

  compiler::DiagnosticSink& sink_;
  schema::EventType type_;
};

}  // namespace

void RuleChecker::Tests(const ast::Rule& ast, Rule& out) {
  bool has_match = false, has_no_match = false;
  for (const ast::TestCase& tc : ast.tests) {
    int expects = 0, events = 0;
    for (const TestItem& item : tc.items) {
      switch (item.kind) {
        case TestItem::Kind::kSet: {
          List* l = scope_.FindList(item.list, out.file, item.span);
          if (l == nullptr) {
            sink_.Report(DiagCode::kE0204, item.span, fmt::format("unknown list `${}`", item.list));
          } else if (!l->tenant) {
            sink_.Report(DiagCode::kE0411, item.span,
                         fmt::format("`${}` is a pack list; tests can only set tenant lists", item.list));
          } else {
            for (const ast::ExprPtr& e : item.entries) {
              if (e->kind != ast::ExprKind::kLiteral || !LiteralFitsKind(e->lit, l->kind)) {
                sink_.Report(DiagCode::kE0312, e->span,
                             fmt::format("entry does not fit list<{}>", ListKindName(l->kind)));
              }
            }
          }
          break;
        }
        case TestItem::Kind::kEvent: {
          ++events;
          if (expects > 0) {
            sink_.Report(DiagCode::kE0411, item.span, "events must come before `expect`");
          }
          schema::EventType type;
          if (!schema::FindEvent(item.event_type, &type)) {
            compiler::Diagnostic& d = sink_.Report(DiagCode::kE0202, item.type_span,
                                                   fmt::format("unknown event type `{}`", item.event_type));
            const std::string best = base::ClosestMatch(item.event_type, schema::EventNames());
            if (!best.empty()) d.help = fmt::format("did you mean `{}`?", best);
            break;
          }
          if (out.events != 0 && !(out.events & schema::MaskOf(type))) {
            sink_.Report(DiagCode::kE0411, item.type_span,
                         fmt::format("rule `{}` does not read {} events", out.id, item.event_type));
          }
          if (item.repeat < 1 || item.repeat > 100000) {
            sink_.Report(DiagCode::kE0411, item.span, "repeat count must be between 1 and 100000");
          }
          TestFieldChecker fields(sink_, type);
          std::set<std::string> seen;
          for (const ast::TestField& f : item.fields) {
            if (!seen.insert(f.path).second) {
              sink_.Report(DiagCode::kE0411, f.path_span, fmt::format("field `{}` given twice", f.path));
            }
            fields.Check(f.path, f.path_span, f.value);
          }
          break;
        }
        case TestItem::Kind::kExpect:
          ++expects;
          if (item.expect_count == 0) has_no_match = true;
          else has_match = true;
          break;
      }
    }
    if (expects != 1) {
      sink_.Report(DiagCode::kE0411, tc.name_span,
                   fmt::format("test \"{}\" needs exactly one `expect`", tc.name));
    }
    if (events == 0) {
      sink_.Report(DiagCode::kE0411, tc.name_span, fmt::format("test \"{}\" has no events", tc.name));
    }
    out.tests.push_back({tc.name, &tc});
  }
  if (!has_match || !has_no_match) {
    sink_.Report(DiagCode::kW0508, ast.id_span,
                 fmt::format("rule `{}` has no {} test", ast.id, !has_match ? "must-match" : "must-not-match"))
        .help = "add a `test \"...\" { <event> expect match }` and one with `expect no match`";
  }
}

}  // namespace vigil::sema
