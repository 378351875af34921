// pack_gen.h: random rule packs for the differential test: a few pack and tenant lists of
// every declared kind, rules on one home event type (some also on a second type) whose
// conditions come from RuleGen, and the tenant configuration (list values, time zone) the
// engines run under. Part of tests/diff.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "schema/schema.h"
#include "tests/diff/gen_expr.h"
#include "tests/diff/rule_gen.h"
#include "tests/diff/values.h"
#include "vm/columnar/tenant_context.h"

namespace vigil::difftest {

struct GenRule {
  std::string id;
  std::vector<schema::EventType> events;
  GenExpr when;
  bool aggregate = false;  // carries an aggregate clause (only `when` is compared)
};

struct GenPack {
  schema::EventType home = schema::EventType::kReceipt;
  std::vector<GenList> lists;
  std::vector<GenRule> rules;
  ValuePool pool;
  std::string time_zone = "UTC";

  // The whole pack's source text.
  std::string Source() const;
  // The declarations of every list, then `rule` alone (for reports and reproductions).
  std::string SourceWith(const GenRule& rule) const;
};

struct PackOptions {
  size_t max_rules = 6;
  int max_depth = 3;
};

GenPack GeneratePack(Rng& rng, const PackOptions& options);

// The source of one rule.
std::string RuleText(const GenRule& rule);

// The tenant a pack runs under: its time zone and the values of the tenant lists it
// configures (owned here). `history` may be null.
struct GenTenant {
  std::vector<std::unique_ptr<schema::ListValue>> owned;
  columnar::TenantContext context;
};
std::unique_ptr<GenTenant> MakeTenant(const GenPack& pack, columnar::HistoryProvider* history);

}  // namespace vigil::difftest
