// The pictures of the generative experiments and the median line: the pure helpers behind them (histogram binning,
// ranges, projections, summaries, the median in the figure data), and the gaussian-fitting and kde-fitting view
// files against real engine Results and point clouds (few trials: the numbers only need to exist and be right).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadNodeEngine } from './load-node.mjs';
import { experimentView, heavyTailed } from '../../web/js/experiments/index.js';
import { figureData } from '../../web/js/figure/figure-data.js';
import { binCount, cloudSize, cloudSummary, coordinate, histogram, histogramOutline, normalCurve, pairs, pictureLayout, range }
  from '../../web/js/figure/point-cloud-data.js';
import { presetState, toRequest } from '../../web/js/state/lab-state.js';
import { decodeHash, encodeHash } from '../../web/js/state/url-hash.js';

const engine = await loadNodeEngine('simd');
const catalogue = engine.catalogue();
const experiment = (key) => catalogue.experiments.find((e) => e.key === key);
const runPreset = (key, presetKey, trials = 6) => {
  const preset = experimentView(experiment(key)).presets.find((p) => p.key === presetKey);
  const state = presetState(experiment(key), preset);
  const request = toRequest({ ...state, config: { ...state.config, trials } });
  return { request, result: engine.run(request), preset };
};

test('histogram: equal bins over [min, max], densities integrate to the share inside, the last edge is included', () => {
  const bins = histogram([0, 0.1, 0.5, 0.99, 1, 2, -1], { min: 0, max: 1, bins: 4 });
  assert.equal(bins.length, 4);
  assert.deepEqual(bins.map((b) => b.count), [2, 0, 1, 2]);
  assert.equal(bins.outside, 2);
  const area = bins.reduce((sum, b) => sum + b.density * (b.x1 - b.x0), 0);
  assert.ok(Math.abs(area - 5 / 7) < 1e-12, 'density = count / (n · width)');
  const outline = histogramOutline(bins);
  assert.deepEqual(outline[0], { x: 0, y: 0 });
  assert.deepEqual(outline.at(-1), { x: 1, y: 0 });
  assert.equal(outline.length, 2 * bins.length + 2);
  assert.equal(binCount(10), 10);
  assert.equal(binCount(100), 30);
  assert.equal(binCount(1e6), 50);
});

test('ranges cover every set (padded), widen to a minimum, and survive a collapsed cloud', () => {
  const a = new Float64Array([0, 10, 1, 11]); // two 2-D points
  const b = new Float64Array([-1, 12]);
  assert.deepEqual(range([a, b], 2, 0, { pad: 0 }), [-1, 1]);
  assert.deepEqual(range([a, b], 2, 1, { pad: 0 }), [10, 12]);
  assert.deepEqual(range([new Float64Array([0.2])], 1, 0, { atLeast: [-3, 3], pad: 0 }), [-3, 3]);
  const [lo, hi] = range([new Float64Array([5, 5, 5])], 1, 0);
  assert.ok(lo < 5 && hi > 5, 'a cloud collapsed to a point still gets a range');
  assert.deepEqual(pairs(new Float64Array([1, 2, 3, 4, 5, 6]), 3, 0, 2), [{ x: 1, y: 3 }, { x: 4, y: 6 }]);
  assert.deepEqual(pairs(new Float64Array([1, 2, 3, 4]), 2, 0, 1, 1), [{ x: 1, y: 2 }]);
  assert.deepEqual([...coordinate(new Float64Array([1, 2, 3, 4]), 2, 1)], [2, 4]);
});

test('summaries, the N(0, 1) curve, layouts and the size guard', () => {
  const s = cloudSummary(new Float64Array([-1, 1, -3, 3]), 1);
  assert.deepEqual(s.mean, [0]);
  assert.ok(Math.abs(s.sd[0] - Math.sqrt(5)) < 1e-12);
  assert.equal(s.beyond2, 0.5);
  const curve = normalCurve(-1, 1, { count: 3 });
  assert.ok(Math.abs(curve[1].y - 1 / Math.sqrt(2 * Math.PI)) < 1e-12);
  assert.equal(pictureLayout(1).kind, 'histogram');
  assert.deepEqual(pictureLayout(2).axes, [0, 1]);
  assert.match(pictureLayout(5).note, /first two of the 5 coordinates/);
  const plane = { axes: [0, 2], names: ['x', 'z'], note: 'x–z plane' };
  assert.deepEqual(pictureLayout(3, { plane }).axes, [0, 2]);
  assert.deepEqual(pictureLayout(2, { plane }).axes, [0, 1], 'a plane the cloud does not have is ignored');
  assert.equal(cloudSize({ dimension: 2, samples: 100, generations: 30 }), 6200);
});

test('the median: in the figure data (gaps on a log axis), drawn for heavy-tailed Results, in the picture hash', () => {
  const result = { x: { values: [1, 2] }, series: [{ key: 'w', value: 'a', label: 'A', simulation: { mean: [1, 2], sem: [0, 0], lo: [0, 1], hi: [2, 3], median: [0.5, 0] }, theory: null }] };
  const { series, dropped } = figureData(result, { y: 'log' });
  assert.deepEqual(series[0].median, [{ x: 1, y: 0.5 }, { x: 2, y: null }]);
  assert.equal(dropped, 1);
  assert.equal(figureData({ ...result, series: [{ ...result.series[0], simulation: { mean: [1, 2], sem: [0, 0], lo: [0, 1], hi: [2, 3] } }] }).series[0].median, null);
  assert.equal(heavyTailed({ ...result, notes: ['ratios are heavy-tailed'] }), true);
  assert.equal(heavyTailed({ ...result, notes: ['simulation only'] }), false);

  const gaussian = experiment('gaussian-fitting');
  const state = presetState(gaussian, null);
  assert.equal(state.view.picture, undefined);
  const hash = encodeHash({ ...state, view: { ...state.view, picture: { series: 1, generation: 37 } } }, gaussian);
  assert.match(hash, /&picture=1:37/);
  assert.deepEqual(decodeHash(hash, catalogue).state.view.picture, { series: 1, generation: 37 });
  assert.doesNotMatch(encodeHash(state, gaussian), /picture=/, 'written only once the reader moved the pictures');
  const bad = decodeHash('#exp=gaussian-fitting&picture=<b>', catalogue);
  assert.equal(bad.state.view.picture, undefined);
  assert.match(bad.problems[0].message, /series:generation/);
});

test('gaussian-fitting: ratio presets on a log axis with the median, captions that quote the run and say the mean is heavy-tailed', () => {
  const view = experimentView(experiment('gaussian-fitting'));
  assert.equal(view.defaultPreset, 'replace-vs-accumulate');
  for (const preset of view.presets) {
    const { result } = runPreset('gaussian-fitting', preset.key);
    const text = preset.lookFor(result);
    assert.notEqual(text, preset.claim, `${preset.key} quotes numbers`);
    assert.doesNotMatch(text, /NaN|undefined|null|Infinity|∞/, `${preset.key}: ${text}`);
    assert.ok(view.median(result), `${preset.key} draws the median`);
    assert.match(text, /median/, `${preset.key} says what the median shows`);
    const ratio = ['traceRatio', 'determinantRatio'].includes(result.config.metric);
    // Ratio presets read on a log axis, except fixed-compute: the lines it compares (0.7–0.9) need a linear one.
    assert.equal(preset.view.y, ratio && preset.key !== 'fixed-compute' ? 'log' : 'linear', preset.key);
    if (ratio) assert.match(text, /heavy-tailed/, preset.key);
    assert.notEqual(view.yTitle(result), result.metric.label, 'the y axis names the metric');
  }
  assert.match(view.caption(runPreset('gaussian-fitting', 'replace-vs-accumulate').result), /heavy-tailed/);
});

test('gaussian-fitting: on a linear axis one run\'s spike of the mean is cut at a round top that the theory and the typical runs need, and said', () => {
  const view = experimentView(experiment('gaussian-fitting'));
  const { result } = runPreset('gaussian-fitting', 'mean-drift', 400);
  const clip = view.yRange(result, { log: false });
  const replace = result.series.find((s) => s.value === 'replace');
  const peak = Math.max(...replace.simulation.mean);
  assert.ok(clip && clip.max < peak / 1.3, `the top ${clip?.max} is below the spike ${peak}`);
  assert.ok(clip.max >= Math.max(...replace.theory), 'the theory fits under the top');
  assert.ok(clip.max >= Math.max(...replace.simulation.hi), 'so does the 10–90% band');
  assert.match(clip.note, /The mean of Replace reaches [\d.]+ at t = \d+, above this axis/);
  assert.equal(view.yRange(result, { log: true }), null, 'a log axis shows everything');
});

test('kde-fitting: captions quote the run, simulation only, no median line; the swiss roll is drawn in its x–z plane', () => {
  const view = experimentView(experiment('kde-fitting'));
  for (const preset of view.presets) {
    const { result } = runPreset('kde-fitting', preset.key, 3);
    const text = preset.lookFor(result);
    assert.notEqual(text, preset.claim, `${preset.key} quotes numbers`);
    assert.doesNotMatch(text, /NaN|undefined|null|Infinity|∞/, `${preset.key}: ${text}`);
    assert.match(text, /[Ss]imulation only|picture/);
    assert.equal(view.median(result), false);
  }
  assert.deepEqual(view.pictures.plane.axes, [0, 2]);
  assert.match(view.pictures.plane.note, /x–z/);
});

test('pictures: under replace the Gaussian samples shrink (trial 0, fixed seed), under accumulate they stay spread', () => {
  const { request, result } = runPreset('gaussian-fitting', 'replace-vs-accumulate', 2);
  const replace = engine.pointCloud(request, 0, 0);
  const accumulate = engine.pointCloud(request, 1, 0);
  assert.equal(replace.dimension, 1);
  assert.equal(replace.generations.length, result.x.values.length);
  const spread = (flat) => cloudSummary(flat, 1).spread;
  assert.ok(spread(replace.generations.at(-1)) < 1e-2 * spread(replace.generations[0]), 'the cloud collapses under replace');
  assert.ok(spread(accumulate.generations.at(-1)) > 0.3 * spread(accumulate.generations[0]), 'and holds under accumulate');
  const view = experimentView(experiment('gaussian-fitting'));
  const sentence = view.pictures.lookFor({ series: 'Replace', generation: 100, generations: 100,
    real: cloudSummary(replace.real, 1), shown: cloudSummary(replace.generations.at(-1), 1) });
  assert.match(sentence, /^Replace, generation 100 of 100: the samples' spread \(SD\) is .* only .* of the real data's/);
});

test('picture axes end on round numbers', async () => {
  const { niceRange } = await import('../../web/js/figure/point-cloud-data.js');
  assert.deepEqual(niceRange([-3.64, 3.64]), [-4, 4]);
  assert.deepEqual(niceRange([-1.38442, 1.87548]), [-1.5, 2]);
  assert.deepEqual(niceRange([0, 1.41]), [0, 1.6]);
  assert.deepEqual(niceRange([2, 2]), [2, 2]);
});
