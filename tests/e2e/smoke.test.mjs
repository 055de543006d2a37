// Smoke test of the page in real headless Chromium: it loads the WebAssembly engine and draws the default
// figure, simulation and theory, with no console errors and no request leaving localhost.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { startSite, launchBrowser, openPage, screenshotDir, waitForResult, chartData } from './browser.mjs';

const { server, url } = await startSite();
const browser = await launchBrowser();
after(async () => { await browser.close(); server.close(); });

test('the default figure draws with simulation and theory and no console errors', async () => {
  const { page, problems, external } = await openPage(browser, url);
  const result = await waitForResult(page);
  const datasets = await chartData(page);
  const finite = (d) => d.y.length === 20 && d.y.every(Number.isFinite);
  for (const label of ['Replace', 'Accumulate']) {
    assert.ok(datasets.some((d) => d.label === label && d.role === 'mean' && finite(d)), JSON.stringify(datasets.map((d) => d.label)));
    assert.ok(datasets.some((d) => d.label === `${label} (theory)` && d.role === 'theory' && finite(d)));
    assert.ok(datasets.some((d) => d.label === `${label} band` && d.role === 'band'));
  }
  // The drawn means are the Result's means.
  assert.deepEqual(datasets.find((d) => d.label === 'Replace').y, result.series[0].simulation.mean);
  // The π²/6 bound of accumulate is drawn as a reference line.
  const references = await page.evaluate(() => Object.values(window.Chart.getChart(document.getElementById('figure')).options.plugins.annotation.annotations).map((a) => a.label.content));
  assert.ok(references.some((text) => text.startsWith('π²/6 bound')), JSON.stringify(references));
  assert.match(await page.textContent('#status'), /400 trials, seed 1, simd build/);
  assert.match(await page.textContent('#caption'), /π²\/6 bound/);
  assert.equal(await page.getAttribute('.preset[aria-pressed="true"]', 'data-preset'), 'replace-vs-accumulate');
  await page.screenshot({ path: path.join(screenshotDir, 'smoke-default.png') });
  assert.deepEqual(problems, []);
  assert.deepEqual(external, []);
});
