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
const ROUNDS = 3, MIN_SECONDS = 1.0, MAX_ROUNDS = 30;
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
    // same way: in-process, the plan made once, each run simulating, assembling and writing the Result JSON.
    // Interleaved rounds: each round times native (collapse-bench, best of 2 in one process: the second is warm, as
    // the WebAssembly engines are), then WebAssembly SIMD, then scalar, and each engine keeps its best round. On this
    // 2-core VM a neighbour's burst had moved single runs by ±30 %; timing the engines one after the other let a
    // burst fall on one engine only (real-vs-synthetic scarce-vs-plentiful read 1.34× and 1.10× scalar/SIMD in two
    // such runs). At least ROUNDS rounds and MIN_SECONDS of SIMD time, at most MAX_ROUNDS.
    // V8 first runs a module's functions as baseline code and swaps in optimised code once they are hot, so each
    // WebAssembly engine runs the preset once untimed first (the first presets timed, before other presets warmed
    // the shared functions, had measured baseline code: recursive-regression replace-vs-accumulate 2.5× native).
    const row = { experiment: experiment.key, preset: preset.key, native: Infinity, simd: Infinity, scalar: Infinity, rounds: 0 };
    for (const engine of Object.values(engines)) engine.run(request);
    for (let spent = 0; row.rounds < ROUNDS || (spent < MIN_SECONDS && row.rounds < MAX_ROUNDS); row.rounds += 1) {
      const run = spawnSync(benchBin, [JSON.stringify(request), '2'], { encoding: 'utf8' });
      if (run.status !== 0) throw new Error(`collapse-bench failed for ${experiment.key}/${preset.key}: ${run.stderr}`);
      row.native = Math.min(row.native, JSON.parse(run.stdout).cpuSeconds);
      for (const [flavour, engine] of Object.entries(engines)) {
        const start = process.cpuUsage();  // this thread's CPU time (node's helper threads idle meanwhile)
        engine.run(request);
        const used = process.cpuUsage(start);
        const seconds = (used.user + used.system) / 1e6;
        if (flavour === 'simd') spent += seconds;
        row[flavour] = Math.min(row[flavour], seconds);
      }
    }
    rows.push(row);
    process.stderr.write(`${row.experiment} ${row.preset}: native ${row.native.toFixed(3)} s, simd ${row.simd.toFixed(3)} s, scalar ${row.scalar.toFixed(3)} s (${row.rounds} rounds)\n`);
  }
}
console.log(`presets on every engine${trials ? ` (${trials} trials each)` : ''}, CPU seconds: each engine's best of ≥ ${ROUNDS} interleaved rounds and ≥ ${MIN_SECONDS} s of SIMD time (at most ${MAX_ROUNDS} rounds), ratios from this one run\n`);
console.log(`${'experiment'.padEnd(26)}${'preset'.padEnd(33)}  native    simd  scalar  scalar/simd  simd/native`);
for (const r of rows)
  console.log(`${r.experiment.padEnd(26)}${r.preset.padEnd(33)}${r.native.toFixed(4).padStart(8)}${r.simd.toFixed(4).padStart(8)}${r.scalar.toFixed(4).padStart(8)}` +
    `${(r.scalar / r.simd).toFixed(2).padStart(12)}×${(r.simd / r.native).toFixed(2).padStart(12)}×`);
