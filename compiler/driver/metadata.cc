// metadata.cc: rule metadata as JSON.
#include "compiler/driver/metadata.h"

#include <set>

namespace vigil::compiler {
namespace {

// Field names an expression reads (for "what it looks at").
void CollectFields(const ast::Expr* e, std::set<std::string>* out) {
  if (e == nullptr) return;
  if ((e->kind == ast::ExprKind::kField || e->kind == ast::ExprKind::kVarMember ||
       e->kind == ast::ExprKind::kStepField) &&
      e->field != schema::FieldId::kNone) {
    out->insert(std::string(schema::Field(e->field).name));
  }
  for (const auto& a : e->args) CollectFields(a.get(), out);
}

std::vector<std::string> EventNames(schema::EventMask mask) {
  std::vector<std::string> out;
  for (const schema::EventInfo& ev : schema::AllEvents()) {
    if (mask & schema::MaskOf(ev.id)) out.emplace_back(ev.name);
  }
  return out;
}

std::string Kind(const sema::Rule& r) {
  if (r.aggregate) return "aggregate";
  if (r.sequence) return "sequence";
  if (r.uses_history) return "history";
  return "event";
}

}  // namespace

nlohmann::json RuleMetadata(const sema::Rule& r, const SourceManager& sources) {
  nlohmann::json j;
  j["id"] = r.id;
  j["title"] = r.title;
  j["description"] = r.description;
  j["class"] = sema::ClassName(r.rule_class);
  j["severity"] = sema::SeverityName(r.severity);
  j["status"] = sema::StatusName(r.status);
  j["opt_in"] = r.opt_in;
  j["mitre"] = r.mitre;
  j["tags"] = r.tags;
  j["references"] = r.references;
  j["authors"] = r.authors;
  j["false_positives"] = r.false_positives;
  j["version"] = r.version;
  if (!r.requires_engine.empty()) j["requires"] = r.requires_engine;
  if (!r.question.empty()) j["question"] = r.question;
  if (!r.first_action.empty()) j["first_action"] = r.first_action;
  j["event_types"] = EventNames(r.events);
  j["kind"] = Kind(r);
  std::set<std::string> fields;
  CollectFields(r.condition.get(), &fields);
  if (r.aggregate) {
    for (const auto& k : r.aggregate->by) CollectFields(k.get(), &fields);
    CollectFields(r.aggregate->having.get(), &fields);
  }
  if (r.sequence) {
    for (const auto& st : r.sequence->steps) CollectFields(st.where.get(), &fields);
    for (const auto& k : r.sequence->by) CollectFields(k.get(), &fields);
  }
  j["reads"] = std::vector<std::string>(fields.begin(), fields.end());
  std::vector<std::string> evidence;
  for (const sema::Evidence& ev : r.evidence) evidence.push_back(ev.name);
  j["evidence"] = evidence;
  j["tests"] = r.tests.size();
  if (r.ast != nullptr && r.ast->id_span.file < sources.size()) {
    const SourceFile& f = sources.file(r.ast->id_span.file);
    j["file"] = f.path();
    j["line"] = f.Position(r.ast->id_span.begin).line;
  }
  return j;
}

nlohmann::json PackMetadata(const sema::Pack& pack) {
  nlohmann::json rules = nlohmann::json::array();
  for (const sema::Rule& r : pack.rules) rules.push_back(RuleMetadata(r, pack.sources));
  return {{"engine", VIGIL_VERSION}, {"rules", rules}};
}

}  // namespace vigil::compiler
