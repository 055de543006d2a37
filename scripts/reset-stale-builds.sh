#!/usr/bin/env bash
# A build directory configured for another checkout (a copied or moved clone) cannot be reused: CMake stops with
# "the current CMakeCache.txt directory ... is different". Such a directory is removed so the build starts afresh.
# Run from the checkout's root (scripts/build.sh does).
set -euo pipefail
for dir in build/native build/wasm build/fuzz; do
  cache="$dir/CMakeCache.txt"
  [ -f "$cache" ] || continue
  configured=$(sed -n 's/^CMAKE_HOME_DIRECTORY:INTERNAL=//p' "$cache")
  if [ "$configured" != "$(pwd -P)" ] && [ "$configured" != "$(pwd)" ]; then
    echo "build: $dir was configured for ${configured:-another checkout}; reconfiguring it for this one"
    rm -rf "$dir"
  fi
done
