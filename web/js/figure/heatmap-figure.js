// A derived figure for any two-parameter sweep: the x parameter across, the series parameter up, one cell per
// (x, series) pair coloured by the Monte Carlo mean of the metric (viridis, see colour-scale.js; a logarithmic
// colour scale when the view's y axis is "log"). Both axes are the grids themselves, one equal cell per grid value
// with the value as its tick: a log-spaced grid (ridge=0.001:10:log:9, or counts 0, 16, 64, 256) therefore reads as a
// log axis, and a grid that contains 0 still shows it. Available to every experiment (experiments/index.js adds it);
// presentation only: the data table (one row per x, one column group per series: every cell's value, SEM and theory)
// and the exports stay the Result. Pure (no DOM, no Chart.js), so it is tested in node.
import { colourScale } from './colour-scale.js';
import { formatNumber } from '../util/format.js';

const numeric = (value) => typeof value === 'number' ? Number.isFinite(value) : typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value));

/** Why a Result cannot be drawn as a heatmap, or '' when it can. */
export function heatmapUnavailable(result) {
  if (!result.series.length || result.series.length < 2 || !result.series.every((s) => s.key && numeric(s.value)))
    return 'it needs a sweep of two numeric parameters: a numeric x (see Sweep) and one series per value of another numeric parameter';
  if (result.x.values.length < 2) return 'it needs at least two x values';
  return '';
}

/**
 * @param result   a Result (docs/result.md)
 * @param options  { log: a logarithmic colour scale (cells ≤ 0 are left empty and counted), xTitle, yTitle:
 *                   axis titles (default the labels of the swept parameters), metricTitle (default the Result's metric) }
 * @returns { kind: 'heatmap', xTitle, yTitle, metricTitle, xs, ys, cells: [{ column, row, x, y, value, sem, theory,
 *            position }], scale: { min, max, log }, dropped, summary }
 *          (position ∈ [0, 1] on the colour scale, null for an empty cell) or { error }
 */
export function heatmapFigure(result, { log = false, xTitle = result.x.label, yTitle, metricTitle = result.metric.label } = {}) {
  const error = heatmapUnavailable(result);
  if (error) return { error };
  const xs = result.x.values;
  const ys = result.series.map((s) => Number(s.value));
  const seriesKey = result.series[0].key;
  const rowTitle = yTitle ?? result.series[0].label.replace(/\s*=.*$/, '') ?? seriesKey;
  const scale = colourScale(result.series.flatMap((s) => s.simulation.mean), { log });
  let dropped = 0;
  const cells = [];
  result.series.forEach((s, row) => {
    xs.forEach((x, column) => {
      const value = s.simulation.mean[column];
      const position = scale.position(value);
      if (position === null) dropped += 1;
      cells.push({ column, row, x, y: ys[row], value, sem: s.simulation.sem[column], theory: s.theory?.[column] ?? null, position });
    });
  });
  const drawn = cells.filter((c) => c.position !== null);
  const lowest = drawn.reduce((a, c) => (c.value < a.value ? c : a), drawn[0]);
  const highest = drawn.reduce((a, c) => (c.value > a.value ? c : a), drawn[0]);
  const at = (c) => `${xTitle} ${formatNumber(c.x)}, ${rowTitle} ${formatNumber(c.y)}`;
  const summary = `Heatmap of ${metricTitle} over ${xs.length} values of ${xTitle} (across) and ${ys.length} of ${rowTitle} (up), ` +
    `${result.trials} trials, colour from ${formatNumber(scale.min)} (dark purple) to ${formatNumber(scale.max)} (yellow)` +
    (scale.log ? ' on a log scale' : '') +
    (drawn.length ? `: lowest ${formatNumber(lowest.value)} at ${at(lowest)}, highest ${formatNumber(highest.value)} at ${at(highest)}` : '') +
    '. The data table below lists every cell.';
  return { kind: 'heatmap', xTitle, yTitle: rowTitle, metricTitle, seriesKey, xs, ys, cells,
    scale: { min: scale.min, max: scale.max, log: scale.log }, dropped, summary, series: [], labels: [] };
}

/** The figure entry every experiment's view gets (experiments/index.js). */
export const HEATMAP_FIGURE = Object.freeze({
  label: 'heatmap',
  build: (result, { log = false } = {}) => heatmapFigure(result, { log }),
});
