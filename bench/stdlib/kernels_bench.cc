// kernels_bench.cc: per-function kernel throughput of the standard library, as the VM calls
// it (prepare once per call site, eval per value), over batches of 2048 values.
//
// Hypothesis: every stdlib function costs well under 1 µs per value on short fields (so a
// rule's function calls never dominate a batch), and string functions scale with the input,
// never worse. Scenarios: BM_Stdlib_Kernel/<signature> evaluates each registry row on its own
// documented example repeated 2048 times (a per-call cost table of all 100+ overloads);
// BM_Stdlib_Field/<function> runs the functions rules call most on 2048 realistic, distinct
// field values (subjects, senders, URLs, hosts, attachment names, IPs). Good: Field rows at
// >= 5 M values/s for byte-level functions, >= 1 M/s for parsers (URL, PSL), and Unicode
// skeletons within an order of magnitude of those. Baseline in the same binary: byte_length,
// the cheapest possible kernel, shows the call overhead itself.
#include <benchmark/benchmark.h>

#include <cstdio>
#include <memory>

#include "base/ip.h"
#include "bench/stdlib/corpus.h"
#include "stdlib/invoke.h"
#include "stdlib/registry.h"
#include "tests/stdlib/example_eval.h"

namespace vigil::stdlib::bench {
namespace {

using Rows = std::vector<std::vector<Datum>>;

// Owns the strings and lists the parsed example arguments point into.
testing::ExampleEvaluator& Parser() {
  static auto* ev = new testing::ExampleEvaluator();
  return *ev;
}

void RunRows(benchmark::State& state, const FunctionDef* def, const Rows* rows) {
  std::string error;
  auto call = PreparedCall::Prepare(*def, rows->front(), &error);
  if (call == nullptr) {
    state.SkipWithError(error.c_str());
    return;
  }
  columnar::Arena arena;
  EvalContext ctx;
  ctx.arena = &arena;
  Datum out;
  for (auto _ : state) {
    for (const std::vector<Datum>& r : *rows) {
      call->Eval(r, ctx, &out);
      benchmark::DoNotOptimize(out);
    }
    arena.Reset();
  }
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations() * rows->size()));
}

std::string Label(const FunctionDef& d) {
  std::string s(d.name);
  s += ':';
  for (size_t i = 0; i < d.params.size(); ++i) s += (i ? "," : "") + d.params[i].ToString();
  return s;
}

// BM_Stdlib_Kernel/<signature>: every overload on its documented example.
void RegisterExampleKernels() {
  for (const FunctionDef& d : Registry::Get().all()) {
    std::vector<Datum> args;
    std::string error;
    if (!Parser().ParseArgs(d.example, d, &args, &error)) {
      std::fprintf(stderr, "skipping %s: %s\n", std::string(d.example).c_str(), error.c_str());
      continue;
    }
    auto* rows = new Rows(kBatch, args);
    benchmark::RegisterBenchmark(("BM_Stdlib_Kernel/" + Label(d)).c_str(), RunRows, &d, rows);
  }
}

// BM_Stdlib_Field/<function>: `call` parsed for its other arguments; argument 0 takes each
// value of `field` in turn (parsed as an IP when the parameter is one).
void Field(const std::string& call, const std::vector<std::string>& field) {
  const std::string name = call.substr(0, call.find('('));
  for (const FunctionDef* d : Registry::Get().Overloads(name)) {
    std::vector<Datum> args;
    std::string error;
    if (!Parser().ParseArgs(call, *d, &args, &error)) continue;
    auto* rows = new Rows();
    for (const std::string& v : field) {
      rows->push_back(args);
      rows->back()[0] = d->params[0].scalar == ScalarType::kIp
                            ? Datum::Ip(base::ParseIp(v).value_or(base::IpAddr{}))
                            : Datum::String(v);
    }
    benchmark::RegisterBenchmark(("BM_Stdlib_Field/" + name).c_str(), RunRows, d, rows);
    return;
  }
  std::fprintf(stderr, "no overload for %s\n", call.c_str());
}

void RegisterFieldKernels() {
  Field(R"(byte_length(""))", Subjects());
  Field(R"(lower(""))", Subjects());
  Field(R"(icontains("", "password"))", Subjects());
  Field(R"(ilike("", "*invoice*overdue*"))", Subjects());
  Field(R"(iregex_search("", "pass(word)?.{0,20}expir"))", Subjects());
  Field(R"(entropy(""))", Subjects());
  Field(R"(count_chars("", "non_ascii"))", Subjects());
  Field(R"(email_domain(""))", Senders());
  Field(R"(email_plus_tag(""))", Senders());
  Field(R"(is_freemail(""))", Senders());
  Field(R"(registered_domain(""))", Hosts());
  Field(R"(subdomain(""))", Hosts());
  Field(R"(idn_to_unicode(""))", Hosts());
  Field(R"(confusable_skeleton(""))", Hosts());
  Field(R"(lookalike_distance("", ["paypal.com", "microsoft.com", "google.com", "docusign.net"]))",
        Hosts());
  Field(R"(has_homoglyphs(""))", Hosts());
  Field(R"(url_host(""))", Urls());
  Field(R"(url_query_param("", "redirect"))", Urls());
  Field(R"(url_is_shortener(""))", Urls());
  Field(R"(file_extension(""))", FileNames());
  Field(R"(has_double_extension(""))", FileNames());
  Field(R"(file_class(""))", FileNames());
  Field(R"(ip(""))", Ips());
  Field(R"(is_private_ip(1.1.1.1))", Ips());
  Field(R"(in_list(1.1.1.1, [10.0.0.0/8, 172.16.0.0/12, 192.168.0.0/16, 100.64.0.0/10]))", Ips());
}

[[maybe_unused]] const bool kRegistered = [] {
  RegisterFieldKernels();
  RegisterExampleKernels();
  return true;
}();

}  // namespace
}  // namespace vigil::stdlib::bench
