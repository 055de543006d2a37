// The neural-collapse lab view (Papyan, Han & Donoho 2020; Han, Papyan & Donoho 2022; Jiang et al. 2024): control
// groups, what to look for in each preset (quoting the run's numbers), log axes where the metrics fall over decades,
// the small multiples of every metric of the run, and the geometry picture (class means and classifier rows of one
// run at each checkpoint, with Play and the cosine heatmap). Settings, claims and citations come from the catalogue.
import { formatShort } from '../util/format.js';
import { logAxisNote } from './axis-words.js';

const f = formatShort;
const metricOf = (result, key, s = 0) => result?.series[s]?.metrics?.[key];
const lastMean = (m) => m?.simulation.mean.at(-1);
const firstMean = (m) => m?.simulation.mean[0];
/** The first step at which the mean training error is 0. */
function zeroErrorStep(result, s = 0) {
  const mean = metricOf(result, 'trainError', s)?.simulation.mean ?? [];
  const k = mean.findIndex((v) => v === 0);
  return k < 0 ? null : result.x.values[k];
}

const RELATION = 'Neural collapse is not model collapse: it is what training one network to zero loss does to its last layer ' +
  '(an inductive bias towards a maximally separated, symmetric geometry), while model collapse is the degradation of models ' +
  'trained, generation after generation, on data made by earlier models.';

const LOG_METRICS = ['nc1', 'equinorm', 'equiangularity', 'maxAngle', 'selfDuality', 'lsDeviation', 'gnc3', 'classifierNorm', 'featureNorm'];

export default {
  key: 'neural-collapse',
  groups: [
    { title: 'Model and loss', keys: ['model', 'loss', 'centralPath', 'temperature'] },
    { title: 'Sizes', keys: ['classes', 'featureDim', 'samplesPerClass', 'hiddenWidth', 'depth'] },
    { title: 'Training', keys: ['steps', 'learningRate', 'momentum', 'weightDecay', 'featureDecay', 'initScale'] },
    { title: 'What is plotted', keys: ['metric'] },
    { title: 'Monte Carlo', keys: ['trials', 'seed'] },
  ],
  defaultPreset: 'terminal-phase',
  presetViews: {
    'terminal-phase': { y: 'log' },
    'mse-central-path': { y: 'log' },
    'mse-term-b': { y: 'log' },
    'too-much-weight-decay': { y: 'log' },
  },
  multiples: {
    logSteps: true,
    scale: Object.fromEntries(LOG_METRICS.map((key) => [key, 'log'])),
    short: { trainError: 'training error', loss: 'objective f', nc1: 'NC1', equinorm: 'equinorm', equiangularity: 'equiangularity',
      maxAngle: 'max-angle', selfDuality: 'NC3', ncc: 'NC4', lsDeviation: 'term B', gnc2: 'GNC2', gnc3: 'GNC3',
      classifierNorm: '‖w‖²', featureNorm: '‖h‖²', trueClassOutput: 'true-class output' },
  },
  caption: (result) => `${result.metric.label} over T = ${result.x.values.at(-1)} steps, ${result.trials} initialisations` +
    (result.series.length === 1 ? ` (C = ${result.config.classes} classes of n = ${result.config.samplesPerClass} samples, features in d = ${result.config.featureDim} dimensions)` : '') +
    `; every metric of the run is drawn below. ${RELATION}`,

  pictures: {
    kind: 'geometry',
    intro: (result) => `One run (trial 1 of ${result.trials}, seed ${result.seed}): the ${result.config.classes} class means ` +
      '(discs) and classifier rows (arrows), each set scaled to unit norm, seen along the final means\' leading directions. ' +
      'Press Play to watch training, or move the slider through the checkpoints.',
    lookFor({ result, step, gap }) {
      const classes = result.config.classes;
      const target = -1 / (classes - 1);
      const shape = classes === 3 ? 'a triangle' : classes === 4 ? 'a tetrahedron' : result.config.featureDim === 2 ? 'a regular polygon' : 'a simplex';
      if (result.config.loss === 'spherical-ce' && classes > result.config.featureDim + 1)
        return `Step ${step}: with C = ${classes} > d + 1 = ${result.config.featureDim + 1} no simplex fits; the classifier rows spread ` +
          `to maximise their smallest one-vs-rest distance (${result.config.featureDim === 3 && classes === 12 ? 'an icosahedron' : 'a softmax code'}).`;
      return `Step ${step}: the cosines between class means are within ${f(gap)} of ${f(target)} = −1/(C−1)` +
        `${gap < 0.01 ? ` — the means form ${shape}, and each classifier row points at its own class mean` : '; they are still settling'}.`;
    },
  },

  lookFor: {
    'terminal-phase'(result, figure) {
      const zero = zeroErrorStep(result);
      const nc1 = metricOf(result, 'nc1');
      const loss = metricOf(result, 'loss');
      if (!nc1 || !loss) return '';
      const fStar = loss.references?.[0]?.value;
      const { classes, samplesPerClass, featureDim } = result.config;
      return `C = ${classes} classes of n = ${samplesPerClass} samples each, with features in d = ${featureDim} dimensions: ` +
        `the training error reaches 0 at step ${zero ?? '—'}; training goes on (the terminal phase) and NC1 keeps falling, ` +
        `from ${f(firstMean(nc1))} at step 0 to ${f(lastMean(nc1))} after T = ${result.x.values.at(-1)} steps${logAxisNote(figure)}, while the ` +
        `objective approaches its closed-form optimum f* = ${f(fStar)} (${f(lastMean(loss))} reached). The small multiples show ` +
        `NC2 (equinorm, equiangularity, max-angle), NC3 and NC4 falling too; below, the class means settle into a simplex. ${RELATION}`;
    },
    'mse-central-path'(result) {
      const nc1 = metricOf(result, 'nc1');
      if (!nc1?.theory) return '';
      return `On the central path the classifier is always least squares; the class means' signal-to-noise ratios ω grow by ` +
        `n[C² ln ω + Cω² + ω⁴/4] = const + t. The dashed closed form follows the simulation: NC1 = Σ1/ω² is ` +
        `${f(lastMean(nc1))} simulated and ${f(nc1.theory.at(-1))} in theory at t = ${f(result.config.learningRate * result.x.values.at(-1))}, ` +
        'falling like 1/√t.';
    },
    'mse-term-b'(result) {
      const b = metricOf(result, 'lsDeviation');
      const loss = metricOf(result, 'loss');
      if (!b || !loss) return '';
      const k = Math.floor(result.x.values.length / 2);
      return `Term B, the loss the classifier's deviation from least squares adds, is ${f(b.simulation.mean[k])} at step ` +
        `${result.x.values[k]} against a loss of ${f(loss.simulation.mean[k])} (${f((100 * b.simulation.mean[k]) / loss.simulation.mean[k])}%), ` +
        `and ${f(lastMean(b))} at the end: the classifier stays close to the central path.`;
    },
    'generalized-collapse'(result) {
      const parts = (result?.series ?? []).map((s, k) => {
        const m = metricOf(result, 'gnc2', k);
        const optimum = m?.references?.[0]?.value;
        return `${s.label}: GNC2 ${f(lastMean(m))}${optimum !== undefined ? ` of the optimum ${f(optimum)}` : ''}`;
      });
      if (!parts.length) return '';
      return `Twelve classes cannot form a simplex in 3 or 2 dimensions. Spherical CE spreads the classifier rows to maximise ` +
        `the smallest distance from each row to the hull of the others (GNC2, rising): ${parts.join('; ')} — the icosahedron's ` +
        '1 − 1/√5 and the 12-gon\'s 1 − cos(30°).';
    },
    'too-much-weight-decay'(result) {
      const norm = metricOf(result, 'classifierNorm');
      const loss = metricOf(result, 'loss');
      if (!norm || !loss) return '';
      return `With s = √(nλ_Wλ_H) = ${f(Math.sqrt(result.config.samplesPerClass * result.config.weightDecay * result.config.featureDecay))} ` +
        `≥ 1/C = ${f(1 / result.config.classes)}, the classifier norm decays from ${f(firstMean(norm))} to ${f(lastMean(norm))} and the ` +
        `objective to ln C = ${f(Math.log(result.config.classes))} (${f(lastMean(loss))}): no simplex, just zero.`;
    },
  },
};
