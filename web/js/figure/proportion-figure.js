// A derived figure for a grid of real × synthetic sample counts (x = syntheticSamples, one series per realSamples):
// the metric against the real proportion n_real/(n_real + n_synth), one line per real count, as in Kazdan et al.'s
// notebook (notebooks/10_sft_cardinality_vs_proportionality). Presentation only; drawn as a 'paired' spec without
// a diagonal. Pure, so it is tested in node.
import { formatShort as f } from '../util/format.js';

const mean = (s) => s.simulation.mean;

/** Whether a Result is such a grid. */
export const gridOfCounts = (result) => result?.x.key === 'syntheticSamples' && result.series.length > 0 && result.series.every((s) => s.key === 'realSamples');

/** Metric against the real proportion, one line per real count (series over realSamples, x over syntheticSamples). */
export function proportionFigure(result, { log = false } = {}) {
  if (!gridOfCounts(result)) return { error: 'it needs x = syntheticSamples and one series per realSamples value' };
  let dropped = 0;
  const usable = (v) => Number.isFinite(v) && (!log || v > 0);
  const series = result.series.map((s, index) => {
    const nReal = Number(s.value);
    const at = (i) => result.x.values[i];
    const share = (i) => nReal / (nReal + at(i));
    const points = [];
    const theory = [];
    result.x.values.forEach((nSynthetic, i) => {
      if (nReal + nSynthetic === 0) return;
      if (usable(mean(s)[i])) points.push({ x: share(i), y: mean(s)[i], at: nSynthetic });
      else dropped += 1;
      if (s.theory && usable(s.theory[i])) theory.push({ x: share(i), y: s.theory[i], at: nSynthetic });
    });
    return { index, label: s.label, points, theory: theory.length ? theory : null };
  }).filter((s) => s.points.length);
  if (!series.length) return { error: 'no cell has training data' };
  const best = series.map((s) => s.points.reduce((a, p) => (p.y < a.y ? p : a), s.points[0]));
  const summary = `Line chart of the test error against the real proportion n_real/(n_real + n_synth), one line per real ` +
    `count, ${result.trials} trials. ${series.map((s, k) => `${s.label}: lowest ${f(best[k].y)} at proportion ${f(best[k].x)}`).join('; ')}. ` +
    'The data table below lists every value.';
  return { kind: 'paired', xTitle: 'real proportion n_real/(n_real + n_synth)', yTitle: result.metric.label, atLabel: 'n_synth',
    names: { x: 'real proportion', y: 'error' }, ratio: false, diagonal: null, log, xLog: false, yLog: log, dropped, series, summary,
    labels: [] };
}

