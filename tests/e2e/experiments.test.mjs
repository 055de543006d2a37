// The papers' figures of synthetic-chain (Dohmatob, Feng & Kempe 2024) and strong-collapse (Dohmatob et al. 2025),
// loaded from a link with few trials: each draws simulation and theory, with its reference lines, marked points,
// guide lines or derived view, the caption quotes the run, and the console stays clean. Screenshots of each figure
// (desktop and phone, light and dark) go to test-results/ for a person to look at.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { startSite, launchBrowser, openPage, screenshotDir, waitForResult, chartData } from './browser.mjs';

const { server, url } = await startSite();
const browser = await launchBrowser();
after(async () => { await browser.close(); server.close(); });

const link = (experiment, preset, trials = 20) => `${url}#v=1&exp=${experiment}&preset=${preset}&trials=${trials}`;

/** What the chart holds besides its datasets: scale types, annotation lines (label, role) and point labels. */
const figureState = (page) => page.evaluate(() => {
  const chart = window.Chart.getChart(document.getElementById('figure'));
  return {
    x: chart.options.scales.x.type,
    y: chart.options.scales.y.type,
    xTitle: chart.options.scales.x.title.text,
    yTitle: chart.options.scales.y.title.text,
    annotations: Object.values(chart.options.plugins.annotation.annotations)
      .map((a) => ({ role: a.role, content: a.label.content, vertical: a.xMin !== undefined, value: a.xMin ?? a.yMin })),
    labels: chart.options.plugins.collapseLabLabels.points.map((l) => l.text),
    legendKey: document.querySelector('.legend-key').textContent,
  };
});

const finite = (d) => d.y.length > 0 && d.y.every(Number.isFinite);

async function shoot(page, name) {
  await page.locator('#figure-card').screenshot({ path: path.join(screenshotDir, `${name}.png`) });
}

test('synthetic-chain: linear growth over the clean level, theory over simulation', async () => {
  const { page, problems, external } = await openPage(browser, link('synthetic-chain', 'linear-growth'));
  const result = await waitForResult(page);
  assert.equal(result.experiment, 'synthetic-chain');
  assert.equal(result.trials, 20);
  const datasets = await chartData(page);
  assert.ok(datasets.some((d) => d.role === 'mean' && finite(d)));
  assert.ok(datasets.some((d) => d.role === 'theory' && finite(d)));
  const figure = await figureState(page);
  const clean = figure.annotations.find((a) => a.role === 'guide');
  assert.match(clean.content, /^clean data \(n = 0\)/);
  assert.equal(clean.value, result.series[0].theory[0]);
  assert.match(await page.textContent('#caption'), /straight line from the clean level 0\.\d+/);
  assert.match(await page.textContent('.preset-line a'), /Dohmatob, Feng & Kempe 2024/);
  assert.equal(await page.getAttribute('.preset-line a', 'href'), 'https://arxiv.org/abs/2402.07712');
  await shoot(page, 'synthetic-chain-linear-growth');
  assert.deepEqual(problems, []);
  assert.deepEqual(external, []);
});

test('synthetic-chain: the λ figure has log axes and an optimal-λ diamond per curve, with label and tooltip', async () => {
  const { page, problems } = await openPage(browser, link('synthetic-chain', 'ridge-u-shapes'));
  const result = await waitForResult(page);
  assert.equal(result.x.key, 'ridge');
  const datasets = await chartData(page);
  assert.equal(datasets.filter((d) => d.role === 'mean' && finite(d)).length, 5);
  assert.equal(datasets.filter((d) => d.role === 'theory' && finite(d)).length, 5);
  const markers = datasets.filter((d) => d.role === 'marker');
  assert.equal(markers.length, 5, 'one optimal λ per generation count');
  assert.deepEqual(markers.map((d) => d.y[0]), result.series.map((s) => s.markers[0].y));
  const figure = await figureState(page);
  assert.equal(figure.x, 'logarithmic');
  assert.equal(figure.y, 'logarithmic');
  assert.ok(figure.labels.every((text) => /^λ\* = /.test(text)) && figure.labels.length === 5, JSON.stringify(figure.labels));
  assert.match(figure.legendKey, /optimal λ/);
  assert.ok(figure.annotations.some((a) => a.role === 'guide' && /predicting 0/.test(a.content)));
  assert.match(await page.textContent('#caption'), /λ\* ≈ 0\.25 for n = 0 to λ\* ≈ \d+(\.\d+)? for n = 20/);
  assert.match(await page.textContent('#notes'), /deterministic equivalent/, 'the Result\'s notes are shown');

  // Hovering a diamond shows its tooltip: that series' optimal λ and its theoretical error.
  const point = await page.evaluate(() => {
    const chart = window.Chart.getChart(document.getElementById('figure'));
    const index = chart.data.datasets.findIndex((d) => d.role === 'marker' && d.series === 2);
    const element = chart.getDatasetMeta(index).data[0];
    const box = chart.canvas.getBoundingClientRect();
    return { x: box.left + element.x, y: box.top + element.y };
  });
  await page.mouse.move(point.x, point.y);
  const tooltip = await page.waitForFunction(() => {
    const t = window.Chart.getChart(document.getElementById('figure')).tooltip;
    return t.opacity > 0 && t.dataPoints?.length ? { title: t.title, body: t.body.flatMap((b) => b.lines) } : null;
  });
  const { title, body } = await tooltip.jsonValue();
  assert.deepEqual(title, ['optimal λ']);
  assert.equal(body[0], 'n = 5');
  assert.match(body[1], /^ridge penalty λ = \d/);
  await shoot(page, 'synthetic-chain-ridge-u-shapes');
  assert.deepEqual(problems, []);
});

test('synthetic-chain: the scaling law in T is drawn on log–log axes', async () => {
  const { page, problems } = await openPage(browser, link('synthetic-chain', 'scaling-law'));
  const result = await waitForResult(page);
  assert.equal(result.x.key, 'samples');
  const figure = await figureState(page);
  assert.equal(figure.x, 'logarithmic');
  assert.equal(figure.y, 'logarithmic');
  const datasets = await chartData(page);
  assert.equal(datasets.filter((d) => d.role === 'theory' && finite(d)).length, 3);
  assert.match(await page.textContent('#caption'), /bottoms out near T ≈/);
  assert.equal(await page.isChecked('input[name="y-scale"][value="log"]'), true);
  await shoot(page, 'synthetic-chain-scaling-law');
  // Another preset brings its own axes back: linear y.
  await page.click('.preset[data-preset="breakdown"]');
  await waitForResult(page, '(r) => r.series.length === 4');
  assert.equal((await figureState(page)).y, 'linear');
  // Its caption names the right-hand axis the chart draws, and drops it when the reader switches to a log axis.
  await page.waitForFunction(() => /drawn against the right-hand axis/.test(document.getElementById('caption').textContent));
  await page.check('input[name="y-scale"][value="log"]');
  await page.waitForFunction(() => window.Chart.getChart(document.getElementById('figure')).options.scales.y.type === 'logarithmic');
  assert.doesNotMatch(await page.textContent('#caption'), /right-hand axis|left axis/);
  assert.match(await page.textContent('#caption'), /two flat lines/);
  assert.deepEqual(problems, []);
});

test('strong-collapse: the plateau figure has log–log axes and each curve\'s floor in its colour', async () => {
  const { page, problems } = await openPage(browser, link('strong-collapse', 'scaling-plateau'));
  const result = await waitForResult(page);
  assert.equal(result.x.key, 'samples');
  const datasets = await chartData(page);
  assert.equal(datasets.filter((d) => d.role === 'mean' && finite(d)).length, 4);
  assert.equal(datasets.filter((d) => d.role === 'theory' && finite(d)).length, 4);
  const figure = await figureState(page);
  assert.equal(figure.x, 'logarithmic');
  assert.equal(figure.y, 'logarithmic');
  const floors = await page.evaluate(() => {
    const chart = window.Chart.getChart(document.getElementById('figure'));
    const mean = (k) => chart.data.datasets.find((d) => d.role === 'mean' && d.series === k).borderColor;
    return Object.values(chart.options.plugins.annotation.annotations).filter((a) => a.role === 'reference')
      .map((a) => ({ value: a.yMin, content: a.label.content, sameColour: a.borderColor === mean(a.series) }));
  });
  const tenPercent = floors.find((a) => /^p₂ = 0\.1: floor as n → ∞ = 0\.01/.test(a.content));
  assert.ok(tenPercent, JSON.stringify(floors));
  assert.match(tenPercent.content, /floor with the best λ/, 'the two near-equal floors share one labelled line');
  assert.ok(floors.some((a) => /^p₂ = 0\.01: floor/.test(a.content)));
  assert.ok(floors.every((a) => a.sameColour));
  assert.match(figure.legendKey, /floor as n → ∞/);
  assert.match(await page.textContent('#caption'), /p₂ = 0\.1 \(10%\) is at 0\.0\d+, \d+(\.\d)? times the clean error, on its floor 0\.01/);
  await shoot(page, 'strong-collapse-scaling-plateau');
  assert.deepEqual(problems, []);
});

test('strong-collapse: the width figures mark the interpolation threshold m = n on a log x axis', async () => {
  const { page, problems } = await openPage(browser, link('strong-collapse', 'width-errors'));
  const result = await waitForResult(page);
  assert.equal(result.x.key, 'width');
  const figure = await figureState(page);
  assert.equal(figure.x, 'logarithmic');
  const threshold = figure.annotations.find((a) => a.vertical);
  assert.deepEqual(threshold, { role: 'guide', content: 'interpolation threshold m = n = 100', vertical: true, value: 100 });
  const datasets = await chartData(page);
  assert.equal(datasets.filter((d) => d.role === 'theory' && finite(d)).length, 3);
  await shoot(page, 'strong-collapse-width-errors');
  await page.click('.preset[data-preset="width-gap"]');
  await waitForResult(page, '(r) => r.config.component === "gap"');
  assert.ok((await figureState(page)).annotations.some((a) => a.vertical && a.value === 100));
  await shoot(page, 'strong-collapse-width-gap');
  assert.deepEqual(problems, []);
});

test('strong-collapse: the Pareto view plots mixed against real-only error with the diagonal; data stay the Result', async () => {
  const { page, problems } = await openPage(browser, link('strong-collapse', 'pareto'));
  const result = await waitForResult(page);
  assert.deepEqual(result.series.map((s) => s.value), [0, 0.1, 1, 10]);
  assert.match(await page.evaluate(() => location.hash), /&figure=pareto/);
  assert.equal(await page.isChecked('input[name="figure"][value="pareto"]'), true);
  const datasets = await page.evaluate(() => window.Chart.getChart(document.getElementById('figure')).data.datasets
    .map((d) => ({ label: d.label, role: d.role, points: d.data.map((p) => [p.x, p.y]) })));
  const means = datasets.filter((d) => d.role === 'mean');
  assert.deepEqual(means.map((d) => d.label), ['c² = 0.1', 'c² = 1', 'c² = 10'], 'c² = 0 is the x axis, not a curve');
  // One point per width: x = the real-only mean, y = the mixed mean at the same width.
  const real = result.series[0].simulation.mean;
  means.forEach((d, k) => assert.deepEqual(d.points, real.map((x, i) => [x, result.series[k + 1].simulation.mean[i]])));
  assert.equal(datasets.filter((d) => d.role === 'theory').length, 3);
  const diagonal = datasets.find((d) => d.role === 'diagonal');
  assert.ok(diagonal && diagonal.points.every(([x, y]) => x === y));
  const figure = await figureState(page);
  assert.equal(figure.x, 'logarithmic');
  assert.equal(figure.y, 'logarithmic');
  assert.match(figure.xTitle, /^real-only test error \(c² = 0\)/);
  assert.equal(await page.locator('.band-select').isHidden(), true, 'no band in a scatter of means');
  assert.match(figure.legendKey, /one point per width m/);
  assert.deepEqual(figure.labels, ['m = 10', 'm = 428', 'm = 800', 'y = x']);
  assert.match(await page.getAttribute('#figure', 'aria-label'), /^Scatter plot of .* diagonal/);
  assert.match(await page.textContent('#caption'), /up to \d+(\.\d+)?× the real-only error for c² = 10/);
  // The data table is the normal Result: one row per width, every series including c² = 0.
  await page.click('#table-details summary');
  await page.waitForSelector('#data-table tbody tr');
  assert.equal(await page.$$eval('#data-table tbody tr', (rows) => rows.length), result.x.values.length);
  assert.equal(await page.$$eval('#data-table thead th[scope="colgroup"]', (cells) => cells.length), 4);
  await page.click('#table-details summary');
  await shoot(page, 'strong-collapse-pareto');

  // The reader can switch to the curves and back from the keyboard; the choice is in the link.
  await page.focus('input[name="figure"][value="pareto"]');
  await page.keyboard.press('ArrowLeft');
  assert.equal(await page.evaluate(() => window.collapseLab.state.view.figure), 'standard');
  assert.match(await page.evaluate(() => location.hash), /&figure=standard/);
  assert.equal((await chartData(page)).filter((d) => d.role === 'mean').length, 4);
  assert.equal(await page.locator('.band-select').isHidden(), false);
  // A Result the view cannot pair (no real-only curve) falls back to the curves and says why.
  await page.check('input[name="figure"][value="pareto"]');
  await page.click('.preset[data-preset="width-gap"]');
  await waitForResult(page, '(r) => r.config.component === "gap"');
  assert.equal(await page.evaluate(() => window.collapseLab.state.view.figure), 'standard', 'the preset brings its own figure');
  assert.equal(await page.isDisabled('input[name="figure"][value="pareto"]'), true, 'no real-only curve to pair with');
  assert.match(await page.getAttribute('label:has(input[name="figure"][value="pareto"])', 'title'), /real data only/);
  assert.deepEqual(problems, []);
});

test('a link to a figure the experiment does not have says so and draws the curves', async () => {
  const { page, problems } = await openPage(browser, `${url}#v=1&exp=synthetic-chain&preset=linear-growth&trials=10&figure=pareto`);
  await waitForResult(page);
  assert.match(await page.textContent('#banner'), /has no "pareto" figure/);
  // synthetic-chain's own figure is the curves; the heatmap every experiment offers needs two numeric sweeps.
  assert.deepEqual(await page.$$eval('input[name="figure"]', (inputs) => inputs.map((i) => i.value)), ['standard', 'heatmap']);
  assert.equal(await page.isDisabled('input[name="figure"][value="heatmap"]'), true, 'this preset sweeps one parameter');
  assert.deepEqual(problems, []);
});

for (const colorScheme of ['light', 'dark'])
  for (const [name, viewport] of [['desktop', { width: 1280, height: 900 }], ['phone', { width: 390, height: 844 }]])
    test(`the headline figures in the ${colorScheme} theme at ${name} width`, async () => {
      for (const [experiment, preset] of [['synthetic-chain', 'ridge-u-shapes'], ['strong-collapse', 'scaling-plateau'], ['strong-collapse', 'pareto']]) {
        const { page, problems, context } = await openPage(browser, link(experiment, preset, 10), { colorScheme, viewport });
        await waitForResult(page);
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
        assert.equal(overflow, 0, `${preset}: no horizontal scrolling`);
        await shoot(page, `${experiment}-${preset}-${colorScheme}-${name}`);
        assert.deepEqual(problems, []);
        await context.close();
      }
    });
