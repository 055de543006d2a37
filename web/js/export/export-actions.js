// The Download buttons: CSV (the core's report CSV — median, reference lines, marked points, names and units, the
// manifest as # lines — the same text `collapse-lab run --format csv-report` prints), JSON (the Result with the
// manifest beside it) and PNG (2× device pixels, the page's light theme unless the reader picks the page's colours).
// File names say what they hold: collapse-lab_<experiment>_<preset>[-changed]_seed<seed>.<ext>.
import { bandDescription } from '../controls/view-controls.js';
import { download } from './download.js';
import { exportCanvas } from './figure-export.js';
import { fileStem, resultJson } from './manifest.js';
import { figurePng } from './png-export.js';

/** The lines the page adds to the core's CSV manifest: what only the page knows. */
export function pageComments(m) {
  return [`build: ${m.flavour}`, ...(m.preset ? [`preset: ${m.preset}${m.changed ? ` (changed: ${m.changed})` : ''}`] : []),
    `link: ${m.link}`, `created: ${m.created}`];
}

export async function exportCsv(app) {
  if (!app.good) return;
  const m = app.manifest();
  const csv = await app.runner.csvReport(app.good.request, app.good.values, pageComments(m));
  download(new Blob([csv], { type: 'text/csv' }), `${fileStem(m)}.csv`);
}

export function exportJson(app) {
  if (!app.good) return;
  const m = app.manifest();
  download(new Blob([resultJson(m, app.good.result)], { type: 'application/json' }), `${fileStem(m)}.json`);
}

/** The footer's key says only what this figure draws: a band only where one is drawn, the median where it is. */
export function pngFooter(m, drawn, band) {
  const parts = [drawn.paired ? 'points: Monte Carlo means' : 'solid: Monte Carlo mean'];
  if (drawn.median) parts.push('round dots: median of the trials');
  // The view may draw the band of only some series (experiments/index.js, bandSeries): the footer names them.
  if (!drawn.paired && band !== 'none' && (drawn.bands?.length ?? 1) > 0)
    parts.push(`band: ${bandDescription(band)}${drawn.partialBands ? ` (${drawn.bands.join(', ')})` : ''}`);
  if (drawn.theory) parts.push('dashed: theory');
  if (drawn.references?.length) parts.push(`dotted: ${[...new Set(drawn.references)].join(', ')}`);
  if (drawn.markers?.length) parts.push(`diamonds: ${[...new Set(drawn.markers)].join(', ')}`);
  return [`Collapse Lab ${m.version}: ${m.trials} trials, seed ${m.seed}. ${parts.join('; ')}.`, `Reproduce: ${m.link}`];
}

export async function exportPng(app, { theme = 'light' } = {}) {
  if (!app.good) return;
  const m = app.manifest();
  const preset = app.view.presets.find((p) => p.key === app.good.state.preset);
  const figure = await exportCanvas(app.chart, { theme });
  const blob = await figurePng(figure.canvas, {
    title: preset ? `${preset.title} (${preset.citation.text.split(',')[0]})` : app.catalogueExperiment().title,
    legendItems: figure.legendItems,
    footer: pngFooter(m, figure.drawn, app.state.view.band),
    theme: figure.theme,
    scale: figure.scale,
  });
  download(blob, `${fileStem(m)}.png`);
}

/** A small "PNG colours" choice beside the PNG button: light (default) or the page's current theme. */
export function addPngThemeChoice(pngButton) {
  if (!pngButton || pngButton.parentElement.querySelector('[data-png-theme]')) return () => 'light';
  const select = document.createElement('select');
  select.dataset.pngTheme = '';
  select.setAttribute('aria-label', 'PNG colours');
  for (const [value, label] of [['light', 'light'], ['page', 'page colours']]) {
    const option = document.createElement('option');
    option.value = value;
    option.textContent = label;
    select.append(option);
  }
  pngButton.after(select);
  return () => select.value;
}
