#!/usr/bin/env bash
# Builds Collapse Lab.
#   scripts/build.sh          everything: native (library, CLI, tests, bench) into build/native, both WebAssembly
#                             flavours and the WebAssembly test suites into build/wasm, the site into dist/
#   scripts/build.sh site     only what serving needs (npm start): the two WebAssembly modules, the real-data assets
#                             and the site in dist/
set -euo pipefail
cd "$(dirname "$0")/.."
mode="${1:-all}"
jobs=$(nproc)

bash scripts/reset-stale-builds.sh

# The real-data assets first, once: both build trees depend on them (the script does nothing when they are fresh).
node scripts/build-assets.mjs build/assets

# The native build runs beside the WebAssembly one: each leaves cores idle while it links.
native=""
if [ "$mode" = all ]; then
  cmake -S . -B build/native -G Ninja -DCMAKE_BUILD_TYPE=Release > /dev/null
  { cmake --build build/native -j "$jobs" 2>&1 | sed -u 's/^/[native] /'; exit "${PIPESTATUS[0]}"; } &
  native=$!
fi

# Debian's emcc needs Debian's acorn at -O1 and above; node 20 must not fetch() the .wasm (emscripten 3.1.6).
export NODE_PATH=/usr/share/nodejs
toolchain="$(em-config EMSCRIPTEN_ROOT)/cmake/Modules/Platform/Emscripten.cmake"
cmake -S . -B build/wasm -G Ninja -DCMAKE_BUILD_TYPE=Release -DCMAKE_TOOLCHAIN_FILE="$toolchain" \
  "-DCMAKE_CROSSCOMPILING_EMULATOR=$(command -v node);--no-experimental-fetch" > /dev/null
if [ "$mode" = site ]; then
  cmake --build build/wasm -j "$jobs" --target collapse_lab_simd collapse_lab_scalar collapse_assets
else
  cmake --build build/wasm -j "$jobs"
fi
if [ -n "$native" ]; then
  wait "$native" || { echo "build: the native build failed (its messages are above, marked [native])" >&2; exit 1; }
fi

node scripts/build-site.mjs
