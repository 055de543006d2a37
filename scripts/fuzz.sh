#!/usr/bin/env bash
# npm run fuzz [seconds]: the parsers of untrusted text (request JSON, grids, numbers, CLI arguments) under
# libFuzzer with AddressSanitizer and UndefinedBehaviorSanitizer (Debian's clang and libclang-rt), for `seconds` in
# all (default 60), shared evenly by the targets and run one per core. Seeds: tests/fuzz/corpus/<target> (read only); what the fuzzer
# finds new goes to build/fuzz/corpus/<target>. A crash, leak, sanitizer report or timeout fails the run and leaves
# the input in build/fuzz/ (crash-*, leak-*, timeout-*) — add it to the corpus with the fix.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-60}"
targets=(request grid value cli_arguments)
compiler=$(command -v clang++-14 || command -v clang++)

bash scripts/reset-stale-builds.sh
cmake -S . -B build/fuzz -G Ninja -DCMAKE_BUILD_TYPE=Release -DCMAKE_CXX_COMPILER="$compiler" -DCOLLAPSE_FUZZ=ON > /dev/null
cmake --build build/fuzz -j "$(nproc)"

# Each target gets seconds / targets; they run side by side, one per core, so the layer takes about `seconds`
# divided by the number of cores for the same fuzzing as one after another.
cores=$(nproc)
each=$(( seconds / ${#targets[@]} ))
[ "$each" -ge 1 ] || each=1
run_target() {
  local target=$1
  mkdir -p "build/fuzz/corpus/$target"
  (cd build/fuzz && ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 \
    "./tests/fuzz/fuzz_$target" -max_total_time="$each" -timeout=10 -rss_limit_mb=2048 -max_len=4096 \
      -print_final_stats=1 "corpus/$target" "../../tests/fuzz/corpus/$target" > "fuzz_$target.log" 2>&1; echo $? > "fuzz_$target.status")
}
export -f run_target
export each
echo "== ${#targets[@]} targets for ${each}s each, $cores at a time"
printf '%s\n' "${targets[@]}" | xargs -P "$cores" -I{} bash -c 'run_target {}'
failed=()
for target in "${targets[@]}"; do
  echo "== fuzz_$target"
  if [ "$(cat "build/fuzz/fuzz_$target.status")" = 0 ]; then
    tail -n 12 "build/fuzz/fuzz_$target.log"
  else
    cat "build/fuzz/fuzz_$target.log"  # the whole report: the sanitizer's stack and the input's file name
    failed+=("$target")
  fi
done
[ ${#failed[@]} -eq 0 ] || { echo "fuzz: ${failed[*]} failed (reports above; the inputs are in build/fuzz/)" >&2; exit 1; }
echo "fuzz: no crash, leak or sanitizer report in ${seconds}s of fuzzing"
