// builder.cc: rule-level lowering: match slots, event types and the per-rule Lowerer.
#include "compiler/ir/builder.h"

#include "compiler/ir/lowerer.h"

namespace vigil::ir {

void BuildModule(const sema::Pack& pack, Module* module) {
  module->pools.rule_count = static_cast<uint32_t>(pack.rules.size());
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
        continue;
      }
      for (size_t step = 0; step < rule.sequence->steps.size(); ++step) {
        const sema::Step& st = rule.sequence->steps[step];
        if (!(st.events & mask)) continue;
        uint32_t slot = ri;
        if (step > 0) slot = SlotFor(module->pools, ri, static_cast<uint32_t>(step));
        g.roots().push_back({slot, lower.Condition(st.where.get())});
      }
    }
  }
  // Slots with no root in a graph (a step whose types differ) are simply not emitted there.
}

uint32_t SlotFor(bytecode::Executable& pools, uint32_t rule, uint32_t step) {
  for (uint32_t i = 0; i < pools.extra_slots.size(); ++i) {
    if (pools.extra_slots[i] == std::make_pair(rule, step)) return pools.rule_count + i;
  }
  pools.extra_slots.emplace_back(rule, step);
  return pools.rule_count + static_cast<uint32_t>(pools.extra_slots.size() - 1);
}

}  // namespace vigil::ir
