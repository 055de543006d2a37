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
