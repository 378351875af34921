// generator.h: the facade of gen/: `vigil gen` in one call. Builds the world from the seed,
// generates benign traffic and planted attack scenarios chunk by chunk in time order,
// renders them in one wire format and writes the logs under DIR/logs/, DIR/tenants.json (tenants,
// accounts, input paths, tenant lists, opt-ins) and DIR/ground_truth.json (every planted scenario
// with the rules that must fire and its records by file and byte offset). Deterministic: the same
// options give the same bytes (own PRNG, no clock, ordered containers only).
#pragma once

#include <cstdint>
#include <map>
#include <string>

#include "gen/render.h"

namespace vigil::gen {

struct GenOptions {
  size_t messages = 1000;  // benign messages over all tenants (planted ones come on top)
  int tenants = 1;
  uint64_t seed = 1;
  Format format = Format::kApi2;
  int days = 1;
  int64_t start_ms = 1730678400000;  // 2024-11-04T00:00:00Z, a Monday
  int chunk_minutes = 60;            // one directory of files per tenant and chunk
  bool attacks = true;               // plant the attack scenarios
};

struct GenSummary {
  size_t messages = 0;  // benign + planted
  size_t scenarios = 0;
  size_t files = 0;
  uint64_t bytes = 0;
  size_t records = 0;
  std::map<std::string, size_t> by_type;
};

// Writes everything into `dir` (created if missing). On failure returns false with *error.
bool Generate(const GenOptions& options, const std::string& dir, GenSummary* summary,
              std::string* error);

// "api2", "api1-json", "api1-kv".
bool ParseFormat(const std::string& text, Format* out);
std::string FormatName(Format f);

}  // namespace vigil::gen
