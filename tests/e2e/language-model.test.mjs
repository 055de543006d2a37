// "language-model" in the browser, on the real Brown corpus the page fetches when the experiment opens: the first
// preset (few generations, small T) draws replace and accumulate, perplexity climbs under replace and less under
// accumulate, every metric of the one run is in the Result, and the picture panel draws the rank–frequency (Zipf) plot
// of a generation over the real text's, with sentences of generations 1 and 20 side by side. Screenshot to test-results/ for a person to look at.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { startSite, launchBrowser, openPage, screenshotDir, waitForResult, chartData } from './browser.mjs';

const { server, url } = await startSite();
const browser = await launchBrowser();
after(async () => { await browser.close(); server.close(); });

test('language-model/forgets-rare-words: perplexity climbs under replace, less under accumulate; every metric from one run; the Zipf picture; sentences side by side', async () => {
  const { page, problems } = await openPage(browser, `${url}#v=1&exp=language-model&preset=forgets-rare-words&trials=1&generations=20&samples=4000`);
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
  // Sentences side by side: generation 1 (the real text) and generation 20 of the shown series.
  const columns = await page.$$eval('[data-picture-sentences] .sentence-column', (cs) => cs.map((c) => ({
    generation: Number(c.dataset.generation), heading: c.querySelector('h4').textContent,
    sentences: [...c.querySelectorAll('li')].map((li) => li.textContent) })));
  const column = (g) => columns.find((c) => c.generation === g);
  assert.ok(column(1) && column(20), `columns for generations 1 and 20: ${JSON.stringify(columns.map((c) => c.generation))}`);
  assert.match(column(1).heading, /real text/);
  assert.match(column(1).sentences[0], /^the fulton county grand jury/);
  assert.deepEqual(column(20).sentences, replace.samples[19].sentences);
  await page.screenshot({ path: path.join(screenshotDir, 'language-model-forgets-rare-words.png'), fullPage: true });
  assert.deepEqual(problems, []);
});

for (const [preset, series] of [['accumulate-holds', 2], ['temperature-tail', 3], ['fixed-compute', 3]])
  test(`language-model/${preset}: one curve per series, every metric from one run, a caption quoting the run`, async () => {
    const { page, problems } = await openPage(browser, `${url}#v=1&exp=language-model&preset=${preset}&trials=1&generations=4&samples=3000`);
    const result = await waitForResult(page, '(r) => r.experiment === "language-model"');
    assert.equal(result.series.length, series);
    for (const s of result.series) assert.equal(Object.keys(s.metrics).length, 5);
    const data = await chartData(page);
    assert.equal(data.filter((d) => d.role === 'mean').length, series);
    if (preset === 'temperature-tail') {
      const lost = result.series.map((s) => s.metrics.tailMass.simulation.mean.at(-1));
      assert.ok(lost[2] > lost[0], `lower temperature loses more real mass: ${lost}`);
    }
    assert.match(await page.textContent('body'), /generations/);
    await page.screenshot({ path: path.join(screenshotDir, `language-model-${preset}.png`), fullPage: true });
    assert.deepEqual(problems, []);
  });

test('language-model: the reader pastes a text of their own; the figure is drawn from it and the caption says so; the link does not carry it', async () => {
  const { page, problems } = await openPage(browser, `${url}#v=1&exp=language-model&preset=forgets-rare-words&trials=1&generations=3&samples=300`);
  await waitForResult(page, '(r) => r.experiment === "language-model"');
  const words = ['river', 'mill', 'water', 'wheel', 'morning', 'village', 'children', 'school', 'bank', 'stone', 'bridge', 'field', 'lantern'];
  const text = Array.from({ length: 50 }, (_, s) => `${Array.from({ length: 9 }, (_, k) => words[(s * 5 + k * k) % words.length]).join(' ')}.`).join(' ');
  await page.click('[data-own-text] summary');
  await page.fill('[data-own-text-area]', 'Far too short. A few words.'); // a message beside the corpus control, no run
  await page.click('[data-own-text-use]');
  await page.waitForFunction(() => /the text has 6 words; at least 200/.test(document.querySelector('.control[data-key="corpus"]')?.textContent ?? ''));
  await page.fill('[data-own-text-area]', text);
  await page.click('[data-own-text-use]');
  const result = await waitForResult(page, '(r) => r.config.corpus === "pasted"');
  assert.match(result.series[0].samples[0].sentences[0], /^river /);
  assert.ok((await chartData(page)).some((d) => d.role === 'mean'), 'a figure');
  assert.match(await page.textContent('#caption'), /your own text/);
  const hash = await page.evaluate(() => location.hash);
  assert.match(hash, /corpus=pasted/);
  assert.ok(!hash.includes('lantern'), 'the text is not in the link');
  // The same link opened without the text: the page says what is missing and falls back to the Brown corpus.
  const other = await openPage(browser, `${url}${hash}`);
  await waitForResult(other.page, '(r) => r.experiment === "language-model"');
  assert.match(await other.page.textContent('body'), /no text of your own is loaded here/);
  assert.deepEqual(problems, []);
});
