// The figure: Chart.js (vendored UMD, window.Chart) with the annotation plugin for reference lines. Per series:
// the Monte Carlo mean (solid, with points), the band (filled between its lower and upper edge), and the theory
// (dashed, same colour); a reference such as the π²/6 bound is a dotted horizontal line with its label.
// Tooltips give the exact numbers behind every point.
import { figureData, xAxisIsLog } from './figure-data.js';
import { currentTheme, seriesColour, withAlpha } from './theme.js';
import { formatNumber } from '../util/format.js';

// Paints the canvas background so an exported PNG is not transparent.
const background = {
  id: 'collapseLabBackground',
  beforeDraw(chart, _args, options) {
    const { ctx, width, height } = chart;
    ctx.save();
    ctx.fillStyle = options.colour;
    ctx.fillRect(0, 0, width, height);
    ctx.restore();
  },
};

export class ChartView {
  constructor(canvas) {
    this.canvas = canvas;
    this.chart = null;
    this.result = null;
    this.hidden = new Set();
  }

  /**
   * Draws a Result. context: { view: {y, band}, xTitle, yTitle, xSpec, xParameter }.
   * Returns { dropped }: how many values a log axis could not show.
   */
  draw(result, context) {
    this.result = result;
    this.context = context;
    const theme = currentTheme();
    const { series, dropped } = figureData(result, context.view);
    const datasets = [];
    const annotations = {};
    series.forEach((s, k) => {
      const colour = seriesColour(theme, k);
      const hidden = this.hidden.has(k);
      const many = s.mean.length > 40;
      if (s.lo && s.hi) {
        datasets.push({ label: `${s.label} band low`, data: s.lo, role: 'band', series: k, hidden, borderWidth: 0, pointRadius: 0, pointHitRadius: 0, fill: false, order: 3 });
        datasets.push({ label: `${s.label} band`, data: s.hi, role: 'band', series: k, hidden, borderWidth: 0, pointRadius: 0, pointHitRadius: 0,
          fill: '-1', backgroundColor: withAlpha(colour, theme.dark ? 0.22 : 0.15), order: 3 });
      }
      datasets.push({ label: s.label, data: s.mean, role: 'mean', series: k, hidden, borderColor: colour, backgroundColor: colour,
        borderWidth: 2, pointRadius: many ? 0 : 2.5, pointHoverRadius: 4, order: 1 });
      if (s.theory)
        datasets.push({ label: `${s.label} (theory)`, data: s.theory, role: 'theory', series: k, hidden, borderColor: colour,
          backgroundColor: colour, borderDash: [7, 5], borderWidth: 2, pointRadius: 0, pointHoverRadius: 3, order: 2 });
      s.references.forEach((reference, r) => {
        annotations[`ref-${k}-${r}`] = {
          type: 'line', yMin: reference.value, yMax: reference.value, display: !hidden,
          borderColor: colour, borderWidth: 1.5, borderDash: [2, 3],
          label: { display: true, content: `${reference.label} = ${formatNumber(reference.value)}`, position: 'end',
            backgroundColor: withAlpha(theme.background.startsWith('#') ? theme.background : '#ffffff', 0.85),
            color: theme.text, font: { size: 11 }, padding: 3, yAdjust: -11 },
        };
      });
    });

    const xLog = xAxisIsLog(result.x.values, context.xSpec, context.xParameter);
    const options = this.options(theme, xLog, context, annotations);
    if (this.chart) {
      this.chart.data.datasets = datasets;
      this.chart.options = options;
      this.chart.update('none');
    } else {
      this.chart = new window.Chart(this.canvas, { type: 'line', data: { datasets }, options, plugins: [background] });
    }
    return { dropped };
  }

  options(theme, xLog, context, annotations) {
    const result = this.result;
    const axis = (title, type) => ({
      type,
      title: { display: true, text: title, color: theme.text, font: { size: 13 } },
      grid: { color: theme.grid },
      border: { color: theme.muted },
      ticks: { color: theme.muted, maxTicksLimit: 9, callback: (value) => formatNumber(Number(value)) },
    });
    const x = axis(context.xTitle, xLog ? 'logarithmic' : 'linear');
    if (!xLog) {
      x.min = Math.min(...result.x.values);
      x.max = Math.max(...result.x.values);
    }
    return {
      responsive: true,
      maintainAspectRatio: false,
      animation: false,
      parsing: false,
      normalized: true,
      spanGaps: false,
      interaction: { mode: 'index', intersect: false },
      scales: { x, y: axis(context.yTitle, context.view.y === 'log' ? 'logarithmic' : 'linear') },
      plugins: {
        legend: { display: false }, // the HTML legend below the canvas is keyboard-operable
        collapseLabBackground: { colour: theme.background },
        annotation: { annotations },
        tooltip: {
          filter: (item) => item.dataset.role !== 'band',
          callbacks: {
            title: (items) => (items.length ? `${result.x.label} = ${formatNumber(items[0].parsed.x)}` : ''),
            label: (item) => this.tooltipLine(item),
          },
        },
      },
    };
  }

  tooltipLine(item) {
    const series = this.result.series[item.dataset.series];
    const i = item.dataIndex;
    if (item.dataset.role === 'theory') return `${series.label}, theory: ${formatNumber(series.theory[i])}`;
    const { mean, sem, lo, hi } = series.simulation;
    return `${series.label}: ${formatNumber(mean[i])} ± ${formatNumber(sem[i])} (SEM); 10–90%: ${formatNumber(lo[i])} to ${formatNumber(hi[i])}`;
  }

  /** Shows or hides series k (its mean, band, theory and references). */
  setSeriesHidden(k, hidden) {
    if (hidden) this.hidden.add(k);
    else this.hidden.delete(k);
    if (this.result) this.draw(this.result, this.context);
  }

  resetHidden() {
    this.hidden.clear();
  }

  /** Colours and labels of the drawn series, for the HTML legend and the PNG. */
  legendItems() {
    const theme = currentTheme();
    return (this.result?.series ?? []).map((s, k) => ({ label: s.label, colour: seriesColour(theme, k), theory: Boolean(s.theory?.some((v) => v !== null)), hidden: this.hidden.has(k) }));
  }
}
