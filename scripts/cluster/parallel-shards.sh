#!/usr/bin/env bash
# Runs one collapse-lab request as K shards with GNU parallel on this machine (or, with parallel's --sshlogin,
# on several) and merges them into the Result of the single run, bit for bit (docs/cluster.md).
#   scripts/cluster/parallel-shards.sh K OUTDIR -- <arguments of collapse-lab run>
# e.g. scripts/cluster/parallel-shards.sh 4 /tmp/sweep -- strong-collapse --preset scaling-plateau --trials 100000
# Writes OUTDIR/part-<i>-of-<K>.json and OUTDIR/result.json. CLI: $COLLAPSE_LAB, default build/native/bin/collapse-lab.
set -euo pipefail
[ $# -ge 3 ] && [ "$3" = "--" ] || { echo "usage: $0 K OUTDIR -- <collapse-lab run arguments>" >&2; exit 2; }
shards=$1 outdir=$2
shift 3
cli=${COLLAPSE_LAB:-$(cd "$(dirname "$0")/../.." && pwd)/build/native/bin/collapse-lab}
mkdir -p "$outdir"
# {} is the shard index; --halt now,fail=1 stops at the first failing shard.
seq 0 $((shards - 1)) | parallel --halt now,fail=1 "$cli" run "$@" --shard "{}/$shards" ">" "$outdir/part-{}-of-$shards.json"
"$cli" merge "$outdir"/part-*-of-"$shards".json > "$outdir/result.json"
echo "merged $shards shards into $outdir/result.json" >&2
