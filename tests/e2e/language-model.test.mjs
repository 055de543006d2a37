// "language-model" in the browser, on the real Brown corpus the page fetches when the experiment opens: the first
// preset (few generations, small T) draws replace and accumulate, perplexity climbs under replace and less under
// accumulate, every metric of the one run is in the Result, and the picture panel draws the rank–frequency (Zipf) plot
// of a generation over the real text's. Screenshot to test-results/ for a person to look at.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { startSite, launchBrowser, openPage, screenshotDir, waitForResult, chartData } from './browser.mjs';

const { server, url } = await startSite();
const browser = await launchBrowser();
after(async () => { await browser.close(); server.close(); });

test('language-model/forgets-rare-words: perplexity climbs under replace, less under accumulate; every metric from one run; the Zipf picture', async () => {
  const { page, problems } = await openPage(browser, `${url}#v=1&exp=language-model&preset=forgets-rare-words&trials=1&generations=5&samples=4000`);
  const result = await waitForResult(page, '(r) => r.experiment === "language-model"');
  const replace = result.series.find((s) => s.value === 'replace'), accumulate = result.series.find((s) => s.value === 'accumulate');
  const last = (s) => s.simulation.mean.at(-1);
  assert.ok(last(replace) > replace.simulation.mean[0], 'replace: perplexity climbs');
  assert.ok(last(accumulate) < last(replace), 'accumulate holds better');
  assert.deepEqual(result.metrics.map((m) => m.key), ['perplexity', 'vocabulary', 'tailMass', 'diversity', 'kl']);
  assert.ok(replace.metrics.vocabulary.simulation.mean.at(-1) < 1, 'replace loses words');
  assert.equal(accumulate.metrics.vocabulary.simulation.mean.at(-1), 1, 'accumulate keeps them');
  const data = await chartData(page);
  assert.equal(data.filter((d) => d.role === 'mean').length, 2);
  await page.waitForFunction(() => {
    const chart = window.Chart?.getChart(document.getElementById('picture'));
    return Boolean(chart) && chart.data.datasets.some((d) => d.role === 'samples');
  }, null, { timeout: 60000 });
  assert.match(await page.textContent('body'), /Zipf/);
  await page.screenshot({ path: path.join(screenshotDir, 'language-model-forgets-rare-words.png'), fullPage: true });
  assert.deepEqual(problems, []);
});
