// The real-vs-synthetic lab view (Kazdan et al. 2025, "Collapse or Thrive?", their cardinality-vs-proportion grid,
// as a linear-regression analogue): control groups, the heatmap as the grid preset's figure, the "proportion"
// lines view (error against the real share n_real/(n_real + n_synth), one line per real count, as in their
// notebook), and what to look for, quoting the run. Parameters, presets, claims and citations come from the
// catalogue; see index.js for what a view file may declare.
import { formatShort } from '../util/format.js';
import { gridOfCounts, proportionFigure } from '../figure/proportion-figure.js';

const f = formatShort;
const mean = (s) => s.simulation.mean;

/** Against the synthetic count: each real count's real-only error σ²d/(n_real − d − 1) (exact for least squares), the
 * level its curve starts from at n_synth = 0, which a log x axis cannot show. */
function realOnlyGuides(result) {
  const { noise, dim, ridge } = result.config;
  if (result.x.key !== 'syntheticSamples' || ridge !== 0 || !result.series.every((s) => s.key === 'realSamples')) return [];
  return result.series.map((s, series) => ({ series, n: Number(s.value) })).filter(({ n }) => n >= dim + 2)
    .map(({ n, series }) => {
      const value = (noise * noise * dim) / (n - dim - 1);
      return { axis: 'y', value, series, label: `n_real = ${n}, real data only: ${f(value)}` };
    });
}

export default {
  key: 'real-vs-synthetic',
  groups: [
    { title: 'Training data', keys: ['realSamples', 'syntheticSamples'] },
    { title: 'Generator', keys: ['generatorSamples'] },
    { title: 'Model and data', keys: ['ridge', 'dim', 'noise', 'spectrum', 'decay', 'signal'] },
    { title: 'Monte Carlo', keys: ['trials', 'seed'] },
  ],
  defaultPreset: 'cardinality-vs-proportion',
  presetViews: {
    'cardinality-vs-proportion': { y: 'log', figure: 'heatmap' },
    'scarce-vs-plentiful': { y: 'log' },
  },
  figures: {
    proportion: { label: 'vs proportion', build: proportionFigure },
  },

  guides: realOnlyGuides,

  lookFor: {
    'cardinality-vs-proportion'(result) {
      if (!gridOfCounts(result) || result.x.values[0] !== 0) return '';
      // Per real count: the real-only error (n_synth = 0) and the best cell along the row.
      const rows = result.series.filter((s) => Number(s.value) > 0).map((s) => {
        const m = mean(s);
        const i = m.indexOf(Math.min(...m));
        return { s, realOnly: m[0], best: m[i], at: result.x.values[i] };
      });
      const helped = rows.filter((r) => r.at > 0);
      const hurt = rows.filter((r) => r.at === 0);
      const say = (r) => `n_real = ${r.s.value}: ${f(r.realOnly)} with real data only, ${r.at > 0 ? `${f(r.best)} with ${r.at} synthetic samples` : 'never lower'}`;
      const generator = result.config.dim === undefined ? ''
        : `One generator, fitted on T₀ = ${result.config.generatorSamples} real samples in d = ${result.config.dim} dimensions, labels the synthetic ones. `;
      return `Each cell is one model, trained on n_real real samples (up) and n_synth synthetic ones (across) and tested on real ` +
        `data; its colour is the test error (log scale: dark = low). ${generator}` +
        (helped.length ? `Where real data are scarce, synthetic data help: ${helped.slice(0, 2).map(say).join('; ')}. ` : '') +
        (hurt.length ? `Where they are plentiful, any synthetic data hurt: ${hurt.slice(-2).map(say).join('; ')}. ` : '') +
        'Cells on a diagonal share a proportion but not a count, and their errors differ: the amount of real data matters. ' +
        'Switch to “vs proportion” for the paper\'s line plot.';
    },
    'scarce-vs-plentiful'(result) {
      if (!gridOfCounts(result)) return '';
      const c2 = result.series[0].references?.[0]?.value;
      const guides = Object.fromEntries(realOnlyGuides(result).map((g) => [g.series, g.value]));
      const parts = result.series.map((s, k) => {
        const m = mean(s);
        const i = m.indexOf(Math.min(...m));
        const start = guides[k] !== undefined ? `${f(guides[k])} with real data only` : `${f(m[0])} at n_synth = ${result.x.values[0]}`;
        if (!(m[i] < (guides[k] ?? m[0]))) return `${s.label}: only up, from ${start} to ${f(m[m.length - 1])}`;
        return `${s.label}: from ${start} down to ${f(m[i])} at n_synth = ${result.x.values[i]}` +
          (i < m.length - 1 ? `, then up to ${f(m[m.length - 1])}` : '');
      });
      return `Test error against the number of synthetic samples (log axes), one curve per real count; dashed: the exact theory; ` +
        `dash-dot: each real count's error with real data only. ${parts.join('; ')}. All curves head for the generator's own ` +
        `error c²${c2 ? ` = ${f(c2)}` : ''} (dotted), the error of a model that learns only the generator.`;
    },
  },

  caption(result) {
    const fixed = (key) => result.x.key !== key && !result.series.some((s) => s.key === key);
    const setting = [fixed('generatorSamples') ? `a generator fitted on T₀ = ${result.config.generatorSamples} real samples` : '',
      fixed('dim') ? `d = ${result.config.dim} dimensions` : '', fixed('noise') ? `label noise σ = ${result.config.noise}` : ''].filter(Boolean).join(', ');
    return (setting ? `Least squares with ${setting}. ` : '') + (gridOfCounts(result)
      ? 'Test error on real data of a model trained on n_real real and n_synth synthetic samples from one generator; dashed: theory (exact for λ = 0).'
      : 'Test error on real data of a model trained on real and synthetic samples; dashed: theory where it exists.');
  },
};
