// Guided tours: per experiment 4–6 steps, each a figure state (a preset, plus the curve to look at) and a sentence or
// two that a student can follow without the papers; and a short "start here" tour across experiments. The run's own
// numbers are in the caption under each step; the tour says what to look at and why it matters. A step is linkable:
// #…&tour=3 (this experiment's tour, step 3) or #…&tour=start:2. `highlight` names a series by its value (or index);
// the figure fades the others.

export const TOURS = {
  'recursive-regression': [
    { preset: 'replace-vs-accumulate', highlight: 'replace', text: 'A linear regression is refitted, generation after generation, on labels its predecessor made. Replace (blue) throws the old data away each time: the error climbs in a straight line, because every refit adds one fit’s worth of noise.' },
    { preset: 'replace-vs-accumulate', highlight: 'accumulate', text: 'Now keep every generation’s data, real and synthetic together (orange). Each generation still adds error, but less and less (about 1/n² of the first fit’s), and the sum never passes π²/6 ≈ 1.64 times the first fit: the dotted bound.' },
    { preset: 'fresh-vs-fixed', highlight: 'fresh', text: 'Is it the reused inputs? Drawing fresh inputs every generation changes nothing: both designs follow the same line. The damage comes from learning the previous model’s noisy labels.' },
    { preset: 'fixed-compute', highlight: 'accumulate-subsample', text: 'Accumulating costs more compute every generation. Accumulate-subsample (green) trains on only T points drawn from everything so far, the compute of replace, and its error still levels off.' },
    { preset: 'ridge-sweep', highlight: 2, text: 'Can regularisation replace real data? Against the ridge penalty λ, a moderate λ helps the late generations, but a large λ only trades collapse for not learning: every curve ends at the error of predicting 0.' },
  ],
  'synthetic-chain': [
    { preset: 'linear-growth', highlight: 0, text: 'A chain of generators: each is fitted on data made by the one before, and a downstream model learns from the last. Every generation adds the same amount to its error: a straight line above the clean level (dash-dot).' },
    { preset: 'breakdown', highlight: 'collapse', text: 'Where does it come from? Split the error in three: the downstream model’s bias and variance stay at their clean levels; only the collapse term (pink) grows, linearly in the number of generations n.' },
    { preset: 'ridge-u-shapes', highlight: 4, text: 'Against the ridge penalty λ every curve is a U: too little λ lets the generators’ noise through, too much shrinks the model to 0. The diamonds mark the best λ, which moves right as n grows.' },
    { preset: 'tuned-ridge', highlight: 'optimal', text: 'Re-tuning λ for every n (orange) stops the linear growth, but the model still learns less with every generation.' },
    { preset: 'scaling-law', highlight: 2, text: 'And the scaling law breaks: with clean data, more samples keep helping (a straight line on log–log axes); after synthetic generations the error bottoms out and then rises again.' },
  ],
  'strong-collapse': [
    { preset: 'scaling-plateau', highlight: 3, text: 'Mix a fixed share p₂ of synthetic labels into real data. With real data only (blue) the error keeps falling as the data set grows; with 10% synthetic labels (pink) it flattens onto a floor, p₂²c²: more data stop helping.' },
    { preset: 'scaling-plateau', highlight: 2, text: 'Even 1% does it, only later: the green curve leaves the clean line for its own, lower floor. The smaller the share, the later the plateau, but it always comes.' },
    { preset: 'fixed-count', highlight: 'count', text: 'What if the amount of synthetic data is fixed instead of its share? Then its share shrinks as n grows, and the curve (orange) rejoins the clean scaling law.' },
    { preset: 'breakdown', highlight: 'synthetic', text: 'Why a floor? The bias and variance keep falling with n; the synthetic term ζ (pink) does not, and it sets the plateau.' },
    { preset: 'width-errors', highlight: 2, text: 'Bigger models: against the width m, the error peaks at the interpolation threshold m = n (dash-dot) and falls beyond it. The mixed curves stay above the real-only one everywhere.' },
    { preset: 'width-gap', highlight: 1, text: 'The extra error caused by synthetic data grows with the width up to m = n, then shrinks, but never vanishes: size amplifies, then mitigates.' },
  ],
  'gaussian-fitting': [
    { preset: 'curse-of-recursion', highlight: 0, text: 'Fit a Gaussian to 10 samples, sample from the fit, refit, repeat. With the unbiased estimator the expected variance stays at 1 (dashed), yet the typical run (round dots) collapses towards zero: the mean is carried by a few rare runs.' },
    { preset: 'replace-vs-accumulate', highlight: 'replace', text: 'Replace (blue): the fitted variance shrinks geometrically, a straight line down on the log axis. In the pictures below, drag the slider: the samples close in on a point.' },
    { preset: 'replace-vs-accumulate', highlight: 'accumulate', text: 'Accumulate (orange): fit all the samples so far, and the variance levels off near the truth’s, at the dotted limit.' },
    { preset: 'mean-drift', highlight: 'replace', text: 'The mean drifts too: under replace its squared error grows linearly, like a random walk (dashed). Under accumulate it stays under a bound.' },
    { preset: 'fixed-compute', highlight: 'accumulate-subsample', text: 'Fixed compute: m samples per generation, drawn from all the data so far (green), degrade slowly and converge, while replace collapses.' },
  ],
  'kde-fitting': [
    { preset: 'moons', highlight: 'replace', text: 'Beyond Gaussians: a kernel density estimate (KDE) of two moons, refitted on its own samples. The curve is how unlikely fresh real data look to the fit (lower is better); under replace (blue) it climbs.' },
    { preset: 'moons', highlight: 'accumulate', text: 'Accumulate (orange) keeps the fit close to where it started. In the pictures below, drag the generation slider: under replace the samples drift into clumps.' },
    { preset: 'circles', highlight: 'replace', text: 'The same with two rings: under replace they lose their shape within a few dozen generations.' },
    { preset: 'fixed-compute', highlight: 'accumulate-subsample', text: 'With the compute of replace, drawing the points from all the data so far (green) keeps the collapse slow.' },
  ],
};

/** The "start here" tour: one step per experiment, the headline of each. */
export const START_TOUR = [
  { experiment: 'recursive-regression', preset: 'replace-vs-accumulate', highlight: 'replace', text: 'Start here. Model collapse in one picture: a model trained on the outputs of the model before it. If each generation replaces the data (blue), the error grows without bound; if it keeps the real data and adds the synthetic (orange), the error stays bounded.' },
  { experiment: 'gaussian-fitting', preset: 'curse-of-recursion', highlight: 0, text: 'It is not about regression: a Gaussian refitted to its own samples loses its spread. On average nothing changes (dashed), but the typical run (round dots) collapses to a point.' },
  { experiment: 'synthetic-chain', preset: 'ridge-u-shapes', highlight: 4, text: 'Regularisation helps but needs re-tuning: the best ridge penalty (diamonds) moves as the synthetic generations pile up.' },
  { experiment: 'strong-collapse', preset: 'scaling-plateau', highlight: 3, text: 'A little goes a long way: a fixed share of synthetic labels puts a floor under the scaling law, so more data stop helping.' },
  { experiment: 'kde-fitting', preset: 'moons', highlight: 'replace', text: 'Generative models collapse too: a density estimate of two moons, refitted on its own samples, drifts away from the data. Each tab has its own tour: press “Tour of this experiment”.' },
];

/** The steps of a tour: 'start' or an experiment key (each step then names its experiment). */
export function tourSteps(name) {
  if (name === 'start') return START_TOUR;
  return (TOURS[name] ?? []).map((step) => ({ experiment: name, ...step }));
}
