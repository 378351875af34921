// test_printer.cc: embedded rule tests in the canonical layout: one item per line (`set`,
// events, `expect`); events as `type { field: value, ... }`, one field per line when long.
#include <string>

#include "compiler/fmt/expr_doc.h"
#include "compiler/fmt/printer.h"
#include "compiler/parse/literals.h"

namespace vigil::format {
namespace {

std::string Expect(int64_t count) {
  if (count < 0) return "expect match";
  if (count == 0) return "expect no match";
  return "expect " + std::to_string(count) + (count == 1 ? " alert" : " alerts");
}

// `repeat N [every D] ` before an event, or nothing for a single event.
std::string Repeat(const ast::TestItem& t) {
  if (t.repeat == 1 && t.every_ms == 0) return {};
  std::string out = "repeat " + std::to_string(t.repeat) + " ";
  if (t.every_ms != 0) out += "every " + compiler::FormatDurationLiteral(t.every_ms) + " ";
  return out;
}

}  // namespace

Doc Printer::Test(const ast::TestCase& t) {
  std::vector<Doc> items;
  for (const ast::TestItem& item : t.items) items.push_back(Commented(&item, TestItem(item)));
  return Block(Text("test " + Quoted(t.name)), std::move(items), &t);
}

Doc Printer::TestItem(const ast::TestItem& t) {
  switch (t.kind) {
    case ast::TestItem::Kind::kSet:
      return Concat({Text("set $" + t.list + " = "), Entries(&t, t.entries)});
    case ast::TestItem::Kind::kExpect:
      return Text(Expect(t.expect_count));
    case ast::TestItem::Kind::kEvent:
      break;
  }
  std::vector<Doc> fields;
  for (const ast::TestField& f : t.fields) {
    fields.push_back(Commented(&f.value, Field(f.path, f.value)));
  }
  return Concat({Text(Repeat(t) + t.event_type + " "),
                 Bracketed("{", "}", std::move(fields), Tail(&t), true)});
}

Doc Printer::Field(const std::string& path, const ast::TestValue& v) {
  return Concat({Text(path + ": "), Value(v)});
}

Doc Printer::Value(const ast::TestValue& v) {
  std::vector<Doc> parts;
  switch (v.kind) {
    case ast::TestValue::Kind::kLiteral:
      return Text(LiteralText(v.lit));
    case ast::TestValue::Kind::kArray:
      for (const ast::TestValue& item : v.items) parts.push_back(Commented(&item, Value(item)));
      return Bracketed("[", "]", std::move(parts), Tail(&v), false);
    case ast::TestValue::Kind::kRecord:
      for (const auto& [path, value] : v.fields) {
        parts.push_back(Commented(&value, Field(path, value)));
      }
      return Bracketed("{", "}", std::move(parts), Tail(&v), true);
  }
  return Text("null");
}

}  // namespace vigil::format
