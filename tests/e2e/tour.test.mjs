// Guided tours (web/js/tour/): a link to step k opens that step's preset with its sentence and the relevant curve
// highlighted (the others faded); Next and Back move through the steps and the hash follows, so a lecturer can
// send "step 3"; the start-here tour crosses experiments and ends in the tour of the experiment it reached.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { startSite, launchBrowser, openPage, screenshotDir, waitForResult } from './browser.mjs';
import { TOURS, START_TOUR } from '../../web/js/tour/tours.js';
import { loadNodeEngine } from '../js/load-node.mjs';

const { server, url } = await startSite();
const browser = await launchBrowser();
after(async () => { await browser.close(); server.close(); });

/** Which series the chart draws at full colour (the highlighted one) and which faded. */
const emphasis = (page) => page.evaluate(() => {
  const chart = window.Chart.getChart(document.getElementById('figure'));
  return chart.data.datasets.filter((d) => d.role === 'mean').map((d) => ({ series: d.series, faded: String(d.borderColor).startsWith('rgba') }));
});

test('every experiment has a tour of 4–6 steps; each step names a preset, a highlight and a figure the catalogue has', async () => {
  // In node, against the real catalogue: no browser needed to check that a step can be shown.
  const engine = await loadNodeEngine('simd');
  const catalogue = engine.catalogue();
  const { experimentView } = await import('../../web/js/experiments/index.js');
  const check = (experimentKey, step, where) => {
    const experiment = catalogue.experiments.find((e) => e.key === experimentKey);
    assert.ok(experiment, `${where}: no experiment ${experimentKey}`);
    const preset = experiment.presets.find((p) => p.key === step.preset);
    assert.ok(preset, `${where}: ${experimentKey} has no preset ${step.preset}`);
    assert.ok(step.text.length > 40 && step.text.length < 480, `${where}: a sentence or two (${step.text.length} characters)`);
    // The series the preset's run draws: one per value of its series sweep, else one.
    const values = preset.series ? preset.series.split('=')[1].split(',').map((v) => (Number.isFinite(Number(v)) ? String(Number(v)) : v)) : [null];
    if (step.highlight !== undefined) {
      if (typeof step.highlight === 'number') assert.ok(step.highlight < values.length, `${where}: series ${step.highlight} of ${values.length}`);
      else assert.ok(values.includes(step.highlight), `${where}: ${step.preset} has no series "${step.highlight}" (${values.join(', ')})`);
    }
    if (step.figure) {
      const view = experimentView(experiment);
      assert.ok(step.figure === 'standard' || Object.hasOwn(view.figures, step.figure), `${where}: no figure ${step.figure}`);
    }
  };
  for (const experiment of catalogue.experiments) {
    const steps = TOURS[experiment.key];
    assert.ok(steps, `${experiment.key} has a tour`);
    assert.ok(steps.length >= 4 && steps.length <= 6, `${experiment.key}: ${steps.length} steps`);
    steps.forEach((step, k) => check(experiment.key, step, `${experiment.key} step ${k + 1}`));
  }
  assert.equal(START_TOUR.length, 6);
  START_TOUR.forEach((step, k) => check(step.experiment, step, `start step ${k + 1}`));
});

test('a new tour step: its preset with one curve highlighted; Next shows another figure of a preset (figure=proportion)', async () => {
  const { page, problems, context } = await openPage(browser, `${url}#v=1&exp=real-vs-synthetic&preset=scarce-vs-plentiful&trials=20&tour=3`);
  const result = await waitForResult(page, '(r) => r.experiment === "real-vs-synthetic"');
  assert.match(await page.textContent('.tour'), /step 3 of 4/);
  assert.match(await page.textContent('.tour-text'), /400 real samples/);
  const drawn = await emphasis(page);
  const k = result.series.findIndex((s) => String(s.value) === '400');
  assert.deepEqual(drawn.map((d) => d.faded), result.series.map((_, i) => i !== k), 'n_real = 400 highlighted, the others faded');
  await page.click('[data-tour-next]');
  await page.waitForFunction(() => /preset=cardinality-vs-proportion&/.test(location.hash) && /figure=proportion&.*tour=4/.test(location.hash));
  await waitForResult(page, '(r) => r.trials === 100');
  assert.match(await page.textContent('.tour-text'), /real proportion/);
  const xTitle = await page.evaluate(() => window.Chart.getChart(document.getElementById('figure')).options.scales.x.title.text);
  assert.match(xTitle, /real proportion/, 'the step’s figure, not the preset’s heatmap');
  assert.deepEqual(problems, []);
  await context.close();
});

test('on a phone the tour step, its Back / Next and (at least) half of the chart are on the first screen', async () => {
  const { page, problems } = await openPage(browser, `${url}#v=1&exp=tails&preset=scaling-law&tour=1`, { viewport: { width: 390, height: 844 } });
  await waitForResult(page);
  await page.click('[data-tour-next]'); // go() scrolls the figure card to the top, as a reader moving on sees it
  await page.waitForFunction(() => /tour=2/.test(location.hash));
  await waitForResult(page);
  const box = await page.evaluate(() => {
    const rect = (selector) => { const r = document.querySelector(selector).getBoundingClientRect(); return { top: r.top, bottom: r.bottom, height: r.height }; };
    return { tour: rect('.tour'), next: rect('[data-tour-next]'), chart: rect('#figure'), height: window.innerHeight };
  });
  assert.ok(box.tour.top >= 0 && box.next.bottom <= box.height, `the step and its buttons are on screen: ${JSON.stringify(box)}`);
  const visible = Math.min(box.chart.bottom, box.height) - Math.max(box.chart.top, 0);
  assert.ok(visible >= box.chart.height / 2, `at least half the chart is on screen: ${visible} of ${box.chart.height} px`);
  // The caption is cut to a few lines; its button shows the rest.
  const cut = await page.$eval('#caption', (c) => c.scrollHeight > c.clientHeight + 2);
  assert.ok(cut, 'the caption is cut on a phone during a tour');
  await page.click('.caption-more');
  assert.equal(await page.getAttribute('.caption-more', 'aria-expanded'), 'true');
  assert.equal(await page.$eval('#caption', (c) => c.scrollHeight <= c.clientHeight + 2), true, 'the whole caption');
  await page.screenshot({ path: path.join(screenshotDir, 'tour-phone-tails-2.png') });
  assert.deepEqual(problems, []);
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
  assert.match(await page.textContent('.tour'), /Start here · step 1 of 6/);
  await page.click('[data-tour-next]');
  await waitForResult(page, '(r) => r.experiment === "gaussian-fitting"');
  assert.match(await page.evaluate(() => location.hash), /exp=gaussian-fitting&preset=curse-of-recursion&.*tour=start:2/);
  // A lecturer's link to the last step, then on into that experiment's own tour.
  await page.evaluate(() => { location.hash = '#v=1&exp=language-model&preset=forgets-rare-words&generations=4&tour=start:6'; });
  await waitForResult(page, '(r) => r.experiment === "language-model"');
  assert.equal(await page.textContent('[data-tour-next]'), 'Tour of this experiment');
  await page.click('[data-tour-next]');
  await page.waitForFunction(() => /Tour · step 1 of 5/.test(document.querySelector('.tour').textContent));
  assert.deepEqual(problems, []);
});
