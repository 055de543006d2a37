// Notation, not TeX (issue 13): what a reader sees is written in Unicode or words (kᵝ, k¹⁻ᵝ, pᵢ, "Σ over i > k"),
// never as TeX-like source (Σ_{i>k}, k^β, k^(−(β−1)), ‖·‖²_Σ). Walks every string of the catalogue (titles,
// labels, help texts, presets' claims), every preset's Result (series and reference-line and marker labels, metric
// and axis labels, notes; one trial each), what the lab views compute from those runs (captions, what to look for,
// axis titles, guides, marker labels) and the tours' text, and lists every offending string.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadNodeEngine } from './load-node.mjs';
import { experimentView } from '../../web/js/experiments/index.js';
import { presetState, toRequest } from '../../web/js/state/lab-state.js';
import { START_TOUR, TOURS } from '../../web/js/tour/tours.js';
import { readableLabel } from '../../web/js/figure/axis-labels.js';

// TeX-like source: a braced sub/superscript (_{…}, ^{…}), a parenthesised power (^(…)), a caret before a letter,
// digit or minus (k^β, T^2, j^−β), or a Σ subscript (‖x‖²_Σ). Subscripts Unicode lacks (Σ_W, λ_H, n_real) may stay.
const TEX = /_\{|\^\{|\^\(|\^[\p{L}\d−-]|_Σ/u;

const engine = await loadNodeEngine('simd');
const catalogue = engine.catalogue();

/** Every string value under `value` with its path, leaving out identifiers (keys) and addresses. */
function strings(value, where, out) {
  if (typeof value === 'string') out.push([where, value]);
  else if (Array.isArray(value)) value.forEach((v, i) => strings(v, `${where}[${i}]`, out));
  else if (value && typeof value === 'object')
    for (const [k, v] of Object.entries(value)) if (!['key', 'url', 'experiment', 'datasets', 'value', 'choices', 'default', 'x', 'series'].includes(k) || typeof v !== 'string') strings(v, `${where}.${k}`, out);
  return out;
}

const offending = (list) => list.filter(([, text]) => TEX.test(text)).map(([where, text]) => `${where}: ${text}`);

test('the pattern catches TeX-like source and passes Unicode notation', () => {
  for (const tex of ['Σ_{i>k} p_i', 'T = k^β', 'k^(−(β−1))', 'E‖ŵ − w*‖²_Σ', 's_j = j^−β', 'q^(1/τ)']) assert.match(tex, TEX, tex);
  for (const text of ['Σ over i > k of pᵢ', 'T = kᵝ', 'k¹⁻ᵝ', 'E (ŵ − w*)ᵀΣ(ŵ − w*)', 'n_real real samples', 'NC1 Tr(Σ_W Σ_B†)/C', 'πT = 1/pₖ']) assert.doesNotMatch(text, TEX, text);
});

test('the catalogue shows no TeX-like notation', () => {
  assert.deepEqual(offending(strings(catalogue, 'catalogue', [])), []);
});

test('no preset\'s Result, caption, axis titles, guides or marker labels show TeX-like notation', () => {
  const found = [];
  for (const experiment of catalogue.experiments) {
    const view = experimentView(experiment);
    for (const preset of view.presets) {
      const state = presetState(experiment, preset);
      const result = engine.run(toRequest({ ...state, config: { ...state.config, trials: 1 } }));
      const where = `${experiment.key}/${preset.key}`;
      const shown = [
        ...result.series.flatMap((s) => [[`${where} series`, s.label], ...(s.references ?? []).map((r) => [`${where} reference`, r.label]),
          ...(s.markers ?? []).map((m) => [`${where} marker`, view.markerLabel(m, s, result)])]),
        [`${where} metric`, readableLabel(result.metric.label)], [`${where} x`, result.x.label], [`${where} y title`, view.yTitle(result)],
        ...(result.notes ?? []).map((note) => [`${where} note`, note]),
        [`${where} caption`, view.caption(result)], [`${where} look for`, preset.lookFor(result)], [`${where} claim`, preset.claim],
        ...view.guides(result).map((g) => [`${where} guide`, g.label]),
      ];
      found.push(...offending(shown.filter(([, text]) => typeof text === 'string')));
    }
  }
  assert.deepEqual(found, []);
});

test('the tours show no TeX-like notation', () => {
  const steps = [...Object.entries(TOURS).flatMap(([key, tour]) => tour.map((step, i) => [`${key} step ${i + 1}`, step.text])),
    ...START_TOUR.map((step, i) => [`start step ${i + 1}`, step.text])];
  assert.deepEqual(offending(steps), []);
});
