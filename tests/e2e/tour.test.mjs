// Guided tours (web/js/tour/): a link to step k opens that step's preset with its sentence and the relevant curve
// highlighted (the others faded); Next and Back move through the steps and the hash follows, so a lecturer can
// send "step 3"; the start-here tour crosses experiments and ends in the tour of the experiment it reached.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { startSite, launchBrowser, openPage, screenshotDir, waitForResult } from './browser.mjs';
import { TOURS, START_TOUR } from '../../web/js/tour/tours.js';

const { server, url } = await startSite();
const browser = await launchBrowser();
after(async () => { await browser.close(); server.close(); });

/** Which series the chart draws at full colour (the highlighted one) and which faded. */
const emphasis = (page) => page.evaluate(() => {
  const chart = window.Chart.getChart(document.getElementById('figure'));
  return chart.data.datasets.filter((d) => d.role === 'mean').map((d) => ({ series: d.series, faded: String(d.borderColor).startsWith('rgba') }));
});

test('every tour has 4–6 steps, each naming a preset of its experiment and a sentence', async () => {
  const { page } = await openPage(browser, url);
  await waitForResult(page);
  // The presets each experiment's catalogue entry has, from the page's own catalogue.
  const catalogue = await page.evaluate(async () => (await import('./js/experiments/index.js')) && null);
  assert.equal(catalogue, null);
  for (const [experiment, steps] of Object.entries(TOURS)) {
    assert.ok(steps.length >= 4 && steps.length <= 6, `${experiment}: ${steps.length} steps`);
    await page.evaluate((e) => { location.hash = `#v=1&exp=${e}&trials=2`; }, experiment);
    await waitForResult(page, `(r) => r.experiment === '${experiment}'`);
    const presets = await page.$$eval('#presets .preset', (buttons) => buttons.map((b) => b.dataset.preset));
    for (const step of steps) {
      assert.ok(presets.includes(step.preset), `${experiment}: no preset ${step.preset}`);
      assert.ok(step.text.length > 40, `${experiment}: ${step.preset} has a sentence`);
    }
  }
  assert.equal(START_TOUR.length, 5);
  await page.context().close();
});

test('a link to step 2 opens it: preset, sentence, highlighted curve; Next and Back move and the hash follows', async () => {
  const { page, problems } = await openPage(browser, `${url}#v=1&exp=recursive-regression&preset=replace-vs-accumulate&tour=2`);
  await waitForResult(page);
  assert.match(await page.textContent('.tour'), /step 2 of 5/);
  assert.match(await page.textContent('.tour-text'), /keep every generation’s data/);
  const drawn = await emphasis(page);
  assert.deepEqual(drawn.map((d) => d.faded), [true, false], 'accumulate (series 1) is highlighted, replace faded');
  await page.locator('.tour').screenshot({ path: path.join(screenshotDir, 'tour-recursive-regression-2.png') });

  await page.click('[data-tour-next]');
  const third = await waitForResult(page, '(r) => r.series.some((s) => s.value === "fresh")');
  assert.equal(third.series.length, 2);
  assert.match(await page.evaluate(() => location.hash), /preset=fresh-vs-fixed&.*tour=3/);
  assert.match(await page.textContent('.tour'), /step 3 of 5/);
  await page.click('[data-tour-back]');
  await waitForResult(page, '(r) => r.series.some((s) => s.value === "accumulate")');
  assert.match(await page.evaluate(() => location.hash), /tour=2/);
  await page.click('[data-tour-close]');
  assert.equal(await page.isHidden('.tour'), true);
  assert.doesNotMatch(await page.evaluate(() => location.hash), /tour=/);
  assert.ok((await emphasis(page)).every((d) => !d.faded), 'no curve is faded without a tour');
  assert.deepEqual(problems, []);
});

test('start here crosses experiments and hands over to the tour of the experiment it ends in', async () => {
  const { page, problems } = await openPage(browser, `${url}#v=1&exp=recursive-regression&trials=20`);
  await waitForResult(page);
  await page.click('[data-tour-start]');
  await waitForResult(page, '(r) => r.experiment === "recursive-regression" && r.trials === 400');
  assert.match(await page.textContent('.tour'), /Start here · step 1 of 5/);
  await page.click('[data-tour-next]');
  await waitForResult(page, '(r) => r.experiment === "gaussian-fitting"');
  assert.match(await page.evaluate(() => location.hash), /exp=gaussian-fitting&preset=curse-of-recursion&.*tour=start:2/);
  // A lecturer's link to the last step, then on into that experiment's own tour.
  await page.evaluate(() => { location.hash = '#v=1&exp=kde-fitting&preset=moons&tour=start:5'; });
  await waitForResult(page, '(r) => r.experiment === "kde-fitting"');
  assert.equal(await page.textContent('[data-tour-next]'), 'Tour of this experiment');
  await page.click('[data-tour-next]');
  await page.waitForFunction(() => /Tour · step 1 of 4/.test(document.querySelector('.tour').textContent));
  assert.deepEqual(problems, []);
});
