// Accessibility: axe-core (npm axe-core, run inside the page) finds no serious or critical violation on each
// experiment's page with its data table and pictures open, in the light and the dark theme, on a desktop and a
// phone, and in embed mode. (Moderate and minor findings are listed in the failure message when a test fails.)
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { startSite, launchBrowser, openPage, waitForResult } from './browser.mjs';

const require = createRequire(import.meta.url);
const axePath = require.resolve('axe-core/axe.min.js');
const { server, url } = await startSite();
const browser = await launchBrowser();
after(async () => { await browser.close(); server.close(); });

/** axe's violations of impact serious or critical, as short strings (rule: target). */
async function seriousViolations(page) {
  await page.addScriptTag({ path: axePath });
  const results = await page.evaluate(() => window.axe.run(document, { resultTypes: ['violations'] }));
  return results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .flatMap((v) => v.nodes.map((n) => `${v.id} (${v.impact}): ${n.target.join(' ')} — ${v.help}`));
}

const PAGES = [
  ['recursive-regression', 'replace-vs-accumulate'], ['synthetic-chain', 'ridge-u-shapes'], ['strong-collapse', 'width-gap'],
  ['gaussian-fitting', 'curse-of-recursion'], ['kde-fitting', 'moons'],
];

for (const colorScheme of ['light', 'dark']) {
  for (const [experiment, preset] of PAGES) {
    test(`axe: no serious or critical violation — ${experiment} (${preset}), ${colorScheme}, table open`, async () => {
      const { page, context } = await openPage(browser, `${url}#v=1&exp=${experiment}&preset=${preset}&trials=6`, { colorScheme });
      await waitForResult(page);
      await page.click('#table-details summary');
      await page.evaluate(() => document.querySelectorAll('.pictures details').forEach((d) => { d.open = true; }));
      await page.waitForTimeout(200);
      assert.deepEqual(await seriousViolations(page), []);
      await context.close();
    });
  }
}

test('axe: a phone and an embed with controls have no serious or critical violation', async () => {
  for (const [address, viewport] of [
    [`${url}#v=1&exp=recursive-regression&trials=6`, { width: 390, height: 844 }],
    [`${url}?embed=1#v=1&exp=synthetic-chain&preset=linear-growth&trials=6&controls=generations,generatorNoise`, { width: 320, height: 700 }],
  ]) {
    const { page, context } = await openPage(browser, address, { viewport });
    await waitForResult(page);
    assert.deepEqual(await seriousViolations(page), [], address);
    await context.close();
  }
});

test('axe: a tour step on a phone, scrubbable caption numbers and the pinned figure beside the live one', async () => {
  const { page, context } = await openPage(browser, `${url}#v=1&exp=tails&preset=scaling-law&trials=6&tour=1`, { viewport: { width: 390, height: 844 } });
  await waitForResult(page);
  assert.ok(await page.$('#caption .scrub[role="slider"]'), 'the caption has a scrubbable number');
  assert.deepEqual(await seriousViolations(page), [], 'tour step on a phone');
  await page.setViewportSize({ width: 1600, height: 900 });
  await page.click('[data-pin]');
  await page.fill('#controls input[name="support"]', '1000');
  await page.press('#controls input[name="support"]', 'Enter');
  await waitForResult(page, '(r) => r.config.support === 1000');
  await page.waitForSelector('.figure-pair-pinned:not([hidden])');
  assert.deepEqual(await seriousViolations(page), [], 'side-by-side pin');
  await context.close();
});
