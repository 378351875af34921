// vm_test_util.h: compiles rule text and runs the VM over hand-built batches in tests.
#pragma once

#include <gtest/gtest.h>

#include <memory>
#include <string>

#include "compiler/codegen/compile.h"
#include "compiler/driver/driver.h"
#include "compiler/base/render.h"
#include "vm/exec/vm.h"

namespace vigil::testing {

// A compiled pack and a VM over it.
struct Compiled {
  compiler::LoadResult load;
  std::unique_ptr<vm::LoadedPack> pack;
  std::unique_ptr<vm::Vm> vm;
};

// Wraps `condition` into one rule on `event` and compiles it; fails the test on errors.
inline std::unique_ptr<Compiled> CompileCondition(const std::string& event, const std::string& condition,
                                                  const std::string& preamble = "") {
  const std::string text = preamble + "\nrule t.r {\n title \"t\"\n description \"d\"\n class expel\n"
                           " severity low\n on " + event + "\n when " + condition + "\n}\n";
  auto c = std::make_unique<Compiled>();
  compiler::LoadOptions opts;
  opts.disabled = {compiler::DiagCode::kW0508, compiler::DiagCode::kW0503, compiler::DiagCode::kW0504,
                   compiler::DiagCode::kW0501, compiler::DiagCode::kW0502, compiler::DiagCode::kW0505};
  c->load = compiler::LoadSource("t.vgl", text, opts);
  for (const auto& d : c->load.diagnostics) {
    ADD_FAILURE() << compiler::RenderText(d, c->load.pack->sources);
  }
  if (c->load.errors > 0) return nullptr;
  std::string error;
  c->pack = vm::LoadedPack::Load(codegen::CompilePack(*c->load.pack, nullptr, true), &error);
  EXPECT_NE(c->pack, nullptr) << error;
  if (c->pack == nullptr) return nullptr;
  c->vm = std::make_unique<vm::Vm>(*c->pack);
  return c;
}

// Rows of `batch` matching rule 0.
inline std::vector<uint32_t> Matches(Compiled& c, const columnar::Batch& batch,
                                     const columnar::TenantContext& tenant = {}) {
  columnar::MatchSet out;
  c.vm->Run(batch, tenant, &out);
  return out.rows.empty() ? std::vector<uint32_t>{} : out.rows[0];
}

}  // namespace vigil::testing
