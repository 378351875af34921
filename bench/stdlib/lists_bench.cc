// lists_bench.cc: list lookups stay flat as lists grow (tries and hash tables, never a loop
// over entries).
//
// Hypothesis: in_list on a CIDR list (prefix trie) and on a domain list (label trie) costs
// about the same for 10 and 100,000 entries (well under 1 µs per value), while the naive
// loop over entries (BM_Stdlib_CidrLinearScan, the baseline in the same binary) grows
// linearly with the list. Scenarios: /10, /1000, /100000 entries; 2048 IPs or hosts.
#include <benchmark/benchmark.h>

#include <random>

#include "base/ip.h"
#include "bench/stdlib/corpus.h"
#include "stdlib/lists/typed_lists.h"

namespace vigil::stdlib::bench {
namespace {

std::vector<std::string> RandomNets(size_t n) {
  std::mt19937 rng(9);
  std::vector<std::string> out;
  for (size_t i = 0; i < n; ++i) {
    out.push_back(std::to_string(rng() % 224) + "." + std::to_string(rng() % 256) + "." +
                  std::to_string(rng() % 256) + ".0/24");
  }
  return out;
}

std::vector<Datum> IpDatums() {
  std::vector<Datum> out;
  for (const std::string& s : Ips()) out.push_back(Datum::Ip(*base::ParseIp(s)));
  return out;
}

void BM_Stdlib_CidrListLookup(benchmark::State& state) {
  std::vector<EntryError> errors;
  const auto list = BuildList({ListKind::kCidr, false}, RandomNets(state.range(0)), &errors);
  const std::vector<Datum> ips = IpDatums();
  for (auto _ : state) {
    int64_t hits = 0;
    for (const Datum& ip : ips) hits += list->Find(ip) >= 0;
    benchmark::DoNotOptimize(hits);
  }
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations() * ips.size()));
}
BENCHMARK(BM_Stdlib_CidrListLookup)->Arg(10)->Arg(1000)->Arg(100000);

void BM_Stdlib_CidrLinearScan(benchmark::State& state) {
  std::vector<base::Cidr> nets;
  for (const std::string& s : RandomNets(state.range(0))) nets.push_back(*base::ParseCidr(s));
  const std::vector<Datum> ips = IpDatums();
  for (auto _ : state) {
    int64_t hits = 0;
    for (const Datum& ip : ips) {
      for (const base::Cidr& c : nets) {
        if (c.Contains(ip.ip)) {
          ++hits;
          break;
        }
      }
    }
    benchmark::DoNotOptimize(hits);
  }
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations() * ips.size()));
}
BENCHMARK(BM_Stdlib_CidrLinearScan)->Arg(10)->Arg(1000)->Arg(100000);

void BM_Stdlib_DomainListLookup(benchmark::State& state) {
  std::vector<std::string> domains;
  for (int64_t i = 0; i < state.range(0); ++i)
    domains.push_back("d" + std::to_string(i) + ".example");
  domains.push_back("example.com");
  std::vector<EntryError> errors;
  const auto list = BuildList({ListKind::kDomain, false}, domains, &errors);
  for (auto _ : state) {
    int64_t hits = 0;
    for (const std::string& h : Hosts()) hits += list->Find(Datum::String(h)) >= 0;
    benchmark::DoNotOptimize(hits);
  }
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations() * Hosts().size()));
}
BENCHMARK(BM_Stdlib_DomainListLookup)->Arg(10)->Arg(1000)->Arg(100000);

}  // namespace
}  // namespace vigil::stdlib::bench
