// neural-collapse through the Embind API: every metric in one Result, the csv-all export, the geometry cloud the
// page draws, the MLP on the real MNIST asset, and determinism — both flavours and every split of the trials give
// the same values bit for bit (hashed; the hash is recorded from the WebAssembly build).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { loadNodeEngine } from './load-node.mjs';

const simd = await loadNodeEngine('simd');
const scalar = await loadNodeEngine('scalar');

// Every objective and the central path, small enough to run in a second.
const requests = [
  { experiment: 'neural-collapse', config: { seed: 3, trials: 3, steps: 300, classes: 3, featureDim: 4, samplesPerClass: 5 } },
  { experiment: 'neural-collapse', config: { seed: 4, trials: 3, steps: 200, loss: 'mse-nobias', classes: 3, featureDim: 4, samplesPerClass: 5, momentum: 0.5, learningRate: 0.5 } },
  { experiment: 'neural-collapse', config: { seed: 5, trials: 3, steps: 200, loss: 'spherical-ce', classes: 7, featureDim: 2, samplesPerClass: 4, learningRate: 0.1 } },
  { experiment: 'neural-collapse', config: { seed: 6, trials: 3, steps: 200, loss: 'mse', centralPath: 'on', classes: 3, featureDim: 3, samplesPerClass: 6, learningRate: 20 } },
];
// Recorded from the WebAssembly build (either flavour) on 2026-12-04 (the UFM products on simd::product, the
// least-squares moment on simd::columnGram). A change is a change of every curve.
const RECORDED_SHA256 = process.env.NC_RECORD ? null : 'fe423997557d5b8e1a4671b92ce1d4ae0005f0f62e661835c57e874f96dceeaf';

function digest(engine, chunks) {
  const hash = createHash('sha256');
  for (const request of requests) {
    const { trials } = engine.describe(request);
    let begin = 0;
    for (const size of chunks) {
      const end = Math.min(trials, begin + size);
      if (end > begin) {
        const values = engine.simulate(request, begin, end);
        hash.update(Buffer.from(values.buffer, values.byteOffset, values.byteLength));
      }
      begin = end;
    }
  }
  return hash.digest('hex');
}

test('neural-collapse: both flavours and every split give the recorded values bit for bit', () => {
  const whole = digest(simd, [3]);
  assert.equal(digest(simd, [1, 1, 1]), whole);
  assert.equal(digest(scalar, [2, 1]), whole);
  if (RECORDED_SHA256) assert.equal(whole, RECORDED_SHA256);
  else console.log(`neural-collapse digest: ${whole}`);
});

test('neural-collapse: one Result carries every metric; csv-all lists them all', () => {
  const request = requests[0];
  const result = simd.run(request);
  assert.equal(result.metrics.length, 14);
  assert.equal(result.metric.key, 'nc1');
  const s = result.series[0];
  assert.deepEqual(s.simulation, s.metrics.nc1.simulation);
  assert.ok(s.metrics.loss.references[0].label.startsWith('f*'));
  const { trials, valuesPerTrial } = simd.describe(request);
  assert.equal(valuesPerTrial, 14 * result.x.values.length);
  const values = simd.simulate(request, 0, trials);
  const csv = simd.assembleCsvAllMetrics(request, values).trim().split('\n');
  assert.equal(csv[0], 'metric,series_key,series_value,x,mean,sem,lo,hi,theory');
  assert.equal(csv.length, 1 + 14 * result.x.values.length);
  assert.deepEqual([...new Set(csv.slice(1).map((line) => line.split(',')[0]))], result.metrics.map((m) => m.key));
});

test('neural-collapse: the geometry cloud holds 2C rows of d coordinates per checkpoint', () => {
  const request = requests[0];
  const result = simd.run(request);
  const cloud = simd.pointCloud(request, 0, 0);
  assert.equal(cloud.dimension, 4);
  assert.equal(cloud.generations.length, result.x.values.length);
  assert.ok(cloud.generations.every((frame) => frame.length === 2 * 3 * 4));
  assert.deepEqual(Array.from(cloud.real), Array.from(cloud.generations.at(-1).slice(0, 12)));
});

test('neural-collapse: the MLP trains on the real MNIST digits and its training error falls', () => {
  const result = simd.run({ experiment: 'neural-collapse', config: { model: 'mlp', classes: 4, samplesPerClass: 5, featureDim: 8, hiddenWidth: 16,
    steps: 300, trials: 1, learningRate: 0.05, momentum: 0.9 } });
  const error = result.series[0].metrics.trainError.simulation.mean;
  assert.ok(error[0] > 0.3, `error at step 0: ${error[0]}`);
  assert.equal(error.at(-1), 0);
  assert.equal(result.series[0].metrics.loss.references.length, 0, 'no closed form for a real network');
});
