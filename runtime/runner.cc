// runner.cc: per-batch evaluation and alert production.
#include "runtime/runner.h"

#include <algorithm>
#include <climits>
#include <list>

#include "base/check.h"
#include "runtime/key_columns.h"
#include "runtime/stateful/state_expr.h"
#include "stdlib/value_print.h"
#include "vm/bytecode/wire.h"
#include "vm/columnar/batch_copy.h"

namespace vigil::runtime {

using schema::FieldId;

namespace {

// Vendor verdict fields copied into the routing of vendor alerts when the event carries them.
constexpr std::string_view kVerdictFields[] = {
    "action",           "scan_result", "reason",       "virus",      "policy",     "url.category",
    "tagged_malicious", "hold_reason", "spam.verdict", "spam.risk",  "spam.score", "reject.type",
    "scan_info",        "hits",        "identifiers",  "threat.type"};

void CollectIocRefs(const ast::Expr* e, const sema::Pack& pack,
                    std::vector<std::pair<const ast::Expr*, std::string>>* out) {
  if (e == nullptr) return;
  if (e->kind == ast::ExprKind::kBinary && e->bop == ast::BinaryOp::kIn && !e->negated &&
      e->args[1]->kind == ast::ExprKind::kListRef) {
    const sema::List* l = pack.FindList(e->args[1]->name);
    if (l != nullptr && l->kind == sema::ListKind::kIoc)
      out->emplace_back(e->args[0].get(), l->name);
  }
  for (const auto& a : e->args) CollectIocRefs(a.get(), pack, out);
}

}  // namespace

Runner::Runner(const RuleSet& rules, TenantConfig& tenants, AlertSink& alerts,
               RunnerOptions options)
    : rules_(rules),
      tenants_(tenants),
      alerts_(alerts),
      options_(std::move(options)),
      stateful_(rules.pack(), options_.stateful) {
  vm_ = std::make_unique<vm::Vm>(*rules.exe);
  interp_ = std::make_unique<interp::Interpreter>(rules.pack());
}

Runner::~Runner() = default;

const std::string& Runner::FileName(uint32_t index) const {
  static const std::string kNone;
  return files_ != nullptr && index < files_->size() ? (*files_)[index] : kNone;
}

void Runner::OnDeadLetter(const ingest::DeadLetter& letter) {
  ++counters_.dead_letters;
  if (dead_letter_ == nullptr) return;
  const std::string line = ingest::DeadLetterToJson(letter) + "\n";
  std::fwrite(line.data(), 1, line.size(), dead_letter_);
}

void Runner::OnBatch(columnar::Batch& batch) {
  counters_.events += batch.size();
  // Resolve each row's tenant; the common case is one tenant for the whole batch.
  std::vector<Tenant*> row_tenant(batch.size());
  const columnar::Column* account = batch.column(FieldId::kAccount);
  columnar::Column* tenant_col = batch.column(FieldId::kTenant);
  bool mixed = false;
  // Resolution depends on the account and the input only: rows repeating the previous row's
  // pair (most of a batch) reuse its tenant, and its dictionary code in the tenant column.
  std::string_view last_acc;
  uint32_t last_file = UINT32_MAX;
  for (size_t row = 0; row < batch.size(); ++row) {
    const std::string_view acc =
        account == nullptr || account->IsNull(row) ? "" : account->GetString(row);
    const uint32_t file = batch.sources()[row].file;
    if (row == 0 || file != last_file || acc != last_acc) {
      row_tenant[row] = tenants_.Resolve(acc, FileName(file), options_.tenant_fallback);
      last_acc = acc;
      last_file = file;
    } else {
      row_tenant[row] = row_tenant[row - 1];
    }
    mixed = mixed || row_tenant[row] != row_tenant[0];
    if (tenant_col == nullptr) continue;
    if (tenant_col->RepeatsLast(row_tenant[row]->id)) {
      tenant_col->SetLastString(row);
    } else {
      tenant_col->SetString(row, row_tenant[row]->id, batch.arena());
    }
  }
  // Related events: each row under its tenant's keys.
  row_salts_.resize(batch.size());
  const Tenant* salted = nullptr;
  uint64_t salt = 0;
  for (size_t row = 0; row < batch.size(); ++row) {
    if (row_tenant[row] != salted) {
      salted = row_tenant[row];
      salt = MessageIndex::TenantSalt(salted->id);
    }
    row_salts_[row] = salt;
  }
  messages_.AddBatch(batch, row_salts_);
  if (batch.size() == 0) return;
  if (!mixed) {
    Evaluate(batch, *row_tenant[0]);
  } else {
    std::map<Tenant*, std::vector<size_t>> groups;
    for (size_t row = 0; row < batch.size(); ++row) groups[row_tenant[row]].push_back(row);
    auto& sub = split_[batch.type()];
    if (!sub) sub = std::make_unique<columnar::Batch>(batch.type(), batch.capacity());
    for (auto& [tenant, rows] : groups) {
      sub->Reset();
      columnar::BatchBuilder builder(sub.get());
      for (size_t row : rows) columnar::CopyRow(batch, row, &builder);
      Evaluate(*sub, *tenant);
    }
  }
  if (++batches_since_flush_ >= options_.flush_every_batches) Flush();
}

void Runner::OnFlushed() {
  for (const std::string& id : stateful_.CommitWatermarks()) {
    Tenant* tenant = tenants_.Find(id);
    if (tenant == nullptr) continue;
    std::vector<AlertParts> fired;
    stateful_.Advance(id, &fired);
    EmitStateful(std::move(fired), *tenant);
  }
}

void Runner::Evaluate(const columnar::Batch& batch, Tenant& tenant) {
  ++evaluations_;
  encoder_.reset();
  tenant.context.history = stateful_.History(tenant.id);
  const int64_t watermark = stateful_.Watermark(tenant.id);
  if (options_.use_interp) {
    interp_->Evaluate(batch, tenant.context, &matches_);
  } else {
    vm_->Run(batch, tenant.context, &matches_);
  }
  const auto& rules = rules_.pack().rules;
  for (size_t slot = 0; slot < matches_.rows.size() && slot < rules.size(); ++slot) {
    const sema::Rule& rule = rules[slot];
    if (rule.aggregate || rule.sequence) {
      Stateful(rule, slot, batch, tenant, watermark);
      continue;
    }
    for (uint32_t row : matches_.rows[slot]) OnMatch(rule, batch, row, tenant);
  }
  const columnar::Column* ts = batch.column(FieldId::kTs);
  int64_t max_ts = INT64_MIN;
  for (size_t row = 0; ts != nullptr && row < batch.size(); ++row) {
    if (!ts->IsNull(row)) max_ts = std::max(max_ts, ts->i64[row]);
  }
  if (max_ts != INT64_MIN) stateful_.Observe(tenant.id, max_ts);
  std::vector<AlertParts> fired;
  stateful_.Advance(tenant.id, &fired);
  EmitStateful(std::move(fired), tenant);
}

std::vector<schema::Datum> Runner::OutputsAt(const sema::Rule& rule, size_t step,
                                             const columnar::Batch& batch, size_t row,
                                             Tenant& tenant, std::deque<std::string>* storage) {
  std::vector<schema::Datum> out;
  for (const ast::Expr* e : sema::StatefulOutputs(rule, step)) {
    schema::Datum d = interp_->EvalValue(*e, batch, row, tenant.context);
    if (d.valid && schema::IsStringLike(d.type) && !d.is_array) d.s = storage->emplace_back(d.s);
    out.push_back(d);
  }
  return out;
}

std::vector<std::string> Runner::VmKeys(uint32_t slot, size_t nkeys,
                                        const std::vector<uint32_t>& rows) const {
  std::vector<std::string> keys(rows.size());
  for (uint32_t i = 0; i < nkeys; ++i) {
    const vm::ValueReg* reg = vm_->Output(slot, i);
    if (reg != nullptr) {
      AppendKeyColumn(*reg, vm_->OutputType(slot, i), rows, i == 0, &keys);
      continue;
    }
    // No register (the output was never computed): a null value, as KeyText prints it.
    const std::string null_text =
        stdlib::FormatDatum(schema::Datum::Null(vm_->OutputType(slot, i)));
    for (std::string& k : keys) k += (i == 0 ? "" : "\x1f") + null_text;
  }
  return keys;
}

void Runner::Stateful(const sema::Rule& rule, size_t rule_index, const columnar::Batch& batch,
                      Tenant& tenant, int64_t watermark) {
  if (!tenant.Runs(rule)) return;
  const columnar::Column* ts = batch.column(FieldId::kTs);
  const std::vector<std::string> no_files;
  const auto& files = files_ == nullptr ? no_files : *files_;
  const size_t nkeys = rule.aggregate ? rule.aggregate->by.size() : rule.sequence->by.size();
  const size_t nargs = rule.aggregate ? sema::StatefulOutputs(rule, 0).size() - nkeys : 0;
  // Per step: the rows it matched in time and, from the VM, their keys and aggregate-call
  // arguments (built a column at a time); late rows are counted and left out first.
  const size_t steps = rule.sequence ? rule.sequence->steps.size() : 1;
  std::vector<std::vector<std::string>> keys(steps);
  std::vector<std::vector<StateValue>> args(nargs);  // aggregates: one step
  struct Hit {
    uint32_t row, step, index;  // index: position among the step's matched rows
  };
  std::vector<Hit> hits;
  for (size_t step = 0; step < steps; ++step) {
    const uint32_t slot = rules_.pack().SlotOf(rule_index, step);
    if (slot >= matches_.rows.size()) continue;
    const std::vector<uint32_t> rows = InTime(rule, matches_.rows[slot], ts, watermark);
    for (uint32_t i = 0; i < rows.size(); ++i)
      hits.push_back({rows[i], static_cast<uint32_t>(step), i});
    if (options_.use_interp) continue;
    keys[step] = VmKeys(slot, nkeys, rows);
    for (size_t a = 0; a < nargs; ++a) args[a] = VmValues(rule, slot, nkeys + a, rows);
  }
  // Row order, later steps first within a row.
  std::sort(hits.begin(), hits.end(), [](const Hit& a, const Hit& b) {
    return a.row != b.row ? a.row < b.row : a.step > b.step;
  });
  // Several stateful rules often match the same row: its event is read once per batch.
  if (row_events_.size() < batch.size()) row_events_.resize(batch.size());
  StatefulMatches m;
  m.args.resize(nargs);
  std::deque<std::string> storage;  // the interpreter's string values of one hit
  for (const Hit& h : hits) {
    if (options_.use_interp) {
      // The interpreter evaluates the key expressions and arguments here, row by row.
      storage.clear();
      std::vector<schema::Datum> outs = OutputsAt(rule, h.step, batch, h.row, tenant, &storage);
      const auto split = outs.begin() + static_cast<std::ptrdiff_t>(std::min(nkeys, outs.size()));
      m.keys.push_back(KeyText({outs.begin(), split}));
      for (size_t a = 0; a < nargs; ++a) {
        const size_t at = nkeys + a;
        m.args[a].push_back(StateValue::Of(at < outs.size() ? outs[at] : schema::Datum{}));
      }
    } else {
      m.keys.push_back(std::move(keys[h.step][h.index]));
      for (size_t a = 0; a < nargs; ++a) m.args[a].push_back(std::move(args[a][h.index]));
    }
    m.steps.push_back(rule.aggregate ? -1 : static_cast<int32_t>(h.step));
    m.ts.push_back(ts->i64[h.row]);  // InTime: not null
    m.events.push_back(RowEvent(batch, h.row, files));
  }
  std::vector<AlertParts> fired;
  stateful_.OnMatches(rule_index, tenant.id, m, &fired);
  EmitStateful(std::move(fired), tenant);
}

std::vector<uint32_t> Runner::InTime(const sema::Rule& rule, const std::vector<uint32_t>& rows,
                                     const columnar::Column* ts, int64_t watermark) {
  std::vector<uint32_t> in_time;
  in_time.reserve(rows.size());
  for (const uint32_t row : rows) {
    ++counters_.matches;
    if (ts == nullptr || ts->IsNull(row) || ts->i64[row] == INT64_MIN || ts->i64[row] < watermark) {
      stateful_.Late(rule);  // no event time counts as late: it cannot be placed in time
      continue;
    }
    in_time.push_back(row);
  }
  return in_time;
}

std::vector<StateValue> Runner::VmValues(const sema::Rule& rule, uint32_t slot, size_t output,
                                         const std::vector<uint32_t>& rows) const {
  const vm::ValueReg* reg = vm_->Output(slot, static_cast<uint32_t>(output));
  if (reg != nullptr) return ValueColumn(*reg, vm_->OutputType(slot, output), rows);
  // No register (the output was never computed): null values.
  const schema::ScalarType type = sema::StatefulOutputs(rule, 0)[output]->type.scalar;
  return std::vector<StateValue>(rows.size(), StateValue::Of(schema::Datum::Null(type)));
}

const EventRef& Runner::RowEvent(const columnar::Batch& batch, size_t row,
                                 const std::vector<std::string>& files) {
  auto& [events_batch, event] = row_events_[row];
  if (events_batch != evaluations_) {
    if (!encoder_) encoder_.emplace(batch);
    event = EventOf(batch, row, files, file_names_, &*encoder_);
    events_batch = evaluations_;
  }
  return event;
}

void Runner::EmitStateful(std::vector<AlertParts> fired, Tenant& tenant) {
  for (AlertParts& a : fired) {
    const sema::Rule& rule = *a.rule;
    if (a.events.empty()) continue;
    const Json& record = a.events.back().record();
    // Exceptions and suppression read the last event of the alert.
    std::list<std::string> storage;
    bool excepted = false;
    for (const sema::Exception& x : rule.exceptions) {
      std::vector<schema::Datum> values;
      for (const auto& f : x.fields)
        values.push_back(FieldFromRecord(record, f.field->field, storage));
      static const std::vector<std::vector<std::string>> kNone;
      const auto* extra = &kNone;
      if (auto r = tenant.exceptions.find(rule.id); r != tenant.exceptions.end()) {
        if (auto e = r->second.find(x.name); e != r->second.end()) extra = &e->second;
      }
      excepted = excepted || ExceptionMatches(x, *extra, values);
    }
    if (excepted) {
      ++counters_.excepted;
      continue;
    }
    if (rule.suppress_ms > 0) {
      StateEnv env;
      env.record = &a.events.back();
      std::vector<schema::Datum> keys;
      for (const auto& k : rule.suppress_by) keys.push_back(EvalState(*k, env));
      if (suppressor_.Suppress(rule, tenant.id, KeyText(keys), a.events.back().ts)) {
        ++counters_.suppressed;
        continue;
      }
    }
    Render(a);
    Emit(std::move(a));
  }
}

Runner::OwnedValues Runner::Values(const std::vector<ast::ExprPtr>& exprs,
                                   const columnar::Batch& batch, size_t row, Tenant& tenant) {
  OwnedValues out;
  for (const auto& e : exprs) {
    schema::Datum d = interp_->EvalValue(*e, batch, row, tenant.context);
    if (d.valid && schema::IsStringLike(d.type) && !d.is_array) d.s = out.storage.emplace_back(d.s);
    out.values.push_back(d);
  }
  return out;
}

bool Runner::Excepted(const sema::Rule& rule, const columnar::Batch& batch, size_t row,
                      Tenant& tenant) {
  for (const sema::Exception& x : rule.exceptions) {
    std::vector<ast::ExprPtr> fields;
    for (const auto& f : x.fields) fields.push_back(f.field->Clone());
    const auto values = Values(fields, batch, row, tenant);
    static const std::vector<std::vector<std::string>> kNone;
    const auto rule_it = tenant.exceptions.find(rule.id);
    const auto* extra = &kNone;
    if (rule_it != tenant.exceptions.end()) {
      auto x_it = rule_it->second.find(x.name);
      if (x_it != rule_it->second.end()) extra = &x_it->second;
    }
    if (ExceptionMatches(x, *extra, values.values)) return true;
  }
  return false;
}

void Runner::OnMatch(const sema::Rule& rule, const columnar::Batch& batch, size_t row,
                     Tenant& tenant) {
  ++counters_.matches;
  if (!tenant.Runs(rule)) {
    ++counters_.opt_in_skipped;
    return;
  }
  if (Excepted(rule, batch, row, tenant)) {
    ++counters_.excepted;
    return;
  }
  const columnar::Column* ts = batch.column(FieldId::kTs);
  const int64_t t = ts == nullptr || ts->IsNull(row) ? 0 : ts->i64[row];
  if (rule.suppress_ms > 0 &&
      suppressor_.Suppress(rule, tenant.id,
                           KeyText(Values(rule.suppress_by, batch, row, tenant).values), t)) {
    ++counters_.suppressed;
    return;
  }
  AlertParts a;
  a.rule = &rule;
  a.tenant = tenant.id;
  static const std::vector<std::string> kNoFiles;
  a.events.push_back(EventOf(batch, row, files_ == nullptr ? kNoFiles : *files_, file_names_));
  Decorate(a, batch, row, tenant);
  Emit(std::move(a));
}

void Runner::Decorate(AlertParts& a, const columnar::Batch& batch, size_t row, Tenant& tenant) {
  const sema::Rule& rule = *a.rule;
  for (const sema::Evidence& ev : rule.evidence) {
    a.evidence[ev.name] = DatumJson(interp_->EvalValue(*ev.expr, batch, row, tenant.context));
  }
  Render(a);
  IocMatches(a, batch, row, tenant);
}

void Runner::Render(AlertParts& a) {
  const sema::Rule& rule = *a.rule;
  const Json& record = a.events.back().record();
  auto lookup = [&](const std::string& name) -> std::string {
    if (a.evidence.contains(name)) {
      const Json& v = a.evidence[name];
      return v.is_string() ? v.get<std::string>() : (v.is_null() ? "" : v.dump());
    }
    if (record.is_object() && record.contains(name)) {
      const Json& v = record[name];
      return v.is_string() ? v.get<std::string>() : v.dump();
    }
    return "";
  };
  a.title = RenderTemplate(rule.title, lookup);
  a.question = RenderTemplate(rule.question, lookup);
  a.first_action = RenderTemplate(rule.first_action, lookup);
  if (rule.rule_class == sema::RuleClass::kVendor && record.is_object()) {
    for (std::string_view f : kVerdictFields) {
      const std::string key(f);
      if (record.contains(key)) a.vendor_verdict[key] = record[key];
    }
  }
}

void Runner::IocMatches(AlertParts& a, const columnar::Batch& batch, size_t row, Tenant& tenant) {
  const sema::Rule& rule = *a.rule;
  std::vector<std::pair<const ast::Expr*, std::string>> iocs;
  CollectIocRefs(rule.condition.get(), rules_.pack(), &iocs);
  const auto& lists = rules_.exe->exe().lists;
  for (const auto& [lhs, name] : iocs) {
    const schema::Datum v = interp_->EvalValue(*lhs, batch, row, tenant.context);
    if (!v.valid) continue;
    for (uint32_t i = 0; i < lists.size(); ++i) {
      if (lists[i].name != name) continue;
      const schema::ListValue& list = rules_.exe->ResolveList(i, tenant.context);
      const int64_t hit = list.Find(v);
      if (hit < 0) continue;
      Json m = Json::parse(list.Metadata(static_cast<size_t>(hit)), nullptr, false);
      if (!m.is_object()) m = Json::object();
      m["list"] = name;
      a.ioc_matches.push_back(std::move(m));
    }
  }
}

void Runner::Emit(AlertParts a) {
  const std::string id = AlertId(a);
  if (!emitted_.insert(id).second) {
    ++counters_.duplicates;
    return;
  }
  pending_.push_back({std::move(a)});
}

namespace {

void SaveCounts(bytecode::WireWriter& w, const std::map<std::string, uint64_t>& m) {
  w.U32(static_cast<uint32_t>(m.size()));
  for (const auto& [k, v] : m) {
    w.Str(k);
    w.U64(v);
  }
}

void LoadCounts(bytecode::WireReader& r, std::map<std::string, uint64_t>* m) {
  const uint32_t n = r.Count(12, "count");
  for (uint32_t i = 0; i < n && r.ok(); ++i) {
    std::string k = r.Str();
    (*m)[k] = r.U64();
  }
}

}  // namespace

void Runner::Save(std::string* out) const {
  bytecode::WireWriter w;
  const RunCounters& c = counters_;
  for (uint64_t v : {c.events, c.matches, c.alerts, c.suppressed, c.excepted, c.duplicates,
                     c.opt_in_skipped, c.dead_letters}) {
    w.U64(v);
  }
  SaveCounts(w, c.alerts_by_rule);
  SaveCounts(w, c.alerts_by_tenant);
  w.U32(static_cast<uint32_t>(c.alerts_by_class_severity.size()));
  for (const auto& [cls, m] : c.alerts_by_class_severity) {
    w.Str(cls);
    SaveCounts(w, m);
  }
  std::vector<std::string> ids(emitted_.begin(), emitted_.end());
  std::sort(ids.begin(), ids.end());
  w.U32(static_cast<uint32_t>(ids.size()));
  for (const std::string& id : ids) w.Str(id);
  std::string bytes;
  suppressor_.Save(&bytes);
  w.Str(bytes);
  stateful_.Save(&bytes);
  w.Str(bytes);
  *out = std::move(w.out());
}

bool Runner::Load(std::string_view in) {
  bytecode::WireReader r(in);
  RunCounters& c = counters_;
  c = {};
  for (uint64_t* v : {&c.events, &c.matches, &c.alerts, &c.suppressed, &c.excepted, &c.duplicates,
                      &c.opt_in_skipped, &c.dead_letters}) {
    *v = r.U64();
  }
  LoadCounts(r, &c.alerts_by_rule);
  LoadCounts(r, &c.alerts_by_tenant);
  const uint32_t classes = r.Count(8, "class");
  for (uint32_t i = 0; i < classes && r.ok(); ++i) {
    std::string cls = r.Str();
    LoadCounts(r, &c.alerts_by_class_severity[cls]);
  }
  emitted_.clear();
  const uint32_t ids = r.Count(4, "alert id");
  for (uint32_t i = 0; i < ids && r.ok(); ++i) emitted_.insert(r.Str());
  const bool ok = suppressor_.Load(r.Str()) && stateful_.Load(r.Str());
  return ok && r.ok() && r.remaining() == 0;
}

void Runner::Finish() {
  std::vector<AlertParts> fired;
  stateful_.Finish(&fired);
  // Alerts fired at the end belong to their own tenants.
  std::map<std::string, std::vector<AlertParts>> by_tenant;
  for (AlertParts& a : fired) by_tenant[a.tenant].push_back(std::move(a));
  for (auto& [id, alerts] : by_tenant) {
    Tenant* t = tenants_.Find(id);
    if (t != nullptr) EmitStateful(std::move(alerts), *t);
  }
  Flush();
}

void Runner::Flush() {
  batches_since_flush_ = 0;
  const std::vector<std::string> no_files;
  for (Pending& p : pending_) {
    AlertParts& a = p.parts;
    a.related = messages_.Related(a.events[0], MessageIndex::TenantSalt(a.tenant),
                                  files_ == nullptr ? no_files : *files_);
    const sema::Rule& r = *a.rule;
    const std::string tenant = a.tenant;
    alerts_.Write(AlertJson(std::move(a)).dump());
    ++counters_.alerts;
    ++counters_.alerts_by_rule[r.id];
    ++counters_.alerts_by_tenant[tenant];
    ++counters_.alerts_by_class_severity[std::string(sema::ClassName(r.rule_class))]
                                        [std::string(sema::SeverityName(r.severity))];
  }
  pending_.clear();
}

}  // namespace vigil::runtime
