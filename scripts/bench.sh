#!/usr/bin/env bash
# npm run bench: speed ratios measured in one run (not part of CI). Needs numpy (with OpenBLAS, as on a
# researcher's machine) for the reference script.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh python3-numpy libopenblas0-pthread
bash scripts/build.sh
node bench/run.mjs "$@"
