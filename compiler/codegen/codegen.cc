// codegen.cc: instruction selection and register allocation.
#include "compiler/codegen/codegen.h"

#include <algorithm>
#include <map>
#include <queue>

#include "base/check.h"
#include "compiler/opt/order.h"

namespace vigil::codegen {

using bytecode::Instr;
using bytecode::kNoReg;
using bytecode::Opcode;
using bytecode::RegKind;
using ir::Node;
using ir::NodeId;
using ir::Op;

namespace {

class Emitter {
 public:
  Emitter(const bytecode::Executable& pools, const ir::Graph& g) : pools_(pools), g_(g), reg_(g.size(), kNoReg) {}

  bytecode::Program Run() {
    prog_.event_type = g_.type();
    for (NodeId id : Order()) Lower(id);
    for (const ir::Output& o : g_.outputs()) {
      Instr in;
      in.op = Opcode::kOut;
      in.a = o.slot;
      in.b = Operand(o.node, ir::kNoNode);
      in.sub = static_cast<uint8_t>(o.index);
      for (const ir::Root& r : g_.roots()) {
        if (r.slot == o.slot) in.sel = reg_[r.node];
      }
      prog_.code.push_back(in);
      prog_.outputs.emplace_back(o.slot, o.index);
    }
    for (const ir::Root& r : g_.roots()) {
      Instr in;
      in.op = Opcode::kEmit;
      in.a = r.slot;
      in.b = reg_[r.node];
      prog_.code.push_back(in);
      prog_.rules.push_back(r.slot);
    }
    return std::move(prog_);
  }

 private:
  // Live nodes in a topological order over arguments and selections, cheap nodes first.
  std::vector<NodeId> Order() {
    std::vector<bool> live(g_.size(), false);
    std::vector<NodeId> stack;
    for (const ir::Root& r : g_.roots()) stack.push_back(r.node);
    for (const ir::Output& o : g_.outputs()) stack.push_back(o.node);
    while (!stack.empty()) {
      const NodeId id = stack.back();
      stack.pop_back();
      if (live[id]) continue;
      live[id] = true;
      for (NodeId a : g_.node(id).args) stack.push_back(a);
      if (g_.node(id).sel != ir::kNoNode) stack.push_back(g_.node(id).sel);
      if (g_.node(id).domain != ir::kNoNode) stack.push_back(g_.node(id).domain);
    }
    std::vector<std::vector<NodeId>> users(g_.size());
    std::vector<size_t> pending(g_.size(), 0);
    for (NodeId id = 0; id < g_.size(); ++id) {
      if (!live[id]) continue;
      auto deps = Deps(id);
      pending[id] = deps.size();
      for (NodeId d : deps) users[d].push_back(id);
    }
    std::vector<bool> expensive(g_.size());
    for (NodeId id = 0; id < g_.size(); ++id) expensive[id] = live[id] && g_.node(id).sel != ir::kNoNode;
    using Key = std::pair<bool, NodeId>;  // expensive last, then by id
    std::priority_queue<Key, std::vector<Key>, std::greater<>> ready;
    for (NodeId id = 0; id < g_.size(); ++id) {
      if (live[id] && pending[id] == 0) ready.push({expensive[id], id});
    }
    std::vector<NodeId> order;
    while (!ready.empty()) {
      const NodeId id = ready.top().second;
      ready.pop();
      order.push_back(id);
      for (NodeId u : users[id]) {
        if (--pending[u] == 0) ready.push({expensive[u], u});
      }
    }
    return order;
  }

  std::vector<NodeId> Deps(NodeId id) const {
    const Node& n = g_.node(id);
    std::vector<NodeId> deps = n.args;
    if (n.sel != ir::kNoNode) deps.push_back(n.sel);
    if (n.domain != ir::kNoNode) deps.push_back(n.domain);
    std::sort(deps.begin(), deps.end());
    deps.erase(std::unique(deps.begin(), deps.end()), deps.end());
    return deps;
  }

  uint32_t NewReg(const Node& n) {
    bytecode::RegInfo info;
    info.kind = n.kind;
    info.type = n.type;
    info.domain = n.domain == ir::kNoNode ? kNoReg : reg_[n.domain];
    prog_.regs.push_back(info);
    return static_cast<uint32_t>(prog_.regs.size() - 1);
  }

  // The register holding node `id`, materializing constants with Splat in `domain`.
  uint32_t Operand(NodeId id, NodeId domain) {
    const Node& n = g_.node(id);
    if (n.op != Op::kConst) return reg_[id];
    const auto key = std::make_pair(id, domain);
    if (auto it = splats_.find(key); it != splats_.end()) return it->second;
    ir::Node shape = n;
    shape.domain = domain;
    const uint32_t r = NewReg(shape);
    Instr in;
    in.op = Opcode::kSplat;
    in.dst = r;
    in.a = n.imm;
    prog_.code.push_back(in);
    splats_[key] = r;
    return r;
  }

  uint32_t Extra(const std::vector<uint32_t>& values) {
    const auto at = static_cast<uint32_t>(prog_.extra.size());
    prog_.extra.insert(prog_.extra.end(), values.begin(), values.end());
    return at;
  }

  void Lower(NodeId id);

  const bytecode::Executable& pools_;
  const ir::Graph& g_;
  bytecode::Program prog_;
  std::vector<uint32_t> reg_;
  std::map<std::pair<NodeId, NodeId>, uint32_t> splats_;
  std::map<NodeId, std::vector<uint32_t>> scan_outputs_;  // of kScan and kSetGroup nodes
};

void Emitter::Lower(NodeId id) {
  const ir::Node& n = g_.node(id);
  if (n.op == Op::kConst || n.op == Op::kListArg) return;  // immediates, or Splat on use
  Instr in;
  in.sub = n.sub;
  in.flags = n.flags;
  in.sel = n.sel == ir::kNoNode ? kNoReg : reg_[n.sel];
  auto arg = [&](size_t i) { return Operand(n.args[i], n.domain); };
  if (n.op == Op::kScanOut || n.op == Op::kSetOut) {
    reg_[id] = scan_outputs_.at(n.args[0])[n.imm];
    return;
  }
  if (n.op == Op::kSetGroup) {
    // One output per set, allocated here in set order; kSetOut nodes pick theirs up.
    std::vector<uint32_t> outs(n.sub);
    for (auto& o : outs) o = NewReg(n);
    scan_outputs_[id] = outs;
    in.op = Opcode::kInSets;
    in.a = arg(0);
    in.b = n.imm;
    in.sel = kNoReg;
    in.extra = Extra(outs);
    in.extra_count = static_cast<uint32_t>(outs.size());
    prog_.code.push_back(in);
    return;
  }
  if (n.op == Op::kScan) {
    // Outputs are allocated here, in output order; kScanOut nodes pick theirs up.
    std::vector<uint32_t> outs(pools_.patterns[n.imm].patterns.size());
    if (n.flags & bytecode::kFlagAnyOf) outs.resize(1);
    ir::Node shape;
    shape.kind = RegKind::kBool;
    shape.domain = n.domain;
    for (auto& o : outs) o = NewReg(shape);
    scan_outputs_[id] = outs;
    in.op = Opcode::kScan;
    in.a = arg(0);
    in.b = n.imm;
    in.extra = Extra(outs);
    in.extra_count = static_cast<uint32_t>(outs.size());
    prog_.code.push_back(in);
    return;
  }
  const uint32_t dst = NewReg(n);
  reg_[id] = dst;
  in.dst = dst;
  switch (n.op) {
    case Op::kField: in.op = Opcode::kField; in.a = n.imm; break;
    case Op::kMember: in.op = Opcode::kMember; in.a = n.imm; in.b = reg_[n.args[0]]; break;
    case Op::kElem: in.op = Opcode::kElem; in.a = reg_[n.args[0]]; break;
    case Op::kBool: in.op = Opcode::kConst; break;
    case Op::kToBool: in.op = Opcode::kToBool; in.a = arg(0); break;
    case Op::kIsNull: in.op = Opcode::kIsNull; in.a = arg(0); break;
    case Op::kCmpK: in.op = Opcode::kCmpK; in.a = arg(0); in.b = n.imm; break;
    case Op::kCmp: in.op = Opcode::kCmp; in.a = arg(0); in.b = arg(1); break;
    case Op::kStr: in.op = Opcode::kStr; in.a = arg(0); in.b = arg(1); break;
    case Op::kInSet: in.op = Opcode::kInSet; in.a = arg(0); in.b = n.imm; break;
    case Op::kInList: in.op = Opcode::kInList; in.a = arg(0); in.b = n.imm; break;
    case Op::kInArray: in.op = Opcode::kInArray; in.a = arg(0); in.b = arg(1); break;
    case Op::kAnd: in.op = Opcode::kAnd; in.a = reg_[n.args[0]]; in.b = reg_[n.args[1]]; break;
    case Op::kOr: in.op = Opcode::kOr; in.a = reg_[n.args[0]]; in.b = reg_[n.args[1]]; break;
    case Op::kNot: in.op = Opcode::kNot; in.a = reg_[n.args[0]]; break;
    case Op::kArith: in.op = Opcode::kArith; in.a = arg(0); in.b = arg(1); break;
    case Op::kArithK: in.op = Opcode::kArithK; in.a = arg(0); in.b = n.imm; break;
    case Op::kNeg: in.op = Opcode::kNeg; in.a = arg(0); break;
    case Op::kDomain:
      in.op = Opcode::kDomain;
      in.a = arg(0);
      in.sel = kNoReg;
      break;
    case Op::kBcast: in.op = Opcode::kBcast; in.a = reg_[n.args[0]]; break;
    case Op::kReduce: in.op = Opcode::kReduce; in.a = reg_[n.args[1]]; in.b = reg_[n.args[0]]; break;
    case Op::kCount:
      in.op = Opcode::kCount;
      in.b = reg_[n.args[0]];
      in.a = n.args.size() > 1 ? reg_[n.args[1]] : kNoReg;
      break;
    case Op::kIndex: in.op = Opcode::kIndex; in.a = arg(0); in.b = arg(1); break;
    case Op::kIndexK: in.op = Opcode::kIndexK; in.a = arg(0); in.b = n.imm; break;
    case Op::kCall:
    case Op::kHistory: {
      std::vector<uint32_t> args;
      for (NodeId a : n.args) {
        const ir::Node& an = g_.node(a);
        if (an.op == Op::kConst) {
          args.push_back(an.imm | bytecode::kConstTag);
        } else if (an.op == Op::kListArg) {
          args.push_back(an.imm | bytecode::kListTag);
        } else {
          args.push_back(reg_[a]);
        }
      }
      in.op = n.op == Op::kCall ? Opcode::kCall : Opcode::kHistory;
      in.a = n.imm;
      in.extra = Extra(args);
      in.extra_count = static_cast<uint32_t>(args.size());
      if (n.op == Op::kHistory) in.sel = kNoReg;
      break;
    }
    default:
      VIGIL_UNREACHABLE();
  }
  // Ops whose contract has no selection ignore it.
  if (bytecode::InfoOf(in.op).operands[3] == '_') in.sel = kNoReg;
  prog_.code.push_back(in);
}

}  // namespace

bytecode::Program Emit(const bytecode::Executable& pools, const ir::Graph& g) {
  return Emitter(pools, g).Run();
}

}  // namespace vigil::codegen
