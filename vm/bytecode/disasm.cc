// disasm.cc: executable -> text.
#include "vm/bytecode/disasm.h"

#include <fmt/format.h>

#include "base/ip.h"
#include "base/strings.h"

namespace vigil::bytecode {
namespace {

constexpr std::string_view kCmp[] = {"==", "!=", "<", "<=", ">", ">="};
constexpr std::string_view kStr[] = {"eq", "contains", "starts_with", "ends_with", "like", "regex"};
constexpr std::string_view kArith[] = {"+", "-", "*", "/", "%"};
constexpr std::string_view kReduce[] = {"any", "all", "none"};
constexpr std::string_view kSets[] = {"strings", "folded", "domains", "ints", "networks"};

std::string Quote(std::string_view s) {
  std::string out = "\"";
  for (char c : s) {
    if (c == '"' || c == '\\') out += '\\';
    if (static_cast<unsigned char>(c) < 0x20) {
      out += fmt::format("\\x{:02x}", static_cast<unsigned char>(c));
    } else {
      out += c;
    }
  }
  return out + "\"";
}

std::string ConstText(const Constant& c) {
  if (c.is_null) return "null";
  switch (c.type) {
    case schema::ScalarType::kFloat: return fmt::format("{}", c.f);
    case schema::ScalarType::kIp: return base::FormatIp(c.ip);
    case schema::ScalarType::kCidr: return base::FormatCidr({c.ip, c.prefix});
    case schema::ScalarType::kString:
    case schema::ScalarType::kEmail:
    case schema::ScalarType::kDomain: return Quote(c.s);
    default: return std::to_string(c.i);
  }
}

std::string Reg(uint32_t r) { return r == kNoReg ? "-" : fmt::format("r{}", r); }

class Printer {
 public:
  Printer(const Executable& e, const std::vector<std::string>& names) : e_(e), names_(names) {}

  std::string RuleName(uint32_t slot) const {
    uint32_t rule = slot, step = 0;
    if (slot >= e_.rule_count && slot - e_.rule_count < e_.extra_slots.size()) {
      std::tie(rule, step) = e_.extra_slots[slot - e_.rule_count];
    }
    std::string name = rule < names_.size() && !names_[rule].empty() ? names_[rule] : fmt::format("#{}", rule);
    return step > 0 ? fmt::format("{} step {}", name, step) : name;
  }

  // A list argument of a call: `$name`, or the entries of an inline list (which has no name).
  std::string ListArg(uint32_t i) const {
    if (i >= e_.lists.size()) return "$?";
    const PackList& l = e_.lists[i];
    if (!l.name.empty()) return "$" + l.name;
    std::vector<std::string> entries;
    for (const std::string& entry : l.entries) entries.push_back(Quote(entry));
    return "[" + base::Join(entries, ", ") + "]";
  }

  std::string Operands(const Program& p, const Instr& in) const {
    auto K = [&](uint32_t k) { return k < e_.constants.size() ? ConstText(e_.constants[k]) : "?"; };
    auto sub = [&](const auto& names) {
      return in.sub < std::size(names) ? std::string(names[in.sub]) : std::string("?");
    };
    const std::string ci = (in.flags & kFlagCaseless) ? " nocase" : "";
    switch (in.op) {
      case Opcode::kField:
        return fmt::format("{} = {}", Reg(in.dst), in.a < schema::kFieldCount ? schema::Field(static_cast<schema::FieldId>(in.a)).name : "?");
      case Opcode::kMember:
        return fmt::format("{} = {} of {}", Reg(in.dst), in.a < schema::kFieldCount ? schema::Field(static_cast<schema::FieldId>(in.a)).name : "?", Reg(in.b));
      case Opcode::kSplat: return fmt::format("{} = {}", Reg(in.dst), K(in.a));
      case Opcode::kCmpK: return fmt::format("{} = {} {} {}{}", Reg(in.dst), Reg(in.a), sub(kCmp), K(in.b), ci);
      case Opcode::kCmp: return fmt::format("{} = {} {} {}{}", Reg(in.dst), Reg(in.a), sub(kCmp), Reg(in.b), ci);
      case Opcode::kStr: return fmt::format("{} = {} {} {}{}", Reg(in.dst), Reg(in.a), sub(kStr), Reg(in.b), ci);
      case Opcode::kConst: return fmt::format("{} = {}", Reg(in.dst), in.sub == 0 ? "false" : in.sub == 1 ? "true" : "null");
      case Opcode::kIsNull: return fmt::format("{} = {} is {}null", Reg(in.dst), Reg(in.a), in.sub ? "not " : "");
      case Opcode::kInSet: return fmt::format("{} = {} in set{}", Reg(in.dst), Reg(in.a), in.b);
      case Opcode::kInList:
        return fmt::format("{} = {} in ${}", Reg(in.dst), Reg(in.a), in.b < e_.lists.size() ? e_.lists[in.b].name : "?");
      case Opcode::kArith: return fmt::format("{} = {} {} {}", Reg(in.dst), Reg(in.a), sub(kArith), Reg(in.b));
      case Opcode::kArithK:
        return (in.flags & kFlagReversed) ? fmt::format("{} = {} {} {}", Reg(in.dst), K(in.b), sub(kArith), Reg(in.a))
                                          : fmt::format("{} = {} {} {}", Reg(in.dst), Reg(in.a), sub(kArith), K(in.b));
      case Opcode::kReduce: return fmt::format("{} = {}({} over {})", Reg(in.dst), sub(kReduce), Reg(in.a), Reg(in.b));
      case Opcode::kIndexK: return fmt::format("{} = {}[{}]", Reg(in.dst), Reg(in.a), K(in.b));
      case Opcode::kScan: {
        std::vector<std::string> outs;
        for (uint32_t k = 0; k < in.extra_count && in.extra + k < p.extra.size(); ++k) outs.push_back(Reg(p.extra[in.extra + k]));
        return fmt::format("{} = {} pat{}{}", base::Join(outs, ","), Reg(in.a), in.b, (in.flags & kFlagAnyOf) ? " any" : "");
      }
      case Opcode::kInSets: {
        std::vector<std::string> outs;
        for (uint32_t k = 0; k < in.extra_count && in.extra + k < p.extra.size(); ++k) {
          outs.push_back(Reg(p.extra[in.extra + k]));
        }
        return fmt::format("{} = {} in set{}..set{}", base::Join(outs, ","), Reg(in.a), in.b,
                           in.b + in.extra_count - 1);
      }
      case Opcode::kCall:
      case Opcode::kHistory: {
        std::vector<std::string> args;
        for (uint32_t k = 0; k < in.extra_count && in.extra + k < p.extra.size(); ++k) {
          const uint32_t v = p.extra[in.extra + k];
          if (v & kConstTag) {
            args.push_back(K(v & ~kConstTag));
          } else if (v & kListTag) {
            args.push_back(ListArg(v & ~kListTag));
          } else {
            args.push_back(Reg(v));
          }
        }
        const std::string fn = in.op == Opcode::kCall
                                   ? (in.a < e_.calls.size() ? e_.calls[in.a].function : "?")
                                   : (in.sub == 0 ? "first_seen" : "prevalence");
        return fmt::format("{} = {}({})", Reg(in.dst), fn, base::Join(args, ", "));
      }
      case Opcode::kEmit: return fmt::format("{} -> {}", Reg(in.b), RuleName(in.a));
      case Opcode::kOut: return fmt::format("{} -> {} output {}", Reg(in.b), RuleName(in.a), in.sub);
      default: {
        std::vector<std::string> ops;
        for (uint32_t v : {in.a, in.b}) {
          if (v != kNoReg) ops.push_back(Reg(v));
        }
        return fmt::format("{} = {}", Reg(in.dst), base::Join(ops, ", "));
      }
    }
  }

  std::string Program(const bytecode::Program& p) const {
    std::string out = fmt::format("program {} ({} registers, {} instructions)\n",
                                  static_cast<int>(p.event_type) < schema::kEventTypeCount ? schema::Event(p.event_type).name : "?",
                                  p.regs.size(), p.code.size());
    std::vector<std::string> rules;
    for (uint32_t slot : p.rules) rules.push_back(RuleName(slot));
    out += fmt::format("  rules: {}\n", base::Join(rules, ", "));
    for (size_t i = 0; i < p.code.size(); ++i) {
      const Instr& in = p.code[i];
      const std::string name = static_cast<int>(in.op) < kOpcodeCount ? std::string(InfoOf(in.op).name) : "?";
      std::string line = fmt::format("  {:4}  {:8} {}", i, name, Operands(p, in));
      if (in.sel != kNoReg) line += fmt::format("  [sel {}]", Reg(in.sel));
      out += line + "\n";
    }
    return out;
  }

  std::string Pools() const {
    std::string out;
    for (size_t i = 0; i < e_.sets.size(); ++i) {
      const ConstSet& s = e_.sets[i];
      std::vector<std::string> items;
      for (const auto& x : s.strings) items.push_back(Quote(x));
      for (int64_t x : s.ints) items.push_back(std::to_string(x));
      for (const auto& n : s.networks) items.push_back(base::FormatCidr(n));
      if (items.size() > 8) {
        const size_t more = items.size() - 8;
        items.resize(8);
        items.push_back(fmt::format("... {} more", more));
      }
      out += fmt::format("set{} {}: [{}]\n", i, static_cast<size_t>(s.kind) < std::size(kSets) ? kSets[static_cast<size_t>(s.kind)] : "?",
                         base::Join(items, ", "));
    }
    for (size_t i = 0; i < e_.patterns.size(); ++i) {
      std::vector<std::string> items;
      for (const auto& p : e_.patterns[i].patterns) {
        items.push_back(fmt::format("{}{} {}", static_cast<size_t>(p.op) < std::size(kStr) ? kStr[static_cast<size_t>(p.op)] : "?",
                                    p.caseless ? "/i" : "", Quote(p.text)));
      }
      out += fmt::format("pat{}: [{}]\n", i, base::Join(items, ", "));
    }
    for (size_t i = 0; i < e_.calls.size(); ++i) out += fmt::format("call{} {}\n", i, e_.calls[i].signature);
    return out;
  }

 private:
  const Executable& e_;
  const std::vector<std::string>& names_;
};

}  // namespace

std::string Disassemble(const Executable& exe, const std::vector<std::string>& rule_names) {
  Printer p(exe, rule_names);
  std::string out = fmt::format("; {} rules, {} programs, {} constants\n", exe.rule_count, exe.programs.size(),
                                exe.constants.size());
  out += p.Pools();
  for (const Program& prog : exe.programs) out += "\n" + p.Program(prog);
  return out;
}

}  // namespace vigil::bytecode
