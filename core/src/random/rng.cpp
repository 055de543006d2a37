#include "collapse/random/rng.hpp"

namespace collapse {

std::uint64_t Rng::belowWide(std::uint64_t n) {
  // 128-bit product; the low half decides whether the sample falls in the biased zone and must be redrawn.
  unsigned __int128 m = static_cast<unsigned __int128>(nextU64()) * n;
  auto low = static_cast<std::uint64_t>(m);
  if (low < n) {
    const std::uint64_t threshold = (0 - n) % n;
    while (low < threshold) {
      m = static_cast<unsigned __int128>(nextU64()) * n;
      low = static_cast<std::uint64_t>(m);
    }
  }
  return static_cast<std::uint64_t>(m >> 64);
}

}  // namespace collapse
