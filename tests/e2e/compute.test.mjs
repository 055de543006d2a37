// Compute off the main thread: identical data for any pool size and for the SIMD and scalar builds; a long run
// shows progress and previews, and Cancel stops it, keeps the last complete figure and leaves the page usable.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { startSite, launchBrowser, openPage, screenshotDir, waitForResult, chartData } from './browser.mjs';

const { server, url } = await startSite();
const browser = await launchBrowser();
after(async () => { await browser.close(); server.close(); });

// Small but not trivial: every workflow, explicit rows for accumulate-subsample, 97 trials (not a multiple of
// any pool size) so chunk boundaries differ between pools.
const hash = '#v=1&trials=97&generations=8&dim=6&samples=30&seed=7&series=workflow=replace,accumulate,accumulate-subsample';

async function resultWith(query) {
  const { page, problems } = await openPage(browser, `${url}${query}${hash}`);
  const result = await waitForResult(page);
  const drawn = await chartData(page);
  const info = await page.evaluate(() => ({ flavour: window.collapseLab.flavour, poolSize: window.collapseLab.poolSize }));
  await page.context().close();
  assert.deepEqual(problems, []);
  return { result, drawn, info };
}

test('the same seed gives identical Result JSON and drawn data for 1 and 4 workers', async () => {
  const one = await resultWith('?pool=1');
  const four = await resultWith('?pool=4');
  assert.equal(one.info.poolSize, 1);
  assert.equal(four.info.poolSize, 4);
  assert.equal(JSON.stringify(one.result), JSON.stringify(four.result));
  assert.deepEqual(one.drawn, four.drawn);
});

test('the SIMD and scalar builds draw identical data', async () => {
  const simd = await resultWith('?flavour=simd&pool=2');
  const scalar = await resultWith('?flavour=scalar&pool=3');
  assert.equal(simd.info.flavour, 'simd');
  assert.equal(scalar.info.flavour, 'scalar');
  assert.equal(JSON.stringify(simd.result), JSON.stringify(scalar.result));
  assert.deepEqual(simd.drawn, scalar.drawn);
});

test('a long run shows progress and a preview; Cancel stops it, keeps the last good figure, and the page stays usable', async () => {
  const { page, problems } = await openPage(browser, url);
  const before = await waitForResult(page);
  const drawnBefore = await chartData(page);
  const captionBefore = await page.textContent('#caption');
  assert.match(captionBefore, /d = 10, T = 100/);

  // 100 000 trials in 200 dimensions: minutes of work, so the run is certainly still going when Cancel is pressed.
  // Trials first: on a slow machine a pause of more than the page's debounce between two fills starts a run of the
  // fields so far, and with trials already at 100 000 that run is as long as the one Enter starts (CI once saw the
  // bar of a 400-trial run here). Every check below waits for what it asserts instead of reading it once: Enter's
  // run supersedes any such run, and its first progress message comes a moment later.
  await page.fill('#controls input[name="trials"]', '100000');
  await page.fill('#controls input[name="dim"]', '200');
  await page.fill('#controls input[name="samples"]', '400');
  await page.press('#controls input[name="trials"]', 'Enter');
  await page.waitForSelector('body[data-running="true"]');
  await page.waitForFunction(() => {
    const bar = document.getElementById('progress');
    return bar.getAttribute('aria-valuemax') === '100000' && Number(bar.getAttribute('aria-valuenow')) > 0;
  });
  assert.match(await page.getAttribute('#progress', 'aria-valuetext'), /of 100\u202f000 trials/);
  await page.waitForFunction(() => /Preview: .* trials so far/.test(document.getElementById('notes').textContent));
  // The caption quotes the curves drawn, the preview's (d = 200, T = 400), not the run before.
  await page.waitForFunction(() => /d = 200, T = 400/.test(document.getElementById('caption').textContent));
  await page.waitForFunction(() => /Running: .* left/.test(document.getElementById('status').textContent));
  await page.screenshot({ path: path.join(screenshotDir, 'running-preview.png') });

  await page.click('#cancel');
  await page.waitForFunction(() => !document.body.dataset.running);
  assert.match(await page.textContent('#status'), /Cancelled/);
  assert.equal(await page.isHidden('#progress'), true);
  assert.equal(await page.isHidden('#cancel'), true);
  assert.deepEqual(await page.evaluate(() => window.collapseLab.result), before);
  assert.deepEqual(await chartData(page), drawnBefore, 'the last complete figure is drawn again');
  assert.equal(await page.textContent('#caption'), captionBefore, 'with its own caption');

  // Still usable: a new run (workers respawned) completes.
  await page.fill('#controls input[name="dim"]', '10');
  await page.fill('#controls input[name="trials"]', '40');
  await page.press('#controls input[name="trials"]', 'Enter');
  const after = await waitForResult(page, '(r) => r.trials === 40');
  assert.equal(after.series.length, 2);
  assert.deepEqual(problems, []);
});
