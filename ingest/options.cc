// options.cc: format names for the command line and stats.
#include "ingest/options.h"

#include <array>

namespace vigil::ingest {
namespace {

constexpr std::array<std::string_view, kFormatCount> kNames = {
    "auto", "api1-json", "api1-kv", "api2-ndjson", "api2-page", "json", "csv", "yaml-samples"};

}  // namespace

std::string_view FormatName(Format f) { return kNames[static_cast<size_t>(f)]; }

bool ParseFormat(std::string_view name, Format* out) {
  for (size_t i = 0; i < kNames.size(); ++i) {
    if (kNames[i] == name) {
      *out = static_cast<Format>(i);
      return true;
    }
  }
  return false;
}

std::vector<std::string> FormatNames() { return {kNames.begin(), kNames.end()}; }

}  // namespace vigil::ingest
