// Direct manipulation: every numeric control has a slider (log-scaled where the catalogue says); dragging re-runs
// the figure and the text field, the hash and the Result follow; a swept parameter's slider is disabled.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { startSite, launchBrowser, openPage, waitForResult } from './browser.mjs';

const { server, url } = await startSite();
const browser = await launchBrowser();
after(async () => { await browser.close(); server.close(); });

test('dragging the d slider re-runs the figure; the field, the hash and the preset line follow', async () => {
  const { page, problems } = await openPage(browser, `${url}#v=1&exp=recursive-regression&preset=replace-vs-accumulate&trials=40`);
  await waitForResult(page);
  const sliders = await page.$$eval('#controls .param-slider', (list) => list.map((s) => [s.closest('.control').dataset.key, s.dataset.scale]));
  const keys = Object.fromEntries(sliders);
  assert.equal(keys.samples, 'log', 'samples is log-scaled, as the catalogue says');
  assert.ok('dim' in keys && 'noise' in keys && 'trials' in keys);
  assert.ok(!('seed' in keys) && !('workflow' in keys), 'no slider for the seed or a choice');
  // Drag: several input events, then the release.
  await page.evaluate(() => {
    const slider = document.querySelector('.control[data-key="dim"] .param-slider');
    for (const position of [320, 350, 380, 400]) { // log over 1…2000: 400 ↦ 2000^0.4 ≈ 21
      slider.value = String(position);
      slider.dispatchEvent(new Event('input', { bubbles: true }));
    }
    slider.dispatchEvent(new Event('change', { bubbles: true }));
  });
  const dim = Number(await page.inputValue('#controls input[name="dim"]'));
  assert.ok(dim > 10, `the field follows the slider (${dim})`);
  const result = await waitForResult(page, `(r) => r.config.dim === ${dim}`);
  assert.equal(result.trials, 40);
  assert.match(await page.evaluate(() => location.hash), new RegExp(`&dim=${dim}&`));
  assert.match(await page.textContent('#preset-line'), new RegExp(`d 10 → ${dim}`));
  // Typing moves the slider.
  await page.fill('#controls input[name="dim"]', '10');
  // 10 on a log slider over 1…2000 sits at 1000 · log 10 / log 2000 ≈ 303.
  assert.equal(await page.$eval('.control[data-key="dim"] .param-slider', (s) => s.value), '303');
  assert.deepEqual(problems, []);
});

test('a swept parameter has its slider disabled', async () => {
  const { page } = await openPage(browser, `${url}#v=1&exp=recursive-regression&preset=ridge-sweep&trials=10`);
  await waitForResult(page);
  assert.equal(await page.$eval('.control[data-key="ridge"] .param-slider', (s) => s.disabled), true);
  assert.equal(await page.$eval('.control[data-key="dim"] .param-slider', (s) => s.disabled), false);
});

test('Pin keeps the figure as grey ghosts while a parameter changes; Undo and Back return to the previous figure', async () => {
  const { page, problems } = await openPage(browser, `${url}#v=1&exp=recursive-regression&preset=replace-vs-accumulate&trials=30`);
  const before = await waitForResult(page);
  await page.click('[data-pin]');
  assert.equal(await page.getAttribute('[data-pin]', 'aria-pressed'), 'true');
  await page.fill('#controls input[name="noise"]', '2');
  await page.press('#controls input[name="noise"]', 'Enter');
  const after = await waitForResult(page, '(r) => r.config.noise === 2');
  const ghosts = await page.evaluate(() => window.Chart.getChart(document.getElementById('figure')).data.datasets
    .filter((d) => d.role === 'ghost').map((d) => ({ label: d.label, y: d.data.map((p) => p.y) })));
  assert.equal(ghosts.length, before.series.length, 'one ghost per pinned series');
  assert.deepEqual(ghosts[0].y, before.series[0].simulation.mean, 'the ghost is the pinned run’s mean');
  assert.notDeepEqual(after.series[0].simulation.mean, before.series[0].simulation.mean);
  assert.match(await page.textContent('.legend-key'), /pinned figure/);
  // Undo: back to noise 1, the same numbers (same seed).
  await page.click('[data-undo]');
  const undone = await waitForResult(page, '(r) => r.config.noise === 1');
  assert.deepEqual(undone.series[0].simulation.mean, before.series[0].simulation.mean);
  await page.goForward();
  await waitForResult(page, '(r) => r.config.noise === 2');
  await page.click('[data-pin]');
  assert.equal(await page.evaluate(() => window.Chart.getChart(document.getElementById('figure')).data.datasets.filter((d) => d.role === 'ghost').length), 0);
  assert.deepEqual(problems, []);
});

test('Play reveals the curves generation by generation with the axes fixed; Step moves one; the pictures follow', async () => {
  const { page, problems } = await openPage(browser, `${url}#v=1&exp=gaussian-fitting&preset=replace-vs-accumulate&trials=40`);
  const result = await waitForResult(page);
  assert.equal(await page.isVisible('[data-play]'), true);
  const drawnUntil = () => page.evaluate(() => {
    const chart = window.Chart.getChart(document.getElementById('figure'));
    const mean = chart.data.datasets.find((d) => d.role === 'mean');
    return { last: Math.max(...mean.data.filter((p) => p.y !== null).map((p) => p.x)), yMax: chart.scales.y.max };
  });
  const full = await drawnUntil();
  await page.click('[data-step]');
  await page.click('[data-step]');
  const stepped = await drawnUntil();
  assert.equal(stepped.last, result.x.values[1], 'two steps: up to the second generation');
  assert.equal(stepped.yMax, full.yMax, 'the y axis stays put');
  assert.match(await page.textContent('[data-player-status]'), /generation 2 of 100/);
  assert.equal(await page.inputValue('[data-picture-generation]'), '2', 'the pictures follow');
  await page.click('[data-play]');
  await page.waitForTimeout(700);
  const playing = await drawnUntil();
  assert.ok(playing.last > stepped.last && playing.last < full.last, `playing: up to ${playing.last}`);
  await page.click('[data-play]'); // pause
  const paused = (await drawnUntil()).last;
  await page.waitForTimeout(300);
  assert.equal((await drawnUntil()).last, paused, 'paused');
  assert.deepEqual(problems, []);
});

test('a swept figure has no Play (its x is not generations)', async () => {
  const { page } = await openPage(browser, `${url}#v=1&exp=recursive-regression&preset=ridge-sweep&trials=10`);
  await waitForResult(page);
  assert.equal(await page.isVisible('[data-play]'), false);
});

test('a link followed while a just-edited field has focus shows the link’s figure (the old field does not write back)', async () => {
  const { page, problems } = await openPage(browser, `${url}#v=1&exp=recursive-regression&trials=30`);
  await waitForResult(page);
  await page.fill('#controls input[name="trials"]', '40');
  await page.press('#controls input[name="trials"]', 'Enter');
  await waitForResult(page, '(r) => r.trials === 40');
  await page.evaluate(() => { location.hash = '#v=1&exp=recursive-regression&preset=fixed-compute&trials=20'; });
  const result = await waitForResult(page, '(r) => r.trials === 20');
  assert.equal(result.series.length, 3);
  assert.match(await page.evaluate(() => location.hash), /preset=fixed-compute&.*trials=20&/);
  assert.deepEqual(problems, []);
});

test('a link within the same experiment sets the controls in place; a link to another experiment builds its own', async () => {
  const { page, problems } = await openPage(browser, `${url}#v=1&exp=recursive-regression&trials=30`);
  await waitForResult(page);
  await page.$eval('#controls input[name="dim"]', (input) => { input.dataset.probe = 'the first field'; });
  await page.evaluate(() => { location.hash = '#v=1&exp=recursive-regression&preset=fixed-compute&trials=20&dim=6'; });
  const result = await waitForResult(page, '(r) => r.trials === 20');
  assert.equal(result.config.dim, 6);
  assert.equal(await page.$eval('#controls input[name="dim"]', (input) => input.dataset.probe ?? null), 'the first field',
    'the same field, not a rebuilt one');
  assert.equal(await page.inputValue('#controls input[name="dim"]'), '6', 'showing the link\'s value');
  assert.equal(await page.inputValue('#controls input[name="trials"]'), '20');
  assert.match(await page.textContent('#preset-line'), /Kazdan/, 'the preset line is the link\'s preset');
  await page.evaluate(() => { location.hash = '#v=1&exp=synthetic-chain&preset=linear-growth&trials=10'; });
  await waitForResult(page, '(r) => r.experiment === "synthetic-chain"');
  assert.equal(await page.$eval('#controls input[name="dim"]', (input) => input.dataset.probe ?? null), null,
    'another experiment builds its own controls');
  assert.equal(await page.inputValue('#controls input[name="dim"]'), '50');
  assert.deepEqual(problems, []);
});

test('a caption number is a slider: arrow keys and a drag change the parameter, the field and the figure', async () => {
  const { page, problems } = await openPage(browser, `${url}#v=1&exp=recursive-regression&preset=replace-vs-accumulate&trials=40`);
  const before = await waitForResult(page);
  const dim = '#caption .scrub[data-scrub="dim"]';
  assert.equal(await page.getAttribute(dim, 'role'), 'slider');
  assert.deepEqual(await page.$eval(dim, (s) => [s.textContent, s.getAttribute('aria-valuenow'), s.getAttribute('aria-valuemin'), s.getAttribute('aria-valuemax')]),
    ['10', '10', '1', '2000']);
  assert.deepEqual(await page.$$eval('#caption .scrub', (list) => list.map((s) => s.dataset.scrub)), ['noise', 'dim', 'samples', 'generations']);
  // Keys: two steps up (a log integer: 10 → 11 → 12 or more), the run and the caption follow, focus stays on the number.
  await page.focus(dim);
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  const keyed = await waitForResult(page, '(r) => r.config.dim > 10');
  assert.equal(await page.inputValue('#controls input[name="dim"]'), String(keyed.config.dim), 'the field follows');
  await page.waitForFunction((d) => document.querySelector('#caption .scrub[data-scrub="dim"]')?.textContent === String(d), keyed.config.dim);
  assert.equal(await page.evaluate(() => document.activeElement.dataset.scrub), 'dim', 'focus stays on the number');
  assert.notDeepEqual(keyed.series[0].simulation.mean, before.series[0].simulation.mean, 'the figure changed');
  assert.match(await page.textContent('#preset-line'), new RegExp(`d 10 → ${keyed.config.dim}`));
  // Drag the sample count to the right: more samples per fit (log scale), a smaller error.
  const box = await page.locator('#caption .scrub[data-scrub="samples"]').boundingBox();
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.down();
  for (const dx of [20, 40, 60, 80]) await page.mouse.move(box.x + box.width / 2 + dx, box.y + box.height / 2);
  await page.mouse.up();
  const dragged = await waitForResult(page, '(r) => r.config.samples > 100');
  assert.equal(await page.inputValue('#controls input[name="samples"]'), String(dragged.config.samples));
  assert.ok(dragged.series[0].simulation.mean.at(-1) < keyed.series[0].simulation.mean.at(-1), 'more samples, less error');
  assert.match(await page.evaluate(() => location.hash), new RegExp(`samples=${dragged.config.samples}&`));
  assert.deepEqual(problems, []);
});

test('at 1600 px a pinned state is a second figure beside the live one, titled with what differs; narrower, ghosts only', async () => {
  const { page, problems } = await openPage(browser, `${url}#v=1&exp=recursive-regression&preset=replace-vs-accumulate&trials=30`, { viewport: { width: 1600, height: 900 } });
  const before = await waitForResult(page);
  await page.click('[data-pin]');
  assert.equal(await page.isVisible('.figure-pair-pinned'), false, 'nothing to compare yet');
  await page.fill('#controls input[name="samples"]', '30');
  await page.press('#controls input[name="samples"]', 'Enter');
  const after = await waitForResult(page, '(r) => r.config.samples === 30');
  await page.waitForSelector('.figure-pair-pinned:not([hidden])');
  const live = await page.locator('#figure').boundingBox();
  const pinned = await page.locator('[data-pinned-canvas]').boundingBox();
  assert.ok(pinned.x >= live.x + live.width - 1 && Math.abs(pinned.y - live.y) < 40 && pinned.width > 400, `side by side: ${JSON.stringify({ live, pinned })}`);
  assert.match(await page.textContent('.figure-pair-pinned figcaption'), /pinned: samples per fit = 100/);
  assert.match(await page.textContent('.figure-pair-live .figure-pair-title'), /now: samples per fit = 30/);
  const means = (selector) => page.evaluate((s) => window.Chart.getChart(document.querySelector(s)).data.datasets
    .filter((d) => d.role === 'mean').map((d) => d.data.map((p) => p.y)), selector);
  assert.deepEqual((await means('[data-pinned-canvas]'))[0], before.series[0].simulation.mean, 'the pinned figure draws the pinned run');
  assert.deepEqual((await means('#figure'))[0], after.series[0].simulation.mean, 'the live figure draws the new run');
  const yMax = (selector) => page.evaluate((s) => window.Chart.getChart(document.querySelector(s)).scales.y.max, selector);
  assert.equal(await yMax('[data-pinned-canvas]'), await yMax('#figure'), 'one y range, so heights compare');
  // Narrower: the ghosts only.
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.waitForSelector('.figure-pair-pinned[hidden]', { state: 'attached' });
  assert.ok(await page.evaluate(() => window.Chart.getChart(document.getElementById('figure')).data.datasets.some((d) => d.role === 'ghost')));
  await page.setViewportSize({ width: 1600, height: 900 });
  await page.waitForSelector('.figure-pair-pinned:not([hidden])');
  await page.click('[data-pinned-dismiss]');
  assert.equal(await page.isVisible('.figure-pair-pinned'), false);
  assert.equal(await page.textContent('[data-pin]'), 'Pin this figure', 'dismissing unpins');
  assert.deepEqual(problems, []);
});

test('Play on the neural-collapse training curves reveals them checkpoint by checkpoint, the training picture in step', async () => {
  const { page, problems } = await openPage(browser, `${url}#v=1&exp=neural-collapse&preset=terminal-phase&trials=2`);
  const result = await waitForResult(page);
  assert.equal(result.x.key, 'step');
  assert.equal(await page.isVisible('[data-play]'), true, 'a training experiment can be played');
  await page.waitForFunction(() => !document.querySelector('[data-picture-generation]').disabled); // the picture's run is ready
  const drawnUntil = (selector = '#figure') => page.evaluate((s) => {
    const mean = window.Chart.getChart(document.querySelector(s)).data.datasets.find((d) => d.role === 'mean');
    return Math.max(...mean.data.filter((p) => p.y !== null).map((p) => p.x));
  }, selector);
  await page.click('[data-step]');
  await page.click('[data-step]');
  assert.equal(await drawnUntil(), result.x.values[1], 'two steps: up to the second checkpoint');
  assert.match(await page.textContent('[data-player-status]'), new RegExp(`step ${result.x.values[1]} of ${result.x.values.at(-1)}`));
  assert.equal(await page.inputValue('[data-picture-generation]'), '2', 'the training picture shows the same checkpoint');
  assert.ok(await drawnUntil('.metric-multiples canvas') <= result.x.values[1] + 1, 'the small multiples are revealed with it');
  // One Play: the picture's Play button plays the figure (and says so), and pauses it.
  await page.click('[data-picture-play]');
  assert.equal(await page.textContent('[data-play]'), '❚❚ Pause');
  await page.waitForTimeout(600);
  const playing = await drawnUntil();
  assert.ok(playing > result.x.values[1] && playing < result.x.values.at(-1), `playing: up to step ${playing}`);
  assert.equal(await page.textContent('[data-picture-play]'), 'Pause');
  await page.click('[data-picture-play]');
  const paused = await drawnUntil();
  await page.waitForTimeout(300);
  assert.equal(await drawnUntil(), paused, 'paused');
  assert.equal(Number(await page.inputValue('[data-picture-generation]')), result.x.values.indexOf(paused) + 1);
  assert.deepEqual(problems, []);
});
