// interpreter.cc: the Interpreter facade: owns the pack's built lists, prepared call sites and
// one evaluator, and runs rule conditions row by row.
#include "interp/interpreter.h"

#include "interp/call_sites.h"
#include "interp/evaluator.h"
#include "interp/pack_lists.h"

namespace vigil::interp {

class Interpreter::Impl {
 public:
  explicit Impl(const sema::Pack& pack)
      : pack_(pack), lists_(pack), calls_(pack), evaluator_(lists_, calls_) {
    errors_ = lists_.errors();
    errors_.insert(errors_.end(), calls_.errors().begin(), calls_.errors().end());
  }

  std::optional<bool> EvalCondition(const sema::Rule& rule, const columnar::Batch& batch,
                                    size_t row, const columnar::TenantContext& tenant) {
    if (!rule.condition) return true;
    evaluator_.BeginRow(batch, row, tenant);
    return evaluator_.Eval(*rule.condition).Truth();
  }

  void Evaluate(const columnar::Batch& batch, const columnar::TenantContext& tenant,
                columnar::MatchSet* out) {
    out->Reset(pack_.SlotCount());
    const schema::EventMask type = schema::MaskOf(batch.type());
    for (size_t r = 0; r < pack_.rules.size(); ++r) {
      const sema::Rule& rule = pack_.rules[r];
      if (!(rule.events & type)) continue;
      if (!rule.sequence) {
        Collect(rule.condition.get(), batch, tenant, &out->rows[r]);
        continue;
      }
      for (size_t step = 0; step < rule.sequence->steps.size(); ++step) {
        const sema::Step& st = rule.sequence->steps[step];
        if (st.events & type) Collect(st.where.get(), batch, tenant, &out->rows[pack_.SlotOf(r, step)]);
      }
    }
  }

  // Rows of `batch` where `condition` (null: always) is true.
  void Collect(const ast::Expr* condition, const columnar::Batch& batch,
               const columnar::TenantContext& tenant, std::vector<uint32_t>* rows) {
    for (size_t row = 0; row < batch.size(); ++row) {
      bool match = true;
      if (condition != nullptr) {
        evaluator_.BeginRow(batch, row, tenant);
        match = evaluator_.Eval(*condition).Truth() == true;
      }
      if (match) rows->push_back(static_cast<uint32_t>(row));
    }
  }

  schema::Datum EvalValue(const ast::Expr& e, const columnar::Batch& batch, size_t row,
                          const columnar::TenantContext& tenant) {
    evaluator_.BeginRow(batch, row, tenant);
    const Value v = evaluator_.Eval(e);
    if (v.kind != Value::Kind::kScalar && v.kind != Value::Kind::kArray) return schema::Datum::Null(e.type.scalar);
    return v.d;
  }

  const std::vector<std::string>& errors() const { return errors_; }

 private:
  const sema::Pack& pack_;
  PackLists lists_;
  CallSites calls_;
  Evaluator evaluator_;
  std::vector<std::string> errors_;
};

Interpreter::Interpreter(const sema::Pack& pack) : impl_(std::make_unique<Impl>(pack)) {}
Interpreter::~Interpreter() = default;

std::optional<bool> Interpreter::EvalCondition(const sema::Rule& rule, const columnar::Batch& batch,
                                               size_t row, const columnar::TenantContext& tenant) {
  return impl_->EvalCondition(rule, batch, row, tenant);
}

void Interpreter::Evaluate(const columnar::Batch& batch, const columnar::TenantContext& tenant,
                           columnar::MatchSet* out) {
  impl_->Evaluate(batch, tenant, out);
}

schema::Datum Interpreter::EvalValue(const ast::Expr& e, const columnar::Batch& batch, size_t row,
                                     const columnar::TenantContext& tenant) {
  return impl_->EvalValue(e, batch, row, tenant);
}

const std::vector<std::string>& Interpreter::errors() const { return impl_->errors(); }

}  // namespace vigil::interp
