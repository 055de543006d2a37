#pragma once
/// @file asset_reader.hpp
/// Reads the little-endian binary assets of docs/data.md with bounds checks: a truncated or foreign file gives a
/// ValidationError naming the dataset, never a read past the end.
#include <cstdint>
#include <string>
#include <vector>

namespace collapse::data {

class AssetReader {
 public:
  AssetReader(std::string name, const std::vector<std::uint8_t>& bytes) : name_(std::move(name)), bytes_(bytes) {}
  void expectMagic(const char (&magic)[9]);
  std::uint32_t u32();
  /// The next `count` bytes (a pointer into the dataset).
  const std::uint8_t* bytes(std::size_t count);
  void expectEnd();
  [[noreturn]] void fail(const std::string& problem) const;

 private:
  std::string name_;
  const std::vector<std::uint8_t>& bytes_;
  std::size_t at_ = 0;
};

}  // namespace collapse::data
