// Pure pieces of the page: splitting trials across workers and putting them back, the log-axis rules of the
// figure, the sweep grids offered, and number formatting.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ChunkScheduler, TrialBuffer } from '../../web/js/compute/trial-chunks.js';
import { coveredSeries, figureData, xAxisIsLog, yBounds } from '../../web/js/figure/figure-data.js';
import { defaultSeriesValues, defaultXGrid } from '../../web/js/controls/sweep-grid.js';
import { formatDuration, formatNumber, remainingSeconds } from '../../web/js/util/format.js';
import { loadNodeEngine } from './load-node.mjs';

function drain(scheduler, msPerTrial) {
  const chunks = [];
  for (let c = scheduler.next(); c; c = scheduler.next()) {
    chunks.push(c);
    scheduler.record(c[1] - c[0], (c[1] - c[0]) * msPerTrial);
  }
  return chunks;
}

test('chunks cover every trial once, in order, for any pool size and speed', () => {
  for (const trials of [1, 7, 32, 400, 100000])
    for (const lanes of [1, 2, 4, 8, 32])
      for (const msPerTrial of [0.001, 1, 500]) {
        const chunks = drain(new ChunkScheduler(trials, lanes), msPerTrial);
        assert.equal(chunks[0][0], 0);
        assert.equal(chunks.at(-1)[1], trials);
        chunks.forEach(([b, e], i) => { assert.ok(e > b); if (i) assert.equal(b, chunks[i - 1][1]); });
      }
});

test('chunk sizes follow the measured speed: about 150 ms of work each, one trial when trials are slow', () => {
  const slow = drain(new ChunkScheduler(1000, 2), 500);
  assert.ok(slow.slice(1).every(([b, e]) => e - b === 1));
  const medium = drain(new ChunkScheduler(100000, 2), 1);
  assert.ok(medium.slice(1, 10).every(([b, e]) => e - b === 150), JSON.stringify(medium.slice(0, 10)));
  const fast = drain(new ChunkScheduler(400, 2), 0.01);
  assert.ok(fast.length < 12, 'fast runs use few messages');
});

test('the speed of an earlier run sizes the first chunks: a share per worker at once instead of 4-trial probes', () => {
  // 400 trials at 0.5 ms each is 200 ms of work: two lanes start with a quarter and a quarter of the rest (guided
  // self-scheduling, GUIDED_SHARES = 2), where without the estimate the first two chunks are 4 trials.
  const seeded = new ChunkScheduler(400, 2, { priorMsPerTrial: 0.5 });
  assert.deepEqual([seeded.next(), seeded.next()], [[0, 100], [100, 175]]);
  const cold = new ChunkScheduler(400, 2);
  assert.deepEqual([cold.next(), cold.next()], [[0, 4], [4, 8]]);
  // A nonsense estimate is ignored, and measurements still win over the estimate.
  assert.deepEqual(new ChunkScheduler(400, 2, { priorMsPerTrial: NaN }).next(), [0, 4]);
  const corrected = new ChunkScheduler(100000, 2, { priorMsPerTrial: 1000 });
  assert.deepEqual(corrected.next(), [0, 1]);
  corrected.record(1, 1);
  assert.deepEqual(corrected.next(), [1, 151]);
  // One lane has nobody to balance against: one chunk for a short run, 150 ms chunks for a long one.
  assert.deepEqual(new ChunkScheduler(400, 1, { priorMsPerTrial: 0.1 }).next(), [0, 400]);
  assert.deepEqual(new ChunkScheduler(4000, 1, { priorMsPerTrial: 0.5 }).next(), [0, 300]);
});

/**
 * The run's end on simulated lanes: lane i takes msPerTrial[i] per trial and `roundTripMs` per message, and asks
 * for its next chunk as soon as its last one is back (as RunController's lanes do).
 */
function makespan(trials, msPerTrial, { roundTripMs = 0.5, prior = msPerTrial[0] } = {}) {
  const scheduler = new ChunkScheduler(trials, msPerTrial.length, { priorMsPerTrial: prior });
  const free = msPerTrial.map(() => 0);
  let chunks = 0;
  for (;;) {
    const lane = free.indexOf(Math.min(...free));
    const chunk = scheduler.next();
    if (!chunk) break;
    const ms = (chunk[1] - chunk[0]) * msPerTrial[lane] + roundTripMs;
    scheduler.record(chunk[1] - chunk[0], ms);
    free[lane] += ms;
    chunks += 1;
  }
  return { ms: Math.max(...free), chunks };
}

test('the lanes finish together when one worker is slower (guided chunks), at a few messages per lane', () => {
  // 400 trials, 0.5 ms each on one worker and 0.75 ms on the other (the page's thread taking turns with it): the
  // ideal end is 400 / (1/0.5 + 1/0.75) = 120 ms. With a fair share per lane, the slow lane's 200 trials had taken
  // 150 ms, a quarter over it.
  const { ms, chunks } = makespan(400, [0.75, 0.5], { prior: 0.5 });
  assert.ok(ms < 120 * 1.08, `the run ends at ${ms.toFixed(1)} ms, ideal 120 ms`);
  assert.ok(chunks <= 20, `${chunks} chunks`);
  // Equal lanes lose only the round trips (about 7 a lane).
  const even = makespan(400, [0.5, 0.5]);
  assert.ok(even.ms < 100 * 1.06, `equal lanes end at ${even.ms.toFixed(1)} ms, ideal 100 ms`);
  // A long run on 8 lanes (one at half speed) still ends within two 150 ms chunks of the ideal.
  const wide = makespan(100000, [1, 1, 1, 1, 1, 1, 1, 2]);
  const ideal = 100000 / (7 + 0.5);
  assert.ok(wide.ms < ideal + 150 * 2, `8 lanes end at ${wide.ms.toFixed(0)} ms, ideal ${ideal.toFixed(0)} ms`);
});

test('chunks arriving out of order rebuild the single-call array; the prefix grows only when contiguous', () => {
  const trials = 10;
  const per = 3;
  const all = Float64Array.from({ length: trials * per }, (_, i) => i * 0.5);
  const buffer = new TrialBuffer(trials, per);
  const piece = (b, e) => all.slice(b * per, e * per);
  buffer.add(4, 10, piece(4, 10));
  assert.equal(buffer.prefix, 0);
  assert.equal(buffer.completed, 6);
  buffer.add(0, 2, piece(0, 2));
  assert.equal(buffer.prefix, 2);
  assert.deepEqual(buffer.prefixValues(), piece(0, 2));
  buffer.add(2, 4, piece(2, 4));
  assert.ok(buffer.complete);
  assert.equal(buffer.prefix, 10);
  assert.deepEqual(buffer.values, all);
  assert.throws(() => buffer.add(0, 1, new Float64Array(2)));
});

test('split simulation + assembly gives the same Result as one run, and a prefix is a run with fewer trials', async () => {
  const engine = await loadNodeEngine('simd');
  const request = { experiment: 'recursive-regression', config: { trials: 37, generations: 5 } };
  const { trials, valuesPerTrial } = engine.describe(request);
  const buffer = new TrialBuffer(trials, valuesPerTrial);
  for (const [b, e] of drain(new ChunkScheduler(trials, 3), 50).reverse()) buffer.add(b, e, engine.simulate(request, b, e));
  assert.deepEqual(engine.assemble(request, buffer.values), engine.run(request));
  const fewer = { ...request, config: { ...request.config, trials: 20 } };
  assert.deepEqual(engine.assemble(fewer, buffer.values.subarray(0, 20 * valuesPerTrial)), engine.run(fewer));
});

const result = {
  x: { key: 'generation', values: [1, 2, 3] },
  series: [{ label: 'A', simulation: { mean: [0, 1, 2], sem: [0.1, 0.1, 0.1], lo: [-1, 0.5, 1], hi: [1, 2, 3] }, theory: [0.5, null, -2], references: [{ label: 'b', value: -1 }, { label: 'c', value: 2 }] }],
};

test('on a linear axis every value is drawn; theory gaps stay gaps', () => {
  const { series, dropped } = figureData(result, { y: 'linear', band: 'quantile' });
  assert.equal(dropped, 0);
  assert.deepEqual(series[0].mean.map((p) => p.y), [0, 1, 2]);
  assert.deepEqual(series[0].lo.map((p) => p.y), [-1, 0.5, 1]);
  assert.deepEqual(series[0].theory.map((p) => p.y), [0.5, null, -2]);
  assert.equal(series[0].references.length, 2);
});

test('on a log axis values ≤ 0 become counted gaps, and the band has a counted gap where its lower edge is ≤ 0', () => {
  const { series, dropped, bandGaps } = figureData(result, { y: 'log', band: 'quantile' });
  assert.equal(dropped, 2); // mean 0 and theory −2
  assert.equal(bandGaps, 1); // lo −1 at x = 1: no wedge down to the axis floor
  assert.deepEqual(series[0].mean.map((p) => p.y), [null, 1, 2]);
  assert.deepEqual(series[0].theory.map((p) => p.y), [0.5, null, null]);
  assert.deepEqual(series[0].lo.map((p) => p.y), [null, 0.5, 1]);
  assert.deepEqual(series[0].hi.map((p) => p.y), [null, 2, 3]);
  assert.deepEqual(series[0].references.map((r) => r.label), ['c']);
});

test('the band can be ±2 SEM or none', () => {
  const sem = figureData(result, { band: 'sem' }).series[0];
  assert.deepEqual(sem.hi.map((p) => p.y), [0.2, 1.2, 2.2]);
  assert.equal(figureData(result, { band: 'none' }).series[0].lo, null);
});

test('the x axis is logarithmic for log grids and wide log-scale parameters only', () => {
  assert.equal(xAxisIsLog([1, 2, 3]), false);
  assert.equal(xAxisIsLog([0.001, 0.1, 10], 'ridge=0.001:10:log:3'), true);
  assert.equal(xAxisIsLog([0, 0.1, 10], 'ridge=0,0.1,10', { scale: 'log' }), false);
  assert.equal(xAxisIsLog([10, 100, 1000], 'samples=10,100,1000', { scale: 'log' }), true);
  assert.equal(xAxisIsLog([10, 20], 'samples=10,20', { scale: 'log' }), false);
});

test('offered sweep grids stay inside the parameter ranges', async () => {
  const engine = await loadNodeEngine('simd');
  const experiment = engine.catalogue().experiments[0];
  for (const parameter of experiment.parameters.filter((p) => !['seed', 'trials'].includes(p.key))) {
    if (parameter.type !== 'choice') {
      const x = `${parameter.key}=${defaultXGrid(parameter)}`;
      assert.deepEqual(engine.validate({ experiment: experiment.key, config: {}, x, series: '' }), [], x);
    }
    if (parameter.key === 'generations') continue; // drives the natural x axis: the engine says to sweep it as x
    const series = `${parameter.key}=${defaultSeriesValues(parameter)}`;
    assert.deepEqual(engine.validate({ experiment: experiment.key, config: {}, series }), [], series);
  }
  assert.equal(defaultXGrid(experiment.parameters.find((p) => p.key === 'ridge')), '0.001:10:log:13');
});

test('numbers and durations read well', () => {
  assert.equal(formatNumber(0.11235955056179775), '0.11236');
  assert.equal(formatNumber(-2), '−2');
  assert.equal(formatNumber(1e-9), '1.0000e−9');
  assert.equal(formatNumber(null), '—');
  assert.equal(formatDuration(0.2), 'under a second');
  assert.equal(formatDuration(42.4), 'about 42 s');
  assert.equal(formatDuration(130), 'about 2 min 10 s');
  assert.equal(remainingSeconds(100, 400, 1000), 3);
  assert.ok(Number.isNaN(remainingSeconds(0, 400, 1000)));
});

test('a curve that a later one covers is found (drawn as a halo); curves apart are not', () => {
  const line = (ys) => ({ mean: ys.map((y, x) => ({ x, y })) });
  assert.deepEqual(coveredSeries([line([1, 0.5, 0.1]), line([1, 0.5, 0.1005]), line([1, 0.9, 0.8])]), [1, 0, 0]);
  assert.deepEqual(coveredSeries([line([1, 0.5, 0.1]), line([1, 0.5, 0.1005]), line([1, 0.5, 0.101])]), [2, 1, 0], 'nested halos');
  // On a log axis closeness is in decades: 1e-4 and 1.1e-4 coincide on an axis spanning four decades.
  assert.deepEqual(coveredSeries([line([1, 1e-2, 1e-4]), line([1, 1.02e-2, 1.1e-4])], { logY: true }), [1, 0]);
  assert.deepEqual(coveredSeries([line([1, 1e-2, 1e-4]), line([1, 3e-2, 1e-3])], { logY: true }), [0, 0]);
});

test('a log axis leaves room under its lowest floor; a view clip sets the top', () => {
  const s = [{ mean: [{ y: 1 }, { y: 1e-4 }], median: null, theory: null, lo: null }];
  const { min } = yBounds(s, { logY: true, lines: [1e-6] });
  assert.ok(min < 1e-6 && min > 1e-7, `min ${min}`);
  assert.equal(yBounds(s, { logY: true, lines: [1e-2] }).min, undefined, 'a floor among the data needs no room');
  assert.equal(yBounds(s, { clip: { max: 15 } }).max, 15);
  assert.ok(yBounds(s, { logY: true, lines: [0.9] }).max > 1.5, 'a line at the top of a log axis gets room for its label');
});
