// The kernel-chain lab view (Dohmatob, Feng & Kempe 2024, "Model Collapse Demystified", its kernel ridge experiment on
// MNIST): control groups, the axes each preset reads best on, the optimal-λ label, and what to look for, quoting the
// run. Parameters, presets, claims and citations come from the catalogue; see index.js for what a view file may declare.
import { formatShort } from '../util/format.js';

const f = formatShort;
const mean = (s) => s.simulation.mean;
const last = (values) => values[values.length - 1];

export default {
  key: 'kernel-chain',
  groups: [
    { title: 'Synthetic-data chain', keys: ['generations', 'generatorNoise', 'generatorRidge', 'design'] },
    { title: 'Kernel ridge model', keys: ['kernel', 'bandwidth', 'degree', 'ridge'] },
    { title: 'MNIST digits', keys: ['target', 'samples', 'testSamples'] },
    { title: 'Monte Carlo', keys: ['trials', 'seed'] },
  ],
  defaultPreset: 'mnist-error-grows',
  presetViews: {
    'mnist-best-ridge': { y: 'log' },
  },

  markerLabel: (marker) => (marker.label === 'optimal λ' ? `λ* = ${f(marker.x)}` : `${marker.label} = ${f(marker.x)}`),

  lookFor: {
    'mnist-error-grows'(result) {
      if (!result || result.x.key !== 'generation') return '';
      const n = last(result.x.values);
      const parts = result.series.map((s) => `${s.label}: from ${f(mean(s)[0])} on the real labels to ${f(last(mean(s)))} after n = ${n} generations` +
        (s.theory ? ` (theory ${f(last(s.theory))})` : ''));
      return `Test error on ${10 * result.config.testSamples} real held-out MNIST digits of kernel ridge models trained on ` +
        `${10 * result.config.samples} real digits whose labels were passed through n generations of synthetic relabelling ` +
        `(noise σ₀ = ${result.config.generatorNoise} each). ${parts.join('; ')}. The dashed lines are the exact expected error ` +
        'given the digits: with interpolating generators its noise part grows linearly in n, faster for the smaller λ.';
    },
    'mnist-best-ridge'(result) {
      if (!result || result.x.key !== 'ridge') return '';
      const optima = result.series.map((s) => {
        const marker = (s.markers ?? []).find((m) => m.label === 'optimal λ');
        return marker ? `${s.label}: λ* = ${f(marker.x)}` : null;
      }).filter(Boolean);
      return 'Test error against the ridge λ (log–log) on real MNIST digits, one curve per number of synthetic generations n. ' +
        'Each curve is U-shaped: too little regularisation fits the accumulated label noise, too much loses the digits. ' +
        (optima.length ? `The best λ (diamonds) moves right as n grows: ${optima.join(', ')}.` : '');
    },
  },

  caption(result) {
    const fixed = (key) => result.x.key !== key && !result.series.some((s) => s.key === key);
    const setting = [fixed('generatorNoise') ? `generator noise σ₀ = ${result.config.generatorNoise}` : '', fixed('ridge') ? `ridge λ = ${result.config.ridge}` : '']
      .filter(Boolean).join(', ');
    return (setting ? `Kernel ridge on MNIST digits (${setting}). ` : '') + (result.config?.design === 'fresh'
      ? 'Monte Carlo mean over the trials (new training digits every generation); no closed form for a fresh design.'
      : 'Solid: Monte Carlo mean over the label noise (the digits are fixed); dashed: the exact expected error given the digits.');
  },
};
