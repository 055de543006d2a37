// Smoke test of the page in real headless Chromium: it loads the WebAssembly engine and draws the default
// figure, simulation and theory, with no console errors and no request leaving localhost.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { startSite, launchBrowser, openPage, screenshotDir } from './browser.mjs';

const { server, url } = await startSite();
const browser = await launchBrowser();
after(async () => { await browser.close(); server.close(); });

test('the default figure draws with simulation and theory and no console errors', async () => {
  const { page, problems } = await openPage(browser, url);
  const external = [];
  page.on('request', (request) => { if (!request.url().startsWith(url)) external.push(request.url()); });
  await page.waitForSelector('body[data-ready="true"]', { timeout: 60000 });
  const datasets = await page.evaluate(() => {
    const chart = window.Chart.getChart(document.getElementById('figure'));
    return chart.data.datasets.map((d) => ({ label: d.label, points: d.data.length, finite: d.data.every(Number.isFinite) }));
  });
  assert.ok(datasets.some((d) => d.label === 'Replace' && d.points === 20 && d.finite), JSON.stringify(datasets));
  assert.ok(datasets.some((d) => d.label === 'Replace (theory)' && d.points === 20 && d.finite), JSON.stringify(datasets));
  assert.match(await page.textContent('#status'), /400 trials, seed 1, simd build/);
  await page.screenshot({ path: path.join(screenshotDir, 'smoke-default.png') });
  assert.deepEqual(problems, []);
  assert.deepEqual(external, []);
});
