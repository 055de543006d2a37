// npm run bench, language-model part: one n-gram refit loop on the Brown corpus (order 2, no smoothing, replace,
// T = 20 000 tokens, 20 generations, one trial) timed natively (collapse-bench, best of 3), in both WebAssembly
// flavours under node (best of 3) and as a plain numpy loop (bench/numpy_ngram.py; Debian's python3-numpy), as
// ratios to native from this one run, with the load average when it ran (the machine may be shared). Each row also
// prints its last generation's diversity: the engines draw other random streams, but the same workload gives
// diversities within a few per mille of each other. Run alone: node bench/language-model.mjs (or npm run bench --
// language-model). The core's generation 1 (the fit of the real text) is cached per thread, so its best-of-3 times
// leave it out; numpy's include that one fit (one of 20).
import { spawnSync } from 'node:child_process';
import { loadavg } from 'node:os';
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
  let diversity = null;
  rows.push(['native', base, JSON.parse(native.stdout).lastMean ?? null]);
  for (const flavour of ['simd', 'scalar']) {
    const engine = await loadNodeEngine(flavour);
    let best = Infinity;
    for (let i = 0; i < 3; i += 1) {
      const start = performance.now();
      diversity = engine.run(request).series[0].simulation.mean.at(-1);
      best = Math.min(best, (performance.now() - start) / 1000);
    }
    rows.push([`WASM ${flavour}`, best, diversity]);
  }
  const numpy = spawnSync('/usr/bin/python3', [path.join(root, 'bench/numpy_ngram.py'), path.join(root, 'build/assets/brown-corpus.bin'),
    String(config.samples), String(config.generations), '1'], { encoding: 'utf8' });
  if (numpy.status === 0) {
    const out = JSON.parse(numpy.stdout);
    rows.push(['numpy', out.seconds, out.diversity]);
  } else {
    rows.push([`numpy (not run: ${numpy.stderr.trim().split('\n').at(-1)}; bench.sh installs python3-numpy)`, NaN, null]);
  }
  console.log('\nlanguage-model: order 2, no smoothing, replace, T = 20 000, 20 generations, 1 trial (Brown corpus), ' +
    `load average ${loadavg().map((l) => l.toFixed(2)).join(' ')}`);
  console.log('  engine         time      × native   last diversity');
  for (const [name, seconds, last] of rows)
    console.log(`  ${name.padEnd(14)} ${Number.isFinite(seconds) ? `${(seconds * 1000).toFixed(0).padStart(6)} ms  ${(seconds / base).toFixed(2).padStart(6)}×` : '—'}` +
      `   ${last === null ? '' : last.toFixed(4)}`);
  return rows;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await languageModelBench();
