// The neural-collapse bench (issue 10 item 9): the UFM terminal-phase preset (CE, C = 4, d = 16, n = 20,
// λ = 5e-3, lr 1, 3000 steps, 8 trials) on every engine in one run, as ratios to native:
//   native       build/native/bin/collapse-bench (in-process, best of 3)
//   wasm         both flavours under node (best of 3)
//   numpy        bench/numpy_ufm.py, the same gradient descent in numpy (needs Debian's python3-numpy)
// Usage: node bench/neural_collapse.mjs
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadNodeEngine } from '../tests/js/load-node.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const request = { experiment: 'neural-collapse', preset: 'terminal-phase' };
const config = { classes: 4, featureDim: 16, samplesPerClass: 20, weightDecay: 5e-3, featureDecay: 5e-3, learningRate: 1, steps: 3000, trials: 8 };
const lossOf = (result) => result.series[0].metrics.loss.simulation.mean.at(-1);

function native() {
  const run = spawnSync(path.join(root, 'build/native/bin/collapse-bench'), [JSON.stringify(request), '3'], { encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`collapse-bench failed: ${run.stderr}`);
  const { seconds } = JSON.parse(run.stdout);
  const cli = spawnSync(path.join(root, 'build/native/bin/collapse-lab'), ['run', 'neural-collapse', '--preset', 'terminal-phase'], { encoding: 'utf8' });
  return { seconds, lastMean: lossOf(JSON.parse(cli.stdout)) };
}

async function wasm(flavour) {
  const engine = await loadNodeEngine(flavour);
  let best = Infinity;
  let result;
  for (let i = 0; i < 3; i += 1) {
    const start = performance.now();
    result = engine.run(request);
    best = Math.min(best, (performance.now() - start) / 1000);
  }
  return { seconds: best, lastMean: lossOf(result) };
}

function numpy() {
  const c = config;
  const args = [c.classes, c.featureDim, c.samplesPerClass, c.weightDecay, c.featureDecay, c.learningRate, c.steps, c.trials].map(String);
  const run = spawnSync('/usr/bin/python3', [path.join(root, 'bench/numpy_ufm.py'), ...args], { encoding: 'utf8' });
  if (run.status !== 0) return { error: run.stderr.trim().split('\n').at(-1) };
  return JSON.parse(run.stdout);
}

const rows = [['native', native()], ['wasm simd', await wasm('simd')], ['wasm scalar', await wasm('scalar')], ['numpy', numpy()]];
const base = rows[0][1].seconds;
console.log(`neural-collapse terminal-phase preset: ${JSON.stringify(config)} (best of 3 each)\n`);
console.log('engine        seconds   × native   final objective');
for (const [engine, r] of rows) {
  if (r.error) console.log(`${engine.padEnd(14)}not measured: ${r.error}`);
  else console.log(`${engine.padEnd(14)}${r.seconds.toFixed(4).padStart(7)}${(r.seconds / base).toFixed(2).padStart(10)}×   ${r.lastMean.toFixed(6)}`);
}
