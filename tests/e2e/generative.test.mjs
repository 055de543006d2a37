// The generative experiments in the browser (gaussian-fitting, kde-fitting), loaded from a link with few trials:
// the metric figure draws mean, median (its own line, in the legend, tooltips and data table) and theory; the
// picture panel draws one run's real data and a generation's samples; moving the slider (from the keyboard)
// changes the samples — under replace the Gaussian's samples at the last generation are far less spread than at
// generation 1 (fixed seed, so deterministic) — and the slider position is in the link. Screenshots (light/dark,
// desktop/phone) go to test-results/ for a person to look at.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { startSite, launchBrowser, openPage, screenshotDir, waitForResult, chartData } from './browser.mjs';

const { server, url } = await startSite();
const browser = await launchBrowser();
after(async () => { await browser.close(); server.close(); });

const link = (experiment, preset, trials, extra = '') => `${url}#v=1&exp=${experiment}&preset=${preset}&trials=${trials}${extra}`;

/** The picture chart's datasets: role, label and points. */
const pictureData = (page) => page.evaluate(() => window.Chart.getChart(document.getElementById('picture')).data.datasets
  .map((d) => ({ role: d.role, label: d.label, points: d.data.map((p) => [p.x, p.y]) })));

/**
 * Waits until the picture shows generation t (of the series whose label starts with `series`, if given) and its
 * slider takes keys again: after a series change the old series' picture stays while the new cloud is computed, with
 * the slider disabled, so a test that only matched "generation t" could press keys into a disabled slider.
 */
const pictureAt = (page, generation, series = '') => page.waitForFunction(([t, name]) => {
  const chart = window.Chart?.getChart(document.getElementById('picture'));
  return Boolean(chart) && !document.getElementById('picture-generation').disabled && chart.data.datasets
    .some((d) => d.role === 'samples' && d.label.startsWith(name) && d.label.endsWith(`generation ${t}`));
}, [generation, series], { timeout: 30000 });

const sd = (values) => {
  const mean = values.reduce((a, b) => a + b, 0) / values.length;
  return Math.sqrt(values.reduce((a, b) => a + (b - mean) ** 2, 0) / values.length);
};

test('gaussian-fitting: mean, median and theory on a log axis; the picture collapses under replace and holds under accumulate', async () => {
  const { page, problems, external } = await openPage(browser, link('gaussian-fitting', 'replace-vs-accumulate', 30));
  const result = await waitForResult(page);
  assert.equal(result.experiment, 'gaussian-fitting');
  const datasets = await chartData(page);
  for (const role of ['mean', 'median', 'theory'])
    assert.equal(datasets.filter((d) => d.role === role).length, 2, `${role}: one per workflow`);
  const median = datasets.find((d) => d.role === 'median');
  assert.deepEqual(median.y.slice(0, 3), result.series[0].simulation.median.slice(0, 3));
  assert.equal(await page.evaluate(() => window.Chart.getChart(document.getElementById('figure')).options.scales.y.type), 'logarithmic');
  assert.match(await page.textContent('.legend-key'), /median of the trials/);
  const caption = await page.textContent('#caption');
  assert.match(caption, /heavy-tailed/);
  assert.match(caption, /median run \(round dots\) is at \d/);
  assert.match(await page.textContent('#notes'), /heavy-tailed/);
  // Tooltip of the median line, and its column in the data table.
  const tooltip = await page.evaluate(() => {
    const chart = window.Chart.getChart(document.getElementById('figure'));
    const index = chart.data.datasets.findIndex((d) => d.role === 'median');
    const element = chart.getDatasetMeta(index).data[2];
    chart.tooltip.setActiveElements([{ datasetIndex: index, index: 2 }], { x: element.x, y: element.y });
    chart.update('none');
    return chart.tooltip.body.flatMap((b) => b.lines);
  });
  assert.ok(tooltip.some((line) => /^Replace, median: /.test(line)), tooltip.join(' | '));
  await page.click('#table-details summary');
  await page.waitForSelector('#data-table tbody tr');
  assert.ok((await page.$$eval('#data-table thead th', (ths) => ths.map((th) => th.textContent))).includes('median'));

  // The picture: d = 1, a histogram and the samples' ticks against N(0, 1), at the last generation by default.
  const generations = result.x.values.length;
  await pictureAt(page, generations);
  let picture = await pictureData(page);
  assert.deepEqual(picture.map((d) => d.role).sort(), ['histogram', 'real', 'samples', 'truth']);
  assert.equal(picture.find((d) => d.role === 'real').points.length, result.config.samples);
  const lastSpread = sd(picture.find((d) => d.role === 'samples').points.map((p) => p[0]));
  assert.equal(await page.getAttribute('#picture-generation', 'aria-valuetext'), `generation ${generations} of ${generations}`);
  await page.locator('#pictures').screenshot({ path: path.join(screenshotDir, 'gaussian-picture-replace-last.png') });

  // Home key: generation 1; the samples are far more spread than at the last generation, and the link says so.
  await page.focus('#picture-generation');
  await page.keyboard.press('Home');
  await pictureAt(page, 1);
  picture = await pictureData(page);
  const firstSpread = sd(picture.find((d) => d.role === 'samples').points.map((p) => p[0]));
  assert.ok(lastSpread < 0.01 * firstSpread, `replace collapses: SD ${lastSpread} at t = ${generations}, ${firstSpread} at t = 1`);
  assert.match(await page.textContent('[data-picture-value]'), /^t = 1 of 100$/);
  assert.match(await page.evaluate(() => location.hash), /&picture=0:1(&|$)/);
  assert.match(await page.textContent('#picture-status'), /^Replace, generation 1 of 100: the samples' spread \(SD\) is/);
  await page.keyboard.press('ArrowRight');
  await pictureAt(page, 2);

  // Accumulate: the last generation stays spread.
  await page.selectOption('[data-picture-series]', '1');
  await pictureAt(page, 2, 'Accumulate');
  await page.focus('#picture-generation');
  await page.keyboard.press('End');
  await pictureAt(page, generations);
  picture = await pictureData(page);
  assert.ok(picture.find((d) => d.role === 'samples').label.startsWith('Accumulate'));
  const accumulateSpread = sd(picture.find((d) => d.role === 'samples').points.map((p) => p[0]));
  assert.ok(accumulateSpread > 0.3 * firstSpread, `accumulate holds: SD ${accumulateSpread}`);
  await page.click('#pictures details summary');
  const rows = await page.$$eval('[data-picture-table] tbody tr th', (ths) => ths.map((th) => th.textContent));
  assert.deepEqual(rows, ['real data', `Accumulate, generation ${generations}`]);
  assert.match(await page.evaluate(() => location.hash), /&picture=1:100(&|$)/);
  await page.locator('#pictures').screenshot({ path: path.join(screenshotDir, 'gaussian-picture-accumulate-last.png') });
  // The caption names the log axis only while the figure draws one: the reader switches to linear and back.
  assert.match(await page.textContent('#caption'), /\(log y axis\)/);
  await page.check('input[name="y-scale"][value="linear"]');
  await page.waitForFunction(() => window.Chart.getChart(document.getElementById('figure')).options.scales.y.type === 'linear');
  assert.doesNotMatch(await page.textContent('#caption'), /log y axis/);
  assert.match(await page.textContent('#caption'), /median run \(round dots\) is at \d/);
  await page.check('input[name="y-scale"][value="log"]');
  await page.waitForFunction(() => /\(log y axis\)/.test(document.getElementById('caption').textContent));
  assert.deepEqual(problems, []);
  assert.deepEqual(external, []);
});

test('a link with picture=series:generation opens the pictures there; hide=pictures hides them', async () => {
  const { page, problems } = await openPage(browser, link('gaussian-fitting', 'replace-vs-accumulate', 10, '&picture=1:7'));
  await waitForResult(page);
  await pictureAt(page, 7);
  assert.ok((await pictureData(page)).find((d) => d.role === 'samples').label.startsWith('Accumulate'));
  assert.equal(await page.inputValue('#picture-generation'), '7');
  assert.deepEqual(problems, []);
  for (const address of [link('gaussian-fitting', 'replace-vs-accumulate', 10, '&hide=pictures'), link('recursive-regression', 'replace-vs-accumulate', 10)]) {
    const other = await openPage(browser, address);
    await waitForResult(other.page);
    await other.page.waitForTimeout(300); // a picture would be drawn right after the run
    assert.equal(await other.page.isHidden('#pictures'), true, address);
    assert.deepEqual(other.problems, []);
    await other.context.close();
  }
});

test('kde-fitting: moons without theory or median; the picture scatters a generation over the real data and changes with the slider', async () => {
  const { page, problems } = await openPage(browser, link('kde-fitting', 'moons', 4));
  const result = await waitForResult(page);
  const datasets = await chartData(page);
  assert.equal(datasets.filter((d) => d.role === 'mean').length, 2);
  assert.equal(datasets.filter((d) => d.role === 'theory' || d.role === 'median').length, 0, 'simulation only, not heavy-tailed');
  assert.match(await page.textContent('#caption'), /Simulation only/);
  const generations = result.x.values.length;
  await pictureAt(page, generations);
  const last = await pictureData(page);
  assert.deepEqual(last.map((d) => d.role).sort(), ['real', 'samples']);
  assert.equal(last.find((d) => d.role === 'real').points.length, result.config.samples);
  assert.equal(last.find((d) => d.role === 'samples').points.length, result.config.samples);
  assert.equal(await page.evaluate(() => window.Chart.getChart(document.getElementById('picture')).options.scales.y.title.text), 'x₂');
  await page.focus('#picture-generation');
  await page.keyboard.press('Home');
  await pictureAt(page, 1);
  const first = await pictureData(page);
  assert.notDeepEqual(first.find((d) => d.role === 'samples').points, last.find((d) => d.role === 'samples').points);
  assert.deepEqual(first.find((d) => d.role === 'real').points, last.find((d) => d.role === 'real').points, 'the real data stay');
  assert.deepEqual(problems, []);
});

test('kde-fitting: the swiss roll is drawn in its x–z plane and says so', async () => {
  const { page, problems } = await openPage(browser, link('kde-fitting', 'swiss-roll', 3));
  await waitForResult(page);
  await pictureAt(page, 30);
  const scales = await page.evaluate(() => {
    const { x, y } = window.Chart.getChart(document.getElementById('picture')).options.scales;
    return [x.title.text, y.title.text];
  });
  assert.deepEqual(scales, ['x', 'z']);
  assert.match(await page.textContent('[data-picture-intro]'), /x–z plane/);
  assert.deepEqual(problems, []);
});

for (const colorScheme of ['light', 'dark'])
  for (const [name, viewport] of [['desktop', { width: 1280, height: 900 }], ['phone', { width: 390, height: 844 }]])
    test(`the generative figures and pictures in the ${colorScheme} theme at ${name} width`, async () => {
      for (const [experiment, preset] of [['gaussian-fitting', 'curse-of-recursion'], ['kde-fitting', 'circles']]) {
        const { page, problems, context } = await openPage(browser, link(experiment, preset, 4), { colorScheme, viewport });
        const result = await waitForResult(page);
        await pictureAt(page, result.x.values.length);
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
        assert.equal(overflow, 0, 'no horizontal scrolling');
        await page.locator('#figure-card').screenshot({ path: path.join(screenshotDir, `${experiment}-${preset}-${colorScheme}-${name}.png`) });
        assert.deepEqual(problems, []);
        await context.close();
      }
    });
