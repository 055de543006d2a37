// Small multiples of a Result with several metrics (docs/result.md, "Several metrics from one run"): one small chart per
// metric, in the Result's declared order, all from the same run, drawn with the main figure's ChartView (Monte Carlo
// mean, band, theory dashed, reference lines). The primary metric is outlined. A view may give each metric a y scale
// (view.multiples.scale[key] = 'log' | 'linear') and an x axis on which training steps read best (view.multiples.logSteps:
// the x axis becomes step + 1 on a log scale, so step 0 is shown). Single-metric Results hide the section.
import { ChartView } from './chart-view.js';

/** The Result seen as a one-metric Result of metric `key` (what ChartView draws). */
export function metricResult(result, key, { logSteps = false } = {}) {
  const axis = result.metrics.find((m) => m.key === key);
  const x = logSteps ? { ...result.x, label: `${result.x.label} + 1`, values: result.x.values.map((v) => v + 1) } : result.x;
  return {
    ...result,
    x,
    metric: axis,
    metrics: [axis],
    series: result.series.map((s) => {
      const m = s.metrics[key];
      return { ...s, simulation: m.simulation, theory: m.theory, references: m.references, markers: [] };
    }),
  };
}

export class MetricMultiples {
  constructor(root) {
    this.root = root;
    this.charts = new Map(); // key → { figure, view }
  }

  hide() {
    if (this.root) this.root.hidden = true;
  }

  /** Draws every metric of `result`; view: the experiment view's `multiples` declaration (or null). */
  draw(result, declared, { band = 'quantile', revealUntil = null } = {}) {
    if (!this.root) return;
    const metrics = result.metrics ?? [];
    if (metrics.length < 2) return this.hide();
    const declaration = declared ?? {};
    this.root.hidden = false;
    const keys = metrics.map((m) => m.key);
    if (keys.join() !== [...this.charts.keys()].join()) this.build(metrics);
    for (const { key, label } of metrics) {
      const { figure, view } = this.charts.get(key);
      figure.classList.toggle('primary', key === result.metric.key);
      // A metric that does not apply to these settings (all null, e.g. term B under cross-entropy) is not drawn.
      figure.hidden = result.series.every((s) => s.metrics[key].simulation.mean.every((v) => v === null));
      const logSteps = Boolean(declaration.logSteps);
      const derived = metricResult(result, key, { logSteps });
      view.draw(derived, {
        view: { y: declaration.scale?.[key] ?? 'linear', band }, xTitle: derived.x.label, yTitle: declaration.short?.[key] ?? label,
        xSpec: logSteps ? 'step=1:1:log:1' : '', xParameter: null, median: false, guides: [],
        // Play reveals the multiples with the main figure (on the step + 1 axis when logSteps).
        revealUntil: Number.isFinite(revealUntil) ? revealUntil + (logSteps ? 1 : 0) : null,
      });
    }
  }

  build(metrics) {
    for (const { view } of this.charts.values()) view.chart?.destroy();
    this.charts.clear();
    const figures = metrics.map(({ key, label }) => {
      const figure = document.createElement('figure');
      figure.dataset.metric = key;
      const caption = document.createElement('figcaption');
      caption.textContent = label;
      const wrap = document.createElement('div');
      wrap.className = 'multiple-wrap';
      const canvas = document.createElement('canvas');
      canvas.setAttribute('role', 'img');
      canvas.setAttribute('aria-label', `${label} against the training step (all trials of this run).`);
      wrap.append(canvas);
      figure.append(caption, wrap);
      this.charts.set(key, { figure, view: new ChartView(canvas) });
      return figure;
    });
    this.root.replaceChildren(...figures);
  }
}
