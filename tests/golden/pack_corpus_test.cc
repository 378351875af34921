// pack_corpus_test.cc: the pack loader fuzz target's harness in the regular suite: every file of
// tests/fuzz/corpus/pack/ (compiled packs and the inputs of past findings) is replayed, as given
// and with its header fixed up, and must be rejected cleanly or run; the compiled seeds must be
// current (VIGIL_UPDATE_GOLDEN=1 rewrites them); freshly compiled packs must run; and each past
// finding has a targeted regression test here.
#include <gtest/gtest.h>

#include "compiler/driver/driver.h"
#include "compiler/driver/pack_builder.h"
#include "tests/fuzz/pack_harness.h"
#include "tests/golden/golden_util.h"
#include "vm/bytecode/serializer.h"
#include "vm/bytecode/verifier.h"

namespace vigil::golden {
namespace {

using fuzz::PackOutcome;

constexpr const char* kCorpus = "tests/fuzz/corpus/pack";

bytecode::PackFile CompileGolden(const std::string& name) {
  EnterRepoRoot();
  compiler::LoadOptions opts;
  opts.disabled = {compiler::DiagCode::kW0508};
  const compiler::LoadResult r = compiler::LoadPack({"tests/golden/disasm/" + name}, opts);
  EXPECT_EQ(r.errors, 0u) << name;
  return compiler::BuildPackFile(*r.pack);
}

TEST(PackCorpusTest, EveryCorpusFileIsRejectedCleanlyOrRuns) {
  const std::vector<std::string> files = FilesEndingWith(RepoPath(kCorpus), "");
  EXPECT_FALSE(files.empty());
  for (const std::string& name : files) {
    SCOPED_TRACE(name);
    const std::string bytes = ReadFile(RepoPath(std::string(kCorpus) + "/" + name));
    fuzz::LoadAndRunPack(bytes);
    fuzz::LoadAndRunPack(fuzz::FixPackHeader(bytes));
  }
}

// The compiled seeds (<name>.vgp for tests/golden/disasm/<name>.vgl) must be what the compiler
// makes today, or the fuzzer starts from packs the decoder rejects; VIGIL_UPDATE_GOLDEN=1
// rewrites stale ones. Files named regress-* are past findings and stay as they are.
TEST(PackCorpusTest, CompiledSeedsAreCurrent) {
  for (const std::string& name : FilesEndingWith(RepoPath("tests/golden/disasm"), ".vgl")) {
    const std::string seed =
        RepoPath(std::string(kCorpus) + "/" + name.substr(0, name.rfind('.')) + ".vgp");
    const std::string bytes = bytecode::Serialize(CompileGolden(name));
    if (ReadFile(seed) == bytes) continue;
    if (UpdateMode()) WriteFile(seed, bytes);
    ADD_FAILURE() << seed << (UpdateMode() ? " rewritten" : " is stale")
                  << "; rerun with VIGIL_UPDATE_GOLDEN=1 to rewrite it";
  }
}

TEST(PackCorpusTest, FreshlyCompiledPacksRunOnTheFixedBatches) {
  for (const std::string& name : FilesEndingWith(RepoPath("tests/golden/disasm"), ".vgl")) {
    const std::string bytes = bytecode::Serialize(CompileGolden(name));
    EXPECT_EQ(fuzz::LoadAndRunPack(bytes), PackOutcome::kRan) << name;
  }
}

// A pack written before the layout changed (version 2: no InSets opcode) is refused by its
// version, with a message that says so, before its body is decoded.
TEST(PackFormatTest, RejectsAnOlderVersion) {
  std::string bytes = bytecode::Serialize(CompileGolden("cse.vgl"));
  ASSERT_EQ(bytecode::kPackFormatVersion, 3u);
  ASSERT_EQ(static_cast<uint8_t>(bytes[8]), bytecode::kPackFormatVersion);
  bytes[8] = 2;  // the version, u32 little-endian after the 8-byte magic
  bytecode::PackFile pack;
  std::string error;
  EXPECT_FALSE(bytecode::Deserialize(bytes, &pack, &error));
  EXPECT_EQ(error,
            "unsupported pack version 2 (this engine reads version 3; recompile the pack with "
            "`vigil compile`)");
  bytes[8] = 4;  // a newer engine's pack
  EXPECT_FALSE(bytecode::Deserialize(bytes, &pack, &error));
  EXPECT_NE(error.find("unsupported pack version 4"), std::string::npos) << error;
}

TEST(PackCorpusTest, FixingTheHeaderOfAValidPackChangesNothing) {
  const std::string bytes = bytecode::Serialize(CompileGolden("cse.vgl"));
  EXPECT_TRUE(fuzz::FixPackHeader(bytes) == bytes);
  // A changed letter in the embedded rule source: the checksum fails until the header is fixed.
  std::string changed = bytes;
  const size_t at = changed.find("description");
  ASSERT_NE(at, std::string::npos);
  changed[at] = 'D';
  EXPECT_EQ(fuzz::LoadAndRunPack(changed), PackOutcome::kNotDecoded);
  EXPECT_EQ(fuzz::LoadAndRunPack(fuzz::FixPackHeader(changed)), PackOutcome::kRan);
}

// Finding 1 (pack_fuzz): an instruction without a destination (scan, emit) carrying a register
// number in `dst` passed the verifier, and the VM read regs[dst] out of range when it skipped
// the instruction under an empty selection.
TEST(PackLoaderRegressionTest, UnusedDestinationMustBeEmpty) {
  for (const bytecode::Opcode op : {bytecode::Opcode::kScan, bytecode::Opcode::kEmit}) {
    bytecode::PackFile pack = CompileGolden("quantifiers.vgl");
    bool changed = false;
    for (bytecode::Program& p : pack.exe.programs) {
      for (bytecode::Instr& in : p.code) {
        if (in.op == op && !changed) {
          in.dst = 0xFFFF00FFu;
          changed = true;
        }
      }
    }
    ASSERT_TRUE(changed);
    EXPECT_NE(bytecode::Verify(pack.exe).find("unused destination is set"), std::string::npos);
    EXPECT_EQ(fuzz::LoadAndRunPack(bytecode::Serialize(pack)), PackOutcome::kNotVerified);
  }
}

// Finding 2 (pack_fuzz): a pack claiming billions of rules passed the verifier, and the VM
// allocated a match set of that many rows before reading an event.
TEST(PackLoaderRegressionTest, RuleCountIsBounded) {
  bytecode::PackFile pack = CompileGolden("cse.vgl");
  pack.exe.rule_count = 0xD6000000u;
  EXPECT_EQ(bytecode::Verify(pack.exe), "too many rules");
  EXPECT_EQ(fuzz::LoadAndRunPack(bytecode::Serialize(pack)), PackOutcome::kNotVerified);
}

// Finding 3 (pack_fuzz): the constants of a call site no instruction uses were not checked, and
// loading prepared the site with an out-of-range constant.
TEST(PackLoaderRegressionTest, EveryCallSiteConstantIsInRange) {
  bytecode::PackFile pack = CompileGolden("calls.vgl");
  bytecode::CallSite unused = pack.exe.calls.back();
  unused.const_args.assign(unused.const_args.size(), 22);  // one past the last constant
  ASSERT_LE(pack.exe.constants.size(), 22u);
  pack.exe.calls.push_back(unused);
  EXPECT_EQ(bytecode::Verify(pack.exe), "call site constant out of range");
  EXPECT_EQ(fuzz::LoadAndRunPack(bytecode::Serialize(pack)), PackOutcome::kNotVerified);
}

}  // namespace
}  // namespace vigil::golden
