#!/usr/bin/env bash
# Installs what this project needs and a fresh Debian 12 machine lacks: Debian packages (as root; otherwise
# prints the exact command and stops) and the npm packages pinned in package-lock.json. Quick when all is there.
# Extra Debian packages for one task can be passed as arguments (bench.sh adds python3-numpy).
set -euo pipefail
cd "$(dirname "$0")/.."

# clang and its runtime (libFuzzer, sanitizers) for the fuzz layer of npm test (npm run fuzz); parallel: the GNU
# parallel shard recipe, tested by tests/cli/shard_merge.sh (docs/cluster.md).
packages=(cmake ninja-build g++ emscripten binaryen libeigen3-dev nlohmann-json3-dev catch2 chromium fonts-dejavu-core
  clang libclang-rt-14-dev parallel "$@")
missing=()
for package in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q 'install ok installed' || missing+=("$package")
done

if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" -eq 0 ]; then
    echo "setup: installing Debian packages: ${missing[*]}"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -q
    apt-get install -y -q --no-install-recommends "${missing[@]}"
  else
    echo "setup: these Debian packages are missing: ${missing[*]}" >&2
    echo "setup: install them as root, then run the command again:" >&2
    echo "  sudo apt-get update && sudo apt-get install -y --no-install-recommends ${missing[*]}" >&2
    exit 1
  fi
fi

# npm packages exactly as locked; reinstalled when package-lock.json changed since the last install.
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  echo "setup: installing npm packages from package-lock.json"
  npm ci --no-audit --no-fund
fi
