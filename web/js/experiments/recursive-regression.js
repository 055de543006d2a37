// The recursive-regression lab view: how its controls are grouped and what a reader should look for in each
// preset's figure. Parameters (labels, symbols, ranges, defaults) and the presets' settings, titles, citations
// and paper URLs come from the catalogue; nothing here repeats them. See index.js for what a view file may declare.

import { formatShort } from '../util/format.js';
import { logAxisNote } from './axis-words.js';

const f = formatShort;
const last = (values) => values[values.length - 1];
const byValue = (result, value) => result?.series.find((s) => s.value === value);
/** The last index before the curve leaves its starting level by more than 5%. */
const flatUntil = (m) => Math.max(0, m.findIndex((v) => Math.abs(v - m[0]) > 0.05 * m[0]) - 1);

export default {
  key: 'recursive-regression',
  groups: [
    { title: 'Recursion', keys: ['generations', 'workflow', 'design', 'ridge'] },
    { title: 'Data and model', keys: ['dim', 'samples', 'noise', 'signal', 'spectrum', 'decay'] },
    { title: 'Monte Carlo', keys: ['trials', 'seed', 'sampler'] },
  ],
  defaultPreset: 'replace-vs-accumulate',
  // Accumulate and accumulate-subsample stay near 0.2–0.4 while replace climbs past 5: only a log axis shows both.
  presetViews: { 'fixed-compute': { y: 'log' } },
  // What to look for in each preset's figure, in the figure's own terms (colours, line styles), quoting the run.
  lookFor: {
    'replace-vs-accumulate'(result) {
      const replace = byValue(result, 'replace');
      const accumulate = byValue(result, 'accumulate');
      if (!replace || !accumulate || result.x.key !== 'generation' || !replace.theory) return '';
      const n = last(result.x.values);
      const step = (last(replace.theory) - replace.theory[0]) / Math.max(1, n - 1);
      const bound = accumulate.references?.[0]?.value;
      return `Replacing the data (blue) makes the error climb in a straight line: every generation adds the error of one ` +
        `fit, σ²d/(T−d−1) = ${f(step)} with σ = ${f(result.config.noise)}, d = ${result.config.dim}, T = ${result.config.samples}, ` +
        `so after n = ${n} generations the model is ${f(last(replace.simulation.mean) / replace.simulation.mean[0])} times worse than ` +
        `the first fit (${f(last(replace.simulation.mean))}). Accumulating real and synthetic data (orange) levels off at ` +
        `${f(last(accumulate.simulation.mean))}` + (bound ? `, below the π²/6 bound (dotted): π²/6 × the first fit = ${f(bound)}, where ` +
        'π²/6 = 1 + 1/4 + 1/9 + … sums the shrinking errors each generation adds' : '') + '. Keeping the data, rather than replacing it, stops the collapse.';
    },
    'fixed-compute'(result, figure) {
      const replace = byValue(result, 'replace');
      const accumulate = byValue(result, 'accumulate');
      const subsample = byValue(result, 'accumulate-subsample');
      if (!replace || !accumulate || !subsample || result.x.key !== 'generation') return '';
      const n = last(result.x.values);
      return `Accumulate-subsample (green) trains every generation on only T = ${result.config.samples} points — the compute ` +
        `of replace — drawn from all the data so far. After ${n} generations its error is ${f(last(subsample.simulation.mean))}: ` +
        `above accumulate's ${f(last(accumulate.simulation.mean))} (orange), but levelled off, while replace (blue) has grown ` +
        `to ${f(last(replace.simulation.mean))}${logAxisNote(figure)}. It has no closed form, so it is simulation only.`;
    },
    'fresh-vs-fixed'(result) {
      const [a, b] = result?.series ?? [];
      if (!a || !b || result.x.key !== 'generation') return '';
      const n = last(result.x.values);
      return `With replacement, drawing fresh inputs every generation does not save the model: both designs follow the ` +
        `same straight line n·σ²d/(T−d−1) (dashed): after ${n} generations, ${f(last(a.simulation.mean))} with the ${a.label} and ` +
        `${f(last(b.simulation.mean))} with ${b.label}. The error comes from fitting the previous model's noisy labels, not from ` +
        'reusing the same inputs.';
    },
    'ridge-sweep'(result) {
      if (result?.x.key !== 'ridge' || result.series.length < 2) return '';
      const xs = result.x.values;
      const describe = (s) => {
        const m = s.simulation.mean;
        const i = m.indexOf(Math.min(...m));
        const gain = m[0] - m[i];
        if (gain < 0.05 * m[0]) return `${s.label} is flat at ${f(m[0])} up to λ ≈ ${f(xs[flatUntil(m)])}, then rises`;
        return `${s.label} falls from ${f(m[0])} to ${f(m[i])} at λ ≈ ${f(xs[i])}`;
      };
      return `Each curve is one generation n, against the ridge penalty λ (log axis). ${result.series.map(describe).join('; ')}: ` +
        `shrinkage helps the late generations, whose error is mostly the noise the chain has piled up, and does nothing for ` +
        `the first fit. A very large λ sends every curve to ‖w*‖² = ${f(result.config.signal ** 2)}, the error of always ` +
        'predicting 0: it stops the growth but also stops learning. Simulation only: recursive ridge fits have no closed form.';
    },
  },
  /** What to look for once the reader has changed the preset's settings. */
  caption(result) {
    const parts = ['Solid lines are the Monte Carlo mean over the trials; dashed lines are the closed-form theory where it exists.'];
    if (result.x.key === 'generation' && result.series.some((s) => s.value === 'replace'))
      parts.push('Under replace the error grows linearly in the generation n.');
    if (result.series.some((s) => s.references?.length))
      parts.push('Under accumulate it stays below the dotted π²/6 bound.');
    return parts.join(' ');
  },
};
