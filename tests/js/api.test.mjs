// The JavaScript API of the WebAssembly module (web/js/engine/collapse-engine.js over wasm/bindings.cpp).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadNodeEngine } from './load-node.mjs';

const engine = await loadNodeEngine('simd');
const small = { experiment: 'recursive-regression', config: { dim: 5, samples: 30, generations: 4, trials: 50 } };

test('the module reports its version and flavour, and serves the catalogue', () => {
  assert.equal(engine.flavour, 'simd');
  assert.match(engine.version, /^\d+\.\d+\.\d+$/);
  const catalogue = engine.catalogue();
  const rr = catalogue.experiments.find((e) => e.key === 'recursive-regression');
  assert.ok(rr);
  const keys = rr.parameters.map((p) => p.key);
  for (const key of ['seed', 'trials', 'dim', 'samples', 'noise', 'generations', 'ridge', 'design', 'workflow', 'spectrum', 'decay', 'signal'])
    assert.ok(keys.includes(key), `catalogue lacks ${key}`);
  assert.equal(rr.naturalSeries, 'workflow');
});

test('run returns a Result following the contract, with theory on the OLS series', () => {
  const result = engine.run(small);
  assert.equal(result.experiment, 'recursive-regression');
  assert.equal(result.trials, 50);
  assert.equal(result.config.dim, 5);
  assert.equal(result.config.noise, 1);
  assert.deepEqual(result.x.values, [1, 2, 3, 4]);
  assert.equal(result.metric.key, 'testError');
  assert.deepEqual(result.series.map((s) => s.value), ['replace', 'accumulate', 'accumulate-subsample']);
  for (const series of result.series) {
    for (const field of ['mean', 'sem', 'lo', 'hi']) assert.equal(series.simulation[field].length, 4);
    series.simulation.mean.forEach((m, i) => assert.ok(series.simulation.lo[i] <= m * 1.5 && Number.isFinite(m)));
  }
  // Replace theory: n·σ²·d/(T − d − 1) = n·5/24.
  result.series[0].theory.forEach((value, i) => assert.ok(Math.abs(value - ((i + 1) * 5) / 24) < 1e-12));
  assert.equal(result.series[2].theory, null);
});

test('simulate + assemble in chunks equals run', () => {
  const { trials, valuesPerTrial } = engine.describe(small);
  assert.equal(trials, 50);
  assert.equal(valuesPerTrial, 12);
  const parts = [engine.simulate(small, 0, 17), engine.simulate(small, 17, 50)];
  assert.ok(parts[0] instanceof Float64Array);
  assert.equal(parts[0].length, 17 * 12);
  const all = new Float64Array(50 * 12);
  all.set(parts[0], 0);
  all.set(parts[1], parts[0].length);
  assert.deepEqual(engine.assemble(small, all), engine.run(small));
  const csv = engine.assembleCsv(small, all).split('\n');
  assert.equal(csv[0], 'series_key,series_value,x,mean,sem,lo,hi,theory');
  assert.equal(csv.length, 1 + 12 + 1);
});

test('bad input throws a JS Error naming the parameter, its value and the allowed range', () => {
  assert.throws(
    () => engine.run({ experiment: 'recursive-regression', config: { noise: -1 } }),
    (error) => {
      assert.ok(error instanceof Error);
      assert.match(error.message, /noise = -1/);
      assert.match(error.message, /from 0 to 1000/);
      assert.deepEqual(error.issues.map((i) => i.parameter), ['noise']);
      return true;
    },
  );
  assert.throws(() => engine.run({ experiment: 'recursive-regression', config: { workflow: 'recycle' } }), /workflow = recycle.*one of replace/);
  assert.throws(() => engine.run({ experiment: 'nope' }), /experiment = nope is not an experiment/);
  assert.throws(() => engine.run({ experiment: 'recursive-regression', config: { dim: 3000 } }), /dim = 3000/);
  assert.throws(() => engine.run({ experiment: 'recursive-regression', x: 'ridge=a,b' }), /x: ridge = a is not a number/);
  assert.throws(() => engine.run(null), /request must be an object/);
  assert.throws(() => engine.simulate(small, 40, 60), /end = 60: a trial index must be an integer from 0 to 50/);
  assert.throws(() => engine.assemble(small, new Float64Array(3)), /expected 600 trial values/);
});

test('validate lists every issue without throwing', () => {
  const issues = engine.validate({ experiment: 'recursive-regression', config: { noise: 'loud', dim: 0 } });
  assert.deepEqual(issues.map((i) => i.parameter).sort(), ['dim', 'noise']);
  assert.deepEqual(engine.validate(small), []);
});

test('the module survives bad input and keeps working (nothing leaks into later calls)', () => {
  for (let i = 0; i < 20; i += 1) assert.throws(() => engine.run({ experiment: 'recursive-regression', config: { samples: -i } }));
  assert.equal(engine.run(small).trials, 50);
});

test('pointCloud gives one trial of a generative experiment, generation by generation', () => {
  const request = { experiment: 'kde-fitting', config: { samples: 30, generations: 4, trials: 3 }, series: 'workflow=replace,accumulate' };
  const cloud = engine.pointCloud(request, 1, 2);
  assert.equal(cloud.dimension, 2);
  assert.ok(cloud.real instanceof Float64Array);
  assert.equal(cloud.real.length, 60);
  assert.equal(cloud.generations.length, 4);
  for (const samples of cloud.generations) assert.equal(samples.length, 60);
  // The same (request, series, trial) gives the same picture.
  assert.deepEqual(engine.pointCloud(request, 1, 2).generations[3], cloud.generations[3]);
  assert.throws(() => engine.pointCloud(request, 5, 0), /outside the run/);
  assert.throws(() => engine.pointCloud({ experiment: 'recursive-regression' }, 0, 0), /has no point clouds/);
});
