#!/usr/bin/env bash
# npm run cli -- <args>: the native collapse-lab, built first if needed.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
if [ ! -x "$root/build/native/bin/collapse-lab" ]; then
  cmake -S "$root" -B "$root/build/native" -G Ninja -DCMAKE_BUILD_TYPE=Release > /dev/null
  cmake --build "$root/build/native" --target collapse-lab > /dev/null
fi
exec "$root/build/native/bin/collapse-lab" "$@"
