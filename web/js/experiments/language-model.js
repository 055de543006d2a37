// The language-model lab view (an n-gram model refitted on its own text, on the Brown corpus; Shumailov et al. 2024,
// Gerstgrasser et al. 2024, Kazdan et al. 2025, A Tale of Tails; docs/theory/language-model.md): how its controls are
// grouped, what a reader should look for in each preset's figure (quoting the run's numbers, every metric of the same
// run), and the pictures — the rank–frequency (Zipf) plot of each generation's text over the real text's, with the
// generation slider of the picture panel. Parameters and presets come from the catalogue; see index.js.
import { formatShort } from '../util/format.js';

const f = formatShort;
const last = (values) => values[values.length - 1];
const byValue = (result, value) => result?.series.find((s) => s.value === value);
/** The mean curve of metric `key` of a series (every metric comes from the same run). */
const curve = (s, key) => s?.metrics?.[key]?.simulation.mean ?? (s && key === undefined ? s.simulation.mean : null);
const lastG = (result) => last(result.x.values);
const percent = (x) => `${Math.round(100 * x)}%`;

const METRIC_TITLES = {
  perplexity: 'held-out perplexity (real text)',
  vocabulary: 'share of the real vocabulary kept',
  tailMass: 'real probability mass of the lost words',
  diversity: 'diversity 1 − Σ q_w² of the unigram law',
  kl: 'KL(model unigram ‖ corpus unigram)',
};

/** "replace: … → …; accumulate: … → …" for metric key. */
function fromTo(result, key, format = f) {
  return result.series.map((s) => {
    const c = curve(s, key);
    return c ? `${s.label.toLowerCase()} ${format(c[0])} → ${format(last(c))}` : '';
  }).filter(Boolean).join('; ');
}

/** The caption's first words when the run is on the reader's own text (corpus = pasted). */
const OWN_TEXT = 'Trained on your own text (pasted into this page; it stays in your browser), not the Brown corpus: every tenth sentence of it is held out for the perplexity.';
const ownText = (result) => (result?.config.corpus === 'pasted' ? `${OWN_TEXT} ` : '');
/** A preset's caption, led by OWN_TEXT on the reader's text. */
const onText = (look) => (result) => {
  const text = look(result);
  return text && `${ownText(result)}${text}`;
};

export default {
  key: 'language-model',
  groups: [
    { title: 'Text', keys: ['corpus'] },
    { title: 'Model', keys: ['order', 'smoothing', 'addK'] },
    { title: 'Recursion', keys: ['generations', 'workflow', 'samples'] },
    { title: 'Sampling', keys: ['temperature', 'topP'] },
    { title: 'What is plotted', keys: ['metric'] },
    { title: 'Monte Carlo', keys: ['trials', 'seed'] },
  ],
  defaultPreset: 'forgets-rare-words',
  ownText: true, // the "Use your own text" block under the parameters (app/own-text.js)
  presetViews: { 'forgets-rare-words': { y: 'log' }, 'fixed-compute': { y: 'log' } },
  yTitle: (result) => METRIC_TITLES[result.metric.key] ?? result.metric.label,

  pictures: {
    plane: { axes: [0, 1], names: ['log₁₀ rank', 'log₁₀ frequency'],
      note: 'The rank–frequency (Zipf) plot of one run: the share of each of the real text\'s words in a generation\'s text against its rank, on log–log axes, at about 120 ranks (words the real text never had — a smoothed model\'s uniform floor — are left out).' },
    describe: (result) => `the rank–frequency (Zipf) plot of the text generation t was fitted to (colour) over that of the ` +
      `${formatShort(result.config.samples)} real training tokens (grey)`,
    cloudSize: (config) => 2 * 130 * (config.generations + 1),
    lookFor({ series, generation, generations, real, shown }) {
      if (!real || !shown) return '';
      return `${series}, generation ${generation} of ${generations}: the text's Zipf plot (coloured) over the real text's (grey). ` +
        `Where the coloured points stop short on the right, the tail of rare words is cut.`;
    },
  },

  lookFor: {
    'forgets-rare-words': onText((result) => {
      const replace = byValue(result, 'replace'), accumulate = byValue(result, 'accumulate');
      if (!replace || !accumulate || result.x.key !== 'generation') return '';
      return `Refitted on its own text (replace), the ${result.config.order}-gram model's held-out perplexity climbs over ` +
        `g = ${lastG(result)} generations of T = ${result.config.samples} tokens each (${fromTo(result, 'perplexity')}), and its text keeps ever fewer of the real words ` +
        `(${fromTo(result, 'vocabulary', percent)} of the real vocabulary): the rare words go first. Accumulating the text ` +
        'keeps the real words in the data. Every metric comes from this one run (choose it under "What is plotted"); the ' +
        'picture below is the Zipf plot of each generation: drag the slider or press Play to see the tail shrink, and ' +
        'under it sentences of generations 1, 5 and 20 stand side by side.';
    }),
    'accumulate-holds': onText((result) => {
      if (!byValue(result, 'replace') || !byValue(result, 'accumulate')) return '';
      return `Share of the real vocabulary the model's text still contains: ${fromTo(result, 'vocabulary', percent)}; ` +
        `real mass of the lost words: ${fromTo(result, 'tailMass', percent)}. Under accumulate the real text stays in the ` +
        'training data, so nothing is lost (Gerstgrasser et al.).';
    }),
    'temperature-tail': onText((result) => {
      if (result?.series[0]?.key !== 'temperature') return '';
      return `A unigram model resampled at temperature τ (q to the power 1/τ): the real mass of the words it lost after ` +
        `${lastG(result)} generations is ${result.series.map((s) => `${s.label} ${percent(last(curve(s, 'tailMass')))}`).join(', ')}. ` +
        'Lower temperature narrows the law (a Zipf exponent β/τ) and cuts the tail faster (A Tale of Tails).';
    }),
    'fixed-compute': onText((result) => {
      if (!byValue(result, 'accumulate-subsample')) return '';
      return `Held-out perplexity: ${fromTo(result, 'perplexity')}. Accumulate-subsample fits T tokens per generation, the ` +
        'compute of replace, drawn from all text so far, and degrades far less than replace (Kazdan et al.).';
    }),
  },

  caption(result) {
    const fixed = (key) => result.x.key !== key && !result.series.some((s) => s.key === key);
    const setting = [fixed('order') ? `order n = ${result.config.order}` : '', fixed('samples') ? `T = ${result.config.samples} tokens per generation` : '']
      .filter(Boolean).join(', ');
    const parts = [setting ? `An n-gram model (${setting}) refitted on its own text.` : '', 'Solid lines: the Monte Carlo mean over trials (each trial refits the model on its own samples); dashed: exact theory where it exists (the Wright–Fisher diversity of an unsmoothed unigram model).'];
    if (result.config.corpus === 'pasted') parts.unshift(OWN_TEXT);
    if (result.config.smoothing === 'none') parts.push('Without smoothing, perplexity is infinite once a held-out word is lost (missing points).');
    return parts.filter(Boolean).join(' ');
  },
};
