// The figure's text labels never collide (web/js/figure/label-layout.js): for every preset of every experiment, at
// phone width (390 px) and desktop width (1280 px), the drawn label boxes — the reference-line and guide labels
// read from chartjs-plugin-annotation's own elements, and the marked-point labels — overlap no other label and stay
// inside the plot area. Few trials (the layout, not the numbers, is under test), all presets in one page per width.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { startSite, launchBrowser, openPage } from './browser.mjs';
import { loadNodeEngine } from '../js/load-node.mjs';
import { experimentView } from '../../web/js/experiments/index.js';

const catalogue = (await loadNodeEngine('simd')).catalogue();
const visits = catalogue.experiments.flatMap((e) => experimentView(e).presets.map((p) => [e.key, p.key]));
const { server, url } = await startSite();
const browser = await launchBrowser();
after(async () => { await browser.close(); server.close(); });

/** In the page: the drawn label boxes (annotation labels from the plugin's elements, point labels from the layout). */
const drawnBoxes = (page) => page.evaluate(() => {
  const chart = window.Chart.getChart(document.getElementById('figure'));
  const plugin = window.Chart.registry.getPlugin('annotation');
  const lines = plugin.getAnnotations(chart).filter((e) => e.options.display).flatMap((e) => e.elements ?? [])
    .filter((l) => l.options.display && l.options.content)
    .map((l) => ({ x: l.x, y: l.y, w: l.width, h: l.height, text: String(l.options.content) }));
  const points = (chart.$collapseLabLabels?.boxes ?? []).filter((b) => b.kind === 'point');
  const { left, right, top, bottom } = chart.chartArea;
  return { boxes: [...lines, ...points], area: { left, right, top, bottom } };
});

const WIDTHS = [[390, 844], [1280, 900]];

/** Resizes the page and waits until the chart has redrawn at the new width (a narrow figure is drawn anew). */
async function resize(page, [width, height]) {
  await page.setViewportSize({ width, height });
  await page.waitForFunction(() => {
    const chart = window.Chart.getChart(document.getElementById('figure'));
    return Math.abs(chart.width - document.getElementById('figure').parentElement.clientWidth) < 2;
  });
  await page.evaluate(() => new Promise((resolve) => setTimeout(() => requestAnimationFrame(() => requestAnimationFrame(resolve)), 50)));
}

test('at 390 px and at 1280 px no two figure labels overlap and none leaves the plot area, on every preset', async () => {
  // Each preset runs once (one trial) and is checked at both widths: the page is resized in between.
  const first = visits[0];
  const { page, problems } = await openPage(browser, `${url}#v=1&exp=${first[0]}&preset=${first[1]}&trials=1`, { viewport: { width: 390, height: 844 } });
  let seed = 1;
  let widths = WIDTHS;
  const failures = [];
  for (const [experiment, preset] of visits) {
    seed += 1;
    await page.evaluate((hash) => { location.hash = hash; }, `#v=1&exp=${experiment}&preset=${preset}&trials=1&seed=${seed}`);
    await page.waitForFunction(([e, s]) => {
      const r = window.collapseLab?.result;
      return !document.body.dataset.running && r && r.experiment === e && r.seed === s && !document.querySelector('.chart-wrap.stale');
    }, [experiment, seed], { timeout: 60000 });
    for (const [i, size] of widths.entries()) {
      if (i > 0) await resize(page, size);
      const { boxes, area } = await drawnBoxes(page);
      const where = `${experiment}/${preset} at ${size[0]} px`;
      for (const [j, a] of boxes.entries()) {
        if (a.x < area.left - 0.5 || a.x + a.w > area.right + 0.5 || a.y < area.top - 0.5 || a.y + a.h > area.bottom + 0.5)
          failures.push(`${where}: "${a.text}" leaves the plot area`);
        for (const b of boxes.slice(j + 1))
          if (a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h) failures.push(`${where}: "${a.text}" overlaps "${b.text}"`);
      }
    }
    widths = [...widths].reverse(); // the next preset starts at the width this one ended on
  }
  assert.deepEqual(failures, []);
  assert.deepEqual(problems, []);
});
