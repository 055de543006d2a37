// Every preset's CPU time on the three engines in one run: native (collapse-bench, in-process), WebAssembly SIMD
// and WebAssembly scalar (under node, in-process), and the ratios issue 14 sets targets for: scalar / SIMD
// (target ≥ 1.5 on each experiment's heaviest preset) and SIMD / native (target ≤ 1.3 on every preset).
// Usage: node bench/preset-engines.mjs [--trials N] [--only experiment/preset,…] [experiment …]
//   --trials N runs every preset with N trials (the ratios are per trial; default: each preset's own count).
// COLLAPSE_BENCH_BIN and COLLAPSE_WASM_DIR point at other builds (e.g. main's, for before/after numbers).
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadNodeEngine } from '../tests/js/load-node.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const benchBin = process.env.COLLAPSE_BENCH_BIN ?? path.join(root, 'build/native/bin/collapse-bench');
const args = process.argv.slice(2);
const trialsAt = args.indexOf('--trials');
const trials = trialsAt >= 0 ? Number(args.splice(trialsAt, 2)[1]) : null;
const REPEATS = 3;
const onlyAt = args.indexOf('--only');  // --only experiment/preset,experiment/preset
const only = onlyAt >= 0 ? new Set(args.splice(onlyAt, 2)[1].split(',')) : null;
const engines = { simd: await loadNodeEngine('simd'), scalar: await loadNodeEngine('scalar') };
const experiments = engines.simd.catalogue().experiments.filter((e) => args.length === 0 || args.includes(e.key));

const rows = [];
for (const experiment of experiments) {
  for (const preset of experiment.presets) {
    if (only && !only.has(`${experiment.key}/${preset.key}`)) continue;
    const request = { experiment: experiment.key, preset: preset.key, ...(trials ? { config: { trials } } : {}) };
    // CPU seconds, not wall time: on a shared machine wall time measures the other processes too. Every engine the
    // same way: in-process, the plan made once, best of REPEATS runs (simulate, assemble, write the Result JSON).
    // (Until 4 December native was one whole process under /usr/bin/time: start-up included, 10 ms resolution,
    // and no warm caches, which made presets of a few milliseconds look slow in WebAssembly and cached ones fast.)
    const run = spawnSync(benchBin, [JSON.stringify(request), String(REPEATS)], { encoding: 'utf8' });
    if (run.status !== 0) throw new Error(`collapse-bench failed for ${experiment.key}/${preset.key}: ${run.stderr}`);
    const row = { experiment: experiment.key, preset: preset.key, native: JSON.parse(run.stdout).cpuSeconds };
    for (const [flavour, engine] of Object.entries(engines)) {
      row[flavour] = Infinity;
      // Best of at least REPEATS runs and at least 0.5 s of them: V8 first runs a module's functions as baseline code
      // and swaps in optimised code only once they are hot, so the first few runs of a preset of a few milliseconds
      // (the first presets timed, before other presets have warmed the shared functions) measured the baseline
      // code — recursive-regression replace-vs-accumulate came out 2.5× native, 1.2× once warm.
      let spent = 0;
      for (let r = 0; r < REPEATS || spent < 0.5; r += 1) {
        const start = process.cpuUsage();  // this thread's CPU time (node's helper threads idle meanwhile)
        engine.run(request);
        const used = process.cpuUsage(start);
        const seconds = (used.user + used.system) / 1e6;
        spent += seconds;
        row[flavour] = Math.min(row[flavour], seconds);
      }
    }
    rows.push(row);
    process.stderr.write(`${row.experiment} ${row.preset}: native ${row.native.toFixed(3)} s, simd ${row.simd.toFixed(3)} s, scalar ${row.scalar.toFixed(3)} s\n`);
  }
}
console.log(`presets on every engine${trials ? ` (${trials} trials each)` : ''}, CPU seconds (best of ≥ ${REPEATS} in-process runs; WebAssembly: and ≥ 0.5 s of them), ratios from this one run\n`);
console.log('experiment             preset                     native    simd  scalar  scalar/simd  simd/native');
for (const r of rows)
  console.log(`${r.experiment.padEnd(23)}${r.preset.padEnd(25)}${r.native.toFixed(4).padStart(8)}${r.simd.toFixed(4).padStart(8)}${r.scalar.toFixed(4).padStart(8)}` +
    `${(r.scalar / r.simd).toFixed(2).padStart(12)}×${(r.simd / r.native).toFixed(2).padStart(12)}×`);
