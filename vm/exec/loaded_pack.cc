// loaded_pack.cc: turning a verified Executable into runtime structures.
#include "vm/exec/loaded_pack.h"

#include <fmt/format.h>

#include <algorithm>

#include "stdlib/lists/declared.h"
#include "stdlib/lists/list_value.h"
#include "stdlib/lists/typed_lists.h"
#include "stdlib/registry.h"

namespace vigil::vm {

using bytecode::ConstSet;

namespace {

// The sorted disjoint ranges the networks cover (adjacent ranges stay apart).
std::vector<std::pair<RuntimeSet::Address, RuntimeSet::Address>> Ranges(
    const std::vector<base::Cidr>& nets) {
  std::vector<std::pair<RuntimeSet::Address, RuntimeSet::Address>> r;
  for (const base::Cidr& n : nets) {
    const auto [hi, lo] = RuntimeSet::AddressOf(n.addr);
    const int p = n.prefix;
    const uint64_t hi_host = p >= 64 ? 0 : ~uint64_t{0} >> p;
    const uint64_t lo_host = p >= 128 ? 0 : (p <= 64 ? ~uint64_t{0} : ~uint64_t{0} >> (p - 64));
    r.push_back({{hi & ~hi_host, lo & ~lo_host}, {hi | hi_host, lo | lo_host}});
  }
  std::sort(r.begin(), r.end());
  std::vector<std::pair<RuntimeSet::Address, RuntimeSet::Address>> merged;
  for (const auto& range : r) {
    if (!merged.empty() && range.first <= merged.back().second) {
      merged.back().second = std::max(merged.back().second, range.second);
    } else {
      merged.push_back(range);
    }
  }
  return merged;
}

// The part of `ranges` inside ::ffff:0.0.0.0/96 (IPv4-mapped addresses), as IPv4 ranges.
std::vector<std::pair<uint32_t, uint32_t>> V4Ranges(
    const std::vector<std::pair<RuntimeSet::Address, RuntimeSet::Address>>& ranges) {
  const RuntimeSet::Address first_v4{0, 0x0000ffff00000000u}, last_v4{0, 0x0000ffffffffffffu};
  std::vector<std::pair<uint32_t, uint32_t>> r;
  for (const auto& [first, last] : ranges) {
    if (last < first_v4 || last_v4 < first) continue;
    r.push_back({static_cast<uint32_t>(std::max(first, first_v4).second),
                 static_cast<uint32_t>(std::min(last, last_v4).second)});
  }
  return r;
}

}  // namespace

bool RuntimeSet::Contains(const schema::Datum& d) const {
  if (kind == ConstSet::Kind::kInts) return ints.count(d.i) > 0;
  if (kind == ConstSet::Kind::kNetworks && d.type == schema::ScalarType::kIp)
    return ContainsIp(d.ip);
  return list->Find(d) >= 0;
}

namespace {

schema::Datum ToDatum(const bytecode::Constant& c) {
  using schema::Datum;
  using schema::ScalarType;
  if (c.is_null) return Datum::Null(c.type);
  switch (c.type) {
    case ScalarType::kBool:
      return Datum::Bool(c.i != 0);
    case ScalarType::kInt:
      return Datum::Int(c.i);
    case ScalarType::kFloat:
      return Datum::Float(c.f);
    case ScalarType::kTimestamp:
      return Datum::Timestamp(c.i);
    case ScalarType::kDuration:
      return Datum::Duration(c.i);
    case ScalarType::kIp:
      return Datum::Ip(c.ip);
    case ScalarType::kCidr:
      return Datum::Cidr({c.ip, c.prefix});
    default:
      return Datum::String(c.s, c.type);
  }
}

bool BuildSet(const ConstSet& in, RuntimeSet* out, std::string* error) {
  out->kind = in.kind;
  if (in.kind == ConstSet::Kind::kInts) {
    out->ints.insert(in.ints.begin(), in.ints.end());
    return true;
  }
  stdlib::ListOptions opts;
  std::vector<std::string> entries = in.strings;
  switch (in.kind) {
    case ConstSet::Kind::kStrings:
      opts.kind = stdlib::ListKind::kString;
      break;
    case ConstSet::Kind::kStringsFolded:
      opts.kind = stdlib::ListKind::kString;
      opts.caseless = true;
      break;
    case ConstSet::Kind::kDomainSuffix:
      opts.kind = stdlib::ListKind::kDomain;
      break;
    case ConstSet::Kind::kNetworks:
      opts.kind = stdlib::ListKind::kCidr;
      out->ranges = Ranges(in.networks);
      out->v4_ranges = V4Ranges(out->ranges);
      entries.clear();
      for (const base::Cidr& c : in.networks) entries.push_back(base::FormatCidr(c));
      break;
    case ConstSet::Kind::kInts:
      break;
  }
  std::vector<stdlib::EntryError> errors;
  out->list = stdlib::BuildList(opts, entries, &errors);
  if (!errors.empty()) {
    *error = fmt::format("constant set entry {}: {}", errors[0].index, errors[0].message);
    return false;
  }
  return out->list != nullptr;
}

stdlib::PatternSet::Kind PatternKind(bytecode::StrOp op) {
  using K = stdlib::PatternSet::Kind;
  switch (op) {
    case bytecode::StrOp::kEq:
      return K::kEquals;
    case bytecode::StrOp::kContains:
      return K::kContains;
    case bytecode::StrOp::kStartsWith:
      return K::kStartsWith;
    case bytecode::StrOp::kEndsWith:
      return K::kEndsWith;
    case bytecode::StrOp::kLike:
      return K::kWildcard;
    case bytecode::StrOp::kRegex:
      return K::kRegex;
  }
  return K::kContains;
}

}  // namespace

std::unique_ptr<LoadedPack> LoadedPack::Load(bytecode::Executable exe, std::string* error) {
  std::unique_ptr<LoadedPack> p(new LoadedPack(std::move(exe)));
  if (!p->Build(error)) return nullptr;
  return p;
}

bool LoadedPack::Build(std::string* error) {
  by_type_.assign(schema::kEventTypeCount, nullptr);
  for (const bytecode::Program& prog : exe_.programs) {
    by_type_[static_cast<size_t>(prog.event_type)] = &prog;
  }
  for (const bytecode::Constant& c : exe_.constants) const_datums_.push_back(ToDatum(c));
  sets_.resize(exe_.sets.size());
  for (size_t i = 0; i < exe_.sets.size(); ++i) {
    if (!BuildSet(exe_.sets[i], &sets_[i], error)) return false;
  }
  BuildSetGroups();
  for (const bytecode::PatternSpec& spec : exe_.patterns) {
    auto ps = std::make_unique<stdlib::PatternSet>();
    for (const auto& pat : spec.patterns) ps->Add(PatternKind(pat.op), pat.text, pat.caseless);
    if (!ps->Compile(error)) return false;
    patterns_.push_back(std::move(ps));
  }
  for (const bytecode::PackList& l : exe_.lists) {
    std::string kind = l.kind;
    const bool inline_list = kind.starts_with("inline:");
    if (inline_list) kind = kind.substr(7);
    if (kind == "ip") kind = "cidr";
    std::vector<std::string> errors;
    lists_.push_back(stdlib::BuildDeclaredList(kind, l.entries, l.name, &errors));
    // As in the reference interpreter: a bad entry of a `$list` is left out; an inline list
    // with a bad entry is a null argument.
    usable_.push_back(!inline_list || errors.empty());
    if (!errors.empty()) warnings_.push_back(fmt::format("list ${}: {}", l.name, errors[0]));
  }
  const stdlib::Registry& reg = stdlib::Registry::Get();
  for (const bytecode::CallSite& site : exe_.calls) {
    const stdlib::FunctionDef* def = nullptr;
    for (const stdlib::FunctionDef* d : reg.Overloads(site.function)) {
      if (stdlib::Signature(*d) == site.signature) def = d;
    }
    if (def == nullptr) {
      *error = fmt::format("the pack calls `{}`, which this engine does not have", site.signature);
      return false;
    }
    std::vector<schema::Datum> consts(site.const_args.size());
    for (size_t i = 0; i < site.const_args.size(); ++i) {
      if (site.const_args[i] != bytecode::kNoReg) consts[i] = const_datums_[site.const_args[i]];
    }
    auto call = stdlib::PreparedCall::Prepare(*def, consts, error);
    if (call == nullptr) return false;
    calls_.push_back(std::move(call));
  }
  return true;
}

void LoadedPack::BuildSetGroups() {
  for (const bytecode::Program& prog : exe_.programs) {
    for (const bytecode::Instr& in : prog.code) {
      if (in.op != bytecode::Opcode::kInSets || set_groups_.count({in.b, in.extra_count})) continue;
      std::vector<const RuntimeSet*> sets;
      for (uint32_t k = 0; k < in.extra_count; ++k) sets.push_back(&sets_[in.b + k]);
      set_groups_.emplace(std::make_pair(in.b, in.extra_count), SetGroup(std::move(sets)));
    }
  }
}

const schema::ListValue& LoadedPack::ResolveList(uint32_t i,
                                                 const columnar::TenantContext& tenant) const {
  const bytecode::PackList& l = exe_.lists[i];
  if (l.tenant) {
    auto it = tenant.lists.find(l.name);
    if (it != tenant.lists.end() && it->second != nullptr) return *it->second;
  }
  return *lists_[i];
}

}  // namespace vigil::vm
