// prng.h: the generator's own deterministic random source (xoshiro256** seeded by splitmix64)
// and the samplers built on it. Same seed, same sequence, on every platform and standard library.
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <vector>

namespace vigil::gen {

// splitmix64 step: also used to derive independent sub-seeds from (seed, label).
uint64_t SplitMix64(uint64_t* state);
// A 64-bit hash of `text` (FNV-1a then a splitmix finalizer), for seeding by name.
uint64_t HashText(std::string_view text);

class Rng {
 public:
  explicit Rng(uint64_t seed);
  // A generator independent of this one, keyed by `label` (does not advance this one).
  Rng Fork(std::string_view label) const;

  uint64_t Next();
  // Uniform in [0, n); n > 0.
  uint64_t Below(uint64_t n);
  // Uniform in [lo, hi] (inclusive).
  int64_t Range(int64_t lo, int64_t hi);
  // Uniform in [0, 1).
  double Unit();
  bool Chance(double p) { return Unit() < p; }
  // Log-normal-ish size: exp(normal(mu, sigma)) clamped to [lo, hi].
  int64_t LogNormal(double mu, double sigma, int64_t lo, int64_t hi);
  // Standard normal (Box-Muller, one value per call).
  double Normal();
  // Lower-case hex digits, `n` of them.
  std::string Hex(size_t n);
  // Characters of base64url, `n` of them.
  std::string Base64Url(size_t n);
  // Decimal digits, `n` of them.
  std::string Digits(size_t n);

  template <typename T>
  const T& Pick(std::span<const T> items) {
    return items[Below(items.size())];
  }
  template <typename T>
  const T& Pick(const std::vector<T>& items) {
    return items[Below(items.size())];
  }
  // An index drawn with the given non-negative weights (at least one positive).
  size_t Weighted(std::span<const double> weights);

 private:
  uint64_t s_[4];
};

// Zipf-like popularity over n ranks: P(rank k) proportional to 1 / (k + 1)^s.
class Zipf {
 public:
  Zipf() = default;
  Zipf(size_t n, double s);
  size_t Sample(Rng& rng) const;
  size_t size() const { return cdf_.size(); }

 private:
  std::vector<double> cdf_;
};

}  // namespace vigil::gen
