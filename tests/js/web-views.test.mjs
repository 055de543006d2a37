// The per-experiment lab views (web/js/experiments/*.js) and the pure figure pieces they rely on: merged reference
// lines and where their labels go, marked points, the paired (Pareto) figure; every preset's caption, guides and
// derived figures against real Results of the WebAssembly engine (few trials: the numbers only need to exist).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadNodeEngine } from './load-node.mjs';
import { experimentView } from '../../web/js/experiments/index.js';
import { labelEnd, markerPoints, mergeReferences } from '../../web/js/figure/figure-data.js';
import { pairedFigure } from '../../web/js/figure/paired-figure.js';
import { presetState, toRequest } from '../../web/js/state/lab-state.js';
import { formatShort } from '../../web/js/util/format.js';

const engine = await loadNodeEngine('simd');
const catalogue = engine.catalogue();
// The experiments with a view file that quotes its runs in the captions.
const viewed = catalogue.experiments.filter((e) => ['recursive-regression', 'synthetic-chain', 'strong-collapse', 'tails', 'real-vs-synthetic'].includes(e.key));
const results = new Map(); // "experiment/preset" → Result with few trials
for (const experiment of viewed) {
  for (const preset of experimentView(experiment).presets) {
    const state = presetState(experiment, preset);
    results.set(`${experiment.key}/${preset.key}`, engine.run(toRequest({ ...state, config: { ...state.config, trials: 6 } })));
  }
}
const resultOf = (key) => results.get(key);

test('near-identical references become one line naming both; distinct ones stay apart', () => {
  const merged = mergeReferences([{ label: 'floor as n → ∞', value: 0.01 }, { label: 'floor with the best λ', value: 0.0099 }, { label: 'other', value: 0.5 }]);
  assert.equal(merged.length, 2);
  assert.deepEqual(merged[0].labels.map((l) => l.label), ['floor as n → ∞', 'floor with the best λ']);
  assert.equal(merged[1].value, 0.5);
});

test('a reference label goes to the end of the figure where fewer points lie just above its line', () => {
  const plateau = [[1, 0.3, 0.1, 0.03, 0.011, 0.0105, 0.0101], [1, 0.3, 0.1, 0.03, 0.01, 0.003, 0.001]];
  assert.equal(labelEnd(plateau, 0.01, true), 'start', 'a curve ends on its floor: the label goes left');
  // π²/6 bound: replace rises through the band at the start; accumulate ends just below the line, which is no obstacle.
  const bound = [[0.11, 0.22, 0.33, 0.45, 0.56, 0.67, 0.78, 0.9, 1.0, 1.1], [0.11, 0.14, 0.15, 0.16, 0.165, 0.17, 0.172, 0.174, 0.175, 0.176]];
  assert.equal(labelEnd(bound, 0.185), 'end');
  assert.equal(labelEnd([[null, null]], 1), 'end');
});

test('marked points are kept only where the axes can show them', () => {
  const result = { series: [{ markers: [{ label: 'optimal λ', x: 0.25, y: 0.2 }, { label: 'bad', x: 0, y: 1 }] }, { markers: [{ label: 'neg', x: 1, y: -1 }] }] };
  assert.equal(markerPoints(result, { y: 'linear' }, false).length, 3);
  assert.deepEqual(markerPoints(result, { y: 'log' }, true), [{ series: 0, label: 'optimal λ', x: 0.25, y: 0.2 }]);
});

test('the paired figure plots each series against the baseline at the same x, with the diagonal over all points', () => {
  const series = (value, mean, theory) => ({ key: 'q', value, label: `q = ${value}`, simulation: { mean }, theory });
  const result = { trials: 5, x: { key: 'width', label: 'width', values: [10, 20, 30] },
    series: [series(0, [1, 2, 1.5], [1.1, 2.1, 1.4]), series(1, [2, 3, 0], [2.2, null, 2])] };
  const figure = pairedFigure(result, { baseline: (s) => s.value === 0, xTitle: 'real', yTitle: 'mixed', log: true });
  assert.equal(figure.baseline, 0);
  assert.deepEqual(figure.series.map((s) => s.index), [1]);
  assert.deepEqual(figure.series[0].points, [{ x: 1, y: 2, at: 10 }, { x: 2, y: 3, at: 20 }]);
  assert.equal(figure.dropped, 1, 'a zero cannot be drawn on log axes');
  assert.deepEqual(figure.series[0].theory, [{ x: 1.1, y: 2.2, at: 10 }, { x: 1.4, y: 2, at: 30 }]);
  assert.deepEqual(figure.diagonal, [{ x: 1, y: 1 }, { x: 2, y: 2 }], 'from the smallest value to the largest baseline value');
  assert.match(figure.summary, /q = 1: 2 of 2 points above the diagonal/);
  assert.ok(pairedFigure(result, { baseline: () => false }).error);
});

test('every preset has a caption that quotes its run, with no missing numbers', () => {
  for (const experiment of viewed) {
    const view = experimentView(experiment);
    for (const preset of view.presets) {
      const result = resultOf(`${experiment.key}/${preset.key}`);
      const text = preset.lookFor(result);
      assert.ok(text.length > 80, `${preset.key}: ${text}`);
      assert.doesNotMatch(text, /NaN|undefined|null|Infinity|∞/, `${preset.key}: ${text}`);
      assert.ok(preset.lookFor(null).length > 40, `${preset.key} has a caption before its first run`);
      if (['synthetic-chain', 'strong-collapse', 'tails'].includes(experiment.key)) assert.notEqual(text, preset.claim, `${preset.key} quotes numbers`);
    }
  }
});

test('real-vs-synthetic scarce-vs-plentiful: one sentence per real count, each saying which way its curve goes', () => {
  const view = experimentView(catalogue.experiments.find((e) => e.key === 'real-vs-synthetic'));
  const result = resultOf('real-vs-synthetic/scarce-vs-plentiful');
  const text = view.presets.find((p) => p.key === 'scarce-vs-plentiful').lookFor(result);
  for (const series of result.series)
    assert.match(text, new RegExp(`${series.label}: (from .+? down to|only up, from .+? to) [\\d.]+`), text);
  assert.doesNotMatch(text, /\b(\w+) \1\b/, `a doubled word: ${text}`);  // "real data only only up" was one
});

test('synthetic-chain: optimal-λ markers on the λ figure, log axes for λ and T, and the guide lines', () => {
  const view = experimentView(catalogue.experiments.find((e) => e.key === 'synthetic-chain'));
  const preset = (key) => view.presets.find((p) => p.key === key);
  assert.deepEqual(preset('ridge-u-shapes').view, { y: 'log', figure: 'standard' });
  assert.deepEqual(preset('scaling-law').view, { y: 'log', figure: 'standard' });
  const ridge = resultOf('synthetic-chain/ridge-u-shapes');
  assert.equal(markerPoints(ridge, { y: 'log' }, true).length, ridge.series.length);
  // The optimum moves to larger λ with every generation.
  const optima = ridge.series.map((s) => s.markers[0].x);
  assert.deepEqual([...optima].sort((a, b) => a - b), optima);
  assert.equal(view.markerLabel(ridge.series[0].markers[0], ridge.series[0], ridge), `λ* = ${formatShort(optima[0])}`);
  assert.deepEqual(view.guides(ridge).map((g) => g.label), ['predicting 0: ‖w*‖² = 1']);
  const linear = resultOf('synthetic-chain/linear-growth');
  const [clean] = view.guides(linear);
  assert.equal(clean.axis, 'y');
  assert.equal(clean.value, linear.series[0].theory[0]);
  assert.deepEqual(view.guides(resultOf('synthetic-chain/breakdown')), [], 'no clean level on the components');
});

test('strong-collapse: floors on the plateau, m = n on the width figures, and the Pareto figure', () => {
  const view = experimentView(catalogue.experiments.find((e) => e.key === 'strong-collapse'));
  const plateau = resultOf('strong-collapse/scaling-plateau');
  assert.ok(plateau.series.some((s) => s.references?.some((r) => r.label === 'floor as n → ∞' && r.value > 0)));
  for (const key of ['width-gap', 'width-errors']) {
    const result = resultOf(`strong-collapse/${key}`);
    assert.deepEqual(view.guides(result), [{ axis: 'x', value: result.config.samples, label: `interpolation threshold m = n = ${result.config.samples}` }]);
  }
  const paretoResult = resultOf('strong-collapse/pareto');
  const figure = view.figures.pareto.build(paretoResult, { log: true });
  assert.equal(figure.kind, 'paired');
  assert.deepEqual(figure.series.map((s) => s.label), ['c² = 0.1', 'c² = 1', 'c² = 10']);
  for (const s of figure.series) {
    assert.equal(s.points.length, paretoResult.x.values.length);
    assert.equal(s.theory.length, paretoResult.x.values.length);
  }
  assert.ok(figure.series.at(-1).points.every((p) => p.y > p.x), 'poor synthetic data hurt at every width');
  assert.ok(figure.diagonal[0].x < figure.diagonal[1].x);
  assert.deepEqual(figure.labels.map((l) => l.text), ['m = 10', 'm = 428', 'm = 800']);
  // Width against the fraction works too (p₂ = 0 is real-only); a Result without a real-only curve is refused.
  assert.equal(view.figures.pareto.build(resultOf('strong-collapse/width-errors')).series.length, 2);
  assert.match(view.figures.pareto.build(resultOf('strong-collapse/width-gap')).error, /real data only/);
});

test('a caption names a log or right-hand axis only when the figure draws it (the reader may switch the y axis)', () => {
  // The presets whose captions speak of their axis, each run with few trials (the words, not the numbers, are under test).
  const speaking = [['gaussian-fitting', 'curse-of-recursion'], ['gaussian-fitting', 'replace-vs-accumulate'],
    ['recursive-regression', 'fixed-compute'], ['kde-fitting', 'fixed-compute'], ['neural-collapse', 'terminal-phase'],
    ['synthetic-chain', 'breakdown']];
  for (const [key, presetKey] of speaking) {
    const experiment = catalogue.experiments.find((e) => e.key === key);
    const view = experimentView(experiment);
    const preset = view.presets.find((p) => p.key === presetKey);
    const result = resultOf(`${key}/${presetKey}`) ?? engine.run(toRequest({ ...presetState(experiment, preset), config: { ...presetState(experiment, preset).config, trials: 3 } }));
    const log = preset.view.y === 'log';
    const asDrawn = preset.lookFor(result, { log, rightAxis: Boolean(view.secondAxis(result, { log })) });
    const switched = preset.lookFor(result, { log: !log, rightAxis: Boolean(view.secondAxis(result, { log: !log })) });
    assert.notEqual(asDrawn, preset.claim, `${presetKey} quotes its run`);
    if (log) {
      assert.match(asDrawn, /log (y )?axis/, `${presetKey} on its own (log) axis`);
      assert.doesNotMatch(switched, /log (y )?axis/, `${presetKey} on a linear axis: ${switched}`);
    } else {
      assert.match(asDrawn, /right-hand axis/, `${presetKey} on its own (linear) axis, with the right-hand axis`);
      assert.doesNotMatch(switched, /right-hand axis|left axis/, `${presetKey} on a log axis: ${switched}`);
    }
    assert.doesNotMatch(switched, /NaN|undefined|\s\.|\(\s*\)/, `${presetKey}: ${switched}`);
  }
});
