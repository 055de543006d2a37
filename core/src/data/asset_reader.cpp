#include "collapse/data/asset_reader.hpp"

#include <cstring>

#include "collapse/catalogue/validation_error.hpp"

namespace collapse::data {

void AssetReader::expectMagic(const char (&magic)[9]) {
  if (std::memcmp(bytes(8), magic, 8) != 0) fail("not a " + std::string(magic) + " file");
}

std::uint32_t AssetReader::u32() {
  const std::uint8_t* p = bytes(4);
  return static_cast<std::uint32_t>(p[0]) | (static_cast<std::uint32_t>(p[1]) << 8) |
         (static_cast<std::uint32_t>(p[2]) << 16) | (static_cast<std::uint32_t>(p[3]) << 24);
}

const std::uint8_t* AssetReader::bytes(std::size_t count) {
  if (count > bytes_.size() - at_) fail("truncated");
  const std::uint8_t* p = bytes_.data() + at_;
  at_ += count;
  return p;
}

void AssetReader::expectEnd() {
  if (at_ != bytes_.size()) fail("unexpected trailing bytes");
}

void AssetReader::fail(const std::string& problem) const {
  throw ValidationError({{"dataset", name_,
                          "dataset = " + name_ + " is malformed (" + problem +
                              "); rebuild it with `node scripts/build-assets.mjs`."}});
}

}  // namespace collapse::data
