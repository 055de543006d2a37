// Catch2 entry point for the whole suite (native and WebAssembly). The suite finds the real-data assets in the
// build tree (tests/CMakeLists.txt); the WebAssembly flavours read them through NODERAWFS.
#define CATCH_CONFIG_RUNNER
#include <catch2/catch.hpp>

#include <cstdlib>

#include "collapse/data/dataset_store.hpp"

int main(int argc, char** argv) {
#ifdef COLLAPSE_TEST_ASSET_DIR
  if (!std::getenv("COLLAPSE_DATA_DIR"))
    collapse::data::setAssetDirectory(COLLAPSE_TEST_ASSET_DIR);
#endif
  return Catch::Session().run(argc, argv);
}
