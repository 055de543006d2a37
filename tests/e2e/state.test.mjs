// Shareable state: a link reproduces the figure exactly, and a bad or hostile link shows a message (as text,
// never as HTML) while the page still draws a figure.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { startSite, launchBrowser, openPage, screenshotDir, waitForResult } from './browser.mjs';

const { server, url } = await startSite();
const browser = await launchBrowser();
after(async () => { await browser.close(); server.close(); });

test('changing a parameter, then opening the link in a new page, reproduces the same data', async () => {
  const { page, problems } = await openPage(browser, url);
  await waitForResult(page);
  await page.fill('#controls input[name="dim"]', '5');
  await page.press('#controls input[name="dim"]', 'Enter');
  await page.selectOption('#controls select[name="design"]', 'fresh');
  await page.fill('#controls input[name="trials"]', '60');
  await page.press('#controls input[name="trials"]', 'Enter');
  await page.check('input[name="y-scale"][value="log"]');
  const result = await waitForResult(page, '(r) => r.config.dim === 5 && r.config.design === "fresh" && r.trials === 60');
  const hash = await page.evaluate(() => location.hash);
  assert.match(hash, /&dim=5&/);
  assert.match(hash, /&y=log&/);
  assert.equal(await page.locator('.preset[aria-pressed="true"]').count(), 0, 'editing leaves the preset');

  const copy = await openPage(browser, `${url}${hash}`);
  const again = await waitForResult(copy.page);
  assert.deepEqual(again, result);
  assert.equal(await copy.page.inputValue('#controls input[name="dim"]'), '5');
  assert.equal(await copy.page.isChecked('input[name="y-scale"][value="log"]'), true);
  assert.deepEqual([...problems, ...copy.problems], []);
});

test('a sweep over ridge λ from a preset link draws one curve per generation on a log x axis', async () => {
  const { page, problems } = await openPage(browser, `${url}#v=1&preset=ridge-sweep&trials=50`);
  const result = await waitForResult(page);
  assert.equal(result.x.key, 'ridge');
  assert.deepEqual(result.series.map((s) => s.label), ['n = 1', 'n = 5', 'n = 10']);
  assert.equal(await page.evaluate(() => window.Chart.getChart(document.getElementById('figure')).options.scales.x.type), 'logarithmic');
  assert.equal(await page.isDisabled('#controls input[name="ridge"]'), true, 'the swept parameter is set by the sweep');
  assert.deepEqual(problems, []);
});

test('a bad, hostile link shows a message as text and still draws the default figure', async () => {
  const hostile = '#v=1&dim=%3Cimg%20src%3Dx%20onerror%3D%22window.pwned%3D1%22%3E&foo=%3Cb%3Ebold%3C%2Fb%3E&trials=999999999&x=%22%3E%3Cscript%3E&design=sideways';
  const { page, problems } = await openPage(browser, `${url}${hostile}`);
  const result = await waitForResult(page);
  assert.equal(result.config.dim, 10);
  assert.equal(result.trials, 400);
  const banner = await page.textContent('#banner');
  assert.match(banner, /could not be used/);
  assert.match(banner, /<img src=x onerror="window\.pwned=1">/, 'shown literally, as text');
  assert.match(banner, /trials = 999999999 is out of range/);
  assert.equal(await page.evaluate(() => document.querySelectorAll('#banner img, #banner b, #banner script').length), 0);
  assert.equal(await page.evaluate(() => window.pwned), undefined);
  await page.screenshot({ path: path.join(screenshotDir, 'bad-link.png') });
  // The link in the address bar is now the corrected one.
  assert.match(await page.evaluate(() => location.hash), /&dim=10&/);
  assert.deepEqual(problems, []);
});

test('an invalid value typed into a control shows the reason beside it and keeps the last good figure', async () => {
  const { page, problems } = await openPage(browser, url);
  const before = await waitForResult(page);
  await page.fill('#controls input[name="samples"]', 'many');
  await page.press('#controls input[name="samples"]', 'Enter');
  const issue = page.locator('.control[data-key="samples"] .issue');
  await issue.waitFor();
  assert.match(await issue.textContent(), /samples = many is not a number/);
  assert.equal(await page.getAttribute('#controls input[name="samples"]', 'aria-invalid'), 'true');
  assert.equal(await page.isDisabled('#run'), true);
  assert.deepEqual(await page.evaluate(() => window.collapseLab.result), before);
  await page.fill('#controls input[name="samples"]', '80');
  await page.press('#controls input[name="samples"]', 'Enter');
  await waitForResult(page, '(r) => r.config.samples === 80');
  assert.equal(await issue.textContent(), '');
  assert.deepEqual(problems, []);
});

test('hash keys inherited from Object.prototype are reported, and the page still starts', async () => {
  for (const hash of ['#toString=1', '#constructor=1&figure=constructor', '#__proto__=x', '#valueOf=1&hasOwnProperty=2']) {
    const { page, problems } = await openPage(browser, `${url}${hash}`);
    const result = await waitForResult(page);
    assert.equal(result.experiment, 'recursive-regression', hash);
    assert.match(await page.textContent('#banner'), /could not be used/, hash);
    assert.deepEqual(problems, [], hash);
    await page.context().close();
  }
});

test('"Open…" reopens a saved figure (the page\'s JSON export or the CLI\'s output) bit for bit', async () => {
  const { page, problems } = await openPage(browser, `${url}#v=1&exp=gaussian-fitting&trials=30&generations=12`);
  const saved = await waitForResult(page, '(r) => r.experiment === "gaussian-fitting"');
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('#export-json')]);
  const file = await download.path();
  // Open it in a fresh page showing another experiment.
  const other = await openPage(browser, url);
  await waitForResult(other.page, '(r) => r.experiment === "recursive-regression"');
  await other.page.setInputFiles('#open-saved', file);
  const reopened = await waitForResult(other.page, '(r) => r.experiment === "gaussian-fitting"');
  assert.deepEqual(reopened, saved);
  // A file that is not a saved figure gets a message, and the figure stays.
  await other.page.setInputFiles('#open-saved', { name: 'notes.json', mimeType: 'application/json', buffer: Buffer.from('{"hello": 1}') });
  await other.page.waitForFunction(() => /cannot be opened/.test(document.getElementById('banner').textContent));
  assert.deepEqual(await other.page.evaluate(() => window.collapseLab.result), saved);
  assert.deepEqual([...problems, ...other.problems], []);
});

test('a link changed while the page starts (its first link still being judged) shows the newer link, without a page error', async () => {
  // The lab's start used to resolve with no state when a newer hash superseded the first while a worker judged it,
  // and the embed API's "ready" then read the missing state. The window is a few tens of ms: three timings.
  for (const pause of [15, 30, 60]) {
    const { page, problems, context } = await openPage(browser, `${url}#v=1&exp=recursive-regression&preset=replace-vs-accumulate&trials=1`);
    let seed = 0;
    for (seed = 2; seed < 5; seed++) {
      await page.evaluate((hash) => { location.hash = hash; }, `#v=1&exp=recursive-regression&preset=fixed-compute&trials=1&seed=${seed}`);
      await page.waitForTimeout(pause);
    }
    await waitForResult(page, `(r) => r.seed === ${seed - 1}`);
    assert.equal(await page.evaluate(() => window.collapseLab.state.preset), 'fixed-compute');
    assert.deepEqual(problems, [], `hash changed every ${pause} ms`);
    await context.close();
  }
});
