// rule_checker.cc: metadata and rule structure checks.
#include "compiler/sema/rule_checker.h"

#include <fmt/format.h>

#include "base/strings.h"

namespace vigil::sema {

using ast::MetaEntry;
using ast::MetaValue;
using compiler::DiagCode;
using compiler::Span;

namespace {

bool IsIdChar(char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_'; }

// [a-z0-9_]+(\.[a-z0-9_]+)*: lower-case dotted names.
bool IsRuleId(std::string_view id) {
  bool label = false;  // the current label has a character
  for (char c : id) {
    if (c == '.') {
      if (!label) return false;
      label = false;
    } else if (IsIdChar(c)) {
      label = true;
    } else {
      return false;
    }
  }
  return label;
}

// T[0-9]{4}(\.[0-9]{3})?: an ATT&CK technique or sub-technique id.
bool IsTechniqueId(std::string_view t) {
  auto digits = [&](size_t from, size_t n) {
    for (size_t i = from; i < from + n; ++i) {
      if (t[i] < '0' || t[i] > '9') return false;
    }
    return true;
  };
  if ((t.size() != 5 && t.size() != 9) || t[0] != 'T' || !digits(1, 4)) return false;
  return t.size() == 5 || (t[5] == '.' && digits(6, 3));
}

struct MetaKey {
  const char* key;
  const char* what;
};
constexpr MetaKey kMetaKeys[] = {
    {"title", "a one-line title (a template: {field} placeholders)"},
    {"description", "what the rule detects and why"},
    {"class", "expel, vendor or duet"},
    {"severity", "info, low, medium, high or critical"},
    {"status", "experimental, test, stable or deprecated"},
    {"opt_in", "true when tenants must enable the rule"},
    {"mitre", "MITRE ATT&CK technique ids, e.g. [\"T1566.002\"]"},
    {"tags", "free-form tags"},
    {"references", "links"},
    {"author", "author name(s)"},
    {"version", "rule version, an integer from 1"},
    {"requires", "lowest engine version the rule needs, e.g. \"0.1\""},
    {"question", "DUET: the question asked to the customer (a template)"},
    {"first_action", "DUET: the first thing the customer should do"},
    {"false_positives", "known benign causes"},
};

template <typename E, size_t N>
bool ParseEnum(const std::string& text, const std::array<std::string_view, N>& names, E* out) {
  for (size_t i = 0; i < N; ++i) {
    if (names[i] == text) {
      *out = static_cast<E>(i);
      return true;
    }
  }
  return false;
}

constexpr std::array<std::string_view, 3> kClasses = {"expel", "vendor", "duet"};
constexpr std::array<std::string_view, 5> kSeverities = {"info", "low", "medium", "high",
                                                         "critical"};
constexpr std::array<std::string_view, 4> kStatuses = {"experimental", "test", "stable",
                                                       "deprecated"};

// Compares dotted versions numerically: "0.10" > "0.9".
int CompareVersions(std::string_view a, std::string_view b) {
  while (!a.empty() || !b.empty()) {
    auto take = [](std::string_view& s) {
      long v = 0;
      size_t i = 0;
      while (i < s.size() && s[i] >= '0' && s[i] <= '9') v = v * 10 + (s[i++] - '0');
      s.remove_prefix(i < s.size() ? i + 1 : i);
      return v;
    };
    const long x = take(a), y = take(b);
    if (x != y) return x < y ? -1 : 1;
  }
  return 0;
}

}  // namespace

std::string_view ClassName(RuleClass c) { return kClasses[static_cast<size_t>(c)]; }
std::string_view SeverityName(Severity s) { return kSeverities[static_cast<size_t>(s)]; }
std::string_view StatusName(Status s) { return kStatuses[static_cast<size_t>(s)]; }

void RuleChecker::MetaString(const MetaEntry& m, std::string* out) {
  if (m.value.kind != MetaValue::Kind::kString) {
    sink_.Report(DiagCode::kE0402, m.value.span, fmt::format("`{}` takes a string", m.key));
    return;
  }
  *out = m.value.text;
}

void RuleChecker::MetaStrings(const MetaEntry& m, std::vector<std::string>* out) {
  auto add = [&](const MetaValue& v) {
    if (v.kind == MetaValue::Kind::kList) {
      sink_.Report(DiagCode::kE0402, v.span, fmt::format("`{}` takes a list of strings", m.key));
      return;
    }
    out->push_back(v.text);
  };
  if (m.value.kind == MetaValue::Kind::kList) {
    for (const MetaValue& v : m.value.list) add(v);
  } else {
    add(m.value);
  }
}

void RuleChecker::Metadata(const ast::Rule& ast, Rule& out) {
  if (!IsRuleId(ast.id)) {
    sink_.Report(DiagCode::kE0408, ast.id_span, fmt::format("rule id `{}` is not valid", ast.id))
        .help = "use lower-case dotted names: mimecast.vendor.url_click_blocked";
  }
  std::set<std::string> seen;
  for (const MetaEntry& m : ast.meta) {
    if (!seen.insert(m.key).second) {
      sink_.Report(DiagCode::kE0409, m.key_span, fmt::format("`{}` is given twice", m.key));
      continue;
    }
    const std::string& v = m.value.text;
    auto bad = [&](std::string_view expected) {
      sink_
          .Report(DiagCode::kE0402, m.value.span,
                  fmt::format("invalid {} `{}`", m.key, v.empty() ? "value" : v))
          .label = fmt::format("expected {}", expected);
    };
    if (m.key == "title") {
      MetaString(m, &out.title);
    } else if (m.key == "description") {
      MetaString(m, &out.description);
    } else if (m.key == "class") {
      if (!ParseEnum(v, kClasses, &out.rule_class)) bad("expel, vendor or duet");
    } else if (m.key == "severity") {
      if (!ParseEnum(v, kSeverities, &out.severity)) bad("info, low, medium, high or critical");
    } else if (m.key == "status") {
      if (!ParseEnum(v, kStatuses, &out.status)) bad("experimental, test, stable or deprecated");
    } else if (m.key == "opt_in") {
      if (m.value.kind != MetaValue::Kind::kBool) bad("true or false");
      out.opt_in = m.value.b;
    } else if (m.key == "mitre") {
      MetaStrings(m, &out.mitre);
      const auto& values =
          m.value.kind == MetaValue::Kind::kList ? m.value.list : std::vector<MetaValue>{m.value};
      for (const MetaValue& id : values) {
        if (!IsTechniqueId(id.text)) {
          sink_
              .Report(DiagCode::kE0404, id.span,
                      fmt::format("`{}` is not a MITRE ATT&CK technique id", id.text))
              .help = "write technique ids as \"T1566\" or sub-techniques as \"T1566.002\"";
        }
      }
    } else if (m.key == "tags") {
      MetaStrings(m, &out.tags);
    } else if (m.key == "references") {
      MetaStrings(m, &out.references);
    } else if (m.key == "author") {
      MetaStrings(m, &out.authors);
    } else if (m.key == "false_positives") {
      MetaStrings(m, &out.false_positives);
    } else if (m.key == "version") {
      if (m.value.kind != MetaValue::Kind::kInt || m.value.i < 1) bad("an integer from 1");
      out.version = m.value.i;
    } else if (m.key == "requires") {
      out.requires_engine = v;
      if (CompareVersions(v, VIGIL_VERSION) > 0) {
        sink_.Report(DiagCode::kE0407, m.value.span,
                     fmt::format("rule requires vigil {} but this is vigil {}", v, VIGIL_VERSION));
      }
    } else if (m.key == "question") {
      MetaString(m, &out.question);
    } else if (m.key == "first_action") {
      MetaString(m, &out.first_action);
    } else {
      std::vector<std::string> keys;
      for (const MetaKey& k : kMetaKeys) keys.emplace_back(k.key);
      compiler::Diagnostic& d = sink_.Report(DiagCode::kE0403, m.key_span,
                                             fmt::format("unknown metadata key `{}`", m.key));
      const std::string best = base::ClosestMatch(m.key, keys);
      d.help = best.empty() ? "see docs/language.md for the metadata keys"
                            : fmt::format("did you mean `{}`?", best);
    }
  }
  for (const char* required : {"title", "description", "class", "severity"}) {
    if (!seen.count(required)) {
      sink_.Report(DiagCode::kE0401, ast.id_span,
                   fmt::format("rule `{}` has no `{}`", ast.id, required));
    }
  }
  if (out.rule_class == RuleClass::kDuet) {
    for (const char* key : {"question", "first_action"}) {
      if (!seen.count(key)) {
        sink_
            .Report(DiagCode::kE0405, ast.id_span,
                    fmt::format("DUET rule `{}` has no `{}`", ast.id, key))
            .help = "DUET alerts go to the customer: say what to ask and what to do first";
      }
    }
  }
}

void RuleChecker::Structure(const ast::Rule& ast) {
  std::map<ast::ClauseKind, Span> first;
  for (const ast::ClauseRef& c : ast.clauses) {
    if (c.kind == ast::ClauseKind::kMeta || c.kind == ast::ClauseKind::kExcept ||
        c.kind == ast::ClauseKind::kTest) {
      continue;
    }
    auto [it, inserted] = first.emplace(c.kind, c.span);
    if (!inserted) {
      sink_.Report(DiagCode::kE0409, c.span, "this clause is given twice in one rule")
          .secondary.push_back({it->second, "first given here"});
    }
  }
  if (ast.sequence && (!ast.on.empty() || ast.when)) {
    sink_.Report(DiagCode::kE0410, ast.sequence->span,
                 "a sequence rule names its event types in its steps; drop `on` and `when`");
  }
  if (ast.sequence && ast.aggregate) {
    sink_.Report(DiagCode::kE0410, ast.aggregate->span,
                 "a rule is either an aggregate or a sequence");
  }
  if (!ast.sequence && ast.on.empty()) {
    sink_.Report(DiagCode::kE0406, ast.id_span, fmt::format("rule `{}` has no `on` clause", ast.id))
        .help = "say which event types the rule reads, e.g. `on receipt`";
  }
}

schema::EventMask RuleChecker::EventTypes(const std::vector<ast::EventRef>& refs) {
  schema::EventMask mask = 0;
  for (const ast::EventRef& r : refs) {
    schema::EventType t;
    if (schema::FindEvent(r.name, &t)) {
      mask |= schema::MaskOf(t);
      continue;
    }
    compiler::Diagnostic& d =
        sink_.Report(DiagCode::kE0202, r.span, fmt::format("unknown event type `{}`", r.name));
    const std::string best = base::ClosestMatch(r.name, schema::EventNames());
    d.help = best.empty() ? "`vigil schema` lists the event types"
                          : fmt::format("did you mean `{}`?", best);
  }
  return mask;
}

}  // namespace vigil::sema
