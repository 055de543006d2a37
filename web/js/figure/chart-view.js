// The figure: Chart.js (vendored UMD, window.Chart) with the annotation plugin for reference lines. Per series:
// the Monte Carlo mean (solid, with points), the median over the trials where the view asks for it (round dots,
// same colour: heavy-tailed metrics whose mean is carried by rare runs), the band (filled between its lower and upper edge), the theory
// (dashed, same colour), its reference lines (dotted, same colour, e.g. the π²/6 bound or a floor) and its marked
// points (diamonds with a short label, e.g. the optimal λ). The experiment's view file may add guides (a muted
// vertical or horizontal line with a label, e.g. the interpolation threshold m = n) or replace the curves by a
// derived figure (a paired scatter such as the Pareto view, see paired-figure.js; or a heatmap of a two-parameter
// sweep, see heatmap-figure.js and heatmap-view.js). Tooltips give the exact numbers
// behind every point.
import { coveredSeries, figureData, labelEnd, markerPoints, mergeReferences, POINT_STYLES, xAxisIsLog, yBounds } from './figure-data.js';
import { canvasBackground } from './canvas-background.js';
import { labelLayout } from './label-layout.js';
import { logTickLabels } from './axis-ticks.js';
import { readableLabel } from './axis-labels.js';
import { heatmapDrawing, heatmapLegendKey, heatmapPlugin, heatmapTooltipLines, heatmapTooltipTitle } from './heatmap-view.js';
import { currentTheme, seriesColour, withAlpha } from './theme.js';
import { formatNumber, formatShort, formatTick } from '../util/format.js';
import { nextTask } from '../util/next-task.js';

const NARROW_PX = 560;
const TICK_FONT_PX = 12;

/** A new task: the browser paints and handles input in between. */

/**
 * Chart.js afterBuildTicks of a log axis: marks which ticks carry a label ($label, read by the tick callback) and
 * adds the chosen round values Chart.js has no tick for. Grid lines stay at Chart.js's significands where the labels
 * are a decade set (1-2-5 …); on an axis of less than a decade with stepped labels (1.1, 1.2 …) only the labelled
 * ticks are kept, or fifty grid lines would crowd it.
 */
function labelLogTicks(scale) {
  const horizontal = scale.isHorizontal();
  const length = horizontal ? scale.width : scale.height;
  const ctx = scale.ctx;
  const family = window.Chart?.defaults?.font?.family ?? 'sans-serif';
  const size = horizontal ? (value) => {
    ctx.save();
    ctx.font = `${TICK_FONT_PX}px ${family}`;
    const width = ctx.measureText(formatTick(value)).width;
    ctx.restore();
    return width;
  } : () => TICK_FONT_PX * 1.2;
  const { values, decades } = logTickLabels({ min: scale.min, max: scale.max, length, size, gap: horizontal ? 10 : 4 });
  const labelled = new Set(values);
  const close = (a, b) => Math.abs(a - b) <= 1e-9 * Math.max(Math.abs(a), Math.abs(b));
  const own = decades ? scale.ticks.filter((t) => !values.some((v) => close(v, t.value))) : [];
  scale.ticks = [...own.map((t) => ({ ...t, $label: false })), ...[...labelled].map((value) => ({ value, major: false, $label: true }))]
    .sort((a, b) => a.value - b.value);
}

/**
 * Chart.js afterFit of a vertical log axis: widens it to its widest label. Chart.js sizes an axis from every
 * ⌊ticks / maxTicksLimit⌋-th label only (the same limit thins the grid lines), and a log axis carries a tick per
 * significand, most unlabelled: with 9 it measured "0.001" and skipped "5×10⁻⁴", whose left part was then cut off
 * at the canvas edge. Reads the scale's _labelSizes and tick font, private to the Chart.js version pinned in
 * package-lock.json (tests/e2e/labels.test.mjs fails if an upgrade breaks this).
 */
function fitWidestLogLabel(scale) {
  if (scale.isHorizontal() || !scale.options.ticks.display) return;
  const measured = scale._labelSizes?.widest?.width ?? 0;
  const ctx = scale.ctx;
  ctx.save();
  ctx.font = scale._resolveTickFontOptions(0).string;
  const widest = Math.max(0, ...scale.ticks.map((tick) => (typeof tick.label === 'string' && tick.label ? ctx.measureText(tick.label).width : 0)));
  ctx.restore();
  if (widest > measured) scale.width = Math.min(scale.maxWidth ?? Infinity, scale.width + widest - measured);
}

/**
 * The new datasets, written into the chart's existing dataset objects where there is one at the same index that is
 * drawn the same way (every property but the numbers is equal: a live drag's frames, a new seed). Chart.js keys its
 * per-dataset state (controller, elements) by the dataset object: new objects on every redraw rebuild all of it,
 * which made a live drag's frames cost several times more than the drawing itself. A dataset whose style changed
 * (another figure, another preset, a faded curve) gets a new object: a kept controller would go on drawing its points
 * with the options shared from its first draw (update('none') does not refresh them), e.g. the Pareto view's dots
 * on the next preset's band edges. Stale properties are deleted, so what is drawn is exactly what new objects would draw.
 */
export function reuseDatasets(current, next) {
  return next.map((dataset, i) => {
    const kept = current[i];
    if (!kept || typeof kept !== 'object' || !sameStyle(kept, dataset)) return dataset;
    for (const key of Object.keys(kept)) if (!Object.hasOwn(dataset, key)) delete kept[key];
    return Object.assign(kept, dataset);
  });
}

/** The properties of a dataset that are its numbers, not how it is drawn. */
const NUMBERS = new Set(['data', 'gridIndex', 'marker']);

function sameStyle(a, b) {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  for (const key of keys) {
    if (NUMBERS.has(key)) continue;
    const [x, y] = [a[key], b[key]];
    if (x === y) continue;
    if (typeof x !== 'object' || typeof y !== 'object' || x === null || y === null || JSON.stringify(x) !== JSON.stringify(y)) return false;
  }
  return true;
}

// Hovering shows every series at the nearest grid x (like Chart.js's "index" mode, which marked points with their
// own x would confuse), or only the marked point under the pointer.
function registerInteraction(Chart) {
  if (Chart.Interaction.modes.collapseLab) return;
  Chart.Interaction.modes.collapseLab = (chart, event, _options, useFinalPosition) => {
    const markers = Chart.Interaction.modes.point(chart, event, { intersect: true }, useFinalPosition)
      .filter((item) => chart.data.datasets[item.datasetIndex].role === 'marker');
    if (markers.length) return markers;
    const area = chart.chartArea;
    const grid = chart.$collapseLabX ?? [];
    if (!grid.length || event.x < area.left - 8 || event.x > area.right + 8 || event.y < area.top || event.y > area.bottom) return [];
    let index = 0;
    grid.forEach((x, i) => {
      if (Math.abs(chart.scales.x.getPixelForValue(x) - event.x) < Math.abs(chart.scales.x.getPixelForValue(grid[index]) - event.x)) index = i;
    });
    const items = [];
    chart.data.datasets.forEach((dataset, datasetIndex) => {
      if (['marker', 'band', 'ghost'].includes(dataset.role) || !chart.isDatasetVisible(datasetIndex)) return;
      const element = chart.getDatasetMeta(datasetIndex).data[dataset.gridIndex ? dataset.gridIndex[index] : index];
      if (element && !element.skip) items.push({ element, datasetIndex, index: dataset.gridIndex ? dataset.gridIndex[index] : index });
    });
    return items;
  };
}

// draw(…, { pause }) lays the chart out in one task and paints it in the next: Chart.js's update() ends in render(),
// which a plugin may cancel from beforeRender.
const holdRender = { id: 'collapseLabHoldRender', beforeRender: (chart) => !chart.$collapseLabHoldRender };
const CHART_PLUGINS = [canvasBackground, heatmapPlugin, labelLayout, holdRender];

export class ChartView {
  /** options.theme: a fixed theme (an export in the light theme) instead of the page's; options.devicePixelRatio. */
  constructor(canvas, options = {}) {
    this.canvas = canvas;
    this.fixedTheme = options.theme ?? null;
    this.devicePixelRatio = options.devicePixelRatio ?? null;
    this.chart = null;
    this.result = null;
    this.figure = null; // a derived figure spec while one is drawn, else null
    this.hidden = new Set();
    this.drawn = { theory: false, references: [], markers: [], diagonal: false };
  }

  /**
   * Gets Chart.js ready before there is a Result to draw (while the first run computes), in short steps with the
   * browser free in between: its first use compiles much of the library, which in one piece made the first figure's
   * draw the longest task of start-up (docs/web.md, "Performance"). A throw-away chart on a detached canvas is
   * built, then given lines, a band, a log axis and a reference line, then destroyed; then the figure's own chart is
   * built empty, so draw() only updates it. Resolves when done; a draw() meanwhile simply ends the preparation.
   */
  async prepare({ pause = nextTask } = {}) {
    const Chart = window.Chart;
    if (this.chart || this.preparing || !Chart) return;
    this.preparing = true;
    try {
      const bare = { animation: false, responsive: false, parsing: false, plugins: { legend: { display: false } } };
      const canvas = document.createElement('canvas');
      canvas.width = 600;
      canvas.height = 300;
      const warm = new Chart(canvas, { type: 'line', data: { datasets: [] }, options: bare, plugins: CHART_PLUGINS });
      await pause();
      const line = [{ x: 1, y: 1 }, { x: 2, y: 4 }, { x: 3, y: 2 }];
      warm.data.datasets = [
        { data: line.map((p) => ({ x: p.x, y: p.y / 2 })), borderWidth: 0, pointRadius: 0, fill: false },
        { data: line, borderWidth: 0, pointRadius: 0, fill: '-1', backgroundColor: 'rgba(0,0,0,0.1)' },
        { data: line, borderColor: '#000', borderWidth: 2, pointRadius: 3, pointStyle: 'rectRot' },
        { data: line, borderColor: '#000', borderDash: [7, 5], borderWidth: 2, pointRadius: 0 },
      ];
      warm.options = { ...bare,
        scales: { x: { type: 'linear', title: { display: true, text: 'x' }, ticks: { callback: (v) => formatTick(Number(v)) } },
          y: { type: 'logarithmic', title: { display: true, text: 'y' }, ticks: { callback: (v) => formatTick(Number(v)) } } },
        plugins: { legend: { display: false }, collapseLabBackground: { colour: '#ffffff' }, collapseLabLabels: { points: [], lines: {} },
          annotation: { annotations: { line: { type: 'line', yMin: 2, yMax: 2, borderDash: [2, 3], label: { display: true, content: '2' } } } } } };
      if (this.chart) return;
      warm.update('none');
      await pause();
      warm.destroy();
      await pause();
      if (this.chart) return;
      // The figure's own chart, empty and invisible until draw() gives it datasets and axes.
      this.chart = new Chart(this.canvas, { type: 'line', data: { datasets: [] },
        options: { animation: false, responsive: true, maintainAspectRatio: false, parsing: false,
          scales: { x: { type: 'linear', display: false }, y: { type: 'linear', display: false } }, plugins: { legend: { display: false }, tooltip: { enabled: false } } },
        plugins: CHART_PLUGINS });
    } finally {
      this.preparing = false;
    }
  }

  /**
   * Draws a Result. context: { view: {y, band}, xTitle, yTitle, xSpec, xParameter, median?: draw the median line, guides?: [...],
   * markerLabel?(marker, series), figure?: a derived figure spec (paired-figure.js) to draw instead of the curves }.
   * Returns { dropped }: how many values a log axis could not show. With options.pause (a function returning a
   * Promise), the draw is three tasks instead of one, the browser free in between: the datasets, then Chart.js's
   * layout (update with its render held back), then the paint. The first figure is drawn so (app/lab-app.js): in one
   * piece it was start-up's longest task (docs/web.md, "Performance"). Returns a Promise then.
   */
  draw(result, context, { pause = null } = {}) {
    const built = this.assignDatasets(result, context);
    const drawn = { dropped: built.dropped, bandGaps: built.bandGaps ?? 0 };
    if (!pause) {
      this.chart.update('none');
      return drawn;
    }
    return (async () => {
      await pause();
      this.chart.$collapseLabHoldRender = true;
      try {
        this.chart.update('none');
      } finally {
        this.chart.$collapseLabHoldRender = false;
      }
      await pause();
      this.chart.render();
      return drawn;
    })();
  }

  /** Gives the chart the Result's datasets and options (creating the chart if prepare() has not). */
  assignDatasets(result, context) {
    this.result = result;
    this.context = context;
    this.figure = context.figure ?? null;
    registerInteraction(window.Chart);
    // On a narrow figure (a phone) line labels keep only their first part, or they would run off the canvas.
    this.narrow = (this.canvas.parentElement?.clientWidth || 800) < NARROW_PX;
    const theme = this.fixedTheme ?? currentTheme();
    const heatmap = this.figure?.kind === 'heatmap';
    if (heatmap) this.drawn = { theory: false, references: [], markers: [], diagonal: false, heatmap: true };
    const built = heatmap ? heatmapDrawing(this.figure) : this.figure ? this.pairedDatasets(theme) : this.curveDatasets(theme);
    const options = this.options(theme, built);
    if (this.chart) {
      this.chart.data.datasets = reuseDatasets(this.chart.data.datasets, built.datasets);
      this.chart.options = options;
    } else {
      this.chart = new window.Chart(this.canvas, { type: 'line', data: { datasets: built.datasets }, options, plugins: CHART_PLUGINS });
    }
    this.chart.$collapseLabX = this.figure ? [] : result.x.values;
    return built;
  }

  curveDatasets(theme) {
    const { result, context } = this;
    const { series, dropped, bandGaps } = figureData(result, context.view);
    // Play (play/generation-player.js): only x ≤ revealUntil is drawn, generation by generation; the axes stay put.
    // Series the view draws against a second, right-hand linear axis (experiments/index.js, secondAxis): parts of a
    // sum far smaller than the rest, which on the shared axis would lie on its floor, one on the other.
    const right = new Set(context.view.y !== 'log' && Array.isArray(context.secondAxis?.series) ? context.secondAxis.series : []);
    let fullExtent = null;
    let fullExtentRight = null;
    if (Number.isFinite(context.revealUntil)) {
      const extent = (onRight) => {
        const ys = series.filter((_, k) => right.has(k) === onRight).flatMap((s) => [...s.mean, ...(s.median ?? []), ...(s.hi ?? []), ...(s.lo ?? []), ...(s.theory ?? [])])
          .map((p) => p.y).filter((v) => Number.isFinite(v) && (context.view.y !== 'log' || v > 0));
        return ys.length ? { suggestedMin: Math.min(...ys), suggestedMax: Math.max(...ys) } : null;
      };
      fullExtent = extent(false);
      fullExtentRight = right.size ? extent(true) : null;
      const cut = (points) => points?.map((p) => (p.x <= context.revealUntil ? p : { x: p.x, y: null }));
      for (const s of series) for (const key of ['mean', 'median', 'lo', 'hi', 'theory', 'theoryCurve']) if (s[key]) s[key] = cut(s[key]);
    }
    const logY = context.view.y === 'log';
    const xLog = xAxisIsLog(result.x.values, context.xSpec, context.xParameter);
    const datasets = [];
    const annotations = {};
    const labels = [];
    const lineLabels = {}; // annotation id → { forms: texts from the fullest, preferStart, key: the full text for the key }
    const labelBackground = withAlpha(theme.background.startsWith('#') ? theme.background : '#ffffff', 0.85);
    const withReferences = series.filter((s) => s.references.length).length;
    const curves = series.filter((_, k) => !this.hidden.has(k)).map((s) => s.mean.map((p) => p.y));
    // Which curves cover which, per axis: curves on different axes do not cover each other.
    const coveredOn = (onRight) => coveredSeries(series.map((s, k) => (this.hidden.has(k) || right.has(k) !== onRight ? { mean: [] } : s)), { logY });
    const [coveredLeft, coveredRight] = [coveredOn(false), right.size ? coveredOn(true) : []];
    const covered = series.map((_, k) => (right.has(k) ? coveredRight[k] : coveredLeft[k]));
    this.drawn = { theory: false, median: false, references: [], markers: [], diagonal: false, bands: [], partialBands: Array.isArray(context.bands) };
    const emphasis = Number.isInteger(context.emphasis) ? context.emphasis : null;
    const sameLine = (a, b) => a.label === b.label && Math.abs(a.value - b.value) <= 0.02 * Math.max(Math.abs(a.value), Math.abs(b.value));
    const shownReferences = series.flatMap((s, k) => (this.hidden.has(k) ? [] : mergeReferences(s.references).map((m) => ({ k, label: m.labels[0].label, value: m.value }))));
    series.forEach((s, k) => {
      // A tour step highlights one curve: the others fade (their colour at 30%).
      const faded = emphasis !== null && k !== emphasis;
      const colour = faded ? withAlpha(seriesColour(theme, k), 0.3) : seriesColour(theme, k);
      const hidden = this.hidden.has(k);
      const many = s.mean.length > 40;
      // The view may draw the spread (band and median) of only some series, where more bands would hide the lines.
      const spread = !Array.isArray(context.bands) || context.bands.includes(k);
      if (s.lo && s.hi && spread) {
        this.drawn.bands.push(s.label);
        datasets.push({ label: `${s.label} band low`, data: s.lo, role: 'band', series: k, hidden, borderWidth: 0, pointRadius: 0, pointHitRadius: 0, fill: false, order: 3 });
        datasets.push({ label: `${s.label} band`, data: s.hi, role: 'band', series: k, hidden, borderWidth: 0, pointRadius: 0, pointHitRadius: 0,
          fill: '-1', backgroundColor: withAlpha(seriesColour(theme, k), (theme.dark ? 0.22 : 0.15) * (faded ? 0.4 : 1)), order: 3 });
      }
      // Later series on top (a lower order draws later), each with its own marker shape: a curve that coincides
      // with another (p₂ = 0.1% on the clean line) still shows.
      datasets.push({ label: s.label, data: s.mean, role: 'mean', series: k, hidden, borderColor: colour, backgroundColor: colour,
        borderWidth: Math.min(11, 2 + 3.5 * covered[k]), pointRadius: many ? 0 : covered[k] ? 3 + 2 * covered[k] : k ? 3.5 : 2.5, pointHoverRadius: 4,
        pointStyle: POINT_STYLES[k % POINT_STYLES.length], covered: covered[k] > 0,
        order: 1 + 0.01 * (series.length - k) });
      if (context.median && spread && s.median && s.median.some((p) => p.y !== null)) {
        // Round dots (a zero-length dash with round caps): unlike the short dashes of the horizontal references.
        this.drawn.median = true;
        datasets.push({ label: `${s.label} (median)`, data: s.median, role: 'median', series: k, hidden, borderColor: colour,
          backgroundColor: colour, borderDash: [0, 5], borderCapStyle: 'round', borderWidth: 3, pointRadius: 0, pointHoverRadius: 3, order: 1.5 });
      }
      if (s.theory && s.theory.some((p) => p.y !== null)) {
        this.drawn.theory = true;
        const curve = s.theoryCurve;
        datasets.push({ label: `${s.label} (theory)`, data: curve ?? s.theory, role: 'theory', series: k, hidden, borderColor: colour,
          backgroundColor: colour, borderDash: [7, 5], borderWidth: 2, pointRadius: 0, pointHoverRadius: 3, order: 2,
          // On the fine grid, where each Monte Carlo x sits (hover and tooltips work per Monte Carlo point).
          gridIndex: curve ? result.x.values.map((x) => curve.findIndex((p) => p.x === x)) : null });
      }
      mergeReferences(s.references).forEach((reference, r) => {
        const [first, ...rest] = reference.labels;
        const named = `${first.label} = ${formatShort(first.value)}`;
        // The same line of several series (one lost tail mass for every π) is labelled once, naming no series.
        const others = shownReferences.filter((o) => o.k !== k && sameLine(o, { label: first.label, value: reference.value }));
        const repeated = others.some((o) => o.k < k);
        const text = this.narrow ? named
          : `${withReferences > 1 && !others.length ? `${s.label}: ` : ''}${named}` + rest.map((other) => ` (${other.label}: ${formatShort(other.value)})`).join('');
        // Where the label fits nowhere (label-layout.js): the line's name alone, then its value (the key names the
        // dotted lines); left out, it goes into the key in full. On a phone with several series' lines, values only.
        const position = labelEnd(curves, reference.value, logY);
        const value = formatShort(first.value);
        if (!repeated) lineLabels[`ref-${k}-${r}`] = { forms: this.narrow && withReferences > 1 ? [value] : [text, named, value], preferStart: position === 'start',
          keyWhenShortened: false, key: `${s.label}: ${named}${rest.map((other) => ` (${other.label}: ${formatShort(other.value)})`).join('')}` };
        this.drawn.references.push(...reference.labels.map((l) => l.label));
        annotations[`ref-${k}-${r}`] = {
          type: 'line', yMin: reference.value, yMax: reference.value, display: !hidden, role: 'reference', series: k,
          borderColor: colour, borderWidth: 2, borderDash: [2, 3],
          label: { display: !repeated, content: text, position,
            backgroundColor: labelBackground, color: theme.text, font: { size: 11 }, padding: 3, yAdjust: -11 },
        };
      });
    });

    // Pinned curves (play/pin-and-history.js): grey, thin, dashed, behind everything; not in the legend's series.
    (context.ghosts ?? []).forEach((ghost) => {
      this.drawn.ghosts = true;
      datasets.push({ label: ghost.label, data: ghost.points.map((p) => ({ x: p.x, y: logY && !(p.y > 0) ? null : p.y })), role: 'ghost',
        borderColor: withAlpha(theme.muted.startsWith('#') ? theme.muted : '#57606a', 0.55), borderWidth: 2, borderDash: [4, 3],
        pointRadius: 0, pointHitRadius: 0, order: 5 });
    });

    markerPoints(result, context.view, xLog).forEach((marker, i) => {
      const colour = seriesColour(theme, marker.series);
      const hidden = this.hidden.has(marker.series);
      this.drawn.markers.push(marker.label);
      datasets.push({ label: `${result.series[marker.series].label}: ${marker.label}`, data: [{ x: marker.x, y: marker.y }], role: 'marker',
        series: marker.series, marker, hidden, showLine: false, pointStyle: 'rectRot', pointRadius: 6.5, pointHoverRadius: 8,
        borderColor: theme.background, borderWidth: 1.5, backgroundColor: colour, order: 0 });
      const text = context.markerLabel?.(marker, result.series[marker.series]) ?? marker.label;
      // Where the whole label has no room, its name before the colon ("T = kᵝ"); the tooltip has all of it.
      labels.push({ x: marker.x, y: marker.y, datasetIndex: datasets.length - 1, colour, text, short: text.split(':')[0], key: `marker-${i}` });
    });

    (context.guides ?? []).forEach((guide, g) => {
      if (!Number.isFinite(guide.value) || (guide.axis === 'y' && logY && guide.value <= 0) || (guide.axis === 'x' && xLog && guide.value <= 0)) return;
      const series = Number.isInteger(guide.series) ? guide.series : null;
      const colour = series === null ? theme.muted : seriesColour(theme, series);
      const vertical = guide.axis === 'x';
      const name = String(guide.label).split(':')[0];
      lineLabels[`guide-${g}`] = { forms: [guide.label, name], preferStart: !vertical && labelEnd(curves, guide.value, logY) === 'start',
        keyWhenShortened: true, key: guide.label };
      annotations[`guide-${g}`] = {
        type: 'line', role: 'guide', display: series === null || !this.hidden.has(series),
        ...(vertical ? { xMin: guide.value, xMax: guide.value } : { yMin: guide.value, yMax: guide.value }),
        borderColor: colour, borderWidth: 1.5, borderDash: [8, 3, 2, 3],
        label: { display: true, content: guide.label, position: vertical ? 'end' : labelEnd(curves, guide.value, logY),
          backgroundColor: labelBackground, color: theme.text, font: { size: 11 }, padding: 3,
          ...(vertical ? { yAdjust: 12 } : { yAdjust: -11 }) },
      };
    });

    let y2 = null;
    if (right.size) {
      this.drawn.rightAxis = [...right];
      for (const dataset of datasets) if (right.has(dataset.series) && dataset.role !== 'ghost') dataset.yAxisID = 'y2';
      for (const annotation of Object.values(annotations)) if (annotation.role === 'reference' && right.has(annotation.series)) annotation.yScaleID = 'y2';
      // From zero, so the levels read as amounts (a flat line stays flat whatever the scale); no grid of its own.
      y2 = { type: 'linear', title: context.secondAxis.title, ...fullExtentRight, min: 0, grace: '15%', position: 'right', grid: false };
    }
    const left = series.filter((_, k) => !right.has(k));
    const lines = [...left.flatMap((s) => s.references.map((r) => r.value)), ...(context.guides ?? []).filter((g) => g.axis === 'y').map((g) => g.value)];
    const bounds = yBounds(left, { logY, lines, clip: context.yClip ?? null });
    const x = { type: xLog ? 'logarithmic' : 'linear', title: context.xTitle };
    if (!xLog) {
      x.min = Math.min(...result.x.values);
      x.max = Math.max(...result.x.values);
    }
    return { datasets, annotations, labels, lineLabels, dropped, bandGaps, x, y: { type: logY ? 'logarithmic' : 'linear', title: context.yTitle, ...fullExtent, ...bounds }, y2, normalized: true,
      interaction: { mode: 'collapseLab', intersect: false } };
  }

  pairedDatasets(theme) {
    const figure = this.figure;
    const datasets = [];
    this.drawn = { theory: false, references: [], markers: [], diagonal: Boolean(figure.diagonal), paired: true };
    for (const s of figure.series) {
      const colour = seriesColour(theme, s.index);
      const hidden = this.hidden.has(s.index);
      datasets.push({ label: s.label, data: s.points, role: 'mean', series: s.index, hidden, borderColor: colour, backgroundColor: colour,
        borderWidth: 2, pointRadius: 3.5, pointHoverRadius: 5.5, order: 1 });
      if (s.theory) {
        this.drawn.theory = true;
        datasets.push({ label: `${s.label} (theory)`, data: s.theory, role: 'theory', series: s.index, hidden, borderColor: colour,
          backgroundColor: colour, borderDash: [7, 5], borderWidth: 2, pointRadius: 0, pointHoverRadius: 3, order: 2 });
      }
    }
    const labels = (figure.labels ?? []).map((label) => ({ x: label.x, y: label.y, text: label.text, colour: seriesColour(theme, label.series),
      datasetIndex: datasets.findIndex((d) => d.role === 'mean' && d.series === label.series) }));
    if (figure.diagonal) {
      datasets.push({ label: 'y = x', data: figure.diagonal, role: 'diagonal', borderColor: theme.muted, borderWidth: 1.5,
        borderDash: [2, 4], pointRadius: 0, pointHitRadius: 0, order: 4 });
      // "y = x" below the diagonal's upper end, where the points (above it when the series are worse) are not.
      const high = figure.diagonal[1];
      labels.push({ x: high.x, y: high.y, text: 'y = x', colour: theme.muted, avoid: false, prefer: 'below-right' });
    }
    // Both axes follow `log`, unless the figure sets xLog / yLog apiece (e.g. a proportion across, an error up).
    const type = (log) => ((log ?? figure.log) ? 'logarithmic' : 'linear');
    return { datasets, annotations: {}, labels, dropped: figure.dropped, x: { type: type(figure.xLog), title: figure.xTitle }, y: { type: type(figure.yLog), title: figure.yTitle },
      normalized: false, interaction: { mode: 'nearest', intersect: false, axis: 'xy' } };
  }

  options(theme, built) {
    // A heatmap's axes are its grids: one tick per cell centre 0 … count − 1 (set after Chart.js builds its own),
    // labelled with the grid value (tick), no grid lines.
    const axis = ({ title, type, min, max, suggestedMin, suggestedMax, count, tick, grid = true, position, grace }, vertical = false) => ({
      type, min, max, suggestedMin, suggestedMax, ...(position ? { position } : {}), ...(grace ? { grace } : {}),
      ...(count ? { afterBuildTicks: (scale) => { scale.ticks = Array.from({ length: count }, (_, value) => ({ value })); } } : {}),
      title: { display: true, text: this.fittedTitle(title, vertical), color: theme.text, font: { size: 13 } },
      grid: { color: theme.grid, display: grid },
      border: { color: theme.muted },
      // A narrow column (an embed, a phone) fits about one tick label per 70 px; a heatmap labels its cells. A log
      // axis labels the densest round set of its ticks whose labels fit (axis-ticks.js); the others draw grid only.
      ticks: { color: theme.muted, font: { size: TICK_FONT_PX },
        maxTicksLimit: count ? 40 : this.narrow ? Math.max(3, Math.min(6, Math.floor((this.canvas.parentElement?.clientWidth || 320) / 70))) : 9,
        ...(count ? { autoSkip: true } : type === 'logarithmic' ? { autoSkip: false, maxRotation: 0 } : { autoSkipPadding: 8, maxRotation: 0 }),
        callback: tick ?? ((value, index, ticks) => (ticks?.[index]?.$label === false ? '' : formatTick(Number(value)))) },
      ...(type === 'logarithmic' && !count ? { afterBuildTicks: labelLogTicks, afterFit: fitWidestLogLabel } : {}),
    });
    return {
      responsive: true,
      maintainAspectRatio: false,
      ...(this.devicePixelRatio ? { devicePixelRatio: this.devicePixelRatio } : {}),
      onResize: (_chart, size) => {
        if ((size.width < NARROW_PX) !== this.narrow && this.result) setTimeout(() => this.draw(this.result, this.context));
      },
      animation: false,
      parsing: false,
      normalized: built.normalized,
      spanGaps: false,
      interaction: built.interaction,
      layout: { padding: built.padding ?? 0 },
      scales: { x: axis(built.x), y: axis(built.y, true), ...(built.y2 ? { y2: axis(built.y2, true) } : {}) },
      plugins: {
        legend: { display: false }, // the HTML legend below the canvas is keyboard-operable
        collapseLabBackground: { colour: theme.background },
        collapseLabHeatmap: { figure: this.figure?.kind === 'heatmap' ? this.figure : null, text: theme.text, muted: theme.muted },
        collapseLabLabels: { points: built.labels, lines: built.lineLabels ?? {}, background: withAlpha(theme.background.startsWith('#') ? theme.background : '#ffffff', 0.9), text: theme.text },
        annotation: { annotations: built.annotations },
        tooltip: {
          filter: (item) => !['band', 'diagonal', 'ghost'].includes(item.dataset.role),
          callbacks: {
            title: (items) => this.tooltipTitle(items),
            label: (item) => this.tooltipLine(item),
          },
        },
      },
    };
  }

  /** An axis title longer than its axis (a y title on a phone) on two lines, split at the space nearest its middle. */
  fittedTitle(title, vertical) {
    const text = String(title ?? '');
    const box = this.canvas.parentElement;
    const room = (vertical ? box?.clientHeight : box?.clientWidth) - 70;
    const ctx = this.canvas.getContext?.('2d');
    if (!ctx || !(room > 0)) return text;
    ctx.save();
    ctx.font = '13px system-ui, -apple-system, "Segoe UI", sans-serif';
    const fits = ctx.measureText(text).width <= room;
    ctx.restore();
    if (fits) return text;
    const spaces = [...text.matchAll(/ /g)].map((m) => m.index);
    if (!spaces.length) return text;
    const cut = spaces.reduce((best, i) => (Math.abs(i - text.length / 2) < Math.abs(best - text.length / 2) ? i : best));
    return [text.slice(0, cut), text.slice(cut + 1)];
  }

  tooltipTitle(items) {
    if (!items.length) return '';
    if (this.figure?.kind === 'heatmap') return heatmapTooltipTitle(this.figure, items[0]);
    if (this.figure) return `${this.figure.atLabel} = ${formatNumber(items[0].raw.at)}`;
    if (items[0].dataset.role === 'marker') return items[0].dataset.marker.label;
    return `${this.result.x.label} = ${formatNumber(items[0].parsed.x)}`;
  }

  tooltipLine(item) {
    if (this.figure?.kind === 'heatmap') return heatmapTooltipLines(this.figure, item);
    const series = this.result.series[item.dataset.series];
    const i = item.dataIndex;
    if (this.figure) {
      const { x, y } = item.raw;
      const names = this.figure.names ?? { x: 'x', y: 'y' };
      const ratio = this.figure.ratio === false ? '' : ` (${(y / x).toPrecision(3)}×)`; // a lines view of other quantities has no ratio
      return `${series.label}${item.dataset.role === 'theory' ? ', theory' : ''}: ${names.y} ${formatNumber(y)}, ${names.x} ${formatNumber(x)}${ratio}`;
    }
    if (item.dataset.role === 'marker') {
      const { marker } = item.dataset;
      return [series.label, `${this.result.x.label} = ${formatNumber(marker.x)}`, `${readableLabel(this.result.metric.label)} = ${formatNumber(marker.y)}`];
    }
    if (item.dataset.role === 'theory') return `${series.label}, theory: ${formatNumber(item.raw.y)}`;
    if (item.dataset.role === 'median') return `${series.label}, median: ${formatNumber(series.simulation.median[i])}`;
    const { mean, sem, lo, hi } = series.simulation;
    return `${series.label}: ${formatNumber(mean[i])} ± ${formatNumber(sem[i])} (SEM); 10–90%: ${formatNumber(lo[i])} to ${formatNumber(hi[i])}`;
  }

  /** Shows or hides series k (its mean, band, theory, references and markers). */
  setSeriesHidden(k, hidden) {
    if (hidden) this.hidden.add(k);
    else this.hidden.delete(k);
    if (this.result) this.draw(this.result, this.context);
  }

  resetHidden() {
    this.hidden.clear();
  }

  /** Colours and labels of the drawn series, for the HTML legend and the PNG; `index` is the Result's series. */
  legendItems() {
    const theme = this.fixedTheme ?? currentTheme();
    if (this.figure?.kind === 'heatmap') return []; // one colour scale, no series to toggle
    const series = this.figure ? this.figure.series.map((s) => ({ ...this.result.series[s.index], index: s.index }))
      : (this.result?.series ?? []).map((s, index) => ({ ...s, index }));
    const onRight = new Set(this.figure ? [] : this.drawn.rightAxis ?? []);
    return series.map((s) => ({ index: s.index, label: onRight.has(s.index) ? `${s.label} (right axis)` : s.label, colour: seriesColour(theme, s.index),
      theory: Boolean(s.theory?.some((v) => v !== null)), hidden: this.hidden.has(s.index) }));
  }

  /** The band's description, naming the series that have one when the view draws only some bands. */
  bandText(description) {
    const { bands = [], partialBands = false } = this.drawn;
    return partialBands && bands.length < (this.result?.series.length ?? 0) ? `${description} (${bands.join(', ')})` : description;
  }

  /** How to read the lines: [{ kind: 'line'|'band'|'marker', dash?, text }] for what this figure draws. */
  legendKey(bandText) {
    const unique = (list) => [...new Set(list)];
    if (this.drawn.heatmap) return heatmapLegendKey(this.figure);
    if (this.drawn.paired) {
      return [{ kind: 'line', text: `Monte Carlo, one point per ${this.figure.atLabel}` },
        ...(this.drawn.theory ? [{ kind: 'line', dash: '6 4', text: 'theory' }] : []),
        ...(this.drawn.diagonal ? [{ kind: 'line', dash: '2 4', text: this.figure.diagonalLabel ?? 'y = x' }] : [])];
    }
    return [{ kind: 'line', text: 'Monte Carlo mean' },
      ...(this.drawn.median ? [{ kind: 'line', dash: '0 5', cap: 'round', text: 'median of the trials (the typical run)' }] : []),
      ...(bandText && this.drawn.bands?.length ? [{ kind: 'band', text: this.bandText(bandText) }] : []),
      ...(this.drawn.theory ? [{ kind: 'line', dash: '6 4', text: 'theory' }] : []),
      ...(this.drawn.references.length ? [{ kind: 'line', dash: '2 3', text: unique(this.drawn.references).join(' · ') }] : []),
      // Line labels the plot had no room for in full (label-layout.js), in full here.
      ...unique(this.chart?.$collapseLabLabels?.left ?? []).map((text) => ({ kind: 'line', dash: '2 3', text })),
      ...unique(this.drawn.markers).map((text) => ({ kind: 'marker', text })),
      ...(this.drawn.ghosts ? [{ kind: 'line', dash: '4 3', text: 'pinned figure (grey)' }] : [])];
  }
}
