// The picture of one generation (Chart.js, a second canvas under the metric figure). For a 2-D or 3-D cloud: a scatter
// of the generation's samples (the series' colour) over the real training data (grey), on axes fixed across all
// generations so the reader sees the cloud shrink or blur as the slider moves. For d = 1: a histogram of the samples
// (filled steps, density scale) with a tick per sample along the axis, against the true N(0, 1) density (grey,
// dashed), again on fixed axes. Every dataset carries a `role` ('real', 'samples', 'histogram', 'truth') for tests.
import { binCount, histogram, histogramOutline, niceRange, normalCurve, pairs, range } from './point-cloud-data.js';
import { currentTheme, withAlpha } from './theme.js';
import { canvasBackground } from './canvas-background.js';
import { formatNumber, formatTick } from '../util/format.js';

/** At most this many points per dataset are drawn (the first ones: samples are i.i.d.); summaries use all. */
export const MAX_DRAWN = 3000;

export class PictureView {
  constructor(canvas) {
    this.canvas = canvas;
    this.chart = null;
    this.frame = null;
  }

  /**
   * Fixes the axes for a cloud (all generations and the real data), so moving the slider changes only the points.
   * cloud: { dimension, real, generations }; layout: pictureLayout(...); truth: 'standard-normal' | null.
   */
  setCloud(cloud, layout, { truth = null } = {}) {
    const sets = [cloud.real, ...cloud.generations];
    if (layout.kind === 'histogram') {
      const [min, max] = niceRange(range(sets, 1, 0, { atLeast: truth === 'standard-normal' ? [-3.5, 3.5] : null, pad: 0.02 }));
      const bins = binCount(cloud.generations[0]?.length ?? cloud.real.length);
      const histograms = cloud.generations.map((g) => histogram(g, { min, max, bins }));
      const tallest = Math.max(0.45, ...histograms.flatMap((h) => h.map((b) => b.density)));
      this.frame = { kind: 'histogram', min, max, bins, histograms, yMax: niceRange([0, tallest * 1.05])[1] };
    } else {
      const [a, b] = layout.axes;
      this.frame = { kind: 'scatter', axes: layout.axes, names: layout.names,
        x: niceRange(range(sets, cloud.dimension, a)), y: niceRange(range(sets, cloud.dimension, b)) };
    }
    this.cloud = cloud;
    this.truth = truth;
  }

  /** Draws generation t (1-based) in `colour`, labelled `seriesLabel`. */
  draw(generation, { colour, seriesLabel }) {
    const theme = currentTheme();
    const { cloud, frame } = this;
    const samples = cloud.generations[generation - 1];
    const grey = theme.muted;
    const datasets = [];
    let scales;
    if (frame.kind === 'histogram') {
      if (this.truth === 'standard-normal')
        datasets.push({ label: 'truth N(0, 1)', role: 'truth', data: normalCurve(frame.min, frame.max), borderColor: grey, borderDash: [6, 4],
          borderWidth: 2, pointRadius: 0, showLine: true, fill: false, order: 1 });
      datasets.push({ label: `${seriesLabel}: histogram of generation ${generation}`, role: 'histogram',
        data: histogramOutline(frame.histograms[generation - 1]), borderColor: colour, backgroundColor: withAlpha(colour, theme.dark ? 0.35 : 0.28),
        borderWidth: 1.5, pointRadius: 0, showLine: true, fill: 'origin', order: 2 });
      // Ticks (a rug) under the zero line: the samples, and below them the real data.
      const ticks = Array.from(samples.slice(0, MAX_DRAWN), (x) => ({ x, y: -0.035 * frame.yMax }));
      datasets.push({ label: `${seriesLabel}: samples of generation ${generation}`, role: 'samples', data: ticks, showLine: false,
        pointStyle: 'line', rotation: 90, pointRadius: 5, pointHoverRadius: 7, borderColor: colour, borderWidth: 2, order: 0 });
      const realTicks = Array.from(cloud.real.slice(0, MAX_DRAWN), (x) => ({ x, y: -0.09 * frame.yMax }));
      datasets.push({ label: 'real data', role: 'real', data: realTicks, showLine: false, pointStyle: 'line', rotation: 90,
        pointRadius: 4, pointHoverRadius: 6, borderColor: grey, borderWidth: 1.5, order: 3, hidden: false });
      scales = {
        x: axis(theme, 'x', 'linear', frame.min, frame.max),
        y: axis(theme, 'density', 'linear', -0.12 * frame.yMax, frame.yMax),
      };
    } else {
      const [a, b] = frame.axes;
      datasets.push({ label: 'real data', role: 'real', data: pairs(cloud.real, cloud.dimension, a, b, MAX_DRAWN), showLine: false,
        pointRadius: 2.5, pointHoverRadius: 4, backgroundColor: withAlpha(hexOf(grey, theme), 0.45), borderWidth: 0, order: 2 });
      datasets.push({ label: `${seriesLabel}: samples of generation ${generation}`, role: 'samples',
        data: pairs(samples, cloud.dimension, a, b, MAX_DRAWN), showLine: false, pointRadius: 2.5, pointHoverRadius: 4,
        backgroundColor: withAlpha(colour, 0.8), borderColor: colour, borderWidth: 0.5, order: 1 });
      scales = {
        x: axis(theme, frame.names[0], 'linear', frame.x[0], frame.x[1]),
        y: axis(theme, frame.names[1], 'linear', frame.y[0], frame.y[1]),
      };
    }
    const options = {
      responsive: true, maintainAspectRatio: false, animation: false, parsing: false, normalized: false,
      scales,
      interaction: { mode: 'nearest', intersect: true },
      plugins: {
        legend: { display: false },
        collapseLabBackground: { colour: theme.background },
        tooltip: {
          filter: (item) => item.dataset.role === 'samples' || item.dataset.role === 'real',
          callbacks: {
            title: (items) => items[0]?.dataset.label ?? '',
            label: (item) => (frame.kind === 'histogram' ? `x = ${formatNumber(item.raw.x)}`
              : `${frame.names[0]} = ${formatNumber(item.raw.x)}, ${frame.names[1]} = ${formatNumber(item.raw.y)}`),
          },
        },
      },
    };
    if (this.chart) {
      this.chart.data.datasets = datasets;
      this.chart.options = options;
      this.chart.update('none');
    } else {
      this.chart = new window.Chart(this.canvas, { type: 'scatter', data: { datasets }, options, plugins: [canvasBackground] });
    }
  }
}

function axis(theme, title, type, min, max) {
  return {
    type, min, max,
    title: { display: true, text: title, color: theme.text, font: { size: 13 } },
    grid: { color: theme.grid },
    border: { color: theme.muted },
    ticks: { color: theme.muted, maxTicksLimit: 8, includeBounds: false, callback: (value) => (title === 'density' && Number(value) < 0 ? '' : formatTick(Number(value))) },
  };
}

// theme.muted may be any CSS colour; withAlpha needs '#rrggbb'.
function hexOf(colour, theme) {
  return /^#[0-9a-f]{6}$/i.test(colour) ? colour : theme.dark ? '#9ba4ae' : '#57606a';
}
