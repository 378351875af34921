// verifier.cc: the structural, type and domain checks of executables.
#include "vm/bytecode/verifier.h"

#include <fmt/format.h>

#include <set>

#include "stdlib/registry.h"

namespace vigil::bytecode {
namespace {

using schema::FieldId;
using schema::ScalarType;

constexpr size_t kMaxRegs = 1u << 20;
constexpr size_t kMaxCode = 1u << 22;
constexpr size_t kMaxSlots = 1u << 20;  // rules + sequence steps (sizes the VM match set)

bool StringLike(ScalarType t) { return schema::IsStringLike(t); }
bool IntLike(ScalarType t) {
  return t == ScalarType::kInt || t == ScalarType::kBool || t == ScalarType::kTimestamp ||
         t == ScalarType::kDuration;
}
bool Numeric(ScalarType t) { return IntLike(t) || t == ScalarType::kFloat; }
bool Comparable(ScalarType a, ScalarType b) {
  if (StringLike(a) || StringLike(b)) return StringLike(a) && StringLike(b);
  if (a == ScalarType::kIp || a == ScalarType::kCidr || b == ScalarType::kIp || b == ScalarType::kCidr) {
    return (a == ScalarType::kIp || a == ScalarType::kCidr) && (b == ScalarType::kIp || b == ScalarType::kCidr);
  }
  return Numeric(a) && Numeric(b);
}

// "" when a value of type t may be looked up in a constant set of `kind`, else why not.
std::string SetFits(ConstSet::Kind kind, ScalarType t) {
  switch (kind) {
    case ConstSet::Kind::kInts: return IntLike(t) ? "" : "int set on a non-int";
    case ConstSet::Kind::kNetworks: return t == ScalarType::kIp ? "" : "network set on a non-ip";
    case ConstSet::Kind::kStrings:
    case ConstSet::Kind::kStringsFolded:
    case ConstSet::Kind::kDomainSuffix: return StringLike(t) ? "" : "string set on a non-string";
  }
  return "invalid set kind";
}

class ProgramVerifier {
 public:
  ProgramVerifier(const Executable& exe, const Program& p) : exe_(exe), p_(p) {}

  std::string Run() {
    if (p_.regs.size() > kMaxRegs || p_.code.size() > kMaxCode || p_.extra.size() > kMaxCode) {
      return "program too large";
    }
    if (static_cast<int>(p_.event_type) >= schema::kEventTypeCount) return "unknown event type";
    for (size_t r = 0; r < p_.regs.size(); ++r) {
      const RegInfo& g = p_.regs[r];
      if (static_cast<int>(g.kind) > static_cast<int>(RegKind::kDomain) ||
          static_cast<int>(g.type) >= schema::kScalarTypeCount) {
        return fmt::format("register {} has an invalid kind or type", r);
      }
      if (g.domain != kNoReg && (g.domain >= r || p_.regs[g.domain].kind != RegKind::kDomain)) {
        return fmt::format("register {} lives in an invalid domain", r);
      }
    }
    written_.assign(p_.regs.size(), false);
    source_.assign(p_.regs.size(), kNoSource);
    elem_type_.assign(p_.regs.size(), ScalarType::kBool);
    for (size_t i = 0; i < p_.code.size(); ++i) {
      std::string err = Instruction(p_.code[i]);
      if (!err.empty()) return fmt::format("instruction {} ({}): {}", i, Mnemonic(p_.code[i]), err);
    }
    return {};
  }

 private:
  static constexpr uint32_t kNoSource = 0xfffffffeu;

  static std::string_view Mnemonic(const Instr& in) {
    return static_cast<int>(in.op) < kOpcodeCount ? InfoOf(in.op).name : "?";
  }
  const RegInfo& R(uint32_t r) const { return p_.regs[r]; }

  // A register operand read by the instruction: in range, of `kind`, written before.
  std::string Read(uint32_t r, RegKind kind, const char* what) const {
    if (r >= p_.regs.size()) return fmt::format("{} register {} out of range", what, r);
    if (R(r).kind != kind) return fmt::format("{} register {} has the wrong kind", what, r);
    if (!written_[r]) return fmt::format("{} register {} read before it is written", what, r);
    return {};
  }
  std::string ReadValue(uint32_t r, const char* what) const {
    if (r < p_.regs.size() && R(r).kind == RegKind::kArray) return Read(r, RegKind::kArray, what);
    return Read(r, RegKind::kValue, what);
  }
  std::string Write(uint32_t r, RegKind kind) {
    if (r >= p_.regs.size()) return fmt::format("destination register {} out of range", r);
    if (R(r).kind != kind) return fmt::format("destination register {} has the wrong kind", r);
    if (written_[r]) return fmt::format("register {} written twice", r);
    written_[r] = true;
    return {};
  }
  std::string SameDomain(uint32_t a, uint32_t b) const {
    return R(a).domain == R(b).domain ? "" : fmt::format("registers {} and {} are in different domains", a, b);
  }

  std::string Instruction(const Instr& in);
  std::string Operands(const Instr& in);
  std::string Types(const Instr& in);

  const Executable& exe_;
  const Program& p_;
  std::vector<bool> written_;
  std::vector<uint32_t> source_;  // per register: records field a domain/array ranges over
  std::vector<ScalarType> elem_type_;  // per domain register: element type of its array
};

std::string ProgramVerifier::Instruction(const Instr& in) {
  if (static_cast<int>(in.op) >= kOpcodeCount) return "unknown opcode";
  std::string err = Operands(in);
  if (err.empty()) err = Types(in);
  return err;
}

#define VIGIL_TRY(expr)              \
  do {                               \
    std::string e_ = (expr);         \
    if (!e_.empty()) return e_;      \
  } while (0)

std::string ProgramVerifier::Operands(const Instr& in) {
  // The VM reads `dst` of every instruction it skips, so an unused one must be empty.
  if (InfoOf(in.op).operands[0] == '_' && in.dst != kNoReg) return "unused destination is set";
  if (in.sel != kNoReg) VIGIL_TRY(Read(in.sel, RegKind::kBool, "selection"));
  if (in.extra_count > p_.extra.size() || in.extra > p_.extra.size() - in.extra_count) {
    return "extra operands out of range";
  }
  switch (in.op) {
    case Opcode::kField: {
      if (in.a >= static_cast<uint32_t>(schema::kFieldCount)) return "unknown field";
      const schema::FieldInfo& f = schema::Field(static_cast<FieldId>(in.a));
      const RegKind kind = f.shape == schema::Shape::kScalar ? RegKind::kValue : RegKind::kArray;
      VIGIL_TRY(Write(in.dst, kind));
      if (R(in.dst).domain != kNoReg) return "field loaded outside the rows domain";
      if (R(in.dst).type != f.type) return "field register has the wrong type";
      if (f.shape == schema::Shape::kRecords) source_[in.dst] = in.a;
      return {};
    }
    case Opcode::kMember: {
      if (in.a >= static_cast<uint32_t>(schema::kFieldCount)) return "unknown field";
      const schema::FieldInfo& f = schema::Field(static_cast<FieldId>(in.a));
      VIGIL_TRY(Read(in.b, RegKind::kDomain, "domain"));
      if (f.shape != schema::Shape::kMember || source_[in.b] != static_cast<uint32_t>(f.parent)) {
        return "member read through a domain over another array";
      }
      VIGIL_TRY(Write(in.dst, RegKind::kValue));
      if (R(in.dst).domain != in.b || R(in.dst).type != f.type) return "member register mismatch";
      return {};
    }
    case Opcode::kElem:
      VIGIL_TRY(Read(in.a, RegKind::kDomain, "domain"));
      VIGIL_TRY(Write(in.dst, RegKind::kValue));
      if (R(in.dst).type != elem_type_[in.a]) return "element register of the wrong type";
      return R(in.dst).domain == in.a ? "" : "element register not in its domain";
    case Opcode::kSplat:
      if (in.a >= exe_.constants.size()) return "constant out of range";
      VIGIL_TRY(Write(in.dst, RegKind::kValue));
      return Comparable(R(in.dst).type, exe_.constants[in.a].type) || R(in.dst).type == exe_.constants[in.a].type
                 ? ""
                 : "constant of the wrong type";
    case Opcode::kDomain:
      VIGIL_TRY(Read(in.a, RegKind::kArray, "array"));
      VIGIL_TRY(Write(in.dst, RegKind::kDomain));
      if (R(in.dst).domain != R(in.a).domain) return "domain not a child of its array's domain";
      source_[in.dst] = source_[in.a];
      elem_type_[in.dst] = R(in.a).type;
      return {};
    case Opcode::kBcast: {
      if (in.a >= p_.regs.size()) return "operand out of range";
      const RegKind kind = R(in.a).kind;
      if (kind == RegKind::kDomain) return "cannot broadcast a domain";
      VIGIL_TRY(Read(in.a, kind, "operand"));
      VIGIL_TRY(Write(in.dst, kind));
      if (R(in.dst).type != R(in.a).type) return "broadcast changes the type";
      // a's domain must be a strict ancestor of dst's.
      for (uint32_t d = R(in.dst).domain; d != kNoReg; d = R(d).domain) {
        if (R(d).domain == R(in.a).domain) {
          source_[in.dst] = source_[in.a];
          return {};
        }
      }
      return "broadcast not from an enclosing domain";
    }
    case Opcode::kReduce:
    case Opcode::kCount: {
      VIGIL_TRY(Read(in.b, RegKind::kDomain, "domain"));
      if (in.op == Opcode::kReduce || in.a != kNoReg) {
        VIGIL_TRY(Read(in.a, RegKind::kBool, "predicate"));
        if (R(in.a).domain != in.b) return "predicate not in the reduced domain";
      }
      VIGIL_TRY(Write(in.dst, in.op == Opcode::kReduce ? RegKind::kBool : RegKind::kValue));
      if (R(in.dst).domain != R(in.b).domain) return "reduction result not in the parent domain";
      if (in.op == Opcode::kCount && R(in.dst).type != ScalarType::kInt) return "count is an int";
      return in.op == Opcode::kReduce && in.sub > 2 ? "invalid reduction" : "";
    }
    case Opcode::kScan: {
      VIGIL_TRY(Read(in.a, RegKind::kValue, "string"));
      if (in.sel != kNoReg) VIGIL_TRY(SameDomain(in.sel, in.a));
      if (in.b >= exe_.patterns.size()) return "pattern set out of range";
      const size_t outs = (in.flags & kFlagAnyOf) ? 1 : exe_.patterns[in.b].patterns.size();
      if (in.extra_count != outs || outs == 0) return "scan outputs do not match its pattern set";
      for (uint32_t k = 0; k < in.extra_count; ++k) {
        const uint32_t o = p_.extra[in.extra + k];
        VIGIL_TRY(Write(o, RegKind::kBool));
        VIGIL_TRY(SameDomain(o, in.a));
      }
      return {};
    }
    case Opcode::kInSets: {
      VIGIL_TRY(Read(in.a, RegKind::kValue, "operand"));
      if (in.sel != kNoReg) return "insets has no selection";
      if (in.extra_count < 2 || in.extra_count > kMaxGroupedSets) {
        return "insets needs 2 to 63 sets";
      }
      if (in.b >= exe_.sets.size() || exe_.sets.size() - in.b < in.extra_count) {
        return "set out of range";
      }
      for (uint32_t k = 0; k < in.extra_count; ++k) {
        const uint32_t o = p_.extra[in.extra + k];
        VIGIL_TRY(Write(o, RegKind::kBool));
        VIGIL_TRY(SameDomain(o, in.a));
      }
      return {};
    }
    case Opcode::kCall:
    case Opcode::kHistory: {
      const bool call = in.op == Opcode::kCall;
      if (in.a >= (call ? exe_.calls.size() : exe_.history.size())) return "site out of range";
      for (uint32_t k = 0; k < in.extra_count; ++k) {
        const uint32_t v = p_.extra[in.extra + k];
        if (v & kConstTag) {
          if ((v & ~kConstTag) >= exe_.constants.size()) return "constant argument out of range";
        } else if (v & kListTag) {
          if (!call || (v & ~kListTag) >= exe_.lists.size()) return "list argument out of range";
        } else {
          VIGIL_TRY(ReadValue(v, "argument"));
        }
      }
      if (in.dst >= p_.regs.size()) return "destination out of range";
      VIGIL_TRY(Write(in.dst, R(in.dst).kind == RegKind::kArray && call ? RegKind::kArray : RegKind::kValue));
      for (uint32_t k = 0; k < in.extra_count; ++k) {
        const uint32_t v = p_.extra[in.extra + k];
        if (!(v & kTagMask)) VIGIL_TRY(SameDomain(v, in.dst));
      }
      if (in.sel != kNoReg) VIGIL_TRY(SameDomain(in.sel, in.dst));
      if (!call && in.sub > 1) return "invalid history instruction";
      return {};
    }
    case Opcode::kOut:
      if (in.a >= exe_.slot_count()) return "match slot out of range";
      VIGIL_TRY(ReadValue(in.b, "output"));
      if (R(in.b).domain != kNoReg) return "output not in the rows domain";
      if (in.sel != kNoReg && R(in.sel).domain != kNoReg) return "selection not in the rows domain";
      return {};
    case Opcode::kEmit:
      if (in.a >= exe_.slot_count()) return "match slot out of range";
      VIGIL_TRY(Read(in.b, RegKind::kBool, "result"));
      return R(in.b).domain == kNoReg ? "" : "match result not in the rows domain";
    default:
      break;
  }
  // Generic ops: bool or value destination, operands in the destination's domain.
  const OpInfo& info = InfoOf(in.op);
  const char dst_kind = info.operands[0];
  std::vector<std::pair<uint32_t, char>> reads = {{in.a, info.operands[1]}, {in.b, info.operands[2]}};
  for (auto [r, k] : reads) {
    switch (k) {
      case 'B': VIGIL_TRY(Read(r, RegKind::kBool, "operand")); break;
      case 'V': VIGIL_TRY(Read(r, RegKind::kValue, "operand")); break;
      case 'A': VIGIL_TRY(Read(r, RegKind::kArray, "operand")); break;
      case 'X':
        if (r >= p_.regs.size()) return "operand out of range";
        VIGIL_TRY(Read(r, R(r).kind == RegKind::kDomain ? RegKind::kValue : R(r).kind, "operand"));
        break;
      case 'K': if (r >= exe_.constants.size()) return "constant out of range"; break;
      case 'T': if (r >= exe_.sets.size()) return "set out of range"; break;
      case 'L': if (r >= exe_.lists.size()) return "list slot out of range"; break;
      default: break;
    }
    if ((k == 'B' || k == 'V' || k == 'A' || k == 'X') && R(r).domain != (in.dst < p_.regs.size() ? R(in.dst).domain : kNoReg)) {
      return "operand in another domain";
    }
  }
  VIGIL_TRY(Write(in.dst, dst_kind == 'B' ? RegKind::kBool : RegKind::kValue));
  if (in.sel != kNoReg && R(in.sel).domain != R(in.dst).domain) return "selection in another domain";
  return {};
}

std::string ProgramVerifier::Types(const Instr& in) {
  auto type = [&](uint32_t r) { return R(r).type; };
  switch (in.op) {
    case Opcode::kToBool: return type(in.a) == ScalarType::kBool ? "" : "tobool of a non-bool";
    case Opcode::kIsNull: return in.sub <= 1 ? "" : "invalid isnull";
    case Opcode::kConst: return in.sub <= 2 ? "" : "invalid constant";
    case Opcode::kCmpK:
      if (in.sub > 5) return "invalid comparison";
      return Comparable(type(in.a), exe_.constants[in.b].type) || exe_.constants[in.b].is_null ? "" : "incomparable constant";
    case Opcode::kCmp:
      if (in.sub > 5) return "invalid comparison";
      return Comparable(type(in.a), type(in.b)) ? "" : "incomparable operands";
    case Opcode::kStr:
      return in.sub <= 3 && StringLike(type(in.a)) && StringLike(type(in.b)) ? "" : "invalid string operation";
    case Opcode::kScan:
      for (const auto& p : exe_.patterns[in.b].patterns) {
        if (static_cast<int>(p.op) > static_cast<int>(StrOp::kRegex)) return "invalid pattern kind";
      }
      return StringLike(type(in.a)) ? "" : "scan of a non-string";
    case Opcode::kInSets: {
      const bool networks = exe_.sets[in.b].kind == ConstSet::Kind::kNetworks;
      for (uint32_t k = 0; k < in.extra_count; ++k) {
        const ConstSet::Kind kind = exe_.sets[in.b + k].kind;
        if (kind == ConstSet::Kind::kInts) return "int sets are not grouped";
        if ((kind == ConstSet::Kind::kNetworks) != networks) return "grouped sets of two families";
        VIGIL_TRY(SetFits(kind, type(in.a)));
      }
      return {};
    }
    case Opcode::kInSet: return SetFits(exe_.sets[in.b].kind, type(in.a));
    case Opcode::kInList:
      if (exe_.lists[in.b].kind == "int") {
        return Numeric(type(in.a)) ? "" : "int list lookup of a non-number";
      }
      return StringLike(type(in.a)) || type(in.a) == ScalarType::kIp ? "" : "list lookup of an unsupported type";
    case Opcode::kInArray:
      return (StringLike(type(in.a)) && StringLike(type(in.b))) || type(in.a) == type(in.b)
                 ? ""
                 : "array of another type";
    case Opcode::kArith:
    case Opcode::kArithK: {
      if (in.sub > 4) return "invalid arithmetic";
      const ScalarType b = in.op == Opcode::kArith ? type(in.b) : exe_.constants[in.b].type;
      if (!Numeric(type(in.a)) || !Numeric(b) || !Numeric(type(in.dst))) return "arithmetic on non-numbers";
      const bool floating = type(in.a) == ScalarType::kFloat || b == ScalarType::kFloat;
      return floating == (type(in.dst) == ScalarType::kFloat) ? "" : "arithmetic result of the wrong type";
    }
    case Opcode::kNeg:
      return Numeric(type(in.a)) && type(in.dst) == type(in.a) ? "" : "negation of a non-number";
    case Opcode::kIndex:
      if (type(in.b) != ScalarType::kInt) return "index is not an int";
      [[fallthrough]];
    case Opcode::kIndexK:
      if (in.op == Opcode::kIndexK && exe_.constants[in.b].type != ScalarType::kInt) return "index is not an int";
      return type(in.dst) == type(in.a) ? "" : "element of the wrong type";
    case Opcode::kHistory:
      return type(in.dst) == (in.sub == 0 ? ScalarType::kBool : ScalarType::kInt) ? "" : "history result of the wrong type";
    case Opcode::kCall: {
      const CallSite& site = exe_.calls[in.a];
      const stdlib::FunctionDef* def = nullptr;
      for (const stdlib::FunctionDef* d : stdlib::Registry::Get().Overloads(site.function)) {
        if (stdlib::Signature(*d) == site.signature) def = d;
      }
      if (def == nullptr) return fmt::format("unknown function {}", site.signature);
      if (site.const_args.size() != in.extra_count) return "call arity differs from its site";
      if (in.extra_count < def->params.size() || (!def->variadic && in.extra_count != def->params.size())) {
        return "call arity differs from the function";
      }
      for (uint32_t k = 0; k < in.extra_count; ++k) {
        const uint32_t v = p_.extra[in.extra + k];
        const stdlib::TypeSpec& param = def->params[std::min<size_t>(k, def->params.size() - 1)];
        if (v & kListTag) {
          if (param.kind != stdlib::TypeSpec::Kind::kList) return "list passed to a non-list parameter";
          continue;
        }
        const ScalarType t = (v & kConstTag) ? exe_.constants[v & ~kConstTag].type : type(v);
        const bool is_array = !(v & kConstTag) && R(v).kind == RegKind::kArray;
        if (param.kind == stdlib::TypeSpec::Kind::kList && !is_array) return "list parameter needs a list or an array";
        if (param.kind == stdlib::TypeSpec::Kind::kScalar && is_array) return "call argument shape differs";
        if (param.kind == stdlib::TypeSpec::Kind::kArray && !is_array) return "call argument shape differs";
        if (!(Comparable(t, param.scalar) || t == param.scalar)) return "call argument of the wrong type";
        if (site.const_args[k] != kNoReg && site.const_args[k] >= exe_.constants.size()) return "constant argument out of range";
      }
      const bool array_result = def->result.kind == stdlib::TypeSpec::Kind::kArray;
      if (array_result != (R(in.dst).kind == RegKind::kArray) || type(in.dst) != def->result.scalar) {
        return "call result register differs from the function";
      }
      return {};
    }
    default:
      return {};
  }
}

#undef VIGIL_TRY

}  // namespace

std::string Verify(const Executable& exe) {
  if (exe.rule_count > kMaxSlots || exe.extra_slots.size() > kMaxSlots) return "too many rules";
  std::set<schema::EventType> seen;
  for (size_t i = 0; i < exe.programs.size(); ++i) {
    if (!seen.insert(exe.programs[i].event_type).second) return fmt::format("program {}: duplicate event type", i);
    std::string err = ProgramVerifier(exe, exe.programs[i]).Run();
    if (!err.empty()) return fmt::format("program {}: {}", i, err);
  }
  for (const Constant& c : exe.constants) {
    if (static_cast<int>(c.type) >= schema::kScalarTypeCount || c.prefix > 128) return "invalid constant";
  }
  for (const ConstSet& s : exe.sets) {
    if (static_cast<int>(s.kind) > static_cast<int>(ConstSet::Kind::kNetworks)) return "invalid set kind";
    for (const auto& n : s.networks) {
      if (n.prefix > 128) return "invalid network in set";
    }
  }
  // Every call site is prepared at load, used or not: its constants must exist.
  for (const CallSite& c : exe.calls) {
    for (uint32_t k : c.const_args) {
      if (k != kNoReg && k >= exe.constants.size()) return "call site constant out of range";
    }
  }
  for (const HistorySite& h : exe.history) {
    if (h.kind > 1 || h.rule >= exe.rule_count || h.over_ms < 0) return "invalid history site";
  }
  for (const auto& [rule, step] : exe.extra_slots) {
    if (rule >= exe.rule_count) return "match slot of an unknown rule";
  }
  static const std::set<std::string> kKinds = {"string", "email", "domain", "int", "cidr", "regex", "glob", "ioc"};
  for (const PackList& l : exe.lists) {
    if (!kKinds.count(l.kind) && !l.kind.starts_with("inline:")) return "invalid list kind";
  }
  return {};
}

}  // namespace vigil::bytecode
