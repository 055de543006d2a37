// neural-collapse in the browser: each preset's figure from a link (few trials), the small multiples of every metric
// of the run (one Chart per metric, the optimum f* drawn on the objective), and the geometry picture — the class means
// settle into a tetrahedron at the last checkpoint but not at step 0, the Play button animates the checkpoints, and the
// cosine heatmap and its table follow the slider. Screenshots go to test-results/ for a person to look at.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { startSite, launchBrowser, openPage, screenshotDir, waitForResult, chartData } from './browser.mjs';
import { loadNodeEngine } from '../js/load-node.mjs';

const { server, url } = await startSite();
const browser = await launchBrowser();
after(async () => { await browser.close(); server.close(); });

const link = (preset, trials) => `${url}#v=1&exp=neural-collapse&preset=${preset}&trials=${trials}`;
const status = (page) => page.textContent('[data-picture-status]');

test('terminal phase: the main figure, every metric as a small multiple, and the simplex in the picture', async () => {
  const { page, problems } = await openPage(browser, link('terminal-phase', 2));
  const result = await waitForResult(page);
  assert.equal(result.experiment, 'neural-collapse');
  assert.equal(result.metric.key, 'nc1');
  const datasets = await chartData(page);
  assert.equal(datasets.filter((d) => d.role === 'mean').length, 1);
  assert.match(await page.textContent('#caption'), /training error reaches 0 at step \d+/);

  // Small multiples: one chart per metric of the Result, the objective with its closed-form optimum.
  await page.waitForSelector('#metric-multiples figure canvas');
  const multiples = await page.evaluate(() => [...document.querySelectorAll('#metric-multiples figure')].map((figure) => {
    const chart = window.Chart.getChart(figure.querySelector('canvas'));
    return { key: figure.dataset.metric, means: chart.data.datasets.filter((d) => d.role === 'mean').length,
      annotations: Object.keys(chart.options.plugins.annotation.annotations).length, x: chart.options.scales.x.type };
  }));
  assert.deepEqual(multiples.map((m) => m.key), result.metrics.map((m) => m.key));
  // Every metric applies to these settings: no chart is hidden.
  const hidden = await page.evaluate(() => [...document.querySelectorAll('#metric-multiples figure')].filter((f) => f.hidden).map((f) => f.dataset.metric));
  assert.deepEqual(hidden, []);
  assert.match(await page.textContent('#pictures h2'), /geometry/);
  assert.ok(multiples.every((m) => m.means === 1 && m.x === 'logarithmic'));
  assert.ok(multiples.find((m) => m.key === 'loss').annotations >= 1, 'f* is drawn on the objective');

  // The picture: at the last checkpoint the four class means form a tetrahedron; at step 0 they do not.
  await page.waitForFunction(() => /form a tetrahedron/.test(document.querySelector('[data-picture-status]').textContent), null, { timeout: 30000 });
  assert.equal(await page.isVisible('#picture-geometry'), true);
  assert.equal(await page.isVisible('[data-picture-heatmap]'), true);
  assert.equal(await page.getAttribute('#picture-generation', 'max'), String(result.x.values.length));
  await page.locator('#pictures').screenshot({ path: path.join(screenshotDir, 'neural-collapse-picture-last.png') });
  await page.focus('#picture-generation');
  await page.keyboard.press('Home');
  await page.waitForFunction(() => /^Step 0:/.test(document.querySelector('[data-picture-status]').textContent));
  assert.match(await status(page), /still settling/);
  assert.match(await page.textContent('[data-picture-table] caption'), /at step 0/);

  // Play animates the checkpoints forward; a second press pauses.
  await page.click('[data-picture-play]');
  assert.equal(await page.getAttribute('[data-picture-play]', 'aria-pressed'), 'true');
  await page.waitForFunction(() => Number(document.getElementById('picture-generation').value) >= 5, null, { timeout: 10000 });
  await page.click('[data-picture-play]');
  assert.equal(await page.getAttribute('[data-picture-play]', 'aria-pressed'), 'false');
  const paused = Number(await page.inputValue('#picture-generation'));
  await page.waitForTimeout(400);
  assert.equal(Number(await page.inputValue('#picture-generation')), paused);
  assert.match(await page.evaluate(() => location.hash), new RegExp(`&picture=0:${paused}(&|$)`));
  await page.screenshot({ path: path.join(screenshotDir, 'neural-collapse-terminal-phase.png'), fullPage: true });
  assert.deepEqual(problems, []);
  await page.context().close();
});

test('every neural-collapse preset draws its figure and says what to look for', async () => {
  const engine = await loadNodeEngine('scalar');
  const presets = engine.catalogue().experiments.find((e) => e.key === 'neural-collapse').presets;
  for (const preset of presets) {
    const { page, problems } = await openPage(browser, link(preset.key, 2));
    const result = await waitForResult(page);
    assert.equal(result.config.loss, preset.config.loss ?? 'ce', preset.key);
    const caption = await page.textContent('#caption');
    assert.ok(caption.length > 60 && !/undefined|NaN/.test(caption), `${preset.key}: ${caption}`);
    if (preset.key === 'mse-central-path')
      assert.ok((await chartData(page)).some((d) => d.role === 'theory'), 'the central path draws its closed form');
    if (preset.key === 'generalized-collapse') assert.equal(result.series.length, 2);
    assert.deepEqual(problems, [], preset.key);
    await page.context().close();
  }
});
