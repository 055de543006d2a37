// Guided tours: per experiment 4–6 steps, each a figure state (a preset, plus the curve to look at) and a sentence or
// two that a student can follow without the papers; and a short "start here" tour across experiments. The run's own
// numbers are in the caption under each step; the tour says what to look at and why it matters. A step is linkable:
// #…&tour=3 (this experiment's tour, step 3) or #…&tour=start:2. `highlight` names a series by its value (or index);
// the figure fades the others. `figure` (optional) shows the preset's run as another of its figures ('standard' = the
// curves, e.g. a heatmap preset's cells as one curve per row, where a highlight can be seen).

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
  'neural-collapse': [
    { preset: 'terminal-phase', highlight: 0, text: 'Not model collapse, but a collapse of its own. The last layer of a classifier (4 classes, 16-dimensional features) is trained long after it gets every training example right. The curve is NC1, the spread of the features inside each class against the spread between classes, on a log axis: it keeps falling, over dozens of decades. Press Play to watch it step by step.' },
    { preset: 'terminal-phase', highlight: 0, text: 'The small multiples below show every other measure of the same run falling too: the class means become equally long and equally far apart (NC2), each classifier row lines up with its class mean (NC3), and the network agrees with a nearest-class-mean rule (NC4). In the picture, the four means settle into a regular tetrahedron.' },
    { preset: 'mse-central-path', highlight: 0, text: 'With the squared loss, and the classifier re-solved by least squares at every step (the central path), the collapse has an exact law: the dashed closed form lies on the simulated curve, NC1 falling like 1/√t.' },
    { preset: 'generalized-collapse', highlight: '3', text: 'More classes than a simplex allows: 12 classes in 3 dimensions. With a normalised (spherical) loss the classifier rows spread as far apart as they can; the curve is the smallest gap between a row and the others (GNC2), rising to the icosahedron’s value (dotted). In 2 dimensions (orange) they form a regular 12-gon.' },
    { preset: 'too-much-weight-decay', highlight: 0, text: 'Too much weight decay and there is nothing to collapse to: the classifier’s norm (log axis) decays towards zero and the objective settles at ln C, the loss of guessing. Neural collapse needs the regularisation small enough for a non-zero optimum.' },
  ],
  tails: [
    { preset: 'scaling-law', highlight: '2', text: 'A memoriser learns items by heart: it answers only the items it has seen. Items come from a Zipf law, a few common and very many rare. On log–log axes its error against the number of training samples T is a straight line, a scaling law; the dashed line is the exact sum.' },
    { preset: 'scaling-law', highlight: '1.5', text: 'The slope is set by the tail. With a heavier tail (β = 1.5, blue) more rare items stay unseen, so the error falls slower: like 1/∛T instead of 1/√T for β = 2.' },
    { preset: 'tail-cut', highlight: '100', text: 'Now train on the output of a generator that keeps only its k most frequent items. With k = 100 (orange) the error follows the clean law until T ≈ kᵝ (the diamond at 10⁴), then stops at the tail mass the generator dropped (dotted): more data no longer help.' },
    { preset: 'generations-shift', highlight: '8', text: 'A generator that is itself fitted on a finite sample loses some of the tail, and each generation loses more. After 8 generations (pink) the error levels off higher than after 1 (blue).' },
    { preset: 'grokking', highlight: '0.1', text: 'Mixing in clean data rescues the scaling law. With a share π = 0.1 of clean data (green) the error sits on the plateau for a while, then falls again once πT ≈ 1/pₖ (diamond) and follows the clean law: a late recovery, “grokking”.' },
    { preset: 'generation-discrepancy', highlight: 0, text: 'Against the generation, the exact error (dashed) grows slower than a straight line, like n to the power 1 − 1/β. The paper’s headline, error linear in the number of generations, would reach the dotted level: an open discrepancy, shown rather than hidden.' },
  ],
  'language-model': [
    { preset: 'forgets-rare-words', highlight: 'replace', text: 'A bigram language model (each word predicted from the one before) is fitted on real English, the Brown corpus, then refitted on text it wrote itself, generation after generation. Under replace (blue) its perplexity on held-out real text climbs: real English surprises it more and more.' },
    { preset: 'forgets-rare-words', highlight: 'accumulate', text: 'Accumulate (orange) keeps the real text and adds each generation’s synthetic text: perplexity still rises, but far less. In the picture below, the Zipf plot of each generation’s text: press Play and watch the tail of rare words shrink under replace.' },
    { preset: 'accumulate-holds', highlight: 'replace', text: 'Why: count the words. Under replace (blue) the model’s text keeps an ever smaller share of the real vocabulary: a rare word that one generation fails to sample has little chance to come back, so the losses pile up; under accumulate (orange) the real text stays in the training data, and so do all its words.' },
    { preset: 'temperature-tail', highlight: '0.7', text: 'Sampling at a lower temperature favours the common words: the real probability mass of the words the model has lost grows faster at τ = 0.7 (green) than at τ = 1 (blue).' },
    { preset: 'fixed-compute', highlight: 'accumulate-subsample', text: 'Accumulating costs more compute every generation. Accumulate-subsample (green) fits only T tokens per generation, drawn from all the text so far, the compute of replace, and degrades far less than replace.' },
  ],
  'kernel-chain': [
    { preset: 'mnist-error-grows', highlight: '0.0001', text: 'Real data: kernel ridge regression on MNIST handwritten digits. Each generation relabels the training digits with the previous model’s predictions plus noise, and the next model learns from those labels. Its error on real held-out digits climbs with every generation, in a straight line for the small ridge penalty λ = 10⁻⁴ (blue).' },
    { preset: 'mnist-error-grows', highlight: '0.01', text: 'A larger penalty λ = 0.01 (orange) starts higher, because it smooths away some detail of the digits, but it barely grows: regularisation damps the noise passed down the chain. The dashed lines are the exact expected error given the digits.' },
    { preset: 'mnist-best-ridge', highlight: '0', text: 'Against λ (log–log axes) every curve is a U: too little regularisation lets the label noise through, too much loses the digits. With the real labels (n = 0, blue) the best λ, the diamond, is tiny.' },
    { preset: 'mnist-best-ridge', highlight: '20', text: 'After 20 generations of synthetic labels (pink) the left of the U is far higher and the best λ has moved right by about three decades: a model trained on synthetic labels needs its regularisation tuned again.' },
  ],
  'real-vs-synthetic': [
    { preset: 'cardinality-vs-proportion', text: 'Is synthetic data always harmful? One generator is fitted on a few real samples and labels synthetic ones. Each cell of the grid is a model trained on n_real real samples (up) and n_synth synthetic ones (across), tested on real data; the colour is its error (dark = low).' },
    { preset: 'scarce-vs-plentiful', highlight: '25', text: 'Now against the number of synthetic samples (log axes), one curve per real count. With only 25 real samples (blue), too few for 20 dimensions, synthetic samples bring the error far below its real-only level (dash-dot), until so many are added that it rises again: a U.' },
    { preset: 'scarce-vs-plentiful', highlight: '400', text: 'With 400 real samples (green) the same synthetic data only hurt: the error climbs as they pile up, towards the generator’s own error c² (dotted), the error of a model that learns only the generator.' },
    { preset: 'cardinality-vs-proportion', figure: 'proportion', text: 'Back to the grid, plotted against the real proportion n_real/(n_real + n_synth): the lines do not fall onto one curve, so the same proportion helps one model and hurts another. What matters is how many real samples there are, not only their share.' },
  ],
  'kernel-real-vs-synthetic': [
    { preset: 'mnist-cardinality-vs-proportion', text: 'The same question on real MNIST digits with kernel ridge models: a generator fitted on real digits labels other digits. Each cell is a model trained on n_real real and n_synth synthetic digits per class, tested on real digits; the colour is its error (dark = low).' },
    { preset: 'mnist-cardinality-vs-proportion', figure: 'standard', highlight: '2', text: 'As curves, one per real count: with 2 real digits per class (orange) every synthetic digit added lowers the error.' },
    { preset: 'mnist-cardinality-vs-proportion', figure: 'standard', highlight: '20', text: 'With 20 real digits per class (the highlighted curve) the same synthetic digits raise the error: the generator’s mistakes now cost more than the extra examples are worth.' },
    { preset: 'mnist-cardinality-vs-proportion', figure: 'proportion', text: 'Against the real proportion the lines do not coincide: on real digits too, the number of real examples matters, not only their share (Kazdan et al.).' },
  ],
};

/** The "start here" tour: the headline of one experiment per step. */
export const START_TOUR = [
  { experiment: 'recursive-regression', preset: 'replace-vs-accumulate', highlight: 'replace', text: 'Start here. Model collapse in one picture: a model trained on the outputs of the model before it. If each generation replaces the data (blue), the error grows without bound; if it keeps the real data and adds the synthetic (orange), the error stays bounded.' },
  { experiment: 'gaussian-fitting', preset: 'curse-of-recursion', highlight: 0, text: 'It is not about regression: a Gaussian refitted to its own samples loses its spread. On average nothing changes (dashed), but the typical run (round dots) collapses to a point.' },
  { experiment: 'synthetic-chain', preset: 'ridge-u-shapes', highlight: 4, text: 'Regularisation helps but needs re-tuning: the best ridge penalty (diamonds) moves as the synthetic generations pile up.' },
  { experiment: 'strong-collapse', preset: 'scaling-plateau', highlight: 3, text: 'A little goes a long way: a fixed share of synthetic labels puts a floor under the scaling law, so more data stop helping.' },
  { experiment: 'kde-fitting', preset: 'moons', highlight: 'replace', text: 'Generative models collapse too: a density estimate of two moons, refitted on its own samples, drifts away from the data.' },
  { experiment: 'language-model', preset: 'forgets-rare-words', highlight: 'replace', text: 'And language models: a bigram model refitted on its own text from real English forgets the rare words, and its perplexity on real text climbs (blue); keeping the real text (orange) makes it climb far less. Each tab has its own tour: press “Tour of this experiment”.' },
];

/** The steps of a tour: 'start' or an experiment key (each step then names its experiment). */
export function tourSteps(name) {
  if (name === 'start') return START_TOUR;
  return (TOURS[name] ?? []).map((step) => ({ experiment: name, ...step }));
}
