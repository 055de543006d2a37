// Start-up and redraw paths made for speed (docs/web.md, "Performance"), checked for behaviour, never for time:
// the page takes its catalogue from catalogue.json (never building it with its own WebAssembly instance), and a
// re-run redraws into the chart's existing Chart.js datasets with exactly the new Result's numbers.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { startSite, launchBrowser, openPage, waitForResult } from './browser.mjs';

const { server, url } = await startSite();
const browser = await launchBrowser();
after(async () => { await browser.close(); server.close(); });

test('catalogue.json feeds the page; a re-run redraws into the same Chart.js datasets with the new means', async () => {
  const { page, context, problems } = await openPage(browser, null, { siteUrl: new URL(url).origin });
  const fetched = [];
  page.on('request', (request) => fetched.push(new URL(request.url()).pathname));
  await page.goto(`${url}#v=1&exp=recursive-regression&preset=replace-vs-accumulate&trials=20`);
  const first = await waitForResult(page);
  assert.ok(fetched.includes('/catalogue.json'), 'the page reads catalogue.json');
  const site = await (await context.request.get(`${url}catalogue.json`)).json();
  const tabs = await page.$$eval('#experiment-tabs button', (buttons) => buttons.map((b) => b.textContent));
  assert.deepEqual(tabs, site.experiments.map((e) => e.title.split(':')[0]), 'one tab per experiment of catalogue.json');
  assert.equal(await page.textContent('#figure-title'), site.experiments.find((e) => e.key === 'recursive-regression').title);

  await page.evaluate(() => { window.firstDatasets = [...window.Chart.getChart(document.getElementById('figure')).data.datasets]; });
  await page.fill('#controls input[name="noise"]', String(first.config.noise * 2));
  await page.press('#controls input[name="noise"]', 'Enter');
  const second = await waitForResult(page, `(r) => r.config.noise === ${first.config.noise * 2}`);
  const check = await page.evaluate(() => {
    const datasets = window.Chart.getChart(document.getElementById('figure')).data.datasets;
    return { same: datasets.map((d, i) => d === window.firstDatasets[i]), means: datasets.filter((d) => d.role === 'mean').map((d) => d.data.map((p) => p.y)) };
  });
  assert.ok(check.same.length > 0 && check.same.every(Boolean), 'the datasets are the same objects');
  assert.deepEqual(check.means, second.series.map((s) => s.simulation.mean), 'and hold the new run\'s means');
  assert.notDeepEqual(check.means, first.series.map((s) => s.simulation.mean));
  assert.deepEqual(problems, []);
});

test('a slow Chart.js (arriving after the engine is ready) still gives the first figure, with no error', async () => {
  // main.js is an async module: it must wait for the deferred Chart.js scripts, not just for the parsed document.
  const { page, problems } = await openPage(browser, null, { siteUrl: new URL(url).origin });
  await page.route('**/vendor/chart.umd.min.js', async (route) => {
    await new Promise((resolve) => setTimeout(resolve, 2500));
    await route.continue();
  });
  await page.goto(url);
  const result = await waitForResult(page);
  assert.equal(result.experiment, 'recursive-regression');
  assert.ok(await page.evaluate(() => Boolean(window.Chart.getChart(document.getElementById('figure')))));
  assert.equal(await page.isVisible('#banner'), false, 'no error banner');
  assert.deepEqual(problems, []);
});

test('the first figure does not wait for the page\'s own engine: a link\'s bad value is judged by a worker and named', async () => {
  // Without any interaction the page instantiates its own engine only after the first figure (main.js), so the
  // link's values below are judged by a worker of the pool, with the core's message (parameter, value, range).
  const { page, problems } = await openPage(browser, `${url}#v=1&exp=recursive-regression&preset=replace-vs-accumulate&trials=20&noise=-1`);
  const result = await waitForResult(page);
  const banner = await page.textContent('#banner');
  assert.match(banner, /noise = -1 is out of range: .* from 0 to 1000\. The link's value was replaced by the default\./);
  assert.equal(result.trials, 20, 'the rest of the link is kept');
  assert.notEqual(result.config.noise, -1);
  const marks = await page.evaluate(() => ['first-figure', 'engine'].map((name) => performance.getEntriesByName(`collapse-lab:${name}`)[0]?.startTime ?? null));
  assert.ok(marks[0] !== null);
  assert.ok(marks[1] === null || marks[1] >= marks[0], `the page's engine (${marks[1]} ms) is not instantiated before the first figure (${marks[0]} ms)`);
  // Then it is, and validation answers at once as the reader types.
  await page.waitForFunction(() => performance.getEntriesByName('collapse-lab:engine').length === 1);
  await page.fill('#controls input[name="noise"]', '-2');
  await page.press('#controls input[name="noise"]', 'Enter');
  assert.match(await page.locator('.control[data-key="noise"] .issue').textContent(), /noise = -2 is out of range: .* from 0 to 1000/);
  assert.equal(await page.isDisabled('#run'), true);
  assert.deepEqual(problems, []);
});
