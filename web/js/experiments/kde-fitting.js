// The kde-fitting lab view (Kazdan et al. 2025, "Collapse or Thrive?", their kernel density experiments): how its
// controls are grouped, what a reader should look for in each preset's figure (quoting the numbers of the run on the
// page) and in the pictures (one run's samples over the real data, generation by generation; the 3-D swiss roll is
// drawn in its x–z plane, where its spiral lies). There is no closed form here: every curve is simulation only.
// Parameters and the presets' settings, titles, claims, citations and URLs come from the catalogue; see index.js.
import { formatShort } from '../util/format.js';
import { drawnLog } from './axis-words.js';

const f = formatShort;
const last = (values) => values[values.length - 1];
const byValue = (result, value) => result?.series.find((s) => s.value === value);
const lastT = (result) => last(result.x.values);

const SHAPES = { moons: 'two moons', circles: 'two rings', blobs: 'three blobs', swissRoll: 'swiss roll' };

/** The common sentence of replace-vs-accumulate presets: NLL at the first and last generation of each workflow. */
function replaceVsAccumulate(result) {
  const replace = byValue(result, 'replace');
  const accumulate = byValue(result, 'accumulate');
  if (!replace || !accumulate || result.x.key !== 'generation') return '';
  const first = replace.simulation.mean[0];
  return `The curves are the negative log-likelihood of fresh real data under the fitted KDE (lower is better), ` +
    `${f(first)} for the fit on real data. Refitting on its own m = ${result.config.samples} samples per generation (replace, blue) raises it to ${f(last(replace.simulation.mean))} ` +
    `after ${lastT(result)} generations; accumulating every generation's samples with the real data (orange) keeps it at ` +
    `${f(last(accumulate.simulation.mean))}. Simulation only: there is no closed form.`;
}

export default {
  key: 'kde-fitting',
  groups: [
    { title: 'Recursion', keys: ['generations', 'workflow', 'samples'] },
    { title: 'Data', keys: ['dataset', 'noise', 'testSamples', 'blobCentres'] },
    { title: 'Kernel', keys: ['bandwidthRule', 'bandwidth'] },
    { title: 'Monte Carlo', keys: ['trials', 'seed'] },
  ],
  defaultPreset: 'moons',
  presetViews: {
    // Replace's NLL (and its band) climbs an order of magnitude above the other two: on a linear axis accumulate and
    // accumulate-subsample, the lines the caption compares, lay squeezed along the bottom. A log axis gives each
    // workflow's rise its share of the height: the slow, gradual climb of the green curve against replace's.
    'fixed-compute': { y: 'log' },
  },

  pictures: {
    // The swiss roll is 3-D (the KDE is fitted on all three coordinates); its spiral lies in the x–z plane.
    plane: { axes: [0, 2], names: ['x', 'z'], note: 'The 3-D swiss roll is drawn in its x–z plane, where its spiral lies; the y coordinate (along the roll) is not shown.' },
    lookFor({ series, generation, generations, real, shown }) {
      if (!real || !shown) return '';
      return `${series}, generation ${generation} of ${generations}: ${shown.count} samples over the real data (grey); ` +
        `their spread (SD) is ${f(shown.spread)} against the real data's ${f(real.spread)}.`;
    },
  },

  lookFor: {
    moons(result) {
      const text = replaceVsAccumulate(result);
      return text && `${text} In the picture below, drag the slider: under replace each refit is a bootstrap plus jitter, ` +
        'so the samples drift into a few tight clumps that no longer trace the two moons; under accumulate they keep their shape.';
    },
    circles(result) {
      const text = replaceVsAccumulate(result);
      return text && `${text} In the picture below, the two rings lose their shape within a few dozen generations of replace.`;
    },
    'swiss-roll'(result) {
      const text = replaceVsAccumulate(result);
      return text && `${text} The picture below shows the roll's x–z plane: under replace the spiral smears out.`;
    },
    'paper-blobs'(result) {
      const replace = byValue(result, 'replace');
      const accumulate = byValue(result, 'accumulate');
      if (!replace || !accumulate || result.x.key !== 'generation') {
        return 'Kazdan et al.’s code draws the 500 test points from blobs with their own, freshly drawn centres ' +
          '(blobCentres = redrawn): the test NLL then measures mostly how far apart the two sets of centres are.';
      }
      return `The test points come from blobs whose centres were drawn afresh, as in Kazdan et al.'s code (blobCentres = redrawn): ` +
        `the NLL of the fit on real data is already ${f(replace.simulation.mean[0])}, an order of magnitude above that of test data ` +
        `from the training blobs (set blobCentres = shared to compare). Accumulate (orange) ends at ${f(last(accumulate.simulation.mean))} ` +
        `after ${lastT(result)} generations, replace (blue) at ${f(last(replace.simulation.mean))}: a KDE that spreads out covers ` +
        'the distant test clusters better, an artefact of the redrawn centres. Simulation only.';
    },
    'fixed-compute'(result, figure) {
      const replace = byValue(result, 'replace');
      const accumulate = byValue(result, 'accumulate');
      const subsample = byValue(result, 'accumulate-subsample');
      if (!replace || !accumulate || !subsample) return '';
      const ratio = (s) => last(s.simulation.mean) / s.simulation.mean[0];
      return `With the compute of replace (m = ${result.config.samples} points per fit), drawing those points from all the data ` +
        `so far (green) degrades slowly: the test NLL goes from ${f(subsample.simulation.mean[0])} to ${f(last(subsample.simulation.mean))} ` +
        `after ${lastT(result)} generations (${f(ratio(subsample))} times), against ${f(last(replace.simulation.mean))} for replace ` +
        `(blue, ${f(ratio(replace))} times) and ${f(last(accumulate.simulation.mean))} for full accumulate (orange). ` +
        `${drawnLog(figure) ? 'On the log axis equal ratios are equal heights. ' : ''}Simulation only.`;
    },
  },

  /** What to look for once the reader has changed the preset's settings. */
  caption(result) {
    const shape = SHAPES[result.config.dataset] ?? result.config.dataset;
    return `Negative log-likelihood of fresh real data (${shape}) under each generation's KDE: solid lines are the Monte Carlo ` +
      'mean, the band 10–90% of the trials. Simulation only: there is no closed form. The picture below shows one run.';
  },
};
