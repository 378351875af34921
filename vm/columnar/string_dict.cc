// string_dict.cc: open-addressing intern table.
#include "vm/columnar/string_dict.h"

#include <algorithm>
#include <cstring>

namespace vigil::columnar {
namespace {

// A fast 64-bit string hash (8 bytes per multiply); quality is enough for linear probing on
// the low bits because every step ends with a xor-shift of the high bits.
uint64_t Load8(const char* p) {
  uint64_t v;
  std::memcpy(&v, p, 8);
  return v;
}

uint64_t HashBytes(std::string_view s) {
  constexpr uint64_t kMul = 0x9E3779B97F4A7C15ull;
  const size_t len = s.size();
  const char* p = s.data();
  uint64_t h = kMul ^ (len * 0xbf58476d1ce4e5b9ull);
  for (size_t n = len; n > 8; p += 8, n -= 8) {
    h = (h ^ Load8(p)) * kMul;
    h ^= h >> 29;
  }
  // The last 1..8 bytes: one (possibly overlapping) load, or a register-built short tail.
  uint64_t tail = 0;
  if (len >= 8) {
    tail = Load8(s.data() + len - 8);
  } else {
    for (size_t i = 0; i < len; ++i) tail |= uint64_t{static_cast<unsigned char>(s[i])} << (8 * i);
  }
  h = (h ^ tail) * 0x94d049bb133111ebull;
  return h ^ (h >> 31);
}

}  // namespace

size_t StringDict::Probe(std::string_view s, uint32_t hash) const {
  const size_t mask = slots_.size() - 1;
  for (size_t i = hash & mask;; i = (i + 1) & mask) {
    const uint64_t slot = slots_[i];
    if (slot == kEmpty) return i;
    if (static_cast<uint32_t>(slot >> 32) == hash && values_[static_cast<uint32_t>(slot)] == s) {
      return i;
    }
  }
}

void StringDict::Prefetch(std::string_view s) const {
  if (!slots_.empty()) __builtin_prefetch(&slots_[HashBytes(s) & (slots_.size() - 1)]);
}

uint32_t StringDict::Find(std::string_view s) const {
  if (slots_.empty()) return kMissing;
  const uint64_t slot = slots_[Probe(s, static_cast<uint32_t>(HashBytes(s)))];
  return slot == kEmpty ? kMissing : static_cast<uint32_t>(slot);
}

uint32_t StringDict::Intern(std::string_view s, Arena& arena) {
  if (last_ != kMissing && values_[last_] == s) return last_;
  if ((values_.size() + 1) * 2 > slots_.size()) Grow();
  const auto hash = static_cast<uint32_t>(HashBytes(s));
  const size_t i = Probe(s, hash);
  if (slots_[i] != kEmpty) return last_ = static_cast<uint32_t>(slots_[i]);
  const auto code = static_cast<uint32_t>(values_.size());
  values_.push_back(arena.Copy(s));
  slots_[i] = uint64_t{hash} << 32 | code;
  return last_ = code;
}

void StringDict::Grow() {
  const size_t n = slots_.empty() ? 64 : slots_.size() * 2;
  std::vector<uint64_t> old(n, kEmpty);
  old.swap(slots_);
  const size_t mask = n - 1;
  for (uint64_t slot : old) {
    if (slot == kEmpty) continue;
    size_t i = (slot >> 32) & mask;
    while (slots_[i] != kEmpty) i = (i + 1) & mask;
    slots_[i] = slot;
  }
}

void StringDict::Clear() {
  last_ = kMissing;
  values_.clear();
  std::fill(slots_.begin(), slots_.end(), kEmpty);
}

}  // namespace vigil::columnar
