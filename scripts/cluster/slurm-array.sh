#!/usr/bin/env bash
# A Slurm job array: one collapse-lab shard per array task, then a merge job that depends on all of them
# (docs/cluster.md). Submit from a shared directory:
#   sbatch --array=0-99 scripts/cluster/slurm-array.sh sweep strong-collapse --preset scaling-plateau --trials 1000000
#   sbatch --dependency=afterok:<array job id> --wrap "collapse-lab merge sweep/part-*.json > sweep/result.json"
# The shard count is the array size (SLURM_ARRAY_TASK_COUNT); every task writes sweep/part-<i>.json.
#SBATCH --job-name=collapse-lab
#SBATCH --cpus-per-task=1
#SBATCH --time=01:00:00
#SBATCH --output=%x-%A_%a.log
set -euo pipefail
outdir=$1
shift
cli=${COLLAPSE_LAB:-collapse-lab}
mkdir -p "$outdir"
"$cli" run "$@" --shard "${SLURM_ARRAY_TASK_ID}/${SLURM_ARRAY_TASK_COUNT}" > "$outdir/part-${SLURM_ARRAY_TASK_ID}.json.tmp"
mv "$outdir/part-${SLURM_ARRAY_TASK_ID}.json.tmp" "$outdir/part-${SLURM_ARRAY_TASK_ID}.json"  # only complete parts are merged
