#!/usr/bin/env bash
# npm test: installs what is missing, builds, and runs every test layer.
set -euo pipefail
cd "$(dirname "$0")/.."
# Each layer's start is stamped with the seconds since npm test began: a fresh clone must finish within 20 minutes
# on the 2-core machine (README, "Tests"), and the stamps show which layer grew.
began=$SECONDS
stage() { echo "== $1   [$((SECONDS - began)) s]"; }
bash scripts/setup.sh
stage "build (native, WebAssembly SIMD and scalar, the site)"
bash scripts/build.sh

stage "1/5 Catch2 suite, native (ctest)"
ctest --test-dir build/native --output-on-failure -j 2
stage "2/5 Catch2 suite as WebAssembly under node, SIMD and scalar (ctest)"
ctest --test-dir build/wasm --output-on-failure -j 2
# The node and browser test files run two at a time: each node file is one single-threaded process, and a browser
# file leaves a core idle while it waits on page loads and renders (about 0.6 cores on average when run alone).
# Every file serves its own site on a free port and opens its own browser, so files never share state.
stage "3/5 JavaScript API of the WebAssembly module (node --test)"
node --test --test-concurrency=2 tests/js/*.test.mjs
stage "4/5 the page in headless Chromium (playwright-core, node --test)"
node --test --test-concurrency=2 tests/e2e/*.test.mjs
stage "5/5 the parsers of untrusted text under libFuzzer with ASan/UBSan, 60 s of fuzzing (npm run fuzz)"
bash scripts/fuzz.sh 60
echo "npm test: every layer passed in $((SECONDS - began)) s"
