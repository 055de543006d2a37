// npm run bench: speed of the recursive-regression workload (issue 2: d = 200, T = 1000, 20 generations,
// 10 trials, replace, OLS), every engine measured in this one run and reported as ratios to the native
// sufficient-statistics time. Not part of CI: machines differ, ratios taken in one run compare fairly.
//   native     build/native/bin/collapse-bench (in-process timing, best of 3)
//   wasm       both flavours under node (best of 3)
//   numpy      bench/numpy_explicit.py with Debian's python3-numpy: explicit X, the normal equations (as the C++ explicit path)
// Then the explicit-rows leg (bench/explicit.mjs: every engine against numpy, also numpy's lstsq; alone: npm run bench -- explicit).
// Then the kernel-chain workload on MNIST (bench/kernel_chain.mjs, the same engines and a numpy script), every preset's figure time (bench/presets.mjs, CLI and browser), and the page's own measurements
// (bench/web.mjs: time to first figure, longest main-thread task).
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadNodeEngine } from '../tests/js/load-node.mjs';
import { explicitBench } from './explicit.mjs';
import { languageModelBench } from './language-model.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const workload = { dim: 200, samples: 1000, generations: 20, trials: 10, workflow: 'replace', ridge: 0 };
const request = (config) => ({ experiment: 'recursive-regression', config: { ...workload, ...config } });

function native(config) {
  const run = spawnSync(path.join(root, 'build/native/bin/collapse-bench'), [JSON.stringify(request(config)), '3'], { encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`collapse-bench failed: ${run.stderr}`);
  return JSON.parse(run.stdout);
}

async function wasm(flavour, config) {
  const engine = await loadNodeEngine(flavour);
  let best = Infinity;
  let lastMean;
  for (let i = 0; i < 3; i += 1) {
    const start = performance.now();
    const result = engine.run(request(config));
    best = Math.min(best, (performance.now() - start) / 1000);
    lastMean = result.series[0].simulation.mean.at(-1);
  }
  return { seconds: best, lastMean };
}

function numpy(design) {
  const { dim, samples, generations, trials } = workload;
  const run = spawnSync('/usr/bin/python3', [path.join(root, 'bench/numpy_explicit.py'), dim, samples, generations, trials, design].map(String), { encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`numpy script failed: ${run.stderr}`);
  return JSON.parse(run.stdout);
}

// npm run bench -- language-model: only that leg (native, both WebAssembly flavours and numpy, one run).
if (process.argv[2] === 'language-model') {
  await languageModelBench();
  process.exit(0);
}
// npm run bench -- explicit: only the explicit-rows leg (every engine against numpy, the same algorithm, one run).
if (process.argv[2] === 'explicit') {
  await explicitBench();
  process.exit(0);
}

const rows = [];
for (const design of ['fixed', 'fresh']) {
  const measure = async (engine, sampler, fn) => rows.push({ design, engine, sampler, ...(await fn()) });
  await measure('native', 'sufficient', () => native({ design, sampler: 'sufficient' }));
  await measure('native', 'explicit', () => native({ design, sampler: 'explicit' }));
  await measure('wasm simd', 'sufficient', () => wasm('simd', { design, sampler: 'sufficient' }));
  await measure('wasm scalar', 'sufficient', () => wasm('scalar', { design, sampler: 'sufficient' }));
  await measure('wasm simd', 'explicit', () => wasm('simd', { design, sampler: 'explicit' }));
  await measure('numpy', 'explicit', () => numpy(design));
}

console.log(`recursive-regression, replace, OLS: d = ${workload.dim}, T = ${workload.samples}, ` +
  `${workload.generations} generations, ${workload.trials} trials (best of 3 each)\n`);
console.log('design  engine        sampler      seconds   × native sufficient   last-generation mean');
for (const design of ['fixed', 'fresh']) {
  const base = rows.find((r) => r.design === design && r.engine === 'native' && r.sampler === 'sufficient').seconds;
  for (const r of rows.filter((row) => row.design === design))
    console.log(`${design.padEnd(8)}${r.engine.padEnd(14)}${r.sampler.padEnd(13)}${r.seconds.toFixed(4).padStart(8)}` +
      `${(r.seconds / base).toFixed(1).padStart(14)}×${r.lastMean.toFixed(3).padStart(20)}`);
}
// The randomness floor: a replace/OLS trial consumes d(d − 1)/2 + d normals per Bartlett factor (plus d
// chi-squares, about one normal each) and d normals per generation; the factor is drawn once for a fixed
// design and every generation for fresh inputs. Drawing that many normals is the least work possible.
const { dim: d, generations: n, trials: R } = workload;
const bartlett = (d * (d - 1)) / 2 + d;
for (const design of ['fixed', 'fresh']) {
  const normals = R * ((design === 'fixed' ? bartlett : n * bartlett) + n * d);
  const floor = spawnSync(path.join(root, 'build/native/bin/collapse-bench'), ['--normals', String(normals)], { encoding: 'utf8' });
  const floorSeconds = JSON.parse(floor.stdout).seconds;
  const actual = rows.find((r) => r.design === design && r.engine === 'native' && r.sampler === 'sufficient').seconds;
  console.log(`${design} design: ${normals} normals take ${floorSeconds.toFixed(4)} s natively; the sufficient-statistics ` +
    `run takes ${(actual / floorSeconds).toFixed(1)}× that floor.`);
}

console.log('\nTheory (replace, OLS): n·σ²·d/(T − d − 1) at n = 20 is ' + (20 * 200 / (1000 - 200 - 1)).toFixed(3) + '.');
await explicitBench();

console.log('');
const kernelChain = spawnSync(process.execPath, [path.join(root, 'bench/kernel_chain.mjs')], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
console.log(kernelChain.status === 0 ? kernelChain.stdout.trim() : 'bench/kernel_chain.mjs failed');
console.log('\nNeural collapse (UFM terminal-phase preset), every engine:');
const nc = spawnSync(process.execPath, [path.join(root, 'bench/neural_collapse.mjs')], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
console.log(nc.status === 0 ? nc.stdout.trim() : 'bench/neural_collapse.mjs failed');
await languageModelBench();

console.log('\nEvery preset, CLI and browser:');
const presets = spawnSync(process.execPath, [path.join(root, 'bench/presets.mjs')], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
console.log(presets.status === 0 ? presets.stdout.trim() : 'bench/presets.mjs failed');

const webBench = path.join(root, 'bench/web.mjs');
if (existsSync(webBench)) {
  const run = spawnSync(process.execPath, [webBench], { encoding: 'utf8' });
  console.log('\nweb page (headless Chromium):', run.status === 0 ? run.stdout.trim() : `failed: ${run.stderr}`);
}

// The SIMD kernels and every preset on every engine (bench/kernels.mjs, bench/preset-engines.mjs), same run.
console.log('');
await import('./kernels.mjs');
console.log('');
await import('./preset-engines.mjs');

// The worker pool's speed-up, compute only (bench/pool.mjs: ?pool=1 against ?pool=2 in headless Chromium).
console.log('');
const poolBench = spawnSync(process.execPath, [path.join(root, 'bench/pool.mjs')], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
console.log(poolBench.status === 0 ? poolBench.stdout.trim() : 'bench/pool.mjs failed');
