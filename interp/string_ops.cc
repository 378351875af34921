// string_ops.cc: string operators through the stdlib's string and regex functions.
#include "interp/string_ops.h"

#include "base/check.h"

namespace vigil::interp {

using ast::BinaryOp;
using schema::Datum;

namespace {

constexpr std::string_view kFunctionNames[5][2] = {
    {"contains", "icontains"}, {"starts_with", "istarts_with"},   {"ends_with", "iends_with"},
    {"like", "ilike"},         {"regex_search", "iregex_search"},
};

}  // namespace

StringOp BaseStringOp(BinaryOp op) {
  switch (op) {
    case BinaryOp::kContains:
    case BinaryOp::kIContains:
      return StringOp::kContains;
    case BinaryOp::kStartsWith:
    case BinaryOp::kIStartsWith:
      return StringOp::kStartsWith;
    case BinaryOp::kEndsWith:
    case BinaryOp::kIEndsWith:
      return StringOp::kEndsWith;
    case BinaryOp::kLike:
    case BinaryOp::kILike:
      return StringOp::kLike;
    case BinaryOp::kMatches:
    case BinaryOp::kIMatches:
      return StringOp::kMatches;
    default:
      VIGIL_UNREACHABLE();
  }
}

bool IsCaselessForm(BinaryOp op) {
  return op == BinaryOp::kIContains || op == BinaryOp::kIStartsWith || op == BinaryOp::kIEndsWith ||
         op == BinaryOp::kILike || op == BinaryOp::kIMatches;
}

StringMatcher::StringMatcher() {
  const stdlib::Registry& reg = stdlib::Registry::Get();
  for (int op = 0; op < kOps; ++op) {
    for (int ci = 0; ci < 2; ++ci) {
      const auto overloads = reg.Overloads(kFunctionNames[op][ci]);
      if (!overloads.empty()) defs_[op][ci] = overloads.front();
    }
  }
}

const stdlib::PreparedCall* StringMatcher::Prepared(const stdlib::FunctionDef& def,
                                                    std::string_view pattern) {
  auto [it, added] = prepared_.try_emplace(std::make_pair(&def, std::string(pattern)));
  if (added) {
    // Prepare from the map's own copy of the pattern: the state may keep a view of it.
    const Datum args[2] = {Datum::Null(schema::ScalarType::kString),
                           Datum::String(it->first.second)};
    std::string error;
    it->second = stdlib::PreparedCall::Prepare(def, args, &error);
  }
  return it->second.get();
}

bool StringMatcher::Match(StringOp op, bool caseless, std::string_view text,
                          std::string_view pattern) {
  const stdlib::FunctionDef* def = defs_[static_cast<int>(op)][caseless ? 1 : 0];
  if (def == nullptr) {
    ++failures_;
    return false;
  }
  const Datum args[2] = {Datum::String(text), Datum::String(pattern)};
  stdlib::EvalContext ctx;  // these functions allocate nothing
  Datum out;
  if (def->prepare == nullptr) {
    def->eval(std::span<const Datum>(args), nullptr, ctx, &out);
  } else if (const stdlib::PreparedCall* call = Prepared(*def, pattern)) {
    call->Eval(args, ctx, &out);
  } else {
    ++failures_;
    return false;
  }
  return out.valid && out.AsBool();
}

}  // namespace vigil::interp
