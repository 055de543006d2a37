// Determinism across builds and splits. tests/determinism/recorded_hashes.json lists, per experiment, small
// fixed-seed requests and the SHA-256 of all their per-trial values (little-endian doubles, trial-major).
// The same table is compiled into the Catch2 suite (tests/core/determinism_test.cpp), which checks it natively
// and in both WebAssembly flavours; here both flavours must reproduce it through the JS API, for one chunk and
// for uneven chunks (any split of the trials across workers), which is what lets the page promise "same URL,
// same curve" in every browser and for any number of workers. docs/determinism.md states the guarantee.
//
// Adding an experiment: append an entry {name, request, sha256: ""} to tests/determinism/recorded_hashes.json
// (small sizes; cover the experiment's code paths), build, run `build/native/tests/collapse_tests
// "[determinism]"`: the failure prints the computed hash; paste it, and every build must then agree.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { loadNodeEngine } from './load-node.mjs';

const table = JSON.parse(readFileSync(fileURLToPath(new URL('../determinism/recorded_hashes.json', import.meta.url)), 'utf8'));

function digest(values) {
  return createHash('sha256').update(Buffer.from(values.buffer, values.byteOffset, values.byteLength)).digest('hex');
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
  test(`${flavour}: every recorded hash, for one chunk and for uneven chunks`, async () => {
    const engine = await loadNodeEngine(flavour);
    for (const entry of table.entries) {
      const whole = runInChunks(engine, entry.request, [Infinity]);
      const chunked = runInChunks(engine, entry.request, [1, 5, 3]);
      assert.equal(digest(chunked), digest(whole), `${entry.name}: chunked run differs from the whole run`);
      assert.equal(digest(whole), entry.sha256, `${entry.name}: hash differs from the recorded one`);
    }
    // The aggregated Result is a function of those values only.
    const first = table.entries[0].request;
    assert.deepEqual(engine.assemble(first, runInChunks(engine, first, [1, 5, 3])), engine.run(first));
  });
}

test('every experiment of the catalogue has a recorded hash', async () => {
  const engine = await loadNodeEngine('scalar');
  const covered = new Set(table.entries.map((entry) => entry.request.experiment));
  for (const { key } of engine.catalogue().experiments)
    assert.ok(covered.has(key), `no entry for ${key} in tests/determinism/recorded_hashes.json`);
});
