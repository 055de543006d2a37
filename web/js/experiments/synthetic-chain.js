// The synthetic-chain lab view (Dohmatob, Feng & Kempe 2024, "Model Collapse Demystified"): how its controls are
// grouped, what a reader should look for in each preset's figure (quoting the numbers of the run on the page),
// the axes each figure reads best on, and the guide lines that help read it. Parameters and the presets' settings,
// titles, claims, citations and URLs come from the catalogue; see index.js for what a view file may declare.
import { formatShort } from '../util/format.js';
import { drawnRightAxis } from './axis-words.js';

const f = formatShort;
const seriesWith = (result, value) => result.series.find((s) => String(s.value) === String(value));
const last = (values) => values[values.length - 1];
const theoryOr = (s) => (s.theory && s.theory.every((v) => v !== null) ? s.theory : s.simulation.mean);
const isotropic = (result) => result.config.spectrum === 'isotropic';

/**
 * The breakdown (one series per component): on a linear axis, where the total and the collapse term grow in a
 * straight line, the bias and the variance, each under a tenth of the total, would lie on the floor one on the
 * other. They get a right-hand axis of their own, from zero, where they read as two separate flat lines.
 */
function secondAxis(result, { log }) {
  if (log) return null;
  const parts = result.series.map((s, k) => ({ s, k })).filter(({ s }) => s.key === 'component' && (s.value === 'bias' || s.value === 'variance'));
  const rest = result.series.filter((s) => !(s.key === 'component' && (s.value === 'bias' || s.value === 'variance')));
  if (!parts.length || !rest.length) return null;
  const top = (list) => Math.max(...list.flatMap((s) => [...s.simulation.mean, ...(s.simulation.hi ?? [])]).filter(Number.isFinite));
  if (!(top(parts.map((p) => p.s)) < 0.1 * top(rest))) return null;
  return { series: parts.map((p) => p.k), title: `${parts.map((p) => p.s.label).join(' and ')} (right axis)` };
}

export default {
  key: 'synthetic-chain',
  groups: [
    { title: 'Generators (the synthetic-data chain)', keys: ['generations', 'generatorSamples', 'generatorNoise'] },
    { title: 'Downstream model', keys: ['samples', 'noise', 'ridge', 'ridgeRule', 'ridgeExponent'] },
    { title: 'Data', keys: ['dim', 'spectrum', 'decay', 'signal'] },
    { title: 'What is plotted', keys: ['component'] },
    { title: 'Monte Carlo', keys: ['trials', 'seed'] },
  ],
  defaultPreset: 'linear-growth',
  presetViews: {
    'ridge-u-shapes': { y: 'log' },
    'scaling-law': { y: 'log' },
  },

  secondAxis,

  /** With the bias and the variance on the right-hand axis, their bands would cross the growing curves: left out. */
  bandSeries(result, options) {
    const second = secondAxis(result, options);
    return second ? result.series.map((_, k) => k).filter((k) => !second.series.includes(k)) : null;
  },

  /** The clean level (n = 0) on error-against-generations figures; the null predictor's error where curves head for it. */
  guides(result) {
    const guides = [];
    const total = result.config.component === 'total';
    const first = result.series[0];
    const generationAxis = result.x.key === 'generation' || result.x.key === 'generations';
    const sameStart = result.series.every((s) => theoryOr(s)[0] === theoryOr(first)[0]);
    if (total && generationAxis && result.x.values[0] === 0 && first && sameStart)
      guides.push({ axis: 'y', value: theoryOr(first)[0], label: `clean data (n = 0): ${f(theoryOr(first)[0])}` });
    if (total && isotropic(result) && (result.x.key === 'ridge' || result.series.some((s) => s.key === 'ridgeRule')))
      guides.push({ axis: 'y', value: result.config.signal ** 2, label: `predicting 0: ‖w*‖² = ${f(result.config.signal ** 2)}` });
    return guides;
  },

  markerLabel: (marker) => (marker.label === 'optimal λ' ? `λ* = ${f(marker.x)}` : `${marker.label} = ${f(marker.x)}`),

  // What to look for in each preset's figure, in the figure's own terms (colours, line styles) and numbers.
  lookFor: {
    'linear-growth'(result) {
      const s = result?.series[0];
      if (!s || result.x.key !== 'generation') return '';
      const t = theoryOr(s);
      const n = last(result.x.values);
      const step = (last(t) - t[0]) / n;
      return `Each generation of synthetic data adds the same amount, σ₀²d/(T₀−d−1) ≈ ${f(step)} (the error of one ` +
        `generator's least-squares fit: noise σ₀ = ${f(result.config.generatorNoise)} squared, spread over d = ${result.config.dim} ` +
        `directions, T₀ = ${result.config.generatorSamples} samples), to the downstream ` +
        `model's error: the curve climbs in a straight line from the clean level ${f(t[0])} (dash-dot line, n = 0) to ` +
        `${f(last(s.simulation.mean))} after n = ${n} generations, ${Math.round(last(s.simulation.mean) / t[0])} times worse. ` +
        'More downstream data would not help: the generators\' noise has become a bias it cannot average away.';
    },
    'ridge-u-shapes'(result) {
      const withMarkers = result?.series.filter((s) => s.markers?.length) ?? [];
      if (result?.x.key !== 'ridge' || withMarkers.length < 2) return '';
      const [a, b] = [withMarkers[0], last(withMarkers)];
      return 'One curve per number of generations n, against the ridge penalty λ (log axes). Every curve is U-shaped: ' +
        'too little λ lets the generators\' noise through, too much shrinks the model towards predicting 0 ' +
        `(all curves meet ‖w*‖² = ${f(result.config.signal ** 2)} on the right). The diamonds mark the theory's best λ: it moves ` +
        `from λ* ≈ ${f(a.markers[0].x)} for ${a.label} to λ* ≈ ${f(b.markers[0].x)} for ${b.label}, where the error is ` +
        `${f(b.markers[0].y)} instead of ${f(b.simulation.mean[0])} at λ = ${f(result.x.values[0])}. ` +
        'The more synthetic generations, the stronger the regularisation must be.';
    },
    'scaling-law'(result) {
      const clean = seriesWith(result ?? { series: [] }, 0);
      if (result?.x.key !== 'samples' || !clean) return '';
      const xs = result.x.values;
      const others = result.series.filter((s) => s !== clean);
      const turn = (s) => {
        const m = theoryOr(s);
        const i = m.indexOf(Math.min(...m));
        return `${s.label} bottoms out near T ≈ ${f(xs[i])} (${f(m[i])}) and rises to ${f(last(s.simulation.mean))}`;
      };
      return `Error against the downstream sample size T on log–log axes, with the ridge penalty shrinking as λ = T⁻ˡ. ` +
        `Clean data (blue) follow a straight line, a power law, down to ${f(last(clean.simulation.mean))} at T = ${f(last(xs))}. ` +
        `With synthetic data the law breaks: ${others.map(turn).join('; ')}. ` +
        'With less and less regularisation, the downstream model copies the generators\' errors ever more faithfully.';
    },
    'tuned-ridge'(result) {
      const fixed = seriesWith(result ?? { series: [] }, 'fixed');
      const tuned = seriesWith(result ?? { series: [] }, 'optimal');
      if (!fixed || !tuned) return '';
      const n = last(result.x.values);
      return `With a fixed small λ (blue) the error grows linearly, to ${f(last(fixed.simulation.mean))} after ${n} generations. ` +
        `Re-tuning λ for each n (orange; λ from the theory) stops the growth: ${f(last(tuned.simulation.mean))} after ${n} ` +
        `generations, below the error ‖w*‖² = ${f(result.config.signal ** 2)} of predicting 0 (dash-dot line). ` +
        'Regularisation contains the collapse, but the model still learns less with every generation.';
    },
    overparameterised(result) {
      const [quiet, noisy] = result?.series ?? [];
      if (!quiet || !noisy || result.x.key !== 'generation') return '';
      const { dim, generatorSamples, signal } = result.config;
      const t = theoryOr(quiet);
      const gap = last(noisy.simulation.mean) - last(quiet.simulation.mean);
      return `Generators fitted on T₀ = ${generatorSamples} samples in d = ${dim} dimensions see only part of the signal, ` +
        `and each generation keeps a fraction T₀/d of what is left. Even without noise (σ₀ = 0, blue) the error rises from ` +
        `the clean level ${f(t[0])} by ‖w*‖²(1 − (T₀/d)ⁿ) and settles at ${f(last(quiet.simulation.mean))}, about ` +
        `${f(t[0])} + ‖w*‖² = ${f(t[0] + signal ** 2)}, within a few generations: the signal is gone, exponentially fast. ` +
        `Generator noise (${noisy.label}, orange) adds its own linear-in-n error on top: that curve settles at ` +
        `${f(last(noisy.simulation.mean))}, ${f(gap)} above the noiseless one.`;
    },
    breakdown(result, figure) {
      const parts = Object.fromEntries((result?.series ?? []).map((s) => [s.value, s]));
      if (!parts.total || !parts.bias || !parts.variance || !parts.collapse) return '';
      const n = last(result.x.values);
      const spread = (s) => Math.max(...s.simulation.mean) - Math.min(...s.simulation.mean);
      const exact = (s) => spread(s) <= 1e-9 * Math.abs(s.simulation.mean[0]);
      const flat = exact(parts.bias) && exact(parts.variance) ? 'both the same at every n'
        : `within ${f(spread(parts.bias))} and ${f(spread(parts.variance))} of it at every n`;
      const step = (last(parts.collapse.simulation.mean) - parts.collapse.simulation.mean[0]) / (n - result.x.values[0] || 1);
      const right = drawnRightAxis(figure);
      return `The total error (blue) is the sum of three parts. The downstream model's bias (orange, ${f(parts.bias.simulation.mean[0])}) ` +
        `and variance (green, ${f(parts.variance.simulation.mean[0])}) stay at their clean-data levels, ${flat}: ` +
        `${right ? 'drawn against the right-hand axis, magnified, they are' : 'they are'} two flat lines. Only the collapse ` +
        `term n·σ₀²·ρ (pink${right ? ', left axis' : ''}) grows, linearly, by about ${f(step)} per generation, to ${f(last(parts.collapse.simulation.mean))} of the ` +
        `${f(last(parts.total.simulation.mean))} after ${n} generations.`;
    },
  },

  /** What to look for once the reader has changed the preset's settings. */
  caption(result) {
    const parts = ['Solid lines are the Monte Carlo mean over the trials; dashed lines are the theory where it exists.'];
    if (result.x.key === 'generation') parts.push('The error grows linearly in the number of synthetic generations n above the clean level at n = 0.');
    if (result.series.some((s) => s.markers?.length)) parts.push('Diamonds mark the λ that minimises the theoretical error.');
    return parts.join(' ');
  },
};
