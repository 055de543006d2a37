#!/usr/bin/env bash
# Shards and merge on the real binary (docs/cluster.md): the GNU parallel recipe with 4 shards gives a Result
# bit-identical to the single run (JSON and CSV), shard counts that do not divide the trials (and exceed them)
# work, and merge refuses parts of another request, of another version, missing and repeated shards, and
# hand-edited parts with a clear message naming the field (exit 2).
set -u
cli="$1"
repo="$(cd "$(dirname "$0")/../.." && pwd)"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }

request=(synthetic-chain --dim 12 --generatorSamples 30 --samples 40 --generations 3 --trials 30 --x ridge=0.01:1:log:4)
"$cli" run "${request[@]}" > "$work/single.json" || fail "single run exited $?"
COLLAPSE_LAB="$cli" bash "$repo/scripts/cluster/parallel-shards.sh" 4 "$work/p4" -- "${request[@]}" 2> /dev/null || fail "parallel recipe failed"
cmp -s "$work/single.json" "$work/p4/result.json" || fail "4 shards merged differ from the single run"
"$cli" run "${request[@]}" --format csv > "$work/single.csv"
"$cli" merge "$work"/p4/part-*.json --format csv > "$work/merged.csv" || fail "merge --format csv failed"
cmp -s "$work/single.csv" "$work/merged.csv" || fail "merged CSV differs from the single run's CSV"

# 7 shards of 30 trials, and 40 shards (10 of them empty), given in any order, through the preset path.
preset=(gaussian-fitting --preset replace-vs-accumulate --trials 30 --generations 5)
"$cli" run "${preset[@]}" > "$work/preset.json" || fail "preset run failed"
for k in 7 40; do
  for ((i = k - 1; i >= 0; i--)); do "$cli" run "${preset[@]}" --shard "$i/$k" > "$work/g$k-$i.json" || fail "shard $i/$k failed"; done
  "$cli" merge "$work"/g$k-*.json > "$work/g$k.json" || fail "merge of $k shards failed"
  cmp -s "$work/preset.json" "$work/g$k.json" || fail "$k shards merged differ from the single run"
done

check_refused() {  # expected-text -- merge args
  local expect=$1; shift 2
  err=$("$cli" merge "$@" 2>&1 >/dev/null); code=$?
  [ $code -eq 2 ] || fail "merge $* should exit 2, got $code"
  echo "$err" | grep -qF -- "$expect" || fail "merge message lacks '$expect': $err"
}
"$cli" run "${request[@]}" --seed 2 --shard 1/4 > "$work/other.json"
check_refused "is a part of a different request" -- "$work/p4/part-0-of-4.json" "$work/other.json" "$work/p4/part-2-of-4.json" "$work/p4/part-3-of-4.json"
sed 's/"version":"[^"]*"/"version":"0.0.1"/' "$work/p4/part-1-of-4.json" > "$work/old.json"
check_refused "was made by collapse-lab 0.0.1" -- "$work/p4/part-0-of-4.json" "$work/old.json"
check_refused "are missing" -- "$work/p4/part-0-of-4.json" "$work/p4/part-1-of-4.json" "$work/p4/part-3-of-4.json"
check_refused "repeats trials" -- "$work"/p4/part-*.json "$work/p4/part-2-of-4.json"
check_refused "not a partial result" -- "$work/single.json"
# Hand-edited parts: every field of the wrong type or missing is named, and exits 2 (never an internal error).
part="$work/p4/part-1-of-4.json"
edit() { sed "$1" "$part" > "$work/edited.json"; }
edit 's/"formatVersion":1/"formatVersion":"1"/'; check_refused 'partial-result format "1"' -- "$work/edited.json"
edit 's/"format":"collapse-lab partial result"/"format":5/'; check_refused "not a partial result" -- "$work/edited.json"
edit 's/"trials":30/"trials":[0,5]/'; check_refused "field 'trials' must be a non-negative integer" -- "$work/edited.json"
edit 's/,"index":1//'; check_refused "no field 'shard.index'" -- "$work/edited.json"
edit 's/"values":\[/"values":["x",/'; check_refused 'value "x" is neither a number' -- "$work/edited.json"
edit 's/"planDigest":"[^"]*"/"planDigest":"0"/'; check_refused "does not match its own request" -- "$work/edited.json"
# An edited part after a good one: its request reads the same as the first's, so it is called edited, not foreign.
check_refused "edited.json does not match its own request" -- "$work/p4/part-0-of-4.json" "$work/edited.json"
err=$("$cli" run "${request[@]}" --shard 4/4 2>&1 >/dev/null); [ $? -eq 2 ] || fail "--shard 4/4 should exit 2"
echo "$err" | grep -qF "0 ≤ i < k" || fail "--shard 4/4 message: $err"
# An empty --shard must not fall back to running every trial.
err=$("$cli" run "${request[@]}" --shard "" 2>&1 >/dev/null); [ $? -eq 2 ] || fail "--shard '' should exit 2"
echo "$err" | grep -qF "shard = " || fail "--shard '' message: $err"
echo "shard/merge: all checks passed"
