#!/usr/bin/env bash
# Builds everything: native (library, CLI, tests, bench) into build/native, both WebAssembly flavours and the
# WebAssembly test suites into build/wasm, and the static site into dist/.
set -euo pipefail
cd "$(dirname "$0")/.."
jobs=$(nproc)

cmake -S . -B build/native -G Ninja -DCMAKE_BUILD_TYPE=Release > /dev/null
cmake --build build/native -j "$jobs"

# Debian's emcc needs Debian's acorn at -O1 and above; node 20 must not fetch() the .wasm (emscripten 3.1.6).
export NODE_PATH=/usr/share/nodejs
toolchain="$(em-config EMSCRIPTEN_ROOT)/cmake/Modules/Platform/Emscripten.cmake"
cmake -S . -B build/wasm -G Ninja -DCMAKE_BUILD_TYPE=Release -DCMAKE_TOOLCHAIN_FILE="$toolchain" \
  "-DCMAKE_CROSSCOMPILING_EMULATOR=$(command -v node);--no-experimental-fetch" > /dev/null
cmake --build build/wasm -j "$jobs"

node scripts/build-site.mjs
