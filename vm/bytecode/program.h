// program.h: a compiled pack in memory: per event type a straight-line program over vector
// registers, plus the pools the instructions index (constants, sets, pattern sets, call sites,
// history sites, tenant list slots) and the rules' metadata. Produced by compiler/codegen or by
// the pack loader (serializer.h); executed by vm/exec after the verifier accepted it.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <vector>

#include "base/ip.h"
#include "schema/schema.h"

namespace vigil::bytecode {

enum class Opcode : uint8_t {
#define VIGIL_OP(name, mnemonic, dst, a, b, sel, extra, doc) k##name,
#include "vm/bytecode/opcodes.def"
#undef VIGIL_OP
  kCount_,
};
inline constexpr int kOpcodeCount = static_cast<int>(Opcode::kCount_);

inline constexpr uint32_t kNoReg = 0xffffffffu;
inline constexpr uint32_t kConstTag = 0x80000000u;  // in `extra`: a constant index, not a register
inline constexpr uint32_t kListTag = 0x40000000u;   // in `extra`: a pack list index (list parameters)
inline constexpr uint32_t kTagMask = kConstTag | kListTag;

enum class CmpOp : uint8_t { kEq, kNe, kLt, kLe, kGt, kGe };
enum class StrOp : uint8_t { kEq, kContains, kStartsWith, kEndsWith, kLike, kRegex };
enum class ArithOp : uint8_t { kAdd, kSub, kMul, kDiv, kMod };
enum class ReduceOp : uint8_t { kAny, kAll, kNone };
inline constexpr uint16_t kFlagCaseless = 1;
inline constexpr uint16_t kFlagAnyOf = 2;     // Scan: every pattern of the set sets output 0
inline constexpr uint16_t kFlagReversed = 2;  // ArithK: the constant is the left operand
inline constexpr uint32_t kMaxGroupedSets = 63;  // InSets: sets per instruction (bit 63 is free)

struct Instr {
  Opcode op = Opcode::kConst;
  uint8_t sub = 0;
  uint16_t flags = 0;
  uint32_t dst = kNoReg;
  uint32_t a = kNoReg;
  uint32_t b = kNoReg;
  uint32_t sel = kNoReg;
  uint32_t extra = 0;        // first index into Program::extra
  uint32_t extra_count = 0;
  uint32_t source = kNoReg;  // index into Pack::source_map (for diagnostics), or kNoReg
};

enum class RegKind : uint8_t { kBool, kValue, kArray, kDomain };

struct RegInfo {
  RegKind kind = RegKind::kBool;
  schema::ScalarType type = schema::ScalarType::kBool;  // value/array element type
  uint32_t domain = kNoReg;  // kNoReg: the batch's rows; else the domain register it lives in
};

// One event type's program.
struct Program {
  schema::EventType event_type = schema::EventType::kReceipt;
  std::vector<RegInfo> regs;
  std::vector<Instr> code;
  std::vector<uint32_t> extra;
  std::vector<uint32_t> rules;  // indices of the pack rules this program evaluates
  // (slot, output index) pairs this program exposes with Out, in emission order.
  std::vector<std::pair<uint32_t, uint32_t>> outputs;
};

// A constant scalar.
struct Constant {
  schema::ScalarType type = schema::ScalarType::kString;
  bool is_null = false;
  int64_t i = 0;
  double f = 0;
  std::string s;
  base::IpAddr ip;
  uint8_t prefix = 0;
};

// A constant set for `in`: strings (exact or ASCII case-folded), domains (entry or any
// subdomain), ints, or networks.
struct ConstSet {
  enum class Kind : uint8_t { kStrings, kStringsFolded, kDomainSuffix, kInts, kNetworks };
  Kind kind = Kind::kStrings;
  std::vector<std::string> strings;
  std::vector<int64_t> ints;
  std::vector<base::Cidr> networks;
};

// A fused pattern set: every pattern one field is matched against.
struct PatternSpec {
  struct Pattern {
    StrOp op = StrOp::kContains;  // kEq, kContains, kStartsWith, kEndsWith, kLike, kRegex
    bool caseless = false;
    std::string text;
  };
  std::vector<Pattern> patterns;
};

// A call of a stdlib function: resolved by name and signature when the pack loads.
struct CallSite {
  std::string function;   // registry name
  std::string signature;  // stdlib::Signature of the overload, must match at load
  std::vector<uint32_t> const_args;  // per parameter: a constant index, or kNoReg
};

// One first_seen/prevalence call: the n-th (occurrence, in pre-order) of rule `rule`.
// Sites are numbered in pack order; the history state is keyed by site.
struct HistorySite {
  uint8_t kind = 0;  // 0 first_seen, 1 prevalence
  int64_t over_ms = 0;
  uint32_t rule = 0;
  uint32_t occurrence = 0;
};

// A `$list` of the pack: its declared kind ("string", "email", "domain", "int", "cidr",
// "regex", "glob", "ioc") and entries; a tenant list's entries are its defaults, replaced by a
// tenant's own values when the tenant configures the list. Also inline lists passed to list
// parameters of functions (kind "inline:<type>").
struct PackList {
  std::string name;
  std::string kind;
  bool tenant = false;
  std::vector<std::string> entries;
};

// Where an instruction came from, for `vigil disasm` and runtime errors.
struct SourceLoc {
  uint32_t rule = 0;
  std::string file;
  uint32_t line = 0;
  uint32_t col = 0;
};

// The whole executable part of a pack.
struct Executable {
  std::vector<Program> programs;  // one per event type with rules, ascending by event type
  std::vector<Constant> constants;
  std::vector<ConstSet> sets;
  std::vector<PatternSpec> patterns;
  std::vector<CallSite> calls;
  std::vector<HistorySite> history;
  std::vector<PackList> lists;
  std::vector<SourceLoc> source_map;
  uint32_t rule_count = 0;
  // Match slots: slot i < rule_count is rule i's condition (for sequence rules: its first
  // step); further slots are the later steps of sequence rules, as (rule, step).
  std::vector<std::pair<uint32_t, uint32_t>> extra_slots;
  uint32_t slot_count() const { return rule_count + static_cast<uint32_t>(extra_slots.size()); }
};

struct OpInfo {
  std::string_view name;
  std::array<char, 5> operands;  // dst, a, b, sel, extra kinds as in opcodes.def
  std::string_view doc;
};
const OpInfo& InfoOf(Opcode op);

}  // namespace vigil::bytecode
