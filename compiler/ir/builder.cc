// builder.cc: rule-level lowering: match slots, event types and the per-rule Lowerer.
#include "compiler/ir/builder.h"

#include "compiler/ir/lowerer.h"

namespace vigil::ir {

namespace {

void AddOutputs(const sema::Rule& rule, size_t step, uint32_t slot, Lowerer& lower, Graph& g) {
  const auto exprs = sema::StatefulOutputs(rule, step);
  for (uint32_t i = 0; i < exprs.size(); ++i) g.outputs().push_back({slot, i, lower.Value(*exprs[i])});
}

}  // namespace

void BuildModule(const sema::Pack& pack, Module* module) {
  module->pools.rule_count = static_cast<uint32_t>(pack.rules.size());
  for (uint32_t ri = 0; ri < pack.rules.size(); ++ri) {
    const sema::Rule& rule = pack.rules[ri];
    if (!rule.sequence) continue;
    for (uint32_t step = 1; step < rule.sequence->steps.size(); ++step) {
      module->pools.extra_slots.emplace_back(ri, step);
    }
  }
  for (const schema::EventInfo& ev : schema::AllEvents()) {
    const schema::EventMask mask = schema::MaskOf(ev.id);
    bool used = false;
    for (const sema::Rule& r : pack.rules) used = used || (r.events & mask);
    if (used) module->graphs.emplace_back(ev.id);
  }
  for (uint32_t ri = 0; ri < pack.rules.size(); ++ri) {
    const sema::Rule& rule = pack.rules[ri];
    for (Graph& g : module->graphs) {
      const schema::EventMask mask = schema::MaskOf(g.type());
      if (!(rule.events & mask)) continue;
      Lowerer lower(pack, ri, *module, g);
      if (!rule.sequence) {
        g.roots().push_back({ri, lower.Condition(rule.condition.get())});
        AddOutputs(rule, 0, ri, lower, g);
        continue;
      }
      for (size_t step = 0; step < rule.sequence->steps.size(); ++step) {
        const sema::Step& st = rule.sequence->steps[step];
        if (!(st.events & mask)) continue;
        const uint32_t slot = pack.SlotOf(ri, step);
        g.roots().push_back({slot, lower.Condition(st.where.get())});
        AddOutputs(rule, step, slot, lower, g);
      }
    }
  }
  // Slots with no root in a graph (a step whose types differ) are simply not emitted there.
}

}  // namespace vigil::ir
