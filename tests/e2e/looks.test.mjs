// How the page looks to a reader: light and dark, desktop and phone width, the data table open. These tests
// check what can be checked (no horizontal overflow on a phone, the dark theme really applies, the table holds
// every value, keyboard access to the presets) and leave screenshots in test-results/ for a person to look at.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { startSite, launchBrowser, openPage, screenshotDir, waitForResult } from './browser.mjs';

const { server, url } = await startSite();
const browser = await launchBrowser();
after(async () => { await browser.close(); server.close(); });

for (const colorScheme of ['light', 'dark'])
  for (const [name, viewport] of [['desktop', { width: 1280, height: 900 }], ['phone', { width: 390, height: 844 }]])
    test(`${colorScheme} theme at ${name} width`, async () => {
      const { page, problems } = await openPage(browser, url, { colorScheme, viewport });
      const result = await waitForResult(page);
      const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
      assert.equal(background, colorScheme === 'dark' ? 'rgb(13, 17, 23)' : 'rgb(244, 246, 248)');
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      assert.equal(overflow, 0, 'no horizontal scrolling');
      await page.screenshot({ path: path.join(screenshotDir, `lab-${colorScheme}-${name}.png`) });
      if (name === 'phone') await page.screenshot({ path: path.join(screenshotDir, `lab-${colorScheme}-${name}-full.png`), fullPage: true });
      await page.click('#table-details summary');
      await page.waitForSelector('#data-table tbody tr');
      const rows = await page.$$eval('#data-table tbody tr', (trs) => trs.length);
      assert.equal(rows, result.x.values.length);
      await page.locator('#table-details').screenshot({ path: path.join(screenshotDir, `table-${colorScheme}-${name}.png`) });
      assert.deepEqual(problems, []);
    });

test('presets, legend toggles and view options work from the keyboard', async () => {
  const { page, problems } = await openPage(browser, url);
  await waitForResult(page);
  await page.focus('.preset[data-preset="fresh-vs-fixed"]');
  await page.keyboard.press('Enter');
  const fresh = await waitForResult(page, '(r) => r.series.some((s) => s.value === "fresh")');
  assert.deepEqual(fresh.series.map((s) => s.value), ['fixed', 'fresh']);
  await page.focus('.legend-series button');
  await page.keyboard.press('Space');
  assert.equal(await page.getAttribute('.legend-series button', 'aria-pressed'), 'false');
  assert.equal(await page.evaluate(() => window.Chart.getChart(document.getElementById('figure')).data.datasets.filter((d) => d.series === 0).every((d) => d.hidden)), true);
  await page.focus('input[name="y-scale"][value="linear"]');
  await page.keyboard.press('ArrowRight');
  assert.equal(await page.evaluate(() => window.collapseLab.state.view.y), 'log');
  assert.equal(await page.evaluate(() => window.Chart.getChart(document.getElementById('figure')).options.scales.y.type), 'logarithmic');
  assert.deepEqual(problems, []);
});
