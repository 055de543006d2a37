#!/usr/bin/env bash
# The CLI contract of DESIGN.md on the real binary: list and run succeed, CSV has the long-format header,
# bad input goes to stderr with exit code 2 and names the parameter, its value and the allowed range.
set -u
cli="$1"
fail() { echo "FAIL: $*" >&2; exit 1; }

"$cli" list > /tmp/cli_list.$$ || fail "list exited $?"
grep -q '"recursive-regression"' /tmp/cli_list.$$ || fail "list does not name recursive-regression"

out=$("$cli" run recursive-regression --dim 5 --samples 40 --generations 3 --trials 20) || fail "run exited $?"
echo "$out" | grep -q '"testError"' || fail "run JSON lacks the metric"

csv=$("$cli" run recursive-regression --dim 5 --samples 40 --generations 3 --trials 20 --format csv) || fail "csv run failed"
[ "$(echo "$csv" | head -n1)" = "series_key,series_value,x,mean,sem,lo,hi,theory" ] || fail "CSV header: $(echo "$csv" | head -n1)"
[ "$(echo "$csv" | wc -l)" -eq 10 ] || fail "CSV should have 1 + 3 series × 3 rows"
csvall=$("$cli" run recursive-regression --dim 5 --samples 40 --generations 3 --trials 20 --format csv-all) || fail "csv-all run failed"
[ "$(echo "$csvall" | head -n1)" = "metric,series_key,series_value,x,mean,sem,lo,hi,theory" ] || fail "csv-all header: $(echo "$csvall" | head -n1)"
[ "$(echo "$csvall" | sed -n 2p | cut -d, -f1)" = "testError" ] || fail "csv-all rows start with the metric key"

check_bad() {  # args: expected-text... -- cli args
  local expect=() ; while [ "$1" != "--" ]; do expect+=("$1"); shift; done; shift
  err=$("$cli" "$@" 2>&1 >/dev/null); code=$?
  [ $code -eq 2 ] || fail "expected exit 2 for '$*', got $code"
  for e in "${expect[@]}"; do echo "$err" | grep -qF -- "$e" || fail "message for '$*' lacks '$e': $err"; done
}
out=$("$cli" run synthetic-chain --preset ridge-u-shapes --trials 3 --dim 20 --samples 80 --generatorSamples 60) || fail "preset run exited $?"
echo "$out" | grep -q '"optimal λ"' || fail "the ridge-u-shapes preset should mark the optimal λ"
check_bad "preset = nope" -- run synthetic-chain --preset nope
check_bad "noise = -1" "from 0 to 1000" -- run recursive-regression --noise -1
check_bad "dim = 100000" "from 1 to 2000" -- run recursive-regression --dim 100000
check_bad "workflow = nope" "replace, accumulate, accumulate-subsample" -- run recursive-regression --workflow nope
check_bad "samples = nan" "not a finite number" "from 1 to 1000000" -- run recursive-regression --samples nan
check_bad "'colour' is not a parameter" -- run recursive-regression --colour red
check_bad "experiment = nothing" "recursive-regression" -- run nothing
check_bad "format = xml" -- run recursive-regression --format xml
check_bad "x = ridge=1:2:cubic:3" "lin or log" -- run recursive-regression --x ridge=1:2:cubic:3
check_bad "MiB per trial" -- run recursive-regression --dim 2000 --samples 1000000 --workflow accumulate-subsample --design fresh
rm -f /tmp/cli_list.$$
echo "cli contract: all checks passed"
