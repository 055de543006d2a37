// The tails lab view (Dohmatob, Feng, Yang, Charton & Kempe, ICML 2024, "A Tale of Tails: Model Collapse as a Change of
// Scaling Laws"; docs/theory/tails.md): how its controls are grouped, what a reader should look for in each preset's
// figure (quoting the run's numbers), log axes for the scaling laws, and the open discrepancy of the multi-generation
// law said in words. Parameters and the presets' settings, titles, claims, citations and URLs come from the catalogue;
// see index.js for what a view file may declare.
import { formatShort } from '../util/format.js';

const f = formatShort;
const last = (values) => values[values.length - 1];
const lastFinite = (values) => [...(values ?? [])].reverse().find((v) => Number.isFinite(v));
const onSamples = (result) => result?.x.key === 'samples';

/** The log–log slope of the theory between two x positions (nearest grid points). */
function slope(s, xs, from, to) {
  const i = xs.findIndex((x) => x >= from), j = xs.findIndex((x) => x >= to);
  if (i < 0 || j <= i || !s.theory) return null;
  const a = s.theory[i], b = s.theory[j];
  return a > 0 && b > 0 ? Math.log(b / a) / Math.log(xs[j] / xs[i]) : null;
}

export default {
  key: 'tails',
  groups: [
    { title: 'Data', keys: ['zipfExponent', 'support', 'task'] },
    { title: 'AI generator', keys: ['generator', 'cutRank', 'topP', 'temperature', 'generatorSamples', 'generations'] },
    { title: 'Training', keys: ['samples', 'cleanFraction'] },
    { title: 'Monte Carlo', keys: ['trials', 'seed'] },
  ],
  defaultPreset: 'scaling-law',
  presetViews: {
    'scaling-law': { y: 'log' },
    'tail-cut': { y: 'log' },
    'generations-shift': { y: 'log' },
    grokking: { y: 'log' },
  },
  yTitle: () => 'test error E = P(test item never seen)',
  markerLabel: (marker) => marker.label,

  lookFor: {
    'scaling-law'(result) {
      if (!onSamples(result)) return '';
      const xs = result.x.values;
      const parts = result.series.map((s) => {
        const beta = Number(s.value);
        const measured = slope(s, xs, 1e3, 1e5);
        return `β = ${f(beta)}: slope ${measured === null ? '—' : f(measured)} against −(1 − 1/β) = −${f(1 - 1 / beta)}`;
      });
      return `On log–log axes the memoriser's error is a straight line: a scaling law. Between T = 10³ and 10⁵ the exact sum ` +
        `Σ pᵢ(1 − pᵢ)ᵀ (dashed, under the Monte Carlo) has ${parts.join('; ')}. Heavier tails (smaller β) leave more unseen ` +
        `items and learn slower. N = ${f(result.config.support)} items; the heaviest tail bends down at the largest T, ` +
        'where the truncated support starts to be exhausted.';
    },
    'tail-cut'(result) {
      if (!onSamples(result)) return '';
      const parts = result.series.map((s) => `k = ${s.value}: ${f(last(s.simulation.mean))}` +
        (s.references?.[0] ? ` (lost tail mass ${f(s.references[0].value)})` : ''));
      return `Cut at the top k items, the error follows the clean law until T ≈ kᵝ (diamonds) and then stops falling at ` +
        `the tail mass the generator dropped (dotted levels). At T = ${f(last(result.x.values))}: ${parts.join('; ')}. ` +
        'More data no longer helps: the loss of scaling of Theorem 2.1.';
    },
    'generations-shift'(result) {
      if (!onSamples(result)) return '';
      const parts = result.series.map((s) => `n = ${s.value}: ${f(last(s.simulation.mean))}`);
      return `Each generation of finite-sample generators (histograms of T₀ = ${f(result.config.generatorSamples)} draws) ` +
        `loses more of the tail, so the curves level off higher: at T = ${f(last(result.x.values))}, ${parts.join('; ')}. ` +
        'The dashed lines are the exact genealogy recursion, the dotted levels the limit for unlimited training data. The plateaus grow ' +
        'sublinearly in n, not linearly as the paper\'s headline says (see the notes and the last preset).';
    },
    grokking(result) {
      if (!onSamples(result)) return '';
      const parts = result.series.map((s) => `π = ${s.value}: ${f(last(s.simulation.mean))}`);
      return `With top-${result.config.cutRank} data alone (π = 0) the error stalls for ever on the lost tail mass. ` +
        `With a share π of clean data it sits on that plateau, then falls again once πT ≈ 1/pₖ (diamonds), ` +
        `resuming the clean law at πT samples ("grokking"). At T = ${f(last(result.x.values))}: ${parts.join('; ')}.`;
    },
    'generation-discrepancy'(result) {
      const s = result?.series[0];
      if (!s || result.x.key !== 'generation' || !s.theory) return '';
      const n = last(result.x.values);
      const linear = s.references?.find((r) => /linear/.test(r.label))?.value;
      return `The exact error (dashed; the genealogy of the samples) grows from ${f(s.theory[0])} at generation 1 to ` +
        `${f(lastFinite(s.theory))} at generation ${n}, and the Monte Carlo follows it (${f(last(s.simulation.mean))}). ` +
        (linear ? `The paper's headline — error linear in the number of generations — would reach ${f(linear)} (dotted): ` : '') +
        'an open discrepancy. Copies of a rare item form a critical branching process that dies out like 2/n, so the ' +
        'loss grows like n to the power 1 − 1/β, sublinearly; the linear law is an upper bound (or assumes another mechanism).';
    },
  },

  caption(result) {
    const parts = ['Solid lines: the Monte Carlo of the sampling itself (mean over trials, 10–90% band); dashed: the exact sums and recursions.'];
    if (onSamples(result)) parts.push('Diamonds annotate the rate laws (slopes, kᵝ, the grokking point); dotted levels are plateaus.');
    if (result.config.generator === 'finite-sample' && result.x.key === 'generation')
      parts.push('The dotted level is the paper\'s linear-in-n law at the last generation: the exact curve stays below it (open discrepancy, see the notes).');
    return parts.join(' ');
  },
};
