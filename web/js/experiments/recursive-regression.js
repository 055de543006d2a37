// The recursive-regression lab view: how its controls are grouped, its presets (each reproducing a paper's
// headline figure, with the citation) and what a reader should look for. Parameters themselves (labels, symbols,
// ranges, defaults) come from the catalogue; nothing here repeats them.

const gerstgrasser = {
  text: 'Gerstgrasser et al. 2024, Is Model Collapse Inevitable? Breaking the Curse of Recursion by Accumulating Real and Synthetic Data',
  url: 'https://arxiv.org/abs/2404.01413',
};
const kazdan = {
  text: 'Kazdan et al. 2025, Collapse or Thrive? Perils and Promises of Synthetic Data in a Self-Generating World',
  url: 'https://arxiv.org/abs/2410.16713',
};
const dohmatob = {
  text: 'Dohmatob, Feng & Kempe 2024, Model Collapse Demystified: The Case of Regression',
  url: 'https://arxiv.org/abs/2402.07712',
};

export default {
  key: 'recursive-regression',
  groups: [
    { title: 'Recursion', keys: ['generations', 'workflow', 'design', 'ridge'] },
    { title: 'Data and model', keys: ['dim', 'samples', 'noise', 'signal', 'spectrum', 'decay'] },
    { title: 'Monte Carlo', keys: ['trials', 'seed', 'sampler'] },
  ],
  defaultPreset: 'replace-vs-accumulate',
  presets: [
    {
      key: 'replace-vs-accumulate',
      title: 'Replace vs accumulate',
      citation: gerstgrasser,
      config: {},
      series: 'workflow=replace,accumulate',
      lookFor: 'Replacing the data (blue) makes the error climb in a straight line: every generation adds ' +
        'σ²d/(T−d−1) ≈ 0.11, so after 20 generations the model is about 20 times worse than the first fit. ' +
        'Accumulating real and synthetic data (orange) levels off below the π²/6 bound (dotted line): keeping ' +
        'the data, rather than replacing it, stops the collapse.',
    },
    {
      key: 'fixed-compute',
      title: 'Fixed compute: accumulate-subsample',
      citation: kazdan,
      config: { generations: 50 },
      series: 'workflow=replace,accumulate,accumulate-subsample',
      lookFor: 'Accumulate-subsample (green) trains every generation on only T points — the compute of replace — ' +
        'drawn from all the data so far. Its error ends above accumulate\'s but levels off instead of growing ' +
        'without bound like replace. It has no closed form, so it is simulation only.',
    },
    {
      key: 'fresh-vs-fixed',
      title: 'Fresh inputs vs fixed design',
      citation: gerstgrasser,
      config: { workflow: 'replace' },
      series: 'design=fixed,fresh',
      lookFor: 'With replacement, drawing fresh inputs every generation does not save the model: both designs ' +
        'follow the same straight line n·σ²d/(T−d−1) (dashed). The error comes from fitting the previous model\'s ' +
        'noisy labels, not from reusing the same inputs.',
    },
    {
      key: 'ridge-sweep',
      title: 'Regularisation: error against ridge λ',
      citation: dohmatob,
      config: { workflow: 'replace' },
      x: 'ridge=0.001:10:log:15',
      series: 'generations=1,5,10',
      lookFor: 'Each curve is one generation n, against the ridge penalty λ (log axis). A moderate λ lowers the ' +
        'error of every generation, most for late ones; a very large λ sends every curve to ‖w*‖² = 1, the error ' +
        'of always predicting 0: shrinkage stops the growth but also stops learning. Simulation only: recursive ' +
        'ridge fits have no closed form here.',
    },
  ],
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
