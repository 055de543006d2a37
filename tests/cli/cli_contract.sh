#!/usr/bin/env bash
# The CLI contract of docs/design.md §5.1 on the real binary: list and run succeed, CSV has the long-format header,
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

# The report CSV: the manifest, references and markers as # lines, then the table with the median.
report=$("$cli" run synthetic-chain --dim 10 --generatorSamples 40 --samples 40 --x ridge=0.01:10:log:4 --series generations=0,5 --trials 10 --format csv-report) || fail "csv-report run failed"
echo "$report" | grep -q '^# Collapse Lab .*: synthetic-chain$' || fail "csv-report: no generator line"
echo "$report" | grep -q '^# x: ridge — ridge penalty λ' || fail "csv-report: x name missing"
echo "$report" | grep -q '^# marker,generations,5,optimal λ,' || fail "csv-report: the optimal-λ marker is missing"
[ "$(echo "$report" | grep -v '^#' | head -n1)" = "series_key,series_value,x,mean,sem,lo,hi,median,theory" ] || fail "csv-report header"
[ "$(echo "$report" | grep -vc '^#')" -eq 9 ] || fail "csv-report should have 1 + 2 series × 4 rows"

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
check_bad "samples = nan is not a number" "from 1 to 1000000" -- run recursive-regression --samples nan
check_bad "'colour' is not a parameter" -- run recursive-regression --colour red
check_bad "experiment = nothing" "recursive-regression" -- run nothing
check_bad "format = xml" -- run recursive-regression --format xml
check_bad "x = ridge=1:2:cubic:3" "lin or log" -- run recursive-regression --x ridge=1:2:cubic:3
check_bad "MiB per trial" -- run recursive-regression --dim 2000 --samples 1000000 --workflow accumulate-subsample --design fresh
# Habits (issue 9, item 12): --key=value, per-experiment help, "did you mean", each flag once.
a=$("$cli" run recursive-regression --dim=5 --samples=40 --generations=3 --trials=20) || fail "--key=value run exited $?"
b=$("$cli" run recursive-regression --dim 5 --samples 40 --generations 3 --trials 20)
[ "$a" = "$b" ] || fail "--key=value and --key value must give the same Result"
help=$("$cli" run strong-collapse --help) || fail "run <experiment> --help exited $?"
echo "$help" | grep -q -- "--syntheticFraction" || fail "help lists the experiment's parameters"
echo "$help" | grep -q "pareto" || fail "help lists the presets"
check_bad "Did you mean 'dim'?" -- run recursive-regression --dimm 5
check_bad "Did you mean 'syntheticFraction'?" -- run strong-collapse --syntheticfraction 0.1
check_bad "workflow = replce is not a known choice: data workflow must be" "Did you mean 'replace'?" -- run recursive-regression --workflow replce
check_bad "--dim is given twice" -- run recursive-regression --dim 5 --dim 7
check_bad "Did you mean '--format'?" -- run recursive-regression --formt csv
check_bad "dim = 0x10 is not a number" -- run recursive-regression --dim 0x10
check_bad "is not an integer" -- run recursive-regression --x dim=1.5,2.5
check_bad "'replace' is listed twice" -- run recursive-regression --series workflow=replace,replace

# Saved figures rerun bit for bit (item 13); bad files are exit 2, never a crash (items 10 and 11).
tmp=$(mktemp -d)
"$cli" run recursive-regression --dim 4 --samples 20 --generations 3 --trials 30 --x ridge=0.01:1:log:4 > "$tmp/saved.json" || fail "save run"
"$cli" run --config "$tmp/saved.json" > "$tmp/again.json" || fail "--config of a saved Result exited $?"
cmp -s "$tmp/saved.json" "$tmp/again.json" || fail "a saved Result must rerun bit for bit"
"$cli" run --config "$tmp/saved.json" --trials 10 | grep -q '"trials": 10' || fail "flags override a --config file"
check_bad "not a regular file" -- run --config /tmp
check_bad "no such file" -- run --config "$tmp/none.json"
node -e "process.stdout.write('{\"experiment\":\"recursive-regression\",\"config\":' + '['.repeat(70000) + ']'.repeat(70000) + '}')" > "$tmp/deep.json"
check_bad "nests deeper than 32 levels" -- run --config "$tmp/deep.json"
echo '{"experiment":"recursive-regression","confg":{}}' > "$tmp/typo.json"
check_bad "'confg' is not a field of a request. Did you mean 'config'?" -- run --config "$tmp/typo.json"
# language-model --corpus pasted --text-file: a missing file, a missing text and a too short text are exit 2.
check_bad "text-file = $tmp/none.txt: no such file" -- run language-model --corpus pasted --text-file "$tmp/none.txt"
check_bad "corpus = pasted: no text of your own" "--text-file" -- run language-model --corpus pasted
echo "Too short. Only a few words here." > "$tmp/short.txt"
check_bad "corpus = pasted: the text has 7 words; at least 200" -- run language-model --corpus pasted --text-file "$tmp/short.txt"
rm -rf "$tmp"
rm -f /tmp/cli_list.$$
echo "cli contract: all checks passed"
