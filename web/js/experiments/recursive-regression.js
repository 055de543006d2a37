// The recursive-regression lab view: how its controls are grouped and what a reader should look for in each
// preset's figure. Parameters (labels, symbols, ranges, defaults) and the presets' settings, titles, citations
// and paper URLs come from the catalogue; nothing here repeats them. See index.js for what a view file may declare.

export default {
  key: 'recursive-regression',
  groups: [
    { title: 'Recursion', keys: ['generations', 'workflow', 'design', 'ridge'] },
    { title: 'Data and model', keys: ['dim', 'samples', 'noise', 'signal', 'spectrum', 'decay'] },
    { title: 'Monte Carlo', keys: ['trials', 'seed', 'sampler'] },
  ],
  defaultPreset: 'replace-vs-accumulate',
  // What to look for in each preset's figure, in the figure's own terms (colours, line styles).
  lookFor: {
    'replace-vs-accumulate': 'Replacing the data (blue) makes the error climb in a straight line: every generation adds ' +
      'σ²d/(T−d−1) ≈ 0.11, so after 20 generations the model is about 20 times worse than the first fit. ' +
      'Accumulating real and synthetic data (orange) levels off below the π²/6 bound (dotted line): keeping ' +
      'the data, rather than replacing it, stops the collapse.',
    'fixed-compute': 'Accumulate-subsample (green) trains every generation on only T points — the compute of replace — ' +
      'drawn from all the data so far. Its error ends above accumulate\'s but levels off instead of growing ' +
      'without bound like replace. It has no closed form, so it is simulation only.',
    'fresh-vs-fixed': 'With replacement, drawing fresh inputs every generation does not save the model: both designs ' +
      'follow the same straight line n·σ²d/(T−d−1) (dashed). The error comes from fitting the previous model\'s ' +
      'noisy labels, not from reusing the same inputs.',
    'ridge-sweep': 'Each curve is one generation n, against the ridge penalty λ (log axis). A moderate λ lowers the ' +
      'error of every generation, most for late ones; a very large λ sends every curve to ‖w*‖² = 1, the error ' +
      'of always predicting 0: shrinkage stops the growth but also stops learning. Simulation only: recursive ' +
      'ridge fits have no closed form here.',
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
