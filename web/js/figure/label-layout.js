// Where the figure's text labels go, so that no two overlap and none runs off the plot area: the labels of the
// reference lines and guides (drawn by chartjs-plugin-annotation) and the short labels beside marked points (drawn
// here). After the annotation plugin has placed its labels (its afterUpdate runs before ours: registered plugins
// come before a chart's own), each line label is moved to the first free spot of a short list — above or below its
// line, at either end or the middle, beside a vertical guide at the top or bottom — preferring spots that cover the
// fewest points of the curves. Where the full text fits nowhere, shorter forms are tried (a reference line's name,
// then its value alone: the line's colour names the series and the key under the chart names the dotted lines; a
// guide's name before its colon, its full text then in the key), and where none fits the label is left out and
// listed in full in the key (`chart.$collapseLabLabels.left`). Marked-point labels then take the
// spots left over (else their short form, else they are left out; the tooltip has them). The boxes finally drawn are
// kept on the chart (`chart.$collapseLabLabels.boxes`) for the key and the browser test.
const GAP = 2; // px between a label and its line, and between two labels
const FONT = '11px system-ui, -apple-system, "Segoe UI", sans-serif';

const overlapping = (a, b) => a.x < b.x + b.w + GAP && b.x < a.x + a.w + GAP && a.y < b.y + b.h + GAP && b.y < a.y + a.h + GAP;
const inside = (box, area) => box.x >= area.left && box.x + box.w <= area.right && box.y >= area.top && box.y + box.h <= area.bottom;

/** Pixel points of the drawn curves (means, medians, theory), with segments sampled every few pixels. */
function curvePixels(chart) {
  const pixels = [];
  chart.data.datasets.forEach((dataset, i) => {
    if (!['mean', 'median', 'theory'].includes(dataset.role) || !chart.isDatasetVisible(i)) return;
    let previous = null;
    for (const element of chart.getDatasetMeta(i).data) {
      if (!element || element.skip || !Number.isFinite(element.y)) { previous = null; continue; }
      if (previous) {
        const steps = Math.min(40, Math.ceil(Math.hypot(element.x - previous.x, element.y - previous.y) / 6));
        for (let s = 1; s < steps; s++) pixels.push({ x: previous.x + (element.x - previous.x) * s / steps, y: previous.y + (element.y - previous.y) * s / steps });
      }
      pixels.push({ x: element.x, y: element.y });
      previous = element;
    }
  });
  return pixels;
}

const covers = (box, pixels) => pixels.reduce((n, p) => n + (p.x >= box.x && p.x <= box.x + box.w && p.y >= box.y && p.y <= box.y + box.h), 0);

/** The first valid spot of least cost: inside the area, clear of every placed box; fewer covered curve points first. */
function bestSpot(candidates, area, placed, pixels) {
  let best = null;
  candidates.forEach((box, order) => {
    if (!inside(box, area) || placed.some((other) => overlapping(box, other))) return;
    const cost = covers(box, pixels) + order * 0.01;
    if (!best || cost < best.cost) best = { box, cost };
  });
  return best?.box ?? null;
}

/** Candidate boxes for a line label of size w × h: horizontal lines above/below at the preferred end, the other end,
 * the middle; vertical lines beside the line at the top, then the bottom. */
function lineCandidates(element, w, h, area, preferStart) {
  const vertical = Math.abs(element.x2 - element.x) < 0.5;
  if (vertical) {
    const x = element.x;
    return [[x + GAP, area.top + GAP], [x - GAP - w, area.top + GAP], [x + GAP, area.bottom - GAP - h], [x - GAP - w, area.bottom - GAP - h],
      [x - w / 2, area.top + GAP], [x + GAP, (area.top + area.bottom - h) / 2], [x - GAP - w, (area.top + area.bottom - h) / 2]]
      .map(([bx, by]) => ({ x: bx, y: by, w, h }));
  }
  const y = element.y;
  const left = Math.max(area.left, Math.min(element.x, element.x2)) + GAP + 1;
  const right = Math.min(area.right, Math.max(element.x, element.x2)) - GAP - 1 - w;
  const [first, other] = preferStart ? [left, right] : [right, left];
  const [above, below] = [y - GAP - h, y + GAP];
  const middle = (left + right) / 2;
  return [[first, above], [other, above], [first, below], [other, below], [middle, above], [middle, below]]
    .map(([bx, by]) => ({ x: bx, y: by, w, h }));
}

/** Moves (and where needed shortens or hides) the annotation plugin's line labels; returns the placed boxes. */
function layoutLineLabels(chart, meta, pixels, placed, left, obstacles) {
  const plugin = window.Chart?.registry?.getPlugin?.('annotation');
  const elements = plugin?.getAnnotations?.(chart) ?? [];
  const { ctx, chartArea: area } = chart;
  ctx.save();
  for (const element of elements) {
    const label = element.elements?.[0];
    const info = meta[element.options.id];
    if (!label || !info || !element.options.display || !label.options.display || !label.options.content) continue;
    ctx.font = `${label.options.font?.size ?? 11}px ${label.options.font?.family ?? 'system-ui, sans-serif'}`;
    const extra = label.width - ctx.measureText(String(label.options.content)).width; // padding and border
    const forms = info.forms.filter((text, i, all) => text && all.indexOf(text) === i);
    let chosen = null;
    for (const text of forms) {
      const w = ctx.measureText(text).width + extra;
      const box = bestSpot(lineCandidates(element, w, label.height, area, info.preferStart), area, [...obstacles, ...placed], pixels);
      if (box) { chosen = { text, box }; break; }
    }
    if (!chosen) {
      label.options.display = false;
      left.push(info.key);
      continue;
    }
    const { text, box } = chosen;
    if (text !== info.forms[0] && info.keyWhenShortened) left.push(info.key);
    label.options.content = text;
    Object.assign(label, { x: box.x, y: box.y, x2: box.x + box.w, y2: box.y + box.h, width: box.w, height: box.h,
      centerX: box.x + box.w / 2, centerY: box.y + box.h / 2 });
    placed.push({ ...box, text, kind: 'line', id: element.options.id });
  }
  ctx.restore();
}

/** The y scale a point label is drawn against: its dataset's (a series on the right-hand axis uses 'y2'). */
const yScaleOf = (chart, label) => chart.scales[chart.data.datasets[label.datasetIndex]?.yAxisID ?? 'y'] ?? chart.scales.y;

export const labelLayout = {
  id: 'collapseLabLabels',
  afterUpdate(chart, _args, options) {
    const pixels = curvePixels(chart);
    const placed = [];
    const left = [];
    const obstacles = (options.points ?? []).filter((label) => label.avoid !== false && (label.datasetIndex === undefined || chart.isDatasetVisible(label.datasetIndex)))
      .map((label) => ({ x: chart.scales.x.getPixelForValue(label.x) - 8, y: yScaleOf(chart, label).getPixelForValue(label.y) - 8, w: 16, h: 16 }));
    layoutLineLabels(chart, options.lines ?? {}, pixels, placed, left, obstacles);
    chart.$collapseLabLabels = { boxes: placed, left, pixels };
  },
  // Short labels beside points (marked optima, the diagonal's name): above, below, right or left of the point, clear
  // of the line labels, other labels and marked points.
  afterDatasetsDraw(chart, _args, options) {
    const state = chart.$collapseLabLabels ?? { boxes: [], left: [], pixels: [] };
    state.boxes = state.boxes.filter((box) => box.kind === 'line');
    const labels = options.points ?? [];
    if (!labels.length) return;
    const { ctx, chartArea: area, scales } = chart;
    const at = (label) => ({ x: scales.x.getPixelForValue(label.x), y: yScaleOf(chart, label).getPixelForValue(label.y) });
    const visible = labels.filter((label) => label.datasetIndex === undefined || chart.isDatasetVisible(label.datasetIndex));
    const obstacles = visible.filter((label) => label.avoid !== false).map(at).map((p) => ({ x: p.x - 8, y: p.y - 8, w: 16, h: 16 }));
    const blocked = (box) => obstacles.some((o) => overlapping(box, o)) || state.boxes.some((o) => overlapping(box, o));
    ctx.save();
    ctx.font = FONT;
    ctx.textBaseline = 'middle';
    for (const label of visible) {
      const p = at(label);
      // One "T = kᵝ: the scaling stops" names every such diamond (the key lists them too).
      if (state.boxes.some((box) => box.kind === 'point' && box.source === label.text)) continue;
      if (!(p.x >= area.left && p.x <= area.right && p.y >= area.top && p.y <= area.bottom)) continue;
      const h = 16;
      let box = null, text = null;
      for (const form of [label.text, label.short].filter((t, i, all) => t && all.indexOf(t) === i)) {
        const w = ctx.measureText(form).width + 8;
        const candidates = (label.prefer === 'below-right' ? [[4, 6], [-w / 2 + 10, 14]] : [])
          .concat([[-w / 2, -12 - h], [-w / 2, 12], [12, -h / 2], [-12 - w, -h / 2]])
          .map(([dx, dy]) => ({ x: p.x + dx, y: p.y + dy, w, h }));
        box = candidates.find((b) => inside(b, area) && !blocked(b)) ?? null;
        if (box) { text = form; break; }
      }
      if (!box) continue;
      state.boxes.push({ ...box, text, source: label.text, kind: 'point', datasetIndex: label.datasetIndex });
      ctx.fillStyle = options.background;
      ctx.strokeStyle = label.colour;
      ctx.lineWidth = 1;
      ctx.beginPath();
      ctx.roundRect?.(box.x + 0.5, box.y + 0.5, box.w - 1, box.h - 1, 3) ?? ctx.rect(box.x + 0.5, box.y + 0.5, box.w - 1, box.h - 1);
      ctx.fill();
      ctx.stroke();
      ctx.fillStyle = options.text;
      ctx.fillText(text, box.x + 4, box.y + h / 2 + 0.5);
    }
    ctx.restore();
    chart.$collapseLabLabels = state;
  },
};
