// The real-data experiments in the browser: kernel ridge on MNIST digits under a synthetic-label chain (the workers
// fetch data/mnist-digits.bin when the experiment opens), with the exact theory over the Monte Carlo and the optimal
// λ marked; and Kazdan et al.'s real × synthetic grid on MNIST as a heatmap. Screenshots go to test-results/.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { startSite, launchBrowser, openPage, screenshotDir, waitForResult, chartData } from './browser.mjs';

const { server, url } = await startSite();
const browser = await launchBrowser();
after(async () => { await browser.close(); server.close(); });

const link = (experiment, preset, trials) => `${url}#v=1&exp=${experiment}&preset=${preset}${trials ? `&trials=${trials}` : ''}`;
const finite = (values) => values.length > 0 && values.every(Number.isFinite);

test('kernel-chain: error on real MNIST digits grows with the generations, exact theory over the Monte Carlo', async () => {
  const { page, problems } = await openPage(browser, link('kernel-chain', 'mnist-error-grows', 20));
  const result = await waitForResult(page, '(r) => r.experiment === "kernel-chain"');
  assert.deepEqual(result.series.map((s) => s.value), [0.0001, 0.01]);
  for (const s of result.series) {
    assert.ok(finite(s.theory));
    assert.ok(s.simulation.mean.at(-1) > s.simulation.mean[0], `${s.label}: the error grows`);
  }
  const datasets = await chartData(page);
  assert.equal(datasets.filter((d) => d.role === 'theory').length, 2);
  assert.match(await page.textContent('#caption'), /real held-out MNIST digits/);
  await page.locator('#figure-card').screenshot({ path: path.join(screenshotDir, 'kernel-chain-error-grows.png') });

  await page.click('.preset[data-preset="mnist-best-ridge"]');
  const sweep = await waitForResult(page, '(r) => r.x.key === "ridge"');
  const optima = sweep.series.map((s) => s.markers?.[0]?.x);
  assert.ok(optima.every(Number.isFinite));
  optima.slice(1).forEach((x, i) => assert.ok(x > optima[i], 'the best λ moves right with n'));
  assert.match(await page.textContent('#caption'), /λ\* = /);
  await page.locator('#figure-card').screenshot({ path: path.join(screenshotDir, 'kernel-chain-best-ridge.png') });
  assert.deepEqual(problems, []);
});

test('kernel-real-vs-synthetic: Kazdan et al.\'s grid on MNIST digits as a heatmap with the exact theory', async () => {
  const { page, problems } = await openPage(browser, link('kernel-real-vs-synthetic', 'mnist-cardinality-vs-proportion', 20));
  const result = await waitForResult(page, '(r) => r.experiment === "kernel-real-vs-synthetic"');
  assert.equal(await page.isChecked('input[name="figure"][value="heatmap"]'), true);
  const cells = await page.evaluate(() => window.Chart.getChart(document.getElementById('figure')).options.plugins.collapseLabHeatmap.figure.cells.length);
  assert.equal(cells, result.series.length * result.x.values.length);
  assert.ok(result.series.every((s) => finite(s.theory)));
  assert.match(await page.textContent('#caption'), /real MNIST digits per class/);
  await page.locator('#figure-card').screenshot({ path: path.join(screenshotDir, 'kernel-real-vs-synthetic-heatmap.png') });
  assert.deepEqual(problems, []);
});
