#include "collapse/data/mnist_digits.hpp"

#include <cstring>
#include <string>

#include "collapse/catalogue/validation_error.hpp"
#include "collapse/data/asset_reader.hpp"
#include "collapse/data/dataset_store.hpp"

namespace collapse::data {

const std::uint8_t* MnistDigits::image(int digit, int index) const {
  std::size_t offset = 0;
  for (int c = 0; c < digit; ++c) offset += static_cast<std::size_t>(perClass[c]);
  return pixels + (offset + static_cast<std::size_t>(index)) * kPixels;
}

MnistDigits mnistDigits() {
  AssetReader reader("mnist-digits", require("mnist-digits"));
  reader.expectMagic("CLMNIST1");
  const std::uint32_t total = reader.u32(), rows = reader.u32(), cols = reader.u32(), classes = reader.u32();
  if (rows != MnistDigits::kRows || cols != MnistDigits::kCols || classes != MnistDigits::kClasses)
    reader.fail("unexpected image shape");
  MnistDigits digits;
  std::size_t sum = 0;
  for (int c = 0; c < MnistDigits::kClasses; ++c) {
    digits.perClass[c] = static_cast<int>(reader.u32());
    if (digits.perClass[c] != MnistDigits::kPerClass[c]) reader.fail("unexpected digit count of class " + std::to_string(c));
    sum += static_cast<std::size_t>(digits.perClass[c]);
  }
  if (sum != total) reader.fail("class counts do not add up");
  digits.pixels = reader.bytes(total * static_cast<std::size_t>(MnistDigits::kPixels));
  reader.expectEnd();
  return digits;
}

}  // namespace collapse::data
