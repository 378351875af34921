// verifier_mutation_test.cc: the pack loader and bytecode verifier against corrupted packs.
// Realistic packs (rules/ and hand-written ones using every kind of instruction) are compiled,
// then mutated thousands of times, in the Executable (one instruction field, register, pool
// entry or table at a time) and in the serialized bytes (bit flips, truncation, extension,
// and body edits with the checksum recomputed so that decoding is exercised). Every mutant
// must be rejected by Deserialize, Verify or LoadedPack::Load, or, when accepted (a harmless
// mutation), run on random batches of every event type without crashing; `make asan` runs
// this under AddressSanitizer. Budget: VIGIL_MUTATIONS mutants per pack and kind (default
// 2000), stopping early after VIGIL_MUTATION_SECONDS per kind (default 20; slow sanitizer
// builds run fewer).
#include <gtest/gtest.h>
#include <zlib.h>

#include <chrono>
#include <cstdlib>
#include <cstring>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "compiler/codegen/compile.h"
#include "compiler/driver/driver.h"
#include "compiler/driver/pack_builder.h"
#include "stdlib/lists/declared.h"
#include "tests/diff/event_gen.h"
#include "tests/diff/fake_history.h"
#include "vm/bytecode/serializer.h"
#include "vm/bytecode/verifier.h"
#include "vm/exec/vm.h"

namespace vigil::testing {
namespace {

using bytecode::Executable;
using difftest::Rng;

constexpr size_t kHeaderSize = 32;  // magic, version, flags, body size, CRC-32, reserved

// Hand-written packs that reach every opcode: fused scans, sets, pack and tenant lists,
// quantifiers (nested, over records and arrays), index, arithmetic, calls with constant and
// list arguments, history, aggregate rules.
const char* const kPacks[] = {
    R"(list free: domain = ["gmail.com", "outlook.com"]
tenant list vips: email = ["ceo@acme.com"]
list nets: cidr = [10.0.0.0/8, "2001:db8::/32"]
list re: regex = ["^inv[0-9]+", "pay(ment)?"]
list globs: glob = ["*.exe", "inv??.pdf"]
list ints: int = [1, 5, 9]
list iocs: ioc = ["evil.com", "10.1.2.3", "d41d8cd98f00b204e9800998ecf8427e"]
rule t.a { title "t" description "d" class expel severity low on receipt
  when sender.domain in $free and subject icontains ["invoice", "payment"] and spam.score > 5
    and not (recipient in $vips) and sender_ip in $nets and sender_ip not in [192.168.1.0/24]
    and (subject matches $re or subject like $globs) and spam.score in $ints
    and from.domain in $iocs and (spam.score * 3 - 1) % 7 != 2 and ts - 1h < ts }
rule t.b { title "t" description "d" class expel severity low on receipt, process
  when any(r in recipients: r.domain ends_with "acme.com" and r.address != sender)
    and count(r in recipients: r.domain in $free) >= 1 and recipients[0].domain is not null
    and first_seen(sender, recipient) over 30d and prevalence(sender.domain) over 1d < 3 }
)",
    R"(tenant list brands: domain
rule t.c { title "t" description "d" class expel severity low on process
  when any(a in attachments: a.ext in ["exe", "js"] and any(i in identifiers: i == a.name))
    and all(a in attachments: length(a.name) < 100 and not (a.name istarts_with "x"))
    and none(i in identifiers: i == "new_domain") and identifiers[1] != "x"
    and lookalike(sender.domain, ["acme.com", "paypal.com"]) is null
    and lookalike_distance(from.domain, $brands) > 1 and size / 2 > attachments_size
    and any(p in split(subject, ","): p contains "inv") and first_seen(subject) over 1h
    and hour_of_day(ts) < 20 and date_part(ts, "year", "Europe/Berlin") == 2024 }
rule t.d { title "t" description "d" class expel severity low on url_protect
  when url.host ends_with ".ru" or url matches "https?://[0-9.]+/" or url_path(url) contains "login"
    or any(t in analysis_tags: t like "cred*") or in_list(url.host, ["x.com", "y.org"])
  aggregate by tenant over 10m having count() >= 2 }
)",
};

struct Compiled {
  Executable exe;
  std::string bytes;
  difftest::ValuePool pool;
};

std::vector<Compiled> CompilePacks() {
  std::vector<compiler::LoadResult> loads;
  compiler::LoadOptions options;
  options.disabled = {compiler::DiagCode::kW0501, compiler::DiagCode::kW0502};
  loads.push_back(compiler::LoadPack({std::string(VIGIL_SOURCE_DIR) + "/rules"}, options));
  for (const char* text : kPacks) loads.push_back(compiler::LoadSource("m.vgl", text, options));
  std::vector<Compiled> out;
  for (const compiler::LoadResult& load : loads) {
    EXPECT_EQ(load.errors, 0u);
    if (load.errors > 0) continue;
    Compiled c;
    const bytecode::PackFile file = compiler::BuildPackFile(*load.pack);
    c.exe = file.exe;
    c.bytes = bytecode::Serialize(file);
    for (const bytecode::Constant& k : c.exe.constants) {
      if (!k.s.empty()) c.pool.strings.push_back(k.s);
      c.pool.ints.push_back(k.i);
    }
    out.push_back(std::move(c));
  }
  return out;
}

uint32_t PickIndex(Rng& rng, size_t n) {
  // In range, just past the end, or far out.
  switch (rng.Below(4)) {
    case 0:
      return static_cast<uint32_t>(n);
    case 1:
      return static_cast<uint32_t>(rng.Next());
    default:
      return n == 0 ? 0 : static_cast<uint32_t>(rng.Below(n));
  }
}

// One random edit of one instruction, register, pool entry or table of `e`.
void MutateExecutable(Rng& rng, Executable* e) {
  if (e->programs.empty()) return;
  bytecode::Program& p = e->programs[rng.Below(e->programs.size())];
  const size_t regs = p.regs.size();
  auto reg = [&] { return rng.Chance(0.2) ? bytecode::kNoReg : PickIndex(rng, regs); };
  bytecode::Instr* in = p.code.empty() ? nullptr : &p.code[rng.Below(p.code.size())];
  switch (rng.Below(24)) {
    case 0:
      if (in) in->op = static_cast<bytecode::Opcode>(rng.Below(bytecode::kOpcodeCount + 3));
      break;
    case 1:
      if (in) in->sub = static_cast<uint8_t>(rng.Below(256));
      break;
    case 2:
      if (in) in->flags = static_cast<uint16_t>(rng.Below(65536));
      break;
    case 3:
      if (in) in->dst = reg();
      break;
    case 4:
      if (in) in->a = rng.Chance(0.5) ? reg() : PickIndex(rng, schema::kFieldCount);
      break;
    case 5:
      if (in) in->b = rng.Chance(0.5) ? reg() : PickIndex(rng, 8);
      break;
    case 6:
      if (in) in->sel = reg();
      break;
    case 7:
      if (in) {
        in->extra = PickIndex(rng, p.extra.size());
        in->extra_count = PickIndex(rng, p.extra.size() + 2);
      }
      break;
    case 8:
      if (regs) p.regs[rng.Below(regs)].kind = static_cast<bytecode::RegKind>(rng.Below(6));
      break;
    case 9:
      if (regs) p.regs[rng.Below(regs)].type = static_cast<schema::ScalarType>(rng.Below(12));
      break;
    case 10:
      if (regs) p.regs[rng.Below(regs)].domain = reg();
      break;
    case 11:
      if (!p.extra.empty()) {
        uint32_t& x = p.extra[rng.Below(p.extra.size())];
        const uint32_t tags[] = {0, bytecode::kConstTag, bytecode::kListTag};
        x = tags[rng.Below(3)] | (PickIndex(rng, 8) & ~bytecode::kTagMask);
      }
      break;
    case 12:
      if (p.code.size() > 1)
        std::swap(p.code[rng.Below(p.code.size())], p.code[rng.Below(p.code.size())]);
      break;
    case 13:
      if (in) {
        const size_t at = static_cast<size_t>(in - p.code.data());
        if (rng.Chance(0.5)) {
          p.code.erase(p.code.begin() + static_cast<std::ptrdiff_t>(at));
        } else {
          p.code.insert(p.code.begin() + static_cast<std::ptrdiff_t>(at), *in);
        }
      }
      break;
    case 14:
      if (!e->constants.empty()) {
        bytecode::Constant& c = e->constants[rng.Below(e->constants.size())];
        c.type = static_cast<schema::ScalarType>(rng.Below(12));
        c.prefix = static_cast<uint8_t>(rng.Below(256));
        if (rng.Chance(0.3)) c.s = "(";
      }
      break;
    case 15:
      if (!e->sets.empty()) {
        bytecode::ConstSet& s = e->sets[rng.Below(e->sets.size())];
        s.kind = static_cast<bytecode::ConstSet::Kind>(rng.Below(7));
        if (rng.Chance(0.3)) s.networks.push_back({{}, static_cast<uint8_t>(rng.Below(256))});
        if (rng.Chance(0.3)) s.strings.push_back("not a domain/");
      }
      break;
    case 16:
      if (!e->patterns.empty()) {
        auto& ps = e->patterns[rng.Below(e->patterns.size())].patterns;
        if (rng.Chance(0.3) || ps.empty()) {
          ps.push_back({bytecode::StrOp::kRegex, false, "x"});
        } else if (rng.Chance(0.3)) {
          ps.pop_back();
        } else {
          auto& x = ps[rng.Below(ps.size())];
          x.op = static_cast<bytecode::StrOp>(rng.Below(8));
          if (rng.Chance(0.5)) x.text = rng.Chance(0.5) ? "(" : "a\\";
        }
      }
      break;
    case 17:
      if (!e->calls.empty()) {
        bytecode::CallSite& c = e->calls[rng.Below(e->calls.size())];
        const bytecode::CallSite& other = e->calls[rng.Below(e->calls.size())];
        if (rng.Chance(0.4)) {
          c.function = other.function;
          c.signature = other.signature;
        } else if (rng.Chance(0.5)) {
          c.const_args.push_back(PickIndex(rng, e->constants.size()));
        } else if (!c.const_args.empty()) {
          c.const_args[rng.Below(c.const_args.size())] = PickIndex(rng, e->constants.size());
        }
      }
      break;
    case 18:
      if (!e->history.empty()) {
        bytecode::HistorySite& h = e->history[rng.Below(e->history.size())];
        h.kind = static_cast<uint8_t>(rng.Below(4));
        h.over_ms = static_cast<int64_t>(rng.Next());
        h.rule = PickIndex(rng, e->rule_count);
      }
      break;
    case 19:
      if (!e->lists.empty()) {
        bytecode::PackList& l = e->lists[rng.Below(e->lists.size())];
        static const char* const kKinds[] = {"string", "email", "domain", "int",         "cidr",
                                             "regex",  "glob",  "ioc",    "inline:cidr", "bogus"};
        l.kind = kKinds[rng.Below(10)];
        if (rng.Chance(0.3)) l.tenant = !l.tenant;
        if (rng.Chance(0.3)) l.entries.push_back("(");
      }
      break;
    case 20:
      e->rule_count = PickIndex(rng, e->rule_count + 1);
      break;
    case 21:
      e->extra_slots.emplace_back(PickIndex(rng, e->rule_count), 1);
      break;
    case 22:
      p.event_type = static_cast<schema::EventType>(rng.Below(schema::kEventTypeCount + 2));
      break;
    default:
      if (!p.rules.empty()) p.rules[rng.Below(p.rules.size())] = PickIndex(rng, e->slot_count());
      break;
  }
}

// Writes a new header for `body` (size and checksum consistent).
std::string WithHeader(const std::string& original, const std::string& body) {
  std::string out = original.substr(0, kHeaderSize);
  const uint64_t size = body.size();
  std::memcpy(&out[16], &size, 8);
  const uint32_t crc =
      static_cast<uint32_t>(crc32(crc32(0L, Z_NULL, 0), reinterpret_cast<const Bytef*>(body.data()),
                                  static_cast<uInt>(body.size())));
  std::memcpy(&out[24], &crc, 4);
  return out + body;
}

std::string MutateBytes(Rng& rng, const std::string& bytes) {
  std::string b = bytes;
  const size_t pos = rng.Below(b.size());
  switch (rng.Below(6)) {
    case 0:
      b[pos] = static_cast<char>(b[pos] ^ (1 << rng.Below(8)));
      return b;
    case 1:
      return b.substr(0, pos);
    case 2:
      return b + std::string(1 + rng.Below(16), static_cast<char>(rng.Below(256)));
    default: {
      // Edit the body and fix the header, so the decoder and verifier see the edit.
      std::string body = b.substr(kHeaderSize);
      if (body.empty()) return b;
      const size_t at = rng.Below(body.size());
      switch (rng.Below(4)) {
        case 0:
          body[at] = static_cast<char>(rng.Below(256));
          break;
        case 1:
          body[at] = static_cast<char>(body[at] ^ (1 << rng.Below(8)));
          break;
        case 2:
          body.erase(at, 1 + rng.Below(8));
          break;
        default:
          body.insert(at, std::string(1 + rng.Below(8), static_cast<char>(rng.Below(256))));
      }
      return WithHeader(b, body);
    }
  }
}

struct Outcome {
  size_t rejected_decode = 0, rejected_verify = 0, rejected_load = 0, ran = 0;
};

// Verifies, loads and (when accepted) runs `exe` on random batches of every event type.
void Check(Executable exe, const difftest::ValuePool& pool, Rng& rng, Outcome* out) {
  if (!bytecode::Verify(exe).empty()) {
    ++out->rejected_verify;
    return;
  }
  std::string error;
  auto pack = vm::LoadedPack::Load(std::move(exe), &error);
  if (pack == nullptr) {
    ++out->rejected_load;
    return;
  }
  ++out->ran;
  vm::Vm machine(*pack);
  difftest::FakeHistory history;
  columnar::TenantContext tenant;
  tenant.history = &history;
  std::vector<std::string> errors;
  auto brands = stdlib::BuildDeclaredList("domain", {"acme.com"}, "t", &errors);
  for (const bytecode::PackList& l : pack->exe().lists) {
    if (l.tenant && l.kind == "domain") tenant.lists[l.name] = brands.get();
  }
  difftest::EventGen events(rng, pool);
  for (const bytecode::Program& p : pack->exe().programs) {
    if (static_cast<int>(p.event_type) >= schema::kEventTypeCount) continue;
    for (int k = 0; k < 2; ++k) {
      std::vector<difftest::RowSpec> rows = events.Rows(p.event_type);
      if (rows.size() > 100) rows.resize(100);
      columnar::Batch batch(p.event_type, std::max<size_t>(1, rows.size()));
      difftest::FillBatch(rows, &batch);
      columnar::MatchSet m;
      machine.Run(batch, tenant, &m);
    }
  }
}

size_t EnvOr(const char* name, size_t fallback) {
  const char* v = std::getenv(name);
  return v != nullptr && *v != '\0' ? std::strtoull(v, nullptr, 10) : fallback;
}

// Mutants per pack, and whether the time for one kind of mutation is up.
class Budget {
 public:
  Budget()
      : count_(EnvOr("VIGIL_MUTATIONS", 2000)),
        deadline_(std::chrono::steady_clock::now() +
                  std::chrono::seconds(EnvOr("VIGIL_MUTATION_SECONDS", 20))) {}
  size_t count() const { return count_; }
  bool expired() const { return std::chrono::steady_clock::now() > deadline_; }

 private:
  size_t count_;
  std::chrono::steady_clock::time_point deadline_;
};

TEST(VerifierMutationTest, OriginalPacksVerifyLoadAndRun) {
  Rng rng(1);
  for (const Compiled& c : CompilePacks()) {
    EXPECT_EQ(bytecode::Verify(c.exe), "");
    Outcome o;
    Check(c.exe, c.pool, rng, &o);
    EXPECT_EQ(o.ran, 1u);
  }
}

TEST(VerifierMutationTest, MutatedExecutablesAreRejectedOrRunSafely) {
  Rng rng(2);
  Outcome o;
  const Budget budget;
  const std::vector<Compiled> packs = CompilePacks();
  for (size_t i = 0; i < budget.count() && !budget.expired(); ++i) {
    for (const Compiled& c : packs) {
      Executable e = c.exe;
      const size_t edits = 1 + rng.Below(3);
      for (size_t k = 0; k < edits; ++k) MutateExecutable(rng, &e);
      Check(std::move(e), c.pool, rng, &o);
    }
  }
  std::printf("executable mutants: %zu rejected by the verifier, %zu by the loader, %zu ran\n",
              o.rejected_verify, o.rejected_load, o.ran);
  EXPECT_GT(o.rejected_verify, 0u);
}

TEST(VerifierMutationTest, MutatedPackBytesAreRejectedOrRunSafely) {
  Rng rng(3);
  Outcome o;
  const Budget budget;
  const std::vector<Compiled> packs = CompilePacks();
  for (size_t i = 0; i < budget.count() && !budget.expired(); ++i) {
    for (const Compiled& c : packs) {
      const std::string bytes = MutateBytes(rng, c.bytes);
      bytecode::PackFile file;
      std::string error;
      if (!bytecode::Deserialize(bytes, &file, &error)) {
        EXPECT_FALSE(error.empty());
        ++o.rejected_decode;
        continue;
      }
      Check(std::move(file.exe), c.pool, rng, &o);
    }
  }
  std::printf(
      "byte mutants: %zu rejected by the decoder, %zu by the verifier, %zu by the loader, %zu "
      "ran\n",
      o.rejected_decode, o.rejected_verify, o.rejected_load, o.ran);
  EXPECT_GT(o.rejected_decode, 0u);
}

}  // namespace
}  // namespace vigil::testing
