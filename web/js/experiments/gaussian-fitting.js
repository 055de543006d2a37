// The gaussian-fitting lab view (Shumailov et al. 2024, "AI models collapse when trained on recursively generated
// data"; Kazdan et al. 2025, "Collapse or Thrive?"): how its controls are grouped, what a reader should look for in
// each preset's figure (quoting the numbers of the run on the page), the axes each figure reads best on, the median
// line (the ratios are heavy-tailed: the mean is carried by rare runs), the y axis title per metric, and the pictures
// (one run's samples, generation by generation, against the true N(0, I)). Parameters and the presets' settings,
// titles, claims, citations and URLs come from the catalogue; see index.js for what a view file may declare.
import { formatShort } from '../util/format.js';
import { logAxisNote } from './axis-words.js';

const f = formatShort;
const last = (values) => values[values.length - 1];
const byValue = (result, value) => result?.series.find((s) => s.value === value);
const RATIOS = new Set(['traceRatio', 'determinantRatio']);

/** "the variance ratio tr Σ̂/tr Σ" etc., by metric. */
const METRIC_TITLES = {
  traceRatio: 'variance ratio tr Σ̂ / tr Σ',
  meanError: 'squared mean error ‖μ̂ − μ‖²',
  determinantRatio: 'determinant ratio det Σ̂ / det Σ',
  logDeterminantRatio: 'log determinant ratio log(det Σ̂ / det Σ)',
  wasserstein: 'squared Wasserstein-2 distance W₂² to the truth',
};

/** The sentence every ratio figure needs: why the mean and the median part ways. */
function heavyTailSentence(s, trials) {
  const { mean, median, hi } = s.simulation;
  const expected = s.theory ? last(s.theory) : null;
  const rare = expected !== null && last(mean) < expected / 3
    ? ` Even the mean of ${trials} runs falls short of the expectation ${f(expected)}: the runs that carry it are rarer than that.` : '';
  return `The mean is heavy-tailed: a few runs that happened to keep a large variance carry it (${f(last(mean))} at the end), ` +
    `while the median run (round dots) is at ${f(last(median))} and 90% of the runs end below ${f(last(hi))} (top of the band).${rare}`;
}

/** How the Monte Carlo mean of a heavy-tailed series compares with its expectation: near it, or carried by rare runs. */
function meanAgainstTheory(s, trials) {
  const m = last(s.simulation.mean);
  const expected = s.theory ? last(s.theory) : null;
  if (expected === null || Math.abs(m - expected) <= 4 * last(s.simulation.sem)) return `the mean of the ${trials} runs is ${f(m)}.`;
  return `the mean of these ${trials} runs, ${f(m)}, is ${m > expected ? 'far above' : 'below'} it: a few runs that drifted far carry it.`;
}

/** The next "round" number up (1, 1.5, 2, 2.5, 3, 4, 5, 6, 8 × 10ᵏ), for the top of an axis. */
function niceCeil(value) {
  const power = 10 ** Math.floor(Math.log10(value));
  return [1, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10].map((m) => m * power).find((v) => v >= value * (1 - 1e-12));
}

/** "generation 100": the last generation of a Result on the generation axis. */
const lastT = (result) => last(result.x.values);

export default {
  key: 'gaussian-fitting',
  groups: [
    { title: 'Recursion', keys: ['generations', 'workflow', 'samples', 'estimator'] },
    { title: 'What is plotted', keys: ['metric', 'dim'] },
    { title: 'Monte Carlo', keys: ['trials', 'seed', 'sampler'] },
  ],
  defaultPreset: 'replace-vs-accumulate',
  presetViews: {
    'curse-of-recursion': { y: 'log' },
    'replace-vs-accumulate': { y: 'log' },
    // The compared lines (accumulate-subsample and accumulate, 0.7–0.9) need a linear axis; replace's collapse shows as
    // its median at the bottom.
    'fixed-compute': { y: 'linear' },
  },

  /**
   * On a linear axis, the top that the typical runs and the theory need: the mean of a heavy-tailed metric can spike
   * (one run far out) to several times that and squeeze everything else into a sliver; the spike is cut and said.
   */
  yRange(result, { log }) {
    if (log) return null;
    const finite = (values) => (values ?? []).filter((v) => Number.isFinite(v));
    // The mean is left out on purpose: it is what spikes.
    const typical = result.series.flatMap((s) => [...finite(s.theory), ...finite(s.simulation.median), ...finite(s.simulation.hi),
      ...finite(s.references?.map((r) => r.value))]);
    if (!typical.length) return null;
    const max = niceCeil(1.1 * Math.max(...typical));
    const spikes = result.series.map((s) => {
      const m = s.simulation.mean;
      const i = m.indexOf(Math.max(...finite(m)));
      return { s, i, value: m[i] };
    }).filter(({ value }) => value > 1.3 * max);
    if (!spikes.length) return null;
    return {
      max,
      note: spikes.map(({ s, i, value }) => `The mean of ${s.label} reaches ${f(value)} at ${result.x.key === 'generation' ? 't' : result.x.key} = ${f(result.x.values[i])}, above this axis: ` +
        'a few runs far from the truth carry it (heavy tail). The axis follows the median, the band and the theory; the data table has every value.').join(' '),
    };
  },
  /**
   * Accumulate beside accumulate-subsample: their 10–90% bands (each about 0.2–1.5 of the truth's variance) overlap
   * over the whole run, and accumulate's median runs along accumulate-subsample's mean, so neither line can be told
   * apart. The spread (band and median) is drawn for the other series only; accumulate, the steadiest, shows its mean.
   */
  bandSeries(result) {
    const accumulate = result.series.findIndex((s) => s.value === 'accumulate');
    if (accumulate < 0 || !result.series.some((s) => s.value === 'accumulate-subsample')) return null;
    return result.series.map((_, k) => k).filter((k) => k !== accumulate);
  },
  // Every gaussian-fitting metric is a product or sum of random factors with a long right tail: the median is the typical run.
  median: (result) => result.series.some((s) => Array.isArray(s.simulation.median)),
  yTitle: (result) => METRIC_TITLES[result.config.metric] ?? result.metric.label,

  pictures: {
    truth: 'standard-normal',
    lookFor({ series, generation, generations, real, shown }) {
      if (!real || !shown) return '';
      const ratio = shown.spread / real.spread;
      const tails = real.count ? ` Beyond ±2 (the truth's tails, 4.6% of N(0, 1)): ${Math.round(100 * real.beyond2)}% of the real data, ${Math.round(100 * shown.beyond2)}% of these samples.` : '';
      return `${series}, generation ${generation} of ${generations}: the samples' spread (SD) is ${f(shown.spread)}, ` +
        `${ratio < 0.5 ? `only ${f(ratio)} of` : ratio > 1.5 ? `${f(ratio)} times` : 'close to'} the real data's ${f(real.spread)}.${tails}`;
    },
  },

  lookFor: {
    'curse-of-recursion'(result, figure) {
      const s = result?.series[0];
      if (!s || result.x.key !== 'generation' || result.config.metric !== 'traceRatio' || !s.theory) return '';
      const { median } = s.simulation;
      const half = result.x.values[median.findIndex((m) => m < 0.5)];
      return `With the unbiased estimator the expected variance never changes: the theory (dashed) stays at ${f(s.theory[0])} ` +
        `for all ${lastT(result)} generations. Yet the typical run collapses: the median variance ratio falls below one half by ` +
        `generation ${half ?? '—'} and reaches ${f(last(median))} after ${lastT(result)} fits of m = ${result.config.samples} ` +
        `samples${logAxisNote(figure)}. ${heavyTailSentence(s, result.trials)} ` +
        'In the picture below, drag the generation slider: the samples shrink to a point.';
    },
    'replace-vs-accumulate'(result, figure) {
      const replace = byValue(result, 'replace');
      const accumulate = byValue(result, 'accumulate');
      if (!replace || !accumulate || result.x.key !== 'generation' || !RATIOS.has(result.config.metric) || !replace.theory) return '';
      const limit = accumulate.references?.[0]?.value;
      const end = last(accumulate.simulation.mean);
      const se = last(accumulate.simulation.sem);
      const relation = !limit ? '' : Math.abs(end - limit) <= 2 * se ? `, at the limit sin(π/√m)/(π/√m) = ${f(limit)} (dotted) within its standard error`
        : `, ${end < limit ? 'just below' : 'above'} the limit sin(π/√m)/(π/√m) = ${f(limit)} (dotted) that it approaches as t → ∞`;
      return `Replacing the data (blue) shrinks the fitted variance geometrically, ((m−1)/m)ᵗ (dashed): ` +
        `${f(last(replace.theory))} after ${lastT(result)} generations with m = ${result.config.samples}${logAxisNote(figure)}. ${heavyTailSentence(replace, result.trials)} ` +
        `Accumulating the data (orange) levels off at ${f(end)} ± ${f(se)}${relation}` +
        `: the fit keeps most of the truth's spread for ever. The picture below shows one run: under replace the samples ` +
        'shrink to a point, under accumulate they stay spread like the real data.';
    },
    'mean-drift'(result) {
      const replace = byValue(result, 'replace');
      const accumulate = byValue(result, 'accumulate');
      if (!replace || !accumulate || result.config.metric !== 'meanError') return '';
      const bound = accumulate.references?.[0]?.value;
      return `Under replace (blue) the fitted mean random-walks away from the truth: its expected squared error grows ` +
        `linearly, to ${f(last(replace.theory ?? [NaN]))} after ${lastT(result)} generations (theory, dashed); ${meanAgainstTheory(replace, result.trials)} ` +
        `This mean is heavy-tailed too: the median run (round dots) has ${f(last(replace.simulation.median))}. ` +
        `Under accumulate (orange) the error stays at ${f(last(accumulate.simulation.mean))}` +
        (bound ? `, below the bound (π²/6)·d/m = ${f(bound)} (dotted)` : '') + '.';
    },
    'fixed-compute'(result) {
      const replace = byValue(result, 'replace');
      const accumulate = byValue(result, 'accumulate');
      const subsample = byValue(result, 'accumulate-subsample');
      if (!replace || !accumulate || !subsample || !RATIOS.has(result.config.metric)) return '';
      return `Accumulate-subsample (green) fits m = ${result.config.samples} points per generation, the compute of replace, ` +
        `drawn from all the data so far. Its variance ratio degrades slowly and converges, ${f(last(subsample.simulation.mean))} ` +
        `after ${lastT(result)} generations (median ${f(last(subsample.simulation.median))}), where replace (blue) has collapsed to a ` +
        `median of ${f(last(replace.simulation.median))} (the round dots at the bottom) and full accumulate (orange) holds at ${f(last(accumulate.simulation.mean))}. ` +
        'The mean of replace is heavy-tailed: the round dots (median) and the band show the typical run. Bands and round ' +
        'dots are drawn for replace and accumulate-subsample; accumulate, whose band would cover the green curve, shows its mean only.';
    },
    wasserstein(result) {
      const replace = byValue(result, 'replace');
      const accumulate = byValue(result, 'accumulate');
      if (!replace || !accumulate || result.config.metric !== 'wasserstein') return '';
      return `The squared Wasserstein-2 distance between the fitted Gaussian and the truth grows without bound under replace ` +
        `(blue): Shumailov et al.'s t/M + 2(1 − cᵗ) = ${f(last(replace.theory ?? [NaN]))} after ${lastT(result)} generations (dashed); ` +
        `${meanAgainstTheory(replace, result.trials)} Its median (round dots, ${f(last(replace.simulation.median))}) ` +
        `is far lower: a drifting mean makes the distance heavy-tailed. Under accumulate (orange) it settles at ` +
        `${f(last(accumulate.simulation.mean))}; that workflow has no closed form for W₂ (simulation only).`;
    },
  },

  /** What to look for once the reader has changed the preset's settings. */
  caption(result) {
    const parts = ['Solid lines are the Monte Carlo mean over the trials, round dots the median, dashed lines the closed-form theory where it exists.'];
    if (RATIOS.has(result.config.metric))
      parts.push('Ratios of fitted to true spread are heavy-tailed: the mean is carried by rare runs, the median and the 10–90% band show the typical run.');
    if (result.series.some((s) => s.value === 'replace')) parts.push('Under replace the fit collapses; under accumulate it holds.');
    return parts.join(' ');
  },
};
