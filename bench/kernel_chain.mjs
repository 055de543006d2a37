// The kernel-chain workload (kernel ridge on real MNIST digits under a synthetic-label chain, docs/theory/kernel-chain.md):
// RBF with the median rule, parity targets, fixed design, T = 500 training and N = 500 test digits, 20 generations,
// 10 trials, λ = λ₀ = 10⁻³, σ₀ = 0.5 — every engine in this one run, as ratios to the native time:
//   native   build/native/bin/collapse-bench: one eigendecomposition of K per design, the chain in its eigenbasis
//   wasm     both flavours under node
//   numpy    bench/numpy_kernel_chain.py with Debian's python3-numpy: np.linalg.solve for every generator and model
// Run by bench/run.mjs, or alone: node bench/kernel_chain.mjs.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadNodeEngine } from '../tests/js/load-node.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const workload = { kernel: 'rbf', bandwidth: 0, target: 'parity', design: 'fixed', samples: 50, testSamples: 50, generations: 20,
  trials: 10, ridge: 1e-3, generatorRidge: 1e-3, generatorNoise: 0.5 };
const request = { experiment: 'kernel-chain', config: workload };

// Cold: a first run in a fresh process, with the kernel matrices and the eigendecomposition (as a page's first figure,
// and as the numpy script does every time). Warm: later runs of the same design, which reuse the cached eigendecomposition.
function native(repeats) {
  const run = spawnSync(path.join(root, 'build/native/bin/collapse-bench'), [JSON.stringify(request), String(repeats)], { encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`collapse-bench failed: ${run.stderr}`);
  return JSON.parse(run.stdout);
}

const best = (runs) => runs.reduce((a, r) => (r.seconds < a.seconds ? r : a));

async function wasm(flavour) {
  const engine = await loadNodeEngine(flavour);
  const times = [];
  let lastMean;
  for (let i = 0; i < 3; i += 1) {
    const start = performance.now();
    const result = engine.run(request);
    times.push((performance.now() - start) / 1000);
    lastMean = result.series[0].simulation.mean.at(-1);
  }
  return { cold: { seconds: times[0], lastMean }, warm: { seconds: Math.min(times[1], times[2]), lastMean } };
}

function numpy() {
  const probe = spawnSync('/usr/bin/python3', ['-c', 'import numpy'], { encoding: 'utf8' });
  if (probe.status !== 0) return null;
  const { samples, testSamples, generations, trials, ridge, generatorRidge, generatorNoise } = workload;
  const run = spawnSync('/usr/bin/python3', [path.join(root, 'bench/numpy_kernel_chain.py'), path.join(root, 'build/assets/mnist-digits.bin'),
    samples, testSamples, generations, trials, ridge, generatorRidge, generatorNoise].map(String), { encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`numpy script failed: ${run.stderr}`);
  return JSON.parse(run.stdout);
}

const simd = await wasm('simd');
const scalar = await wasm('scalar');
const rows = [
  ['native, cold', best([native(1), native(1)])], ['native, warm', native(3)],
  ['wasm simd, cold', simd.cold], ['wasm simd, warm', simd.warm], ['wasm scalar, cold', scalar.cold], ['wasm scalar, warm', scalar.warm],
  ['numpy', numpy()],
];
console.log(`kernel-chain on MNIST, fixed design: T = N = ${10 * workload.samples} digits, ${workload.generations} generations, ` +
  `${workload.trials} trials; cold = first run (kernel matrices + eigendecomposition), warm = the design cached\n`);
console.log('engine               seconds   × native cold   last-generation mean');
const base = rows[0][1].seconds;
for (const [engine, r] of rows) {
  if (!r) console.log(`${engine.padEnd(21)}skipped: /usr/bin/python3 has no numpy (Debian python3-numpy; npm run bench installs it)`);
  else console.log(`${engine.padEnd(21)}${r.seconds.toFixed(4).padStart(7)}${(r.seconds / base).toFixed(2).padStart(15)}×${r.lastMean.toFixed(4).padStart(22)}`);
}
