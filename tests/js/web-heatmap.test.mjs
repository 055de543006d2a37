// The heatmap figure in node: the viridis scale (ends, monotone lightness), the linear and log colour scales, which
// Results can be drawn as a heatmap, the cells (one per x and series, in grid coordinates, with mean, SEM, theory),
// empty cells on a log scale, and that every experiment's view offers it.
import test from 'node:test';
import assert from 'node:assert/strict';
import { colourScale, scaleTicks, viridis } from '../../web/js/figure/colour-scale.js';
import { heatmapFigure, heatmapUnavailable } from '../../web/js/figure/heatmap-figure.js';
import { experimentView } from '../../web/js/experiments/index.js';

const luminance = (hex) => {
  const [r, g, b] = [1, 3, 5].map((i) => Number.parseInt(hex.slice(i, i + 2), 16) / 255);
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
};

test('viridis: its published ends, clamped outside [0, 1], lightness rising monotonically', () => {
  assert.equal(viridis(0), '#440154');
  assert.equal(viridis(1), '#fde725');
  assert.equal(viridis(0.5), '#21918c');
  assert.equal(viridis(-3), '#440154');
  assert.equal(viridis(7), '#fde725');
  const steps = Array.from({ length: 101 }, (_, i) => luminance(viridis(i / 100)));
  steps.slice(1).forEach((l, i) => assert.ok(l > steps[i], `lightness rises at t = ${(i + 1) / 100}`));
});

test('colour scales: linear and log positions, non-positive values left out of a log scale, ticks at the ends', () => {
  const linear = colourScale([1, 2, 3, NaN]);
  assert.deepEqual([linear.min, linear.max], [1, 3]);
  assert.equal(linear.position(2), 0.5);
  assert.equal(linear.position(NaN), null);
  const log = colourScale([0, 0.01, 1], { log: true });
  assert.deepEqual([log.min, log.max], [0.01, 1]);
  assert.ok(Math.abs(log.position(0.1) - 0.5) < 1e-12);
  assert.equal(log.position(0), null);
  assert.deepEqual(scaleTicks({ min: 0.01, max: 1, log: true }), [0.01, 0.1, 1]);
  assert.deepEqual(scaleTicks({ min: 0, max: 4, log: false }), [0, 1, 2, 3, 4]);
});

const grid = (xs, values, theory = null) => ({
  experiment: 'e', trials: 10, metric: { key: 'testError', label: 'test error' },
  x: { key: 'syntheticSamples', label: 'synthetic samples', values: xs },
  series: values.map((row, k) => ({ key: 'realSamples', value: [0, 16, 64][k], label: `n_real = ${[0, 16, 64][k]}`,
    simulation: { mean: row, sem: row.map((v) => v / 10), lo: row, hi: row }, theory: theory?.[k] ?? null })),
});

test('a two-parameter sweep becomes one cell per (x, series), in grid coordinates, with mean, SEM and theory', () => {
  const result = grid([0, 32, 128], [[5, 4, 6], [2, 2.5, 3], [1, 1.5, 2]], [[5.1, 4.1, 6.1], null, [1, 1.4, 2.1]]);
  const figure = heatmapFigure(result, { yTitle: 'real samples n_real' });
  assert.equal(figure.kind, 'heatmap');
  assert.deepEqual(figure.xs, [0, 32, 128]);
  assert.deepEqual(figure.ys, [0, 16, 64]);
  assert.equal(figure.cells.length, 9);
  const cell = figure.cells.find((c) => c.row === 2 && c.column === 1);
  assert.deepEqual({ x: cell.x, y: cell.y, value: cell.value, sem: cell.sem, theory: cell.theory }, { x: 32, y: 64, value: 1.5, sem: 0.15, theory: 1.4 });
  assert.equal(figure.cells.find((c) => c.row === 1).theory, null, 'a series without theory');
  assert.deepEqual(figure.scale, { min: 1, max: 6, log: false });
  assert.equal(figure.cells.find((c) => c.value === 6).position, 1);
  assert.equal(figure.cells.find((c) => c.value === 1).position, 0);
  assert.match(figure.summary, /lowest 1 at synthetic samples 0, real samples n_real 64, highest 6 at synthetic samples 128, real samples n_real 0/);
  // Log colours: a cell at 0 cannot be placed and is counted.
  const withZero = heatmapFigure(grid([1, 2], [[0, 1], [10, 100]]), { log: true });
  assert.equal(withZero.dropped, 1);
  assert.equal(withZero.cells.find((c) => c.value === 0).position, null);
  assert.equal(withZero.cells.find((c) => c.value === 10).position, 0.5);
});

test('a Result that is not a two-parameter numeric sweep says why', () => {
  const oneSeries = grid([1, 2], [[1, 2]]);
  assert.match(heatmapFigure(oneSeries).error, /two numeric parameters/);
  const choices = { ...grid([1, 2], [[1, 2], [3, 4]]) };
  choices.series = choices.series.map((s, k) => ({ ...s, key: 'workflow', value: ['replace', 'accumulate'][k] }));
  assert.match(heatmapUnavailable(choices), /numeric/);
  assert.match(heatmapUnavailable(grid([1], [[1], [2]])), /two x values/);
  assert.equal(heatmapUnavailable(grid([1, 2], [[1, 2], [3, 4]])), '');
});

test('every experiment view offers the heatmap, titled from the catalogue', () => {
  const experiment = { key: 'anything', summary: '', presets: [], parameters: [
    { key: 'syntheticSamples', label: 'synthetic samples', symbol: 'n_syn', unit: '' },
    { key: 'realSamples', label: 'real samples', symbol: 'n_real', unit: '' }] };
  const view = experimentView(experiment);
  assert.equal(view.figures.heatmap.label, 'heatmap');
  const figure = view.figures.heatmap.build(grid([0, 1], [[1, 2], [3, 4]]));
  assert.equal(figure.yTitle, 'real samples n_real');
  assert.equal(figure.xTitle, 'synthetic samples');
  const strong = experimentView({ key: 'strong-collapse', summary: '', presets: [], parameters: [] });
  assert.deepEqual(Object.keys(strong.figures).sort(), ['heatmap', 'pareto'], 'beside the view file\'s own figures');
});

test('the proportion view of a real × synthetic grid: one line per real count against n_real/(n_real + n_synth)', async () => {
  const { proportionFigure, gridOfCounts } = await import('../../web/js/figure/proportion-figure.js');
  const result = grid([0, 32, 128], [[5, 4, 6], [2, 2.5, 3], [1, 1.5, 2]], [[5.1, 4.1, 6.1], null, [1, 1.4, 2.1]]);
  assert.equal(gridOfCounts(result), true);
  const figure = proportionFigure(result);
  assert.equal(figure.kind, 'paired');
  assert.equal(figure.diagonal, null);
  assert.equal(figure.ratio, false);
  // n_real = 0: the cell without data is left out, the others sit at proportion 0.
  assert.deepEqual(figure.series[0].points.map((p) => [p.x, p.y, p.at]), [[0, 4, 32], [0, 6, 128]]);
  assert.deepEqual(figure.series[2].points.map((p) => p.x), [1, 64 / 96, 64 / 192]);
  assert.deepEqual(figure.series[2].theory.map((p) => p.y), [1, 1.4, 2.1]);
  assert.equal(figure.series[1].theory, null);
  assert.match(figure.summary, /n_real = 64: lowest 1 at proportion 1/);
  assert.match(proportionFigure({ ...result, x: { ...result.x, key: 'ridge' } }).error, /syntheticSamples/);
});
