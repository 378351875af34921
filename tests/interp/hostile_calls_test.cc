// hostile_calls_test.cc: every stdlib overload the interpreter can call with field arguments,
// evaluated on rows of hostile values (nulls, empty, huge and ill-formed strings, extreme
// ints, odd addresses): the interpreter must return a value (possibly null) and never crash.
#include <fmt/format.h>

#include <limits>
#include <string>
#include <vector>

#include "stdlib/registry.h"
#include "tests/interp/interp_fixture.h"

namespace vigil::interp::testing {
namespace {

using stdlib::TypeSpec;

// An expression of type `t` on a delivery event, or "" when there is none to offer.
std::string ArgFor(const TypeSpec& t) {
  using S = schema::ScalarType;
  if (t.kind == TypeSpec::Kind::kArray)
    return t.scalar == S::kString ? "split(subject, \",\")" : "";
  if (t.kind == TypeSpec::Kind::kList) {
    switch (t.scalar) {
      case S::kString:
        return "[\"a\", \"\"]";
      case S::kDomain:
        return "[\"example.com\", \"xn--e1afmkfd.com\"]";
      case S::kCidr:
        return "[10.0.0.0/8, cidr(\"2001:db8::/32\")]";
      default:
        return "";
    }
  }
  switch (t.scalar) {
    case S::kBool:
      return "delivered";
    case S::kInt:
      return "attempts";
    case S::kFloat:
      return "attempts * 1.5";
    case S::kString:
      return "subject";
    case S::kEmail:
      return "sender";
    case S::kDomain:
      return "sender.domain";
    case S::kIp:
      return "sender_ip";
    case S::kCidr:
      return "cidr(\"10.0.0.0/8\")";
    case S::kTimestamp:
      return "ts";
    case S::kDuration:
      return "latency";
  }
  return "";
}

// A call of `def` with field arguments, or "" when a parameter must be constant or has no
// field of its type.
std::string CallOf(const stdlib::FunctionDef& def) {
  if (def.const_params != 0) return "";
  std::vector<std::string> args;
  for (const TypeSpec& p : def.params) {
    args.push_back(ArgFor(p));
    if (args.back().empty()) return "";
  }
  return fmt::format("{}({})", def.name, fmt::join(args, ", "));
}

std::vector<Fill> HostileRows() {
  constexpr int64_t kMin = std::numeric_limits<int64_t>::min();
  constexpr int64_t kMax = std::numeric_limits<int64_t>::max();
  const std::string huge(300000, 'x');
  const std::string bad("\xff\xc3\x28\xe2\x82\x00\xf0\x9f\x98", 9);
  auto row = [](std::string s, int64_t i, std::string ip) -> Fill {
    return [s, i, ip](columnar::BatchBuilder& b) {
      for (FieldId f : {FieldId::kSubject, FieldId::kSender, FieldId::kSenderDomain}) {
        b.SetString(f, s);
      }
      b.SetInt(FieldId::kAttempts, i);
      b.SetTimestamp(FieldId::kTs, i);
      b.SetDuration(FieldId::kLatency, i);
      b.SetBool(FieldId::kDelivered, i % 2 != 0);
      b.SetIp(FieldId::kSenderIp, *base::ParseIp(ip));
    };
  };
  return {nullptr,
          row("", 0, "0.0.0.0"),
          row(huge, kMax, "255.255.255.255"),
          row(bad, kMin, "::"),
          row("a@b@c..@", -1, "::ffff:127.0.0.1"),
          row("xn--\xff.--.com.", 1, "fe80::1"),
          row(std::string(4096, '.') + "@" + huge.substr(0, 300), 253, "2001:db8::1")};
}

TEST(HostileCallsTest, EveryCallableOverloadSurvivesHostileRows) {
  const std::vector<Fill> rows = HostileRows();
  size_t called = 0;
  for (const stdlib::FunctionDef& def : stdlib::Registry::Get().all()) {
    const std::string call = CallOf(def);
    if (call.empty()) continue;
    SCOPED_TRACE(call);
    const std::string when = fmt::format("{} is null or {} is not null", call, call);
    // Names that are operators (contains, like, ...) or builtins (ip, cidr) are not callable.
    compiler::LoadResult r = compiler::LoadSource("t.vgl", RuleSource(when, "delivery"), {});
    if (r.errors != 0) continue;
    Interpreter interp(*r.pack);
    columnar::Batch batch(EventType::kDelivery, rows.size());
    columnar::BatchBuilder b(&batch);
    for (const Fill& fill : rows) {
      b.BeginRow({});
      if (fill) fill(b);
    }
    columnar::TenantContext tenant;
    columnar::MatchSet out;
    interp.Evaluate(batch, tenant, &out);
    EXPECT_EQ(out.rows[0].size(), rows.size());
    ++called;
  }
  EXPECT_GT(called, 60u);
}

}  // namespace
}  // namespace vigil::interp::testing
