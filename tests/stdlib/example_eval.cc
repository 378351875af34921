// example_eval.cc: literal parsing, overload selection and evaluation for stdlib tests.
#include "tests/stdlib/example_eval.h"

#include <algorithm>
#include <charconv>
#include <cstdio>
#include <cstdlib>

#include "base/ip.h"
#include "stdlib/lists/typed_lists.h"
#include "stdlib/time/civil.h"
#include "stdlib/value_print.h"

namespace vigil::stdlib::testing {
namespace {

void SkipSpace(std::string_view s, size_t* pos) {
  while (*pos < s.size() && (s[*pos] == ' ' || s[*pos] == '\n' || s[*pos] == '\t')) ++*pos;
}

bool IsWordChar(char c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '.' ||
         c == ':' || c == '/' || c == '+' || c == '-' || c == '_';
}

// "1h30m", "500ms", "7d": digits followed by units d h m s ms, at least one pair.
bool ParseDuration(std::string_view w, int64_t* ms) {
  int64_t total = 0;
  size_t i = 0;
  bool any = false;
  while (i < w.size()) {
    int64_t n = 0;
    const size_t start = i;
    while (i < w.size() && w[i] >= '0' && w[i] <= '9') n = n * 10 + (w[i++] - '0');
    if (i == start || i == w.size()) return false;
    int64_t unit = 0;
    if (w.substr(i, 2) == "ms") {
      unit = 1;
      i += 2;
    } else {
      const char u = w[i++];
      unit = u == 's'   ? kMsPerSecond
             : u == 'm' ? kMsPerMinute
             : u == 'h' ? kMsPerHour
             : u == 'd' ? kMsPerDay
                        : 0;
    }
    if (unit == 0) return false;
    total += n * unit;
    any = true;
  }
  *ms = total;
  return any;
}

}  // namespace

ExampleEvaluator::ExampleEvaluator() { ctx_.arena = &arena_; }

bool ExampleEvaluator::ParseWord(std::string_view w, Value* out, std::string* error) {
  int64_t ms = 0;
  if (w == "true" || w == "false") {
    *out = {Datum::Bool(w == "true"), Scalar(ScalarType::kBool)};
  } else if (w == "null") {
    *out = {Datum::Null(ScalarType::kString), Scalar(ScalarType::kString), false, true};
  } else if (w.size() > 10 && w[4] == '-' && w[10] == 'T' && ParseTimestamp(w, &ms)) {
    *out = {Datum::Timestamp(ms), Scalar(ScalarType::kTimestamp)};
  } else if (std::count(w.begin(), w.end(), '.') == 3 && w.find('/') != std::string_view::npos) {
    const auto c = base::ParseCidr(w);
    if (!c) return *error = "bad CIDR literal " + std::string(w), false;
    *out = {Datum::Cidr(*c), Scalar(ScalarType::kCidr)};
  } else if (std::count(w.begin(), w.end(), '.') == 3) {
    const auto ip = base::ParseIp(w);
    if (!ip) return *error = "bad IP literal " + std::string(w), false;
    *out = {Datum::Ip(*ip), Scalar(ScalarType::kIp)};
  } else if (ParseDuration(w, &ms)) {
    *out = {Datum::Duration(ms), Scalar(ScalarType::kDuration)};
  } else if (w.find('.') != std::string_view::npos) {
    double f = 0;
    auto [p, ec] = std::from_chars(w.data(), w.data() + w.size(), f);
    if (ec != std::errc() || p != w.data() + w.size())
      return *error = "bad literal " + std::string(w), false;
    *out = {Datum::Float(f), Scalar(ScalarType::kFloat)};
  } else {
    int64_t i = 0;
    auto [p, ec] = std::from_chars(w.data(), w.data() + w.size(), i);
    if (ec != std::errc() || p != w.data() + w.size())
      return *error = "bad literal " + std::string(w), false;
    *out = {Datum::Int(i), Scalar(ScalarType::kInt)};
  }
  return true;
}

bool ExampleEvaluator::ParseValue(std::string_view s, size_t* pos, Value* out, std::string* error) {
  SkipSpace(s, pos);
  if (*pos >= s.size()) return *error = "unexpected end", false;
  if (s[*pos] == '"') {
    std::string v;
    for (++*pos; *pos < s.size() && s[*pos] != '"'; ++*pos) {
      char c = s[*pos];
      if (c == '\\' && *pos + 1 < s.size()) {
        c = s[++*pos];
        c = c == 'n' ? '\n' : c == 't' ? '\t' : c;
      }
      v += c;
    }
    if (*pos >= s.size()) return *error = "unterminated string", false;
    ++*pos;
    strings_.push_back(std::move(v));
    *out = {Datum::String(strings_.back()), Scalar(ScalarType::kString)};
    return true;
  }
  if (s[*pos] == '[') {
    ++*pos;
    std::vector<Datum> elems;
    ScalarType elem = ScalarType::kString;
    SkipSpace(s, pos);
    while (*pos < s.size() && s[*pos] != ']') {
      Value v;
      if (!ParseValue(s, pos, &v, error)) return false;
      elems.push_back(v.datum);
      elem = v.type.scalar;
      SkipSpace(s, pos);
      if (*pos < s.size() && s[*pos] == ',') ++*pos;
      SkipSpace(s, pos);
    }
    if (*pos >= s.size()) return *error = "unterminated list", false;
    ++*pos;
    arrays_.push_back(std::move(elems));
    *out = {Datum::Array(elem, arrays_.back()), ArrayOf(elem), true};
    return true;
  }
  const size_t start = *pos;
  while (*pos < s.size() && IsWordChar(s[*pos])) ++*pos;
  const std::string_view word = s.substr(start, *pos - start);
  if (word.empty()) return *error = "unexpected character at " + std::to_string(start), false;
  SkipSpace(s, pos);
  if (*pos < s.size() && s[*pos] == '(') return ParseCall(s, pos, word, nullptr, out, error);
  return ParseWord(word, out, error);
}

bool ExampleEvaluator::Bind(const FunctionDef& def, std::vector<Value>& args,
                            std::vector<Datum>* datums, std::string* error) {
  const size_t n = def.params.size();
  if (args.size() < n || (!def.variadic && args.size() != n)) return false;
  for (size_t i = 0; i < args.size(); ++i) {
    const TypeSpec& p = def.params[std::min(i, n - 1)];
    Value& a = args[i];
    if (a.is_null_literal) {
      datums->push_back(Datum::Null(p.scalar));
      continue;
    }
    if (a.is_inline_list && p.kind != TypeSpec::Kind::kScalar) {
      const TypeSpec elem{TypeSpec::Kind::kScalar, a.type.scalar};
      // String literals may fill a list of any string-like type (the compiler lower-cases).
      const bool ok_elems = a.datum.elems.empty() || ParamAccepts(Scalar(p.scalar), elem) ||
                            (schema::IsStringLike(p.scalar) && schema::IsStringLike(elem.scalar)) ||
                            (p.scalar == ScalarType::kCidr && a.type.scalar == ScalarType::kIp);
      if (!ok_elems) return false;
      if (p.kind == TypeSpec::Kind::kList) {
        auto list = BuildInlineList(p, a.datum.elems, error);
        if (list == nullptr) return false;
        Datum d = Datum::Null(p.scalar);
        d.valid = true;
        d.list = list.get();
        lists_.push_back(std::move(list));
        datums->push_back(d);
      } else {
        datums->push_back(a.datum);
      }
      continue;
    }
    if (!ParamAccepts(p, a.type)) return false;
    Datum d = a.datum;
    if (p.scalar == ScalarType::kFloat && a.type.scalar == ScalarType::kInt)
      d = Datum::Float(static_cast<double>(d.i));
    datums->push_back(d);
  }
  return true;
}

bool ExampleEvaluator::ParseCall(std::string_view s, size_t* pos, std::string_view name,
                                 const FunctionDef* def, Value* out, std::string* error) {
  ++*pos;  // '('
  std::vector<Value> args;
  SkipSpace(s, pos);
  while (*pos < s.size() && s[*pos] != ')') {
    Value v;
    if (!ParseValue(s, pos, &v, error)) return false;
    args.push_back(v);
    SkipSpace(s, pos);
    if (*pos < s.size() && s[*pos] == ',') ++*pos;
    SkipSpace(s, pos);
  }
  if (*pos >= s.size()) return *error = "unterminated call", false;
  ++*pos;
  std::vector<const FunctionDef*> candidates = Registry::Get().Overloads(name);
  if (def != nullptr) candidates = {def};
  for (const FunctionDef* cand : candidates) {
    std::vector<Datum> datums;
    std::string bind_error;
    if (!Bind(*cand, args, &datums, &bind_error)) {
      if (!bind_error.empty()) return *error = bind_error, false;
      continue;
    }
    Datum result;
    if (!CallFunction(*cand, datums, ctx_, &result, error)) return false;
    *out = {result, cand->result};
    return true;
  }
  *error = "no overload of " + std::string(name) + " takes these arguments";
  return false;
}

bool ExampleEvaluator::Eval(std::string_view text, const FunctionDef* def, Datum* out,
                            std::string* error) {
  size_t pos = 0;
  SkipSpace(text, &pos);
  const size_t start = pos;
  while (pos < text.size() && IsWordChar(text[pos])) ++pos;
  const std::string_view name = text.substr(start, pos - start);
  SkipSpace(text, &pos);
  if (pos >= text.size() || text[pos] != '(') return *error = "not a call", false;
  Value v;
  if (!ParseCall(text, &pos, name, def, &v, error)) return false;
  SkipSpace(text, &pos);
  if (pos != text.size()) return *error = "trailing text", false;
  *out = v.datum;
  return true;
}

bool ExampleEvaluator::ParseArgs(std::string_view text, const FunctionDef& def,
                                 std::vector<Datum>* args, std::string* error) {
  size_t pos = text.find('(');
  if (pos == std::string_view::npos) return *error = "not a call", false;
  ++pos;
  std::vector<Value> values;
  SkipSpace(text, &pos);
  while (pos < text.size() && text[pos] != ')') {
    Value v;
    if (!ParseValue(text, &pos, &v, error)) return false;
    values.push_back(v);
    SkipSpace(text, &pos);
    if (pos < text.size() && text[pos] == ',') ++pos;
    SkipSpace(text, &pos);
  }
  if (!Bind(def, values, args, error)) {
    if (error->empty()) *error = "arguments do not fit " + Signature(def);
    return false;
  }
  return true;
}

bool ExampleEvaluator::Call(std::string_view name, std::vector<Datum> args, Datum* out,
                            std::string* error) {
  for (const FunctionDef* def : Registry::Get().Overloads(name)) {
    const size_t n = def->params.size();
    if (args.size() < n || (!def->variadic && args.size() != n)) continue;
    bool ok = true;
    for (size_t i = 0; i < args.size() && ok; ++i) {
      const TypeSpec& p = def->params[std::min(i, n - 1)];
      const TypeSpec::Kind kind = args[i].list != nullptr ? TypeSpec::Kind::kList
                                  : args[i].is_array      ? TypeSpec::Kind::kArray
                                                          : TypeSpec::Kind::kScalar;
      ok = ParamAccepts(p, TypeSpec{kind, args[i].type});
    }
    if (!ok) continue;
    return CallFunction(*def, args, ctx_, out, error);
  }
  *error = "no overload of " + std::string(name) + " takes these arguments";
  return false;
}

Datum ExampleEvaluator::MustCall(std::string_view name, std::vector<Datum> args) {
  Datum out;
  std::string error;
  if (!Call(name, std::move(args), &out, &error)) {
    std::fprintf(stderr, "MustCall(%.*s): %s\n", static_cast<int>(name.size()), name.data(),
                 error.c_str());
    std::abort();
  }
  return out;
}

std::string ExampleEvaluator::Run(std::string_view text) {
  Datum d;
  std::string error;
  if (!Eval(text, nullptr, &d, &error)) return "error: " + error;
  return FormatDatum(d);
}

}  // namespace vigil::stdlib::testing
