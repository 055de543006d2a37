// npm run bench, language-model part: one n-gram refit loop on the Brown corpus (order 2, no smoothing, replace,
// T = 20 000 tokens, 20 generations, one trial) timed natively (collapse-bench, best of 3), in both WebAssembly
// flavours under node (best of 3) and as a plain numpy loop (bench/numpy_ngram.py; Debian's python3-numpy), as
// ratios to native from this one run.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadNodeEngine } from '../tests/js/load-node.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const config = { order: 2, smoothing: 'none', workflow: 'replace', samples: 20000, generations: 20, trials: 1, metric: 'diversity' };
const request = { experiment: 'language-model', config };

export async function languageModelBench() {
  const rows = [];
  const native = spawnSync(path.join(root, 'build/native/bin/collapse-bench'), [JSON.stringify(request), '3'], { encoding: 'utf8' });
  if (native.status !== 0) throw new Error(`collapse-bench failed: ${native.stderr}`);
  const base = JSON.parse(native.stdout).seconds;
  rows.push(['native', base]);
  for (const flavour of ['simd', 'scalar']) {
    const engine = await loadNodeEngine(flavour);
    let best = Infinity;
    for (let i = 0; i < 3; i += 1) {
      const start = performance.now();
      engine.run(request);
      best = Math.min(best, (performance.now() - start) / 1000);
    }
    rows.push([`WASM ${flavour}`, best]);
  }
  const numpy = spawnSync('/usr/bin/python3', [path.join(root, 'bench/numpy_ngram.py'), path.join(root, 'build/assets/brown-corpus.bin'),
    String(config.samples), String(config.generations), '1'], { encoding: 'utf8' });
  if (numpy.status === 0) rows.push(['numpy', JSON.parse(numpy.stdout).seconds]);
  else rows.push(['numpy (not run: ' + numpy.stderr.trim().split('\n').at(-1) + ')', NaN]);
  console.log('\nlanguage-model: order 2, no smoothing, replace, T = 20 000, 20 generations, 1 trial (Brown corpus)');
  for (const [name, seconds] of rows)
    console.log(`  ${name.padEnd(14)} ${Number.isFinite(seconds) ? `${(seconds * 1000).toFixed(0)} ms  ${(seconds / base).toFixed(2)}×` : '—'}`);
  return rows;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await languageModelBench();
