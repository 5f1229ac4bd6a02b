#pragma once
// A small, fast random generator with a fixed algorithm (xoshiro256**, seeded by splitmix64), so a
// seed gives the same run on every platform and standard library (std::uniform_int_distribution's
// algorithm is implementation-defined).
#include <cstdint>

namespace mdsc::ctt {

class Rng {
 public:
  explicit Rng(std::uint64_t seed) {
    std::uint64_t x = seed;
    for (auto& s : s_) {
      x += 0x9e3779b97f4a7c15ULL;
      std::uint64_t z = x;
      z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
      z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
      s = z ^ (z >> 31);
    }
  }

  std::uint64_t next() {
    const std::uint64_t result = rotl(s_[1] * 5, 7) * 9;
    const std::uint64_t t = s_[1] << 17;
    s_[2] ^= s_[0];
    s_[3] ^= s_[1];
    s_[1] ^= s_[2];
    s_[0] ^= s_[3];
    s_[2] ^= t;
    s_[3] = rotl(s_[3], 45);
    return result;
  }

  std::uint32_t next32() { return static_cast<std::uint32_t>(next() >> 32); }

  // Uniform in [0, n), n > 0 (Lemire's multiply-shift; the bias is below 2^-32 · n).
  int below(int n) { return static_cast<int>((static_cast<std::uint64_t>(next32()) * static_cast<std::uint32_t>(n)) >> 32); }

  // Uniform in [0, 1).
  double uniform() { return static_cast<double>(next() >> 11) * 0x1.0p-53; }

 private:
  static std::uint64_t rotl(std::uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }
  std::uint64_t s_[4];
};

}  // namespace mdsc::ctt
