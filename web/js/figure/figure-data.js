// Turns a Result (docs/design.md §5.2) and the view options into the numbers the chart draws: the mean line,
// the median over the trials (median = null when the Result has none; the figure draws it when the view asks),
// the band (10–90% of trials, or mean ± 2 standard errors), theory and reference lines. Pure, so the log-axis
// rules are tested in node: a log axis cannot show zero or negative values, so such points become gaps
// (counted, and said in the status line); where the band's lower edge is at or below zero the band has a gap too
// (a band drawn down to the axis floor would be a wedge that no trial made), counted separately.

/** Whether the x axis should be logarithmic: the grid was log-spaced, or spans two decades of a log parameter. */
export function xAxisIsLog(values, spec = '', parameter = null) {
  if (!values.length || values.some((v) => !(v > 0))) return false;
  if (/:log:/.test(spec)) return true;
  const ratio = Math.max(...values) / Math.min(...values);
  return parameter?.scale === 'log' && ratio >= 100;
}

/**
 * { series: [{ key, value, label, mean, median, lo, hi, theory, references }], dropped } where mean/median/lo/hi/theory are
 * arrays of { x, y } (y null for a gap), dropped counts values a log axis cannot show and bandGaps the points where
 * a log axis leaves the band out (its lower edge ≤ 0).
 */
export function figureData(result, { y = 'linear', band = 'quantile' } = {}) {
  const xs = result.x.values;
  const logY = y === 'log';
  let dropped = 0;
  const keep = (value, count = true) => {
    if (value === null || value === undefined || !Number.isFinite(value)) return null;
    if (logY && value <= 0) {
      if (count) dropped += 1;
      return null;
    }
    return value;
  };

  const series = result.series.map((s) => {
    const { mean, sem, lo, hi } = s.simulation;
    const lower = band === 'sem' ? mean.map((m, i) => m - 2 * sem[i]) : lo;
    const upper = band === 'sem' ? mean.map((m, i) => m + 2 * sem[i]) : hi;
    return {
      key: s.key,
      value: s.value,
      label: s.label,
      mean: xs.map((x, i) => ({ x, y: keep(mean[i]) })),
      median: s.simulation.median ? xs.map((x, i) => ({ x, y: keep(s.simulation.median[i]) })) : null,
      lo: band === 'none' ? null : xs.map((x, i) => ({ x, y: lower[i] })),
      hi: band === 'none' ? null : xs.map((x, i) => ({ x, y: keep(upper[i], false) })),
      theory: s.theory ? xs.map((x, i) => ({ x, y: keep(s.theory[i]) })) : null,
      // The theory on the core's fine grid (series[].theoryCurve, swept x only): a smooth line through the points.
      theoryCurve: s.theory && s.theoryCurve ? s.theoryCurve.x.map((x, i) => ({ x, y: keep(s.theoryCurve.y[i], false) })) : null,
      references: (s.references ?? []).filter((r) => Number.isFinite(r.value) && (!logY || r.value > 0)),
    };
  });

  let bandGaps = 0;
  if (logY) {
    for (const s of series) {
      if (!s.lo) continue;
      const gap = s.lo.map((p) => !(Number.isFinite(p.y) && p.y > 0));
      bandGaps += gap.filter(Boolean).length;
      s.lo = s.lo.map((p, i) => ({ x: p.x, y: gap[i] ? null : p.y }));
      s.hi = s.hi.map((p, i) => ({ x: p.x, y: gap[i] ? null : p.y }));
    }
  }
  return { series, dropped, bandGaps };
}

/**
 * References of one series, with near-identical values (within 2%: one line on the figure) merged into one line
 * whose label names both, e.g. "floor as n → ∞ = 0.01 (floor with the best λ: 0.0099)".
 * references: [{ label, value }] → [{ value, label, labels: [{label, value}] }]
 */
export function mergeReferences(references) {
  const merged = [];
  for (const reference of references) {
    const close = merged.find((m) => Math.abs(m.value - reference.value) <= 0.02 * Math.max(Math.abs(m.value), Math.abs(reference.value)));
    if (close) close.labels.push(reference);
    else merged.push({ value: reference.value, labels: [reference] });
  }
  return merged;
}

/**
 * Which end of the figure a horizontal line's label should sit at. The label sits just above its line, so it
 * covers the band from the line up to about 7% of the axis span: choose the end (the outer 30% of the points)
 * where fewer points of the curves fall in that band; 'end' on a tie. curves: arrays of y (null = gap), in x order.
 */
export function labelEnd(curves, value, logY = false) {
  const f = (v) => (logY ? Math.log10(v) : v);
  const ys = curves.flat().filter((v) => v !== null && Number.isFinite(v) && (!logY || v > 0)).map(f);
  if (!ys.length) return 'end';
  const span = Math.max(...ys, f(value)) - Math.min(...ys, f(value)) || 1;
  const inBand = (y) => y !== null && Number.isFinite(y) && (!logY || y > 0) && f(y) >= f(value) && f(y) <= f(value) + 0.07 * span;
  const count = (pick) => curves.reduce((sum, c) => sum + pick(c).filter(inBand).length, 0);
  const outer = (c) => Math.max(1, Math.ceil(c.length * 0.3));
  return count((c) => c.slice(0, outer(c))) < count((c) => c.slice(c.length - outer(c))) ? 'start' : 'end';
}

/** The marked points of a Result (series[].markers) that the axes can show: [{ series, label, x, y }]. */
export function markerPoints(result, { y = 'linear' } = {}, xLog = false) {
  const shown = (v, log) => Number.isFinite(v) && (!log || v > 0);
  return result.series.flatMap((s, k) => (s.markers ?? [])
    .filter((m) => shown(m.x, xLog) && shown(m.y, y === 'log'))
    .map((m) => ({ series: k, label: m.label, x: m.x, y: m.y })));
}

/**
 * Which series another, later series covers on the figure: their means lie within 2% of the axis span of each
 * other (in log units on a log axis) at 60% of the points or more. The figure draws a covered curve wider, as a halo
 * around the one on top (the p₂ = 0.1% curve on the clean one; fixed and fresh designs). Returns, per series, how
 * many later series cover it (0 = none), so nested halos can grow: the lowest curve is the widest.
 */
export function coveredSeries(series, { logY = false } = {}) {
  const f = (v) => (v === null || !Number.isFinite(v) || (logY && v <= 0) ? null : logY ? Math.log10(v) : v);
  const all = series.flatMap((s) => s.mean.map((p) => f(p.y))).filter((v) => v !== null);
  const span = all.length ? Math.max(...all) - Math.min(...all) || 1 : 1;
  const close = (a, b) => f(a.y) !== null && f(b.y) !== null && Math.abs(f(a.y) - f(b.y)) <= 0.02 * span;
  return series.map((s, k) => series.slice(k + 1).filter((t) => {
    const n = Math.min(s.mean.length, t.mean.length);
    let agree = 0;
    for (let i = 0; i < n; i++) if (close(s.mean[i], t.mean[i])) agree += 1;
    return n > 1 && agree >= 0.6 * n;
  }).length);
}

/** Marker shapes by series, so curves that coincide stay distinguishable (Chart.js point styles). */
export const POINT_STYLES = Object.freeze(['circle', 'triangle', 'rect', 'rectRot', 'crossRot', 'star', 'rectRounded', 'cross']);

/**
 * The y range the figure needs beyond Chart.js's own: on a log axis, room below the lowest horizontal line (a floor
 * drawn exactly on a power of ten would otherwise sit on the x axis); a view's clip (e.g. one run's spike that would
 * squeeze the curves the caption compares) as a maximum. → { min?, max? }
 */
export function yBounds(series, { logY = false, lines = [], clip = null } = {}) {
  const bounds = {};
  if (logY) {
    const values = series.flatMap((s) => [...s.mean, ...(s.median ?? []), ...(s.theory ?? []), ...(s.lo ?? [])])
      .map((p) => p.y).filter((v) => v > 0);
    const lowest = Math.min(...lines.filter((v) => v > 0), ...values);
    if (Number.isFinite(lowest) && lines.some((v) => v > 0 && v <= lowest * 1.0001)) bounds.min = lowest / 10 ** 0.35;
    // A line at the top (the accumulate limit near 1 on a ratio axis) gets room for its label above it.
    const highest = Math.max(...lines.filter((v) => v > 0), ...values);
    if (Number.isFinite(highest) && lines.some((v) => v > 0 && v >= highest / 10 ** 0.15)) bounds.max = highest * 10 ** 0.35;
  }
  if (clip && Number.isFinite(clip.max)) bounds.max = clip.max;
  if (clip && Number.isFinite(clip.min)) bounds.min = clip.min;
  return bounds;
}
