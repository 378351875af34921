// pack_fuzz.cc: libFuzzer target for the pack loader, the trust boundary of the VM: any bytes are
// decoded as a pack file (Deserialize), verified (Verify) and, when accepted, prepared
// (LoadedPack::Load) and run by the VM over small fixed batches (pack_harness.h). A crash or
// sanitizer report anywhere on that path is a finding: the verifier must reject whatever the VM
// cannot run safely. Each input is tried as given (header checks) and with its header's size
// and CRC fixed up, so mutations reach the body decoder and the verifier. Seeds:
// tests/fuzz/corpus/pack/ (real compiled packs and past findings, replayed by golden_test).
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "tests/fuzz/pack_harness.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view raw(reinterpret_cast<const char*>(data), size);
  vigil::fuzz::LoadAndRunPack(raw);
  const std::string fixed = vigil::fuzz::FixPackHeader(std::string(raw));
  if (fixed != raw) vigil::fuzz::LoadAndRunPack(fixed);
  return 0;
}
