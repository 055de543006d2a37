// The strong-collapse lab view (Dohmatob, Feng, Subramonian & Kempe, ICLR 2025, "Strong Model Collapse"): how its
// controls are grouped, what a reader should look for in each preset's figure (quoting the numbers of the run on
// the page), the axes each figure reads best on, the interpolation threshold m = n on width figures, and the
// derived "Pareto" figure of the paper's Figure 1. Parameters and the presets' settings, titles, claims, citations
// and URLs come from the catalogue; see index.js for what a view file may declare.
import { pairedFigure } from '../figure/paired-figure.js';
import { formatShort } from '../util/format.js';

const f = formatShort;
const last = (values) => values[values.length - 1];
const seriesWith = (result, value) => result.series.find((s) => Number(s.value) === value);
const mean = (s) => s.simulation.mean;

// The real-only baseline of a Result: the series with clean synthetic labels (c² = 0) or no synthetic data (p₂ = 0).
const realOnly = (s) => (s.key === 'syntheticQuality' || s.key === 'syntheticFraction') && Number(s.value) === 0;

/** "1%", "0.1%": a synthetic fraction as a reader says it. */
const percent = (p) => `${Number((p * 100).toPrecision(3))}%`;
/** "p₂ = 0.01 (1%)": the series' own label with the share in words. */
const share = (s) => `${s.label} (${percent(Number(s.value))})`;

export default {
  key: 'strong-collapse',
  groups: [
    { title: 'Training data', keys: ['samples', 'mixing', 'syntheticFraction', 'syntheticCount', 'syntheticQuality'] },
    { title: 'Model', keys: ['model', 'width', 'ridge'] },
    { title: 'Data distribution', keys: ['dim', 'noise', 'spectrum', 'decay', 'signal'] },
    { title: 'What is plotted', keys: ['component'] },
    { title: 'Monte Carlo', keys: ['trials', 'seed'] },
  ],
  defaultPreset: 'scaling-plateau',
  presetViews: {
    'scaling-plateau': { y: 'log' },
    'fixed-count': { y: 'log' },
    breakdown: { y: 'log' },
    pareto: { y: 'log', figure: 'pareto' },
  },

  figures: {
    pareto: {
      label: 'Pareto',
      /** Mixed error against real-only error, one point per width (the paper's Figure 1). */
      build(result, { log = false } = {}) {
        if (!result.series.some(realOnly))
          return { error: 'it needs one curve with real data only (a series over syntheticQuality or syntheticFraction that includes 0)' };
        const real = result.series.find(realOnly);
        const figure = pairedFigure(result, {
          baseline: realOnly,
          xTitle: `real-only test error (${real.label})`,
          yTitle: 'test error, real + synthetic mix',
          atLabel: result.x.key === 'width' ? 'width m' : result.x.label,
          names: { x: 'real only', y: 'mixed' },
          diagonalLabel: 'y = x: no harm from synthetic data',
          log,
        });
        if (figure.error) return figure;
        // Which way the points run: label the first, the worst and the last point of the poorest synthetic data.
        const worst = last(figure.series);
        if (worst?.points.length > 2) {
          const peak = worst.points.reduce((a, p) => (p.x > a.x ? p : a), worst.points[0]);
          const symbol = result.x.key === 'width' ? 'm' : result.x.key;
          for (const p of new Set([worst.points[0], peak, last(worst.points)]))
            figure.labels.push({ series: worst.index, x: p.x, y: p.y, text: `${symbol} = ${f(p.at)}` });
        }
        return figure;
      },
    },
  },

  /** The interpolation threshold m = n on figures against the width. */
  guides(result) {
    const n = result.config.samples;
    if (result.x.key !== 'width' || result.series.some((s) => s.key === 'samples')) return [];
    return [{ axis: 'x', value: n, label: `interpolation threshold m = n = ${f(n)}` }];
  },

  lookFor: {
    'scaling-plateau'(result) {
      const clean = result && seriesWith(result, 0);
      if (result?.x.key !== 'samples' || !clean || result.series[0].key !== 'syntheticFraction') return '';
      const xs = result.x.values;
      const mixed = result.series.filter((s) => s !== clean);
      const describe = (s) => {
        const floor = s.references?.find((r) => r.value > 0)?.value;
        const value = last(mean(s));
        const ratio = value / last(mean(clean));
        if (ratio < 1.5) return `${share(s)} still lies on the clean line (${f(value)}; drawn over it, the clean line shows as a wide blue halo)` +
          (floor ? `: its floor ${f(floor)} is ${f(value / floor)} times lower, and the curve would flatten only at larger n` : '');
        const where = !floor ? '' : value <= 1.2 * floor ? `, on its floor ${f(floor)}` : `, on its way to its floor ${f(floor)}`;
        return `${share(s)} is at ${f(value)}, ${f(ratio)} times the clean error${where}`;
      };
      return `Test error against the total sample size n, log–log axes, one curve per synthetic fraction p₂ of the labels. ` +
        `With real data only (blue) the error keeps falling, to ${f(last(mean(clean)))} at n = ${f(last(xs))}. Any fixed ` +
        `fraction of synthetic labels makes the curve leave that line and flatten onto its floor p₂²c² (dotted, in the ` +
        `curve's colour): at n = ${f(last(xs))}, ${mixed.map(describe).join('; ')}. The smaller p₂, the later it flattens, ` +
        `but it does: past that point, more data stop helping. Here the synthetic labels' own error is c² = ` +
        `${f(result.config.syntheticQuality)}, in d = ${result.config.dim} dimensions.`;
    },
    'fixed-count'(result) {
      const fraction = result?.series.find((s) => s.value === 'fraction');
      const count = result?.series.find((s) => s.value === 'count');
      if (!fraction || !count || result.x.key !== 'samples') return '';
      const { syntheticFraction: p, syntheticCount: n2 } = result.config;
      const floor = fraction.references?.find((r) => r.value > 0)?.value;
      return `A fixed fraction p₂ = ${percent(p)} of synthetic labels (blue) heads for its floor ` +
        (floor ? `p₂²c² = ${f(floor)} (dotted)` : '') + ` and leaves the clean scaling law: ${f(last(mean(fraction)))} at ` +
        `n = ${f(last(result.x.values))}` + (floor ? `, ${f(last(mean(fraction)) / floor)} times its floor` : '') + `, whereas a fixed count of n₂ = ${n2} synthetic samples ` +
        `(orange) only costs something while they are a large share of small training sets: their share n₂/n falls as n grows, and the ` +
        `curve rejoins the clean scaling law (${f(last(mean(count)))}). A scaling law tolerates synthetic data that grow more ` +
        'slowly than the data set, not a fixed share of it.';
    },
    'width-gap'(result) {
      if (result?.x.key !== 'width') return '';
      const n = result.config.samples;
      const xs = result.x.values;
      const peaks = result.series.map((s) => {
        const i = mean(s).indexOf(Math.max(...mean(s)));
        return `${s.label}: peak ${f(mean(s)[i])} at m = ${f(xs[i])}, ${f(last(mean(s)))} at m = ${f(last(xs))}`;
      });
      return `The extra test error caused by synthetic data (mixed minus real-only, same model) against the width m of a ` +
        `random-projections model (log x axis). Widening the model first amplifies the damage, up to the interpolation ` +
        `threshold m = n = ${f(n)} (dash-dot line), then mitigates it — without making it vanish. ${peaks.join('; ')}.`;
    },
    'width-errors'(result) {
      if (result?.x.key !== 'width') return '';
      const clean = seriesWith(result, 0);
      if (!clean) return '';
      const worst = last(result.series);
      const i = mean(clean).indexOf(Math.max(...mean(clean)));
      return `Test error against the width m of a random-projections model (log x axis), for real data only (blue) and ` +
        `mixes with more and more synthetic labels. Every curve peaks at the interpolation threshold m = n = ` +
        `${f(result.config.samples)} (dash-dot line), where the model can just fit its training set — ${f(mean(clean)[i])} for real ` +
        `data, ${f(mean(worst)[i])} for ${worst.label} — and falls beyond it. The mixed curves stay above the real-only ` +
        'one at every width.';
    },
    pareto(result) {
      if (!result || result.x.key !== 'width' || !result.series.some(realOnly)) return '';
      const real = result.series.find(realOnly);
      const worst = last(result.series);
      const ratios = mean(worst).map((y, i) => y / mean(real)[i]);
      return `Each point is one model width m: the error with ${percent(result.config.syntheticFraction)} synthetic ` +
        `labels (y) against the error of the same model trained on real labels only (x), both on log axes. Points above ` +
        `the dotted diagonal mean the synthetic data hurt: all of them are, and the poorer the synthetic data (larger c²), ` +
        `the higher — up to ${f(Math.max(...ratios))}× the real-only error for ${worst.label}. Following a curve from m = ` +
        `${f(result.x.values[0])}, both errors grow towards the interpolation threshold m = n = ${f(result.config.samples)} ` +
        '(top right) and fall beyond it, but the gap to the diagonal never closes. Switch the figure to “curves” to see the same ' +
        'data against the width.';
    },
    breakdown(result) {
      const parts = Object.fromEntries((result?.series ?? []).map((s) => [s.value, s]));
      if (!parts.total || !parts.bias || !parts.variance || !parts.synthetic) return '';
      const floor = parts.total.references?.[0]?.value;
      return `The total error (blue) is the sum of the bias B (orange), the variance V (green) and the synthetic term ζ ` +
        `(pink). B and V keep falling as n grows (V to ${f(last(mean(parts.variance)))}), but ζ levels off at ` +
        `${f(last(mean(parts.synthetic)))}` + (floor ? `, the floor ${f(floor)} (dotted)` : '') +
        `: from n ≈ ${f(result.x.values[mean(parts.synthetic).findIndex((z, i) => z > mean(parts.variance)[i])] ?? last(result.x.values))} ` +
        'on, it is most of the error, and it is what sets the plateau.';
    },
  },

  /** What to look for once the reader has changed the preset's settings. */
  caption(result) {
    const parts = ['Solid lines are the Monte Carlo mean over the trials; dashed lines are the theory where it exists.'];
    if (result.x.key === 'samples') parts.push('Dotted lines are the floors the error settles on as n → ∞.');
    if (result.x.key === 'width') parts.push('The dash-dot line marks the interpolation threshold m = n.');
    return parts.join(' ');
  },
};
