// Drawing a heatmap spec (heatmap-figure.js) with Chart.js: the cells are painted by a plugin under the datasets,
// in grid coordinates (column i spans i ± ½ on the x axis, row k spans k ± ½ on the y axis), with the cell's value
// written inside when it fits; the colour bar with its ticks stands right of the plot area (so the PNG export carries
// it too). One invisible point per cell centre carries the tooltip: the cell's two parameter values, the Monte
// Carlo mean ± SEM and the theory.
import { lightTextOn, scaleTicks, viridis } from './colour-scale.js';
import { formatNumber, formatShort, formatTick } from '../util/format.js';

const BAR_WIDTH = 14;
const BAR_GAP = 14;
const BAR_SPACE = 96; // right padding that holds the bar and its tick labels

/** The Chart.js plugin that paints the cells and the colour bar of the figure given in its options. */
export const heatmapPlugin = {
  id: 'collapseLabHeatmap',
  beforeDatasetsDraw(chart, _args, options) {
    const figure = options.figure;
    if (!figure) return;
    const { ctx, chartArea: area, scales } = chart;
    const left = (c) => scales.x.getPixelForValue(c - 0.5);
    const right = (c) => scales.x.getPixelForValue(c + 0.5);
    const top = (r) => scales.y.getPixelForValue(r + 0.5);
    const bottom = (r) => scales.y.getPixelForValue(r - 0.5);
    ctx.save();
    ctx.font = '11px system-ui, -apple-system, "Segoe UI", sans-serif';
    ctx.textAlign = 'center';
    ctx.textBaseline = 'middle';
    for (const cell of figure.cells) {
      const x0 = left(cell.column);
      const y0 = top(cell.row);
      const w = right(cell.column) - x0;
      const h = bottom(cell.row) - y0;
      if (cell.position === null) {
        // An empty cell (no finite value, or ≤ 0 on a log colour scale): hatched in the muted colour.
        ctx.strokeStyle = options.muted;
        ctx.strokeRect(x0 + 1, y0 + 1, w - 2, h - 2);
        continue;
      }
      ctx.fillStyle = viridis(cell.position);
      ctx.fillRect(x0, y0, w + 0.5, h + 0.5); // + ½ px: no hairline gaps between cells
      const text = formatShort(cell.value);
      if (w >= ctx.measureText(text).width + 6 && h >= 16) {
        ctx.fillStyle = lightTextOn(cell.position) ? '#ffffff' : '#000000';
        ctx.fillText(text, x0 + w / 2, y0 + h / 2);
      }
    }
    drawColourBar(ctx, area, figure, options);
    ctx.restore();
  },
};

function drawColourBar(ctx, area, figure, options) {
  const x = area.right + BAR_GAP;
  const height = area.bottom - area.top;
  const gradient = ctx.createLinearGradient(0, area.bottom, 0, area.top);
  for (let i = 0; i <= 20; i += 1) gradient.addColorStop(i / 20, viridis(i / 20));
  ctx.fillStyle = gradient;
  ctx.fillRect(x, area.top, BAR_WIDTH, height);
  ctx.strokeStyle = options.muted;
  ctx.strokeRect(x + 0.5, area.top + 0.5, BAR_WIDTH - 1, height - 1);
  const { min, max, log } = figure.scale;
  const f = log ? Math.log : (v) => v;
  ctx.fillStyle = options.text;
  ctx.textAlign = 'left';
  ctx.textBaseline = 'middle';
  for (const tick of scaleTicks(figure.scale)) {
    const t = max > min ? (f(tick) - f(min)) / (f(max) - f(min)) : 0.5;
    const y = area.bottom - t * height;
    ctx.fillRect(x + BAR_WIDTH, y - 0.5, 4, 1);
    ctx.fillText(formatShort(tick), x + BAR_WIDTH + 7, y);
  }
}

/** The datasets and axes chart-view.js draws for a heatmap spec. */
export function heatmapDrawing(figure) {
  const points = figure.cells.map((cell) => ({ x: cell.column, y: cell.row, cell }));
  const tickLabels = (values) => (value) => (Number.isInteger(value) && value >= 0 && value < values.length ? formatTick(values[value]) : '');
  return {
    datasets: [{ label: figure.metricTitle, data: points, role: 'cell', showLine: false, pointRadius: 0, pointHoverRadius: 0,
      pointHitRadius: 4, borderWidth: 0 }],
    annotations: {},
    labels: [],
    dropped: figure.dropped,
    x: { type: 'linear', title: figure.xTitle, min: -0.5, max: figure.xs.length - 0.5, count: figure.xs.length, tick: tickLabels(figure.xs), grid: false },
    y: { type: 'linear', title: figure.yTitle, min: -0.5, max: figure.ys.length - 0.5, count: figure.ys.length, tick: tickLabels(figure.ys), grid: false },
    normalized: false,
    // The cell under the pointer: each cell's point is its centre, so the nearest point is the cell itself.
    interaction: { mode: 'nearest', intersect: false, axis: 'xy' },
    padding: { right: BAR_SPACE },
  };
}

export function heatmapTooltipTitle(figure, item) {
  const { cell } = item.raw;
  return `${figure.xTitle} = ${formatNumber(cell.x)}, ${figure.yTitle} = ${formatNumber(cell.y)}`;
}

export function heatmapTooltipLines(figure, item) {
  const { cell } = item.raw;
  return [`${figure.metricTitle}: ${formatNumber(cell.value)} ± ${formatNumber(cell.sem)} (SEM)`,
    ...(cell.theory !== null && Number.isFinite(cell.theory) ? [`theory: ${formatNumber(cell.theory)}`] : [])];
}

/** The legend key of a heatmap: how to read the colours. */
export function heatmapLegendKey(figure) {
  return [{ kind: 'scale', colours: [0, 0.25, 0.5, 0.75, 1].map(viridis),
    text: `colour: ${figure.metricTitle}, Monte Carlo mean, ${formatShort(figure.scale.min)} to ${formatShort(figure.scale.max)}` +
      `${figure.scale.log ? ' (log scale)' : ''}; hover a cell for its SEM and theory` }];
}
