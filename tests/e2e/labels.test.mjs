// The figure's text labels never collide (web/js/figure/label-layout.js): for every preset of every experiment, at
// phone width (390 px) and desktop width (1280 px), the drawn label boxes — the reference-line and guide labels
// read from chartjs-plugin-annotation's own elements, and the marked-point labels — overlap no other label and stay
// inside the plot area; and no two tick labels of an axis overlap (a log axis on a phone labelled every Chart.js tick:
// "1.011.051.09" under the Pareto view). Few trials (the layout, not the numbers, is under test), all presets in one
// page, resized between the widths.
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
  // A marked point's label sits beside its point, as Chart.js draws that point against its dataset's own axis (a
  // series on the right-hand axis too): the gap from the nearest drawn point of its dataset to the label's box, in px.
  const points = (chart.$collapseLabLabels?.boxes ?? []).filter((b) => b.kind === 'point').map((b) => {
    const elements = b.datasetIndex === undefined || b.datasetIndex < 0 ? [] : chart.getDatasetMeta(b.datasetIndex).data;
    const gapTo = (e) => Math.hypot(Math.max(b.x - e.x, 0, e.x - b.x - b.w), Math.max(b.y - e.y, 0, e.y - b.y - b.h));
    return { ...b, gap: elements.length ? Math.min(...elements.map(gapTo)) : 0 };
  });
  const { left, right, top, bottom } = chart.chartArea;
  return { boxes: [...lines, ...points], area: { left, right, top, bottom } };
});

/** In the page: per axis of the figure, its drawn tick labels as intervals along the axis (px), from Chart.js's own
 * label items (what it draws) measured with their own font. Rotated labels are not checked. */
const tickIntervals = (page) => page.evaluate(() => {
  const chart = window.Chart.getChart(document.getElementById('figure'));
  return Object.values(chart.scales).filter((scale) => scale.options.display !== false && !scale.labelRotation).map((scale) => {
    const horizontal = scale.isHorizontal();
    const items = scale.getLabelItems().filter((item) => String(item.label ?? '') !== '');
    const intervals = items.map((item) => {
      const lines = Array.isArray(item.label) ? item.label : [item.label];
      const [x, y] = item.options.translation;
      chart.ctx.save();
      chart.ctx.font = item.font.string;
      const width = Math.max(...lines.map((line) => chart.ctx.measureText(String(line)).width));
      chart.ctx.restore();
      const start = item.options.textAlign === 'left' ? x : item.options.textAlign === 'right' ? x - width : x - width / 2;
      // A vertical axis's labels also have an extent across it, which must stay inside the axis's own box.
      if (!horizontal) return { text: lines.join(' '), from: y - (item.font.lineHeight * lines.length) / 2, to: y + (item.font.lineHeight * lines.length) / 2, across: { from: start, to: start + width } };
      return { text: lines.join(' '), from: start, to: start + width };
    }).sort((a, b) => a.from - b.from);
    return { axis: scale.id, intervals, box: { left: scale.left, right: scale.right } };
  });
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

test('at 390 px and at 1280 px no two figure labels or tick labels overlap and none leaves the plot area, on every preset', async () => {
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
        if (a.gap > 14) failures.push(`${where}: "${a.text}" is ${Math.round(a.gap)} px from its point`);
        for (const b of boxes.slice(j + 1))
          if (a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h) failures.push(`${where}: "${a.text}" overlaps "${b.text}"`);
      }
      // Tick labels: each ends (with a pixel to spare) before the next begins; a vertical axis's labels lie inside
      // its box (Chart.js once sized a log axis from a sample of its labels and cut the wider ones off at the edge).
      for (const { axis, intervals, box } of await tickIntervals(page)) {
        for (let j = 1; j < intervals.length; j++)
          if (intervals[j].from < intervals[j - 1].to - 1) failures.push(`${where}: ${axis} tick labels "${intervals[j - 1].text}" and "${intervals[j].text}" overlap`);
        for (const { text, across } of intervals)
          if (across && (across.from < box.left - 0.5 || across.to > box.right + 0.5)) failures.push(`${where}: ${axis} tick label "${text}" is cut off (${Math.round(across.from)}–${Math.round(across.to)} px, axis ${Math.round(box.left)}–${Math.round(box.right)} px)`);
      }
    }
    widths = [...widths].reverse(); // the next preset starts at the width this one ended on
  }
  assert.deepEqual(failures, []);
  assert.deepEqual(problems, []);
});

test('the Pareto view (log axes spanning under a decade) labels round ticks that never collide, at 320, 390 and 1280 px', async () => {
  // Its own trial count's range (10 trials, as the claim test runs it): with it, Chart.js labelled 1.01, 1.05, 1.09 on a phone,
  // 24 px apart for 25 px labels. One trial would give another range, where the collision happened not to occur.
  const { page, problems } = await openPage(browser, `${url}#v=1&exp=strong-collapse&preset=pareto&trials=10&seed=3`, { viewport: { width: 390, height: 844 } });
  await page.waitForFunction(() => window.collapseLab?.result?.seed === 3 && !document.body.dataset.running && !document.querySelector('.chart-wrap.stale'), null, { timeout: 60000 });
  for (const size of [[390, 844], [320, 700], [1280, 900]]) {
    await resize(page, size);
    const axes = await tickIntervals(page);
    const x = axes.find((a) => a.axis === 'x');
    assert.ok(x.intervals.length >= 3, `at ${size[0]} px the x axis has ${x.intervals.length} tick labels`);
    for (const { axis, intervals } of axes)
      for (let j = 1; j < intervals.length; j++)
        assert.ok(intervals[j].from >= intervals[j - 1].to - 1, `at ${size[0]} px, ${axis} tick labels "${intervals[j - 1].text}" and "${intervals[j].text}" overlap`);
    // Round values, evenly stepped (1.1, 1.2, …), not Chart.js's every-k-th significand (1.01, 1.05, 1.09).
    const values = x.intervals.map((i) => Number(i.text));
    const steps = values.slice(1).map((v, i) => Number((v - values[i]).toPrecision(6)));
    assert.ok(steps.every((s) => s === steps[0]), `at ${size[0]} px the x labels are evenly stepped: ${values.join(' ')}`);
  }
  assert.deepEqual(problems, []);
});
