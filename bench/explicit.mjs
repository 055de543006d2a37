// npm run bench, explicit-rows part (issue 14, item 3): the recursive-regression workload of bench/run.mjs
// (d = 200, T = 1000, 20 generations, 10 trials, replace, OLS) with explicit Gaussian rows, the path a researcher
// would write in numpy, on every engine in one run: native (collapse-bench, best of 3), both WebAssembly flavours
// under node (best of 3) and bench/numpy_explicit.py (Debian's python3-numpy with OpenBLAS, best of 3), fixed and
// fresh designs. The C++ path and the numpy script use the same algorithm, the normal equations
// (docs/theory/recursive-regression.md §7, item 9); "numpy lstsq" is the script's earlier
// np.linalg.lstsq (SVD) form, for comparison. Ratios are to numpy (normal equations) from this one run; the load
// average is printed beside them.
// Run alone: node bench/run.mjs explicit (or npm run bench -- explicit).
import { spawnSync } from 'node:child_process';
import { loadavg } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadNodeEngine } from '../tests/js/load-node.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const workload = { dim: 200, samples: 1000, generations: 20, trials: 10, workflow: 'replace', ridge: 0, sampler: 'explicit' };
const request = (design) => ({ experiment: 'recursive-regression', config: { ...workload, design } });

function native(design) {
  const run = spawnSync(path.join(root, 'build/native/bin/collapse-bench'), [JSON.stringify(request(design)), '3'], { encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`collapse-bench failed: ${run.stderr}`);
  return JSON.parse(run.stdout);
}

async function wasm(engine, design) {
  let best = Infinity;
  let lastMean;
  for (let i = 0; i < 3; i += 1) {
    const start = performance.now();
    lastMean = engine.run(request(design)).series[0].simulation.mean.at(-1);
    best = Math.min(best, (performance.now() - start) / 1000);
  }
  return { seconds: best, lastMean };
}

function numpy(design, solver) {
  const { dim, samples, generations, trials } = workload;
  const run = spawnSync('/usr/bin/python3', [path.join(root, 'bench/numpy_explicit.py'), dim, samples, generations, trials, design, solver].map(String), { encoding: 'utf8' });
  if (run.status !== 0) return { seconds: NaN, lastMean: NaN, error: run.stderr.trim().split('\n').at(-1) };
  return JSON.parse(run.stdout);
}

export async function explicitBench() {
  const engines = { simd: await loadNodeEngine('simd'), scalar: await loadNodeEngine('scalar') };
  const rows = [];
  for (const design of ['fixed', 'fresh']) {
    rows.push({ design, engine: 'numpy', ...numpy(design, 'normal') });
    rows.push({ design, engine: 'numpy lstsq', ...numpy(design, 'lstsq') });
    rows.push({ design, engine: 'native', ...native(design) });
    rows.push({ design, engine: 'WASM SIMD', ...(await wasm(engines.simd, design)) });
    rows.push({ design, engine: 'WASM scalar', ...(await wasm(engines.scalar, design)) });
  }
  console.log(`\nrecursive-regression, explicit rows, replace, OLS: d = ${workload.dim}, T = ${workload.samples}, ` +
    `${workload.generations} generations, ${workload.trials} trials (best of 3 each); ` +
    `load average ${loadavg().map((l) => l.toFixed(2)).join(' ')}`);
  console.log('  design  engine         seconds   × numpy   last-generation mean');
  for (const design of ['fixed', 'fresh']) {
    const base = rows.find((r) => r.design === design && r.engine === 'numpy').seconds;
    for (const r of rows.filter((row) => row.design === design))
      console.log(`  ${design.padEnd(8)}${r.engine.padEnd(13)}${r.seconds.toFixed(4).padStart(8)}` +
        `${(r.seconds / base).toFixed(2).padStart(9)}×${r.lastMean.toFixed(3).padStart(16)}` +
        (r.error ? `   (numpy not run: ${r.error}; bench.sh installs python3-numpy)` : ''));
  }
  return rows;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await explicitBench();
