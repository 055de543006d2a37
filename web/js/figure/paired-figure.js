// A derived figure: every series plotted against one baseline series of the same Result, point by point at the
// same x. With strong-collapse's width sweep and one series per synthetic quality c², the baseline c² = 0 is the
// real-only model and this is the paper's "Pareto" view: mixed error (y) against real-only error (x), one point
// per width, with the diagonal y = x where synthetic data would do no harm. Presentation only: the data table and
// the exports stay the Result. Pure (no DOM, no Chart.js), so it is tested in node.

/**
 * @param result   a Result (docs/design.md §5.2)
 * @param options  { baseline(series) → boolean: the series on the x axis;
 *                   xTitle, yTitle: axis titles; atLabel: what one point stands for (default the Result's x label);
 *                   names: { x, y } short names for tooltips; diagonalLabel: the diagonal's name on the figure;
 *                   log: both axes logarithmic (values ≤ 0 are dropped and counted) }
 * @returns { kind: 'paired', xTitle, yTitle, atLabel, names, diagonalLabel, log, dropped, baseline: index,
 *            series: [{ index, label, points: [{ x, y, at }], theory: [{ x, y, at }] | null }],
 *            diagonal: [{ x, y }, { x, y }] | null, summary }
 *          or { error: 'why this Result cannot be shown this way' }
 */
export function pairedFigure(result, { baseline, xTitle, yTitle, atLabel = result.x.label, names = { x: 'x', y: 'y' },
  diagonalLabel = 'y = x', log = false }) {
  const base = result.series.findIndex(baseline);
  if (base < 0) return { error: 'it needs a baseline series, which this run does not have' };
  if (result.series.length < 2) return { error: 'it needs at least one series besides the baseline' };
  const xs = result.x.values;
  let dropped = 0;
  const usable = (v) => v !== null && v !== undefined && Number.isFinite(v) && (!log || v > 0);
  const pairs = (xValues, yValues, count) => {
    if (!xValues || !yValues) return null;
    const points = [];
    xs.forEach((at, i) => {
      if (usable(xValues[i]) && usable(yValues[i])) points.push({ x: xValues[i], y: yValues[i], at });
      else if (count) dropped += 1;
    });
    return points;
  };
  const baseSeries = result.series[base];
  const series = result.series.map((s, index) => ({ s, index })).filter(({ index }) => index !== base).map(({ s, index }) => ({
    index,
    label: s.label,
    points: pairs(baseSeries.simulation.mean, s.simulation.mean, true),
    theory: pairs(baseSeries.theory, s.theory, false),
  }));
  for (const s of series) if (s.theory && !s.theory.length) s.theory = null;

  // The diagonal spans the baseline's range (from the smallest value drawn, so it starts in the corner): wider, it
  // would stretch the x axis beyond every point.
  const drawn = series.flatMap((s) => [...s.points, ...(s.theory ?? [])]);
  const diagonal = drawn.length ? [Math.min(...drawn.flatMap((p) => [p.x, p.y])), Math.max(...drawn.map((p) => p.x))].map((v) => ({ x: v, y: v })) : null;
  const describe = (s) => {
    const above = s.points.filter((p) => p.y > p.x).length;
    const worst = s.points.reduce((best, p) => (p.y / p.x > best.y / best.x ? p : best), s.points[0]);
    return `${s.label}: ${above} of ${s.points.length} points above the diagonal` +
      (worst ? `, at most ${(worst.y / worst.x).toPrecision(3)} times the real-only error (${atLabel} ${worst.at})` : '');
  };
  const summary = `Scatter plot of ${yTitle} against ${xTitle}, one point per ${atLabel}, ${result.trials} trials, with the ` +
    `diagonal y = x. ${series.map(describe).join('; ')}. The data table below lists every value.`;
  return { kind: 'paired', xTitle, yTitle, atLabel, names, diagonalLabel, log, dropped, baseline: base, series, diagonal, summary, labels: [] };
}
