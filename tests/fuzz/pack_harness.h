// pack_harness.h: what the pack loader fuzz target does with one input, shared with the test
// that replays tests/fuzz/corpus/pack/ in the regular suite: decode, verify, prepare and run
// the VM over small fixed batches. Used by tests/fuzz/pack_fuzz.cc and tests/golden.
#pragma once

#include <string>
#include <string_view>

namespace vigil::fuzz {

// How far a pack got; every stage before kRan rejected it cleanly.
enum class PackOutcome { kNotDecoded, kNotVerified, kNotLoaded, kRan };

// Deserializes `bytes`, verifies the executable and, when accepted, loads it and runs the VM
// over a fixed three-row batch of each event type the pack has a program for (typical values,
// other values with gaps, all null), with tenant-list defaults and an in-memory history.
PackOutcome LoadAndRunPack(std::string_view bytes);

// `bytes` with the header's format version set to this engine's and its body size and CRC-32
// recomputed from its body (unchanged when it is shorter than a header), so mutated bodies and
// past findings of older versions reach the decoder.
std::string FixPackHeader(std::string bytes);

}  // namespace vigil::fuzz
