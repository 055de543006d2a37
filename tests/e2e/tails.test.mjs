// "tails" in the browser: every preset's figure, loaded from a link with few trials, draws the Monte Carlo mean and
// the exact theory (dashed) for every series, on log–log axes for the scaling-law presets, with the slope / kᵝ /
// grokking diamonds and plateau levels the Result carries; the generation-axis preset shows the paper's linear law as a
// level above the exact curve and says so in the notes. Screenshots go to test-results/ for a person to look at.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { startSite, launchBrowser, openPage, screenshotDir, waitForResult, chartData } from './browser.mjs';

const { server, url } = await startSite();
const browser = await launchBrowser();
after(async () => { await browser.close(); server.close(); });

const link = (preset, trials) => `${url}#v=1&exp=tails&preset=${preset}&trials=${trials}`;
const axes = (page) => page.evaluate(() => {
  const chart = window.Chart.getChart(document.getElementById('figure'));
  return { x: chart.options.scales.x.type, y: chart.options.scales.y.type };
});

for (const [preset, markers] of [['scaling-law', 3], ['tail-cut', 7], ['generations-shift', 4], ['grokking', 5]])
  test(`tails/${preset}: Monte Carlo and exact theory for every series on log–log axes, with the annotations`, async () => {
    const { page, problems } = await openPage(browser, link(preset, 6));
    const result = await waitForResult(page);
    assert.equal(result.experiment, 'tails');
    assert.equal(result.x.key, 'samples');
    const data = await chartData(page);
    const count = (role) => data.filter((d) => d.role === role).length;
    assert.equal(count('mean'), result.series.length);
    assert.equal(count('theory'), result.series.length, 'every series has its exact sum');
    assert.ok(count('marker') >= markers, `${preset}: ${count('marker')} annotations`);
    assert.deepEqual(await axes(page), { x: 'logarithmic', y: 'logarithmic' });
    assert.match(await page.textContent('#look-for, .look-for, body'), /T/);
    await page.screenshot({ path: path.join(screenshotDir, `tails-${preset}.png`), fullPage: true });
    assert.deepEqual(problems, []);
  });

test('tails/generation-discrepancy: the exact curve, the linear headline as a level, and the note that says they disagree', async () => {
  const { page, problems } = await openPage(browser, link('generation-discrepancy', 10));
  const result = await waitForResult(page);
  assert.equal(result.x.key, 'generation');
  const s = result.series[0];
  const linear = s.references.find((r) => /linear/.test(r.label));
  assert.ok(linear.value > s.theory[s.theory.length - 1] * 2, 'the headline overshoots the exact law');
  assert.ok(result.notes.some((n) => /Open discrepancy/.test(n)));
  assert.match(await page.textContent('body'), /open discrepancy/i);
  await page.screenshot({ path: path.join(screenshotDir, 'tails-generation-discrepancy.png'), fullPage: true });
  assert.deepEqual(problems, []);
});
