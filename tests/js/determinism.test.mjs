// Determinism across builds and splits: a fixed-seed run hashed to a value recorded from the WebAssembly build.
// Both flavours (SIMD and scalar) and any split of the trials must reproduce it bit for bit, which is what
// lets the page promise "same URL, same curve" in every browser and for any number of workers.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { loadNodeEngine } from './load-node.mjs';

// Every workflow, both samplers, ridge and power spectrum, fresh inputs: all code paths of a trial.
const requests = [
  { experiment: 'recursive-regression', config: { seed: 7, dim: 12, samples: 40, generations: 8, trials: 24 } },
  {
    experiment: 'recursive-regression',
    config: { seed: 8, dim: 9, samples: 30, generations: 6, trials: 24, design: 'fresh', ridge: 0.3, spectrum: 'power', decay: 1.2 },
  },
  { experiment: 'recursive-regression', config: { seed: 9, dim: 16, samples: 8, generations: 5, trials: 24, design: 'fresh' } },
];
// Recorded from the WebAssembly build (either flavour) on 2026-11-21. A change is a change of every curve.
const RECORDED_SHA256 = '14d1793a4e253b97efe9de4b559b2b4d53cccb50dc707dbe42ac34cb871f2d5c';

function digest(arrays) {
  const hash = createHash('sha256');
  for (const values of arrays) hash.update(Buffer.from(values.buffer, values.byteOffset, values.byteLength));
  return hash.digest('hex');
}

function runInChunks(engine, request, chunkSizes) {
  const { trials, valuesPerTrial } = engine.describe(request);
  const all = new Float64Array(trials * valuesPerTrial);
  let begin = 0;
  for (let k = 0; begin < trials; k += 1) {
    const end = Math.min(trials, begin + chunkSizes[k % chunkSizes.length]);
    all.set(engine.simulate(request, begin, end), begin * valuesPerTrial);
    begin = end;
  }
  return all;
}

for (const flavour of ['simd', 'scalar']) {
  test(`${flavour}: the recorded hash, for one chunk and for uneven chunks`, async () => {
    const engine = await loadNodeEngine(flavour);
    const whole = requests.map((r) => runInChunks(engine, r, [Infinity]));
    const chunked = requests.map((r) => runInChunks(engine, r, [1, 5, 3]));
    assert.equal(digest(chunked), digest(whole));
    assert.equal(digest(whole), RECORDED_SHA256);
    // The aggregated Result is a function of those values only.
    const viaChunks = engine.assemble(requests[0], chunked[0]);
    assert.deepEqual(viaChunks, engine.run(requests[0]));
  });
}
