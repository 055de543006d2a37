// Every preset shows its claim (issue 13): for each preset of each experiment, loaded from its link with few
// trials, the caption is computed from the run on the page (it quotes the run's own numbers, never the defaults'),
// and the curves the caption compares occupy a readable share of the plot — apart at their ends by a visible gap,
// inside the plot area, and reference lines (floors, bounds) off the axes. Screenshots go to test-results/.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { startSite, launchBrowser, openPage, screenshotDir, waitForResult } from './browser.mjs';
import { formatShort } from '../../web/js/util/format.js';

const { server, url } = await startSite();
const browser = await launchBrowser();
after(async () => { await browser.close(); server.close(); });

// Per preset: the series the caption compares (by value; index when a number) and how far apart their last points
// must be (share of the plot height), plus the least share of the plot height the compared curves span together.
// `same: true`: the caption says they coincide (fresh-vs-fixed), so both must be drawn visibly (the lower as a halo).
const CLAIMS = {
  'recursive-regression': {
    'replace-vs-accumulate': { compare: ['replace', 'accumulate'], gap: 0.3 },
    'fixed-compute': { compare: ['accumulate', 'accumulate-subsample'], gap: 0.05, span: 0.15 },
    'fresh-vs-fixed': { compare: ['fixed', 'fresh'], same: true, span: 0.4, trials: 200 },
    'ridge-sweep': { compare: [0, 2], span: 0.4 }, // every curve ends at ‖w*‖² (the claim): no gap at the end
  },
  'synthetic-chain': {
    'linear-growth': { compare: [0], span: 0.5 },
    'ridge-u-shapes': { compare: [0, 4], span: 0.4 },
    'scaling-law': { compare: [0, 2], gap: 0.1 },
    'tuned-ridge': { compare: ['fixed', 'optimal'], gap: 0.3 },
    overparameterised: { compare: [0, 1], gap: 0.05 },
    // Linear growth drawn straight (a linear axis), and the bias and variance, far smaller, apart on their own axis.
    breakdown: { compare: ['total', 'collapse'], span: 0.4, straight: 'collapse', separate: ['bias', 'variance'] },
  },
  'strong-collapse': {
    'scaling-plateau': { compare: [0, 3], gap: 0.1, trials: 10 },
    'fixed-count': { compare: ['fraction', 'count'], gap: 0.03, trials: 10 },
    'width-gap': { compare: [0, 1], gap: 0.02, trials: 10, peakAtThreshold: true },
    'width-errors': { compare: [0, 2], gap: 0.03, trials: 10, peakAtThreshold: true },
    pareto: { derived: true, trials: 10 },
    breakdown: { compare: ['total', 'synthetic'], span: 0.3, trials: 10 },
  },
  'gaussian-fitting': {
    // Heavy-tailed metrics: the figure's shape needs the preset's own 400 trials (cheap here), not 20.
    'curse-of-recursion': { compare: [0], span: 0.4, median: true, trials: 400 },
    'replace-vs-accumulate': { compare: ['replace', 'accumulate'], gap: 0.3, median: true, trials: 400 },
    'mean-drift': { compare: ['replace', 'accumulate'], gap: 0.2, median: true, theoryShare: 0.5, trials: 400 },
    // The compared lines readable: no two bands drawn over each other, no median drawn along another series' mean.
    'fixed-compute': { compare: ['accumulate', 'accumulate-subsample'], gap: 0.04, span: 0.1, median: true, trials: 400, readable: true },
    wasserstein: { compare: ['replace', 'accumulate'], gap: 0.2, median: true, theoryShare: 0.5, trials: 400 },
  },
  'kde-fitting': {
    moons: { compare: ['replace', 'accumulate'], gap: 0.2 },
    // Also the slow climb of accumulate-subsample, and its gap to accumulate, get a visible share of the height.
    'fixed-compute': { compare: ['accumulate-subsample', 'replace'], gap: 0.2, rise: { series: 'accumulate-subsample', share: 0.15 },
      apart: { compare: ['accumulate', 'accumulate-subsample'], gap: 0.03 } },
    circles: { compare: ['replace', 'accumulate'], gap: 0.2 },
    'swiss-roll': { compare: ['replace', 'accumulate'], gap: 0.2 },
  },
};

/**
 * In the page: pixel geometry of what the chart draws, per Result series: mean, median and theory lines (against the
 * axis each is drawn on), the band's edges, the references, and the plot area; and the points whose drawn radius is
 * not the one their dataset asks for (a reused dataset drawn with another figure's options).
 */
const geometry = (page) => page.evaluate(() => {
  const chart = window.Chart.getChart(document.getElementById('figure'));
  const { top, bottom, left, right } = chart.chartArea;
  const series = {};
  const misdrawn = [];
  chart.data.datasets.forEach((d, i) => {
    if (!chart.isDatasetVisible(i)) return;
    const radius = d.pointRadius ?? window.Chart.defaults.elements.point.radius;
    const wrong = chart.getDatasetMeta(i).data.filter((el) => !el.skip && el.options.radius !== radius).length;
    if (wrong) misdrawn.push(`${d.label}: ${wrong} points drawn with another radius than ${radius}`);
    if (!['mean', 'theory', 'median', 'band'].includes(d.role)) return;
    const scale = chart.scales[d.yAxisID ?? 'y'];
    const points = d.data.map((p) => (p.y !== null && Number.isFinite(p.y) ? scale.getPixelForValue(p.y) : null));
    const xs = d.data.filter((p) => p.y !== null && Number.isFinite(p.y)).map((p) => chart.scales.x.getPixelForValue(p.x));
    const entry = series[d.series] ?? (series[d.series] = {});
    if (d.role === 'band') {
      entry[d.label.endsWith('band low') ? 'bandLow' : 'bandHigh'] = points;
      return;
    }
    const drawn = points.filter((p) => p !== null);
    entry[d.role] = { points: drawn, xs, all: points, last: drawn[drawn.length - 1], width: d.borderWidth, covered: Boolean(d.covered), axis: d.yAxisID ?? 'y' };
  });
  const references = Object.values(chart.options.plugins.annotation.annotations)
    .filter((a) => a.role === 'reference' && a.display !== false).map((a) => chart.scales[a.yScaleID ?? 'y'].getPixelForValue(a.yMin));
  return { top, bottom, left, right, height: bottom - top, series, references, yMax: chart.scales.y.max, yType: chart.scales.y.type, misdrawn };
});

const index = (result, key) => (typeof key === 'number' ? key : result.series.findIndex((s) => String(s.value) === key));

/** Numbers the caption may quote: every series' last mean, median and theory, references, markers, config values. */
function quotable(result) {
  const last = (a) => (a?.length ? a[a.length - 1] : null);
  const values = result.series.flatMap((s) => [last(s.simulation.mean), last(s.simulation.median), s.simulation.mean[0], last(s.theory),
    Math.max(...s.simulation.mean), ...(s.references ?? []).map((r) => r.value), ...(s.markers ?? []).flatMap((m) => [m.x, m.y])]);
  // A derived figure quotes ratios of the last series to the first (the Pareto view's "6.1× the real-only error").
  const [first, worst] = [result.series[0], last(result.series)];
  values.push(Math.max(...worst.simulation.mean.map((y, i) => y / first.simulation.mean[i])));
  return values.filter((v) => Number.isFinite(v)).map(formatShort);
}

const page = (await openPage(browser, url)).page;
await waitForResult(page);
let seed = 100;

for (const [experiment, presets] of Object.entries(CLAIMS)) {
  for (const [preset, claim] of Object.entries(presets)) {
    test(`${experiment} / ${preset}: the caption quotes this run and the figure shows what it compares`, async () => {
      seed += 1;
      const trials = claim.trials ?? 20;
      await page.evaluate((hash) => { location.hash = hash; }, `#v=1&exp=${experiment}&preset=${preset}&trials=${trials}&seed=${seed}`);
      const result = await waitForResult(page, `(r) => r.experiment === '${experiment}' && r.seed === ${seed}`);
      await page.waitForFunction(() => !document.querySelector('.chart-wrap.stale'));
      const caption = await page.textContent('#caption');
      const claimText = await page.evaluate(([e, p]) => window.collapseLab && document.querySelector(`.preset[data-preset="${p}"]`)?.textContent, [experiment, preset]);
      assert.ok(claimText, 'the preset is listed');
      assert.doesNotMatch(caption, /NaN|undefined|null|Infinity/, caption);
      // Computed from the run: at least one of the run's own numbers appears (with 20 trials they differ from the
      // numbers of the preset's default trial count, so a caption written for the defaults would not match).
      const numbers = quotable(result);
      assert.ok(numbers.some((n) => caption.includes(n)), `${preset}: the caption quotes the run (${numbers.slice(0, 8).join(', ')}…): ${caption}`);
      assert.match(await page.textContent('#preset-line'), /changed from the preset: seed 1 → \d+/, 'a link that changes the seed keeps the caption and says so');
      await page.locator('#figure-card').screenshot({ path: path.join(screenshotDir, `claim-${experiment}-${preset}.png`) });

      if (claim.derived) {
        assert.equal(await page.evaluate(() => window.collapseLab.state.view.figure), 'pareto');
        return;
      }
      const g = await geometry(page);
      const compared = claim.compare.map((key) => index(result, key));
      assert.ok(compared.every((k) => k >= 0 && g.series[k]?.mean), `${preset}: the compared series are drawn`);
      const inside = (p) => p >= g.top - 1 && p <= g.bottom + 1;
      for (const k of compared) {
        if (inside(g.series[k].mean.last)) continue;
        // Only a heavy-tailed mean may leave the plot (the axis follows the theory and the typical runs), and the
        // notes must say so.
        assert.ok(claim.median, `${preset}: ${result.series[k].label} ends inside the plot`);
        assert.match(await page.textContent('#notes'), new RegExp(`The mean of ${result.series[k].label} reaches .* above this axis`));
      }
      // The curves the caption reads: the means, and the medians where the figure draws them (heavy-tailed metrics).
      const all = compared.flatMap((k) => [...g.series[k].mean.points, ...(claim.median ? g.series[k].median?.points ?? [] : [])].filter(inside));
      const span = (Math.max(...all) - Math.min(...all)) / g.height;
      assert.ok(span >= (claim.span ?? 0.25), `${preset}: the compared curves span ${(100 * span).toFixed(0)}% of the plot height`);
      if (claim.gap) {
        const [a, b] = compared;
        const gap = Math.abs(g.series[a].mean.last - g.series[b].mean.last) / g.height;
        assert.ok(gap >= claim.gap, `${preset}: ${result.series[a].label} and ${result.series[b].label} end ${(100 * gap).toFixed(1)}% of the height apart`);
      }
      if (claim.same) {
        // They coincide, as the caption says; where they lie within 3 px the lower one is drawn as a halo.
        const [a, b] = compared;
        const apart = Math.abs(g.series[a].mean.last - g.series[b].mean.last);
        assert.ok(apart <= 0.08 * g.height, `${preset}: the two curves end together (${apart.toFixed(0)} px apart)`);
        if (apart < 3) assert.ok(g.series[a].mean.covered && g.series[a].mean.width > 4, `${preset}: the covered curve shows as a halo`);
      }
      if (claim.theoryShare) {
        // The axis is carried by the theory and the typical runs, not by one run's spike.
        const k = compared[0];
        const theory = g.series[k].theory.points;
        assert.ok((Math.max(...theory) - Math.min(...theory)) / g.height >= claim.theoryShare, `${preset}: the theory spans half the plot`);
      }
      for (const r of g.references) assert.ok(r > g.top + 4 && r < g.bottom - 4, `${preset}: a reference line at ${r}px lies on an axis edge (${g.top}–${g.bottom})`);
      // Every point is drawn as its dataset says (the page has just drawn another preset's figure, maybe a derived one).
      assert.deepEqual(g.misdrawn, [], `${preset}: points drawn with another figure's options`);
      if (claim.straight) {
        // Linear growth looks linear: the drawn theory (linear in n) lies within 1% of the plot height of the straight
        // line through its ends (on a log axis it bent by a fifth of the height). The theory, not the mean: with 20
        // trials the mean's standard error alone is about 3% of the height at n = 20.
        const { points, xs } = g.series[index(result, claim.straight)].theory;
        const chord = (x) => points[0] + ((points.at(-1) - points[0]) * (x - xs[0])) / (xs.at(-1) - xs[0]);
        const off = Math.max(...points.map((p, i) => Math.abs(p - chord(xs[i])))) / g.height;
        assert.equal(g.yType, 'linear', `${preset}: a linear y axis`);
        assert.ok(off <= 0.01, `${preset}: ${claim.straight} bends ${(100 * off).toFixed(1)}% of the height away from a straight line`);
      }
      if (claim.separate) {
        // Two flat parts of a sum, far smaller than the rest: drawn apart (a tenth of the height) and off the floor.
        const [a, b] = claim.separate.map((key) => g.series[index(result, key)].mean);
        const apart = Math.min(...a.points.map((p, i) => Math.abs(p - b.points[i]))) / g.height;
        assert.ok(apart >= 0.1, `${preset}: ${claim.separate.join(' and ')} lie ${(100 * apart).toFixed(1)}% of the height apart`);
        for (const line of [a, b]) assert.ok(Math.max(...line.points) < g.bottom - 0.05 * g.height, `${preset}: a separated line lies on the floor`);
        assert.match(await page.textContent('#legend'), /right axis/, 'the legend says which series the right-hand axis carries');
      }
      if (claim.readable) {
        // No two drawn bands overlap by a tenth of the height over half the run or more; no median runs along
        // another series' mean (within 2% of the height) over half the run or more.
        const banded = Object.entries(g.series).filter(([, e]) => e.bandLow && e.bandHigh);
        for (const [i, [ka, ea]] of banded.entries()) {
          for (const [kb, eb] of banded.slice(i + 1)) {
            const clamp = (p) => Math.min(g.bottom, Math.max(g.top, p)); // only what the plot area shows
            const shared = ea.bandLow.filter((_, j) => [ea.bandLow[j], ea.bandHigh[j], eb.bandLow[j], eb.bandHigh[j]].every((p) => p !== null) &&
              clamp(Math.min(ea.bandLow[j], eb.bandLow[j])) - clamp(Math.max(ea.bandHigh[j], eb.bandHigh[j])) > 0.1 * g.height).length;
            assert.ok(shared < 0.5 * ea.bandLow.length, `${preset}: the bands of ${result.series[ka].label} and ${result.series[kb].label} overlap at ${shared} of ${ea.bandLow.length} points`);
          }
        }
        for (const [km, em] of Object.entries(g.series).filter(([, e]) => e.median)) {
          for (const [kl, el] of Object.entries(g.series).filter(([k, e]) => k !== km && e.mean)) {
            const along = em.median.all.filter((p, j) => p !== null && el.mean.all[j] !== null && Math.abs(p - el.mean.all[j]) < 0.02 * g.height).length;
            assert.ok(along < 0.5 * em.median.all.length, `${preset}: the median of ${result.series[km].label} runs along the mean of ${result.series[kl].label} at ${along} points`);
          }
        }
      }
      if (claim.rise) {
        const { points } = g.series[index(result, claim.rise.series)].mean;
        const rise = (points[0] - points[points.length - 1]) / g.height; // pixels grow downwards
        assert.ok(rise >= claim.rise.share, `${preset}: ${claim.rise.series} climbs ${(100 * rise).toFixed(1)}% of the height`);
      }
      if (claim.apart) {
        const [a, b] = claim.apart.compare.map((key) => g.series[index(result, key)].mean.last);
        assert.ok(Math.abs(a - b) / g.height >= claim.apart.gap, `${preset}: ${claim.apart.compare.join(' and ')} end ${(100 * Math.abs(a - b) / g.height).toFixed(1)}% of the height apart`);
      }
      if (claim.median) assert.match(await page.textContent('.legend-key'), /median/);
      if (claim.peakAtThreshold) {
        const n = result.config.samples;
        assert.ok(result.x.values.includes(n), `${preset}: the grid samples the threshold m = n = ${n}`);
        assert.match(caption, new RegExp(`m = n = ${n}`));
      }
    });
  }
}

test('editing a parameter keeps the caption and citation, says what changed, and Reset brings the preset back', async () => {
  await page.evaluate(() => { location.hash = '#v=1&exp=recursive-regression&preset=replace-vs-accumulate&trials=30&seed=7'; });
  await waitForResult(page, '(r) => r.seed === 7 && r.trials === 30');
  await page.fill('#controls input[name="dim"]', '6');
  await page.press('#controls input[name="dim"]', 'Enter');
  const result = await waitForResult(page, '(r) => r.seed === 7 && r.config.dim === 6');
  const line = await page.textContent('#preset-line');
  assert.match(line, /Gerstgrasser/, 'the citation stays');
  assert.match(line, /changed from the preset: .*trials 400 → 30, d 10 → 6/);
  const caption = await page.textContent('#caption');
  assert.match(caption, /σ²d\/\(T−d−1\) = [\d.]+ with σ = 1, d = 6, T = 100/, 'the caption is computed for d = 6');
  assert.ok(caption.includes(formatShort(result.series[0].simulation.mean.at(-1))));
  await page.click('[data-reset-preset]');
  const reset = await waitForResult(page, '(r) => r.config.dim === 10 && r.trials === 400');
  assert.equal(reset.config.seed, 1);
  assert.equal(await page.locator('.preset[aria-pressed="true"]').getAttribute('data-preset'), 'replace-vs-accumulate');
  assert.doesNotMatch(await page.textContent('#preset-line'), /changed/);
});

test('a new preset or experiment greys the old figure at once, until its own run draws', async () => {
  await page.evaluate(() => { location.hash = '#v=1&exp=recursive-regression&preset=replace-vs-accumulate&trials=20&seed=8'; });
  await waitForResult(page, '(r) => r.seed === 8');
  const staleAtOnce = await page.evaluate(() => {
    document.querySelector('#experiment-tabs button:nth-child(2)').click();
    return document.querySelector('.chart-wrap').classList.contains('stale') && !document.getElementById('chart-placeholder').hidden;
  });
  assert.ok(staleAtOnce, 'the old chart is greyed and the placeholder says a new figure is coming');
  await waitForResult(page, '(r) => r.experiment === "synthetic-chain"');
  await page.waitForFunction(() => !document.querySelector('.chart-wrap.stale'));
});

test('symbols in the caption explain themselves (a glossary on hover and focus)', async () => {
  await page.evaluate(() => { location.hash = '#v=1&exp=recursive-regression&preset=replace-vs-accumulate&trials=20&seed=9'; });
  await waitForResult(page, '(r) => r.seed === 9');
  const terms = await page.$$eval('#caption .term', (spans) => spans.map((s) => [s.textContent, s.title, s.tabIndex]));
  const byText = Object.fromEntries(terms.map(([text, title]) => [text, title]));
  assert.match(byText['σ²d/(T−d−1)'] ?? '', /least-squares fit/);
  assert.match(byText['π²/6'] ?? '', /1 \+ 1\/4 \+ 1\/9/);
  assert.match(byText.d ?? '', /input dimension/, 'a parameter symbol explains itself from the catalogue');
  assert.ok(terms.every(([, , tab]) => tab === 0), 'each term is keyboard-focusable');
  assert.doesNotMatch(await page.evaluate(() => window.Chart.getChart(document.getElementById('figure')).options.scales.y.title.text), /_Σ/);
});
