#!/usr/bin/env bash
# npm start: installs what is missing, builds what serving needs (not the test suites), and serves the lab on localhost (PORT, default 8080).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
bash scripts/build.sh site
exec node scripts/serve.mjs dist "${PORT:-8080}"
