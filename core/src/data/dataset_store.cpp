#include "collapse/data/dataset_store.hpp"

#include <cstdlib>
#include <fstream>
#include <iterator>
#include <map>

#include "collapse/catalogue/validation_error.hpp"

namespace collapse::data {

namespace {
std::map<std::string, std::vector<std::uint8_t>>& store() {
  static std::map<std::string, std::vector<std::uint8_t>> datasets;
  return datasets;
}
std::uint64_t generation = 0;
std::string& directoryOverride() {
  static std::string directory;
  return directory;
}

bool loadFromDirectory(const std::string& name) {
  const std::string directory = assetDirectory();
  if (directory.empty()) return false;
  std::ifstream file(directory + "/" + name + ".bin", std::ios::binary);
  if (!file) return false;
  std::vector<std::uint8_t> bytes((std::istreambuf_iterator<char>(file)), std::istreambuf_iterator<char>());
  provide(name, std::move(bytes));
  return true;
}
}  // namespace

void provide(const std::string& name, std::vector<std::uint8_t> bytes) {
  store()[name] = std::move(bytes);
  ++generation;
}

const std::vector<std::uint8_t>& require(const std::string& name) {
  auto found = store().find(name);
  if (found == store().end() && loadFromDirectory(name)) found = store().find(name);
  if (found == store().end()) {
    const std::string directory = assetDirectory();
    throw ValidationError({{"dataset", name,
                            "dataset = " + name + " is not loaded: " +
                                (directory.empty() ? std::string("the page must provide it (provideDataset) before this run")
                                                   : "expected " + directory + "/" + name +
                                                         ".bin; build the assets with `node scripts/build-assets.mjs` "
                                                         "(npm run build does) or set COLLAPSE_DATA_DIR") +
                                "."}});
  }
  return found->second;
}

const std::vector<std::uint8_t>* provided(const std::string& name) {
  const auto found = store().find(name);
  return found == store().end() ? nullptr : &found->second;
}

bool available(const std::string& name) { return store().count(name) > 0 || loadFromDirectory(name); }

void setAssetDirectory(std::string directory) { directoryOverride() = std::move(directory); }

std::string assetDirectory() {
  if (!directoryOverride().empty()) return directoryOverride();
  if (const char* fromEnvironment = std::getenv("COLLAPSE_DATA_DIR")) return fromEnvironment;
#ifdef COLLAPSE_ASSET_DIR
  return COLLAPSE_ASSET_DIR;
#else
  return "";
#endif
}

std::uint64_t storeGeneration() { return generation; }

}  // namespace collapse::data
