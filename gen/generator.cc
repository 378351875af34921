// generator.cc: the generation loop: chunk by chunk in time order, per tenant: benign
// messages, console background and the scenarios starting in the chunk; rendered records wait
// in their own chunk until it is written (records of a chunk are complete once the chunk's
// messages are generated, since no event precedes its message).
#include "gen/generator.h"

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>

#include "gen/scenarios.h"
#include "gen/traffic.h"
#include "gen/truth.h"
#include "gen/world.h"

namespace vigil::gen {
namespace {

constexpr int64_t kMinute = 60'000, kHour = 60 * kMinute, kDay = 24 * kHour;

// Relative mail volume by local hour of day.
constexpr double kHourWeights[24] = {0.2, 0.15, 0.1, 0.1, 0.1, 0.2, 0.5, 1.2, 2.5, 3.2, 3.4, 3.2,
                                     2.6, 3.0,  3.2, 3.0, 2.6, 1.8, 1.1, 0.8, 0.6, 0.5, 0.4, 0.3};

// Receipt times of `n` messages over the span, by the local-hour profile, sorted.
std::vector<int64_t> MessageTimes(Rng& rng, size_t n, const GenOptions& o, int utc_offset) {
  std::vector<int64_t> times(n);
  for (int64_t& ts : times) {
    const int64_t day = static_cast<int64_t>(rng.Below(static_cast<uint64_t>(o.days)));
    const int64_t local_hour = static_cast<int64_t>(rng.Weighted(kHourWeights));
    const int64_t utc_hour = ((local_hour - utc_offset) % 24 + 24) % 24;
    ts = o.start_ms + day * kDay + utc_hour * kHour + static_cast<int64_t>(rng.Below(kHour));
  }
  std::sort(times.begin(), times.end());
  return times;
}

bool WriteText(const std::filesystem::path& path, const std::string& text, std::string* error) {
  std::ofstream out(path, std::ios::binary);
  out << text;
  out.close();
  if (!out) *error = "cannot write " + path.string();
  return static_cast<bool>(out);
}

}  // namespace

bool ParseFormat(const std::string& text, Format* out) {
  if (text == "api2")
    *out = Format::kApi2;
  else if (text == "api1-json")
    *out = Format::kApi1Json;
  else if (text == "api1-kv")
    *out = Format::kApi1Kv;
  else
    return false;
  return true;
}

std::string FormatName(Format f) {
  switch (f) {
    case Format::kApi2:
      return "api2";
    case Format::kApi1Json:
      return "api1-json";
    case Format::kApi1Kv:
      break;
  }
  return "api1-kv";
}

bool Generate(const GenOptions& o, const std::string& dir, GenSummary* summary,
              std::string* error) {
  std::error_code ec;
  std::filesystem::create_directories(dir, ec);
  if (ec) {
    *error = "cannot create " + dir + ": " + ec.message();
    return false;
  }
  const Rng root(o.seed);
  Rng world_rng = root.Fork("world");
  const World world = BuildWorld(world_rng, std::max(1, o.tenants));
  Traffic traffic(world, root.Fork("traffic"));
  Planter planter(traffic, root.Fork("scenarios"));
  const size_t tenants = world.tenants.size();
  double total_weight = 0;
  for (const TenantModel& t : world.tenants) total_weight += t.weight;
  std::vector<size_t> counts(tenants);
  std::vector<std::vector<int64_t>> times(tenants);
  Rng time_rng = root.Fork("times");
  double cumulative = 0;
  size_t assigned = 0;
  for (size_t t = 0; t < tenants; ++t) {  // shares by weight, summing to exactly o.messages
    cumulative += world.tenants[t].weight;
    const size_t upto = static_cast<size_t>(
        std::llround(static_cast<double>(o.messages) * cumulative / total_weight));
    counts[t] = upto - assigned;
    assigned = upto;
    times[t] = MessageTimes(time_rng, counts[t], o, UtcOffsetHours(world.tenants[t].time_zone));
  }
  const int64_t end = o.start_ms + o.days * kDay;
  if (o.attacks) planter.Plan(counts, o.start_ms, end);

  Writer writer(dir, o.format);
  const int64_t chunk = std::max(1, o.chunk_minutes) * kMinute;
  std::vector<std::map<int64_t, std::vector<Record>>> pending(tenants);
  std::vector<size_t> next(tenants, 0);
  std::vector<uint64_t> kafka(tenants, 0);
  size_t messages = 0;
  for (int64_t c0 = o.start_ms; c0 < end; c0 += chunk) {
    const int64_t c1 = std::min(end, c0 + chunk);
    for (size_t t = 0; t < tenants; ++t) {
      TenantTraffic tt;
      for (; next[t] < times[t].size() && times[t][next[t]] < c1; ++next[t]) {
        traffic.Benign(t, times[t][next[t]], &tt);
      }
      traffic.Background(t, c0, c1, &tt);
      planter.PlantWindow(t, c0, c1, &tt);
      messages += tt.messages.size();
      std::vector<Record> records;
      const RenderContext ctx{world.tenants[t], tt, o.format, static_cast<int>(7 + t * 13 % 90),
                              &kafka[t]};
      Render(ctx, &records);
      for (Record& r : records) {
        const int64_t at = std::max(c0, r.ts);
        pending[t][o.start_ms + (at - o.start_ms) / chunk * chunk].push_back(std::move(r));
      }
      auto it = pending[t].find(c0);
      if (it != pending[t].end()) {
        if (!writer.WriteChunk("logs/" + world.tenants[t].id, c0, &it->second, error)) return false;
        pending[t].erase(it);
      }
    }
  }
  for (size_t t = 0; t < tenants; ++t) {  // events after the span (late clicks, releases)
    for (auto& [start, records] : pending[t]) {
      if (!writer.WriteChunk("logs/" + world.tenants[t].id, start, &records, error)) return false;
    }
  }
  if (!WriteText(std::filesystem::path(dir) / "tenants.json", TenantsJson(world, planter, dir),
                 error) ||
      !WriteText(std::filesystem::path(dir) / "ground_truth.json",
                 GroundTruthJson(o, world, planter, writer.truth()), error)) {
    return false;
  }
  summary->messages = messages;
  summary->scenarios = planter.instances().size();
  summary->files = writer.stats().files;
  summary->bytes = writer.stats().bytes;
  summary->records = writer.stats().records;
  summary->by_type = writer.stats().by_type;
  return true;
}

}  // namespace vigil::gen
