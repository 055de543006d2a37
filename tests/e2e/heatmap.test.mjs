// The heatmap figure for any two-parameter sweep, in the browser: synthetic-chain's error over ridge λ (across) and
// the generation count n (up) from a link with figure=heatmap. One cell per (λ, n) holding the Result's mean, the
// tick labels are the grids, the colour bar and legend key say what the colours mean, the tooltip gives SEM and
// theory, the log colour scale follows the y-axis choice, the data table lists every cell, and "curves" draws the
// same Result as lines. A one-parameter sweep cannot be a heatmap: the choice is disabled with the reason.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { startSite, launchBrowser, openPage, screenshotDir, waitForResult, chartData } from './browser.mjs';

const { server, url } = await startSite();
const browser = await launchBrowser();
after(async () => { await browser.close(); server.close(); });

const heatmapLink = `${url}#v=1&exp=synthetic-chain&trials=20&dim=20&generatorSamples=40&samples=40&x=ridge=0.001:10:log:5&series=generations=0,1,2,4&figure=heatmap`;

const heatmapState = (page) => page.evaluate(() => {
  const chart = window.Chart.getChart(document.getElementById('figure'));
  const figure = chart.options.plugins.collapseLabHeatmap.figure;
  const ticks = (axis) => chart.scales[axis].ticks.map((t) => chart.options.scales[axis].ticks.callback(t.value)).filter(Boolean);
  return {
    cells: figure?.cells.map((c) => ({ column: c.column, row: c.row, value: c.value, theory: c.theory, position: c.position })) ?? null,
    scale: figure?.scale ?? null,
    xTicks: ticks('x'), yTicks: ticks('y'),
    xTitle: chart.options.scales.x.title.text, yTitle: chart.options.scales.y.title.text,
    legendKey: document.querySelector('.legend-key').textContent,
    legendButtons: document.querySelectorAll('.legend-series button').length,
  };
});

test('a two-parameter sweep drawn as a heatmap: cells, grids as ticks, colour bar, tooltip, table, log colours, lines view', async () => {
  const { page, problems } = await openPage(browser, heatmapLink);
  const result = await waitForResult(page, '(r) => r.series.length === 4');
  assert.equal(await page.isChecked('input[name="figure"][value="heatmap"]'), true);
  const state = await heatmapState(page);
  assert.equal(state.cells.length, 5 * 4);
  result.series.forEach((s, row) => s.simulation.mean.forEach((mean, column) => {
    const cell = state.cells.find((c) => c.row === row && c.column === column);
    assert.equal(cell.value, mean);
    assert.equal(cell.theory, s.theory[column]);
  }));
  const all = result.series.flatMap((s) => s.simulation.mean);
  assert.deepEqual(state.scale, { min: Math.min(...all), max: Math.max(...all), log: false });
  assert.deepEqual(state.yTicks, ['0', '1', '2', '4']);
  assert.equal(state.xTicks.length, 5);
  assert.match(state.xTitle, /ridge/);
  assert.match(state.yTitle, /generation/i);
  assert.equal(state.legendButtons, 0, 'no series toggles on a heatmap');
  assert.match(state.legendKey, /colour: .*Monte Carlo mean/);
  assert.match(await page.getAttribute('#figure', 'aria-label'), /^Heatmap of .* lowest .* highest/);
  assert.equal(await page.locator('.band-select').isHidden(), true);

  // The tooltip of the cell under the pointer: both parameter values, mean ± SEM, theory.
  const centre = await page.evaluate(() => {
    const chart = window.Chart.getChart(document.getElementById('figure'));
    const box = chart.canvas.getBoundingClientRect();
    return { x: box.left + chart.scales.x.getPixelForValue(2), y: box.top + chart.scales.y.getPixelForValue(3) };
  });
  await page.mouse.move(centre.x, centre.y);
  const tooltip = await page.waitForFunction(() => {
    const t = window.Chart.getChart(document.getElementById('figure')).tooltip;
    return t.opacity > 0 && t.title.length ? { title: t.title.join(' '), body: t.body.flatMap((b) => b.lines).join(' | ') } : null;
  });
  const { title, body } = await tooltip.jsonValue();
  assert.match(title, /= 4$/);
  assert.match(body, /± .* \(SEM\) \| theory: /);

  await page.locator('#figure-card').screenshot({ path: path.join(screenshotDir, 'heatmap-synthetic-chain.png') });

  // The data table lists every cell: one row per λ, one column group per n.
  await page.click('#table-details summary');
  await page.waitForSelector('#data-table tbody tr');
  assert.equal(await page.$$eval('#data-table tbody tr', (rows) => rows.length), 5);
  assert.equal(await page.$$eval('#data-table thead th[scope="colgroup"]', (cells) => cells.length), 4);

  // Log colours from the y-axis choice; the choice is in the link.
  await page.check('input[name="y-scale"][value="log"]');
  assert.equal((await heatmapState(page)).scale.log, true);
  assert.match(await page.evaluate(() => location.hash), /&y=log&.*figure=heatmap/);

  // "curves": the same Result as lines, one per n.
  await page.check('input[name="figure"][value="standard"]');
  assert.equal((await chartData(page)).filter((d) => d.role === 'mean').length, 4);
  assert.equal(await page.evaluate(() => window.Chart.getChart(document.getElementById('figure')).options.plugins.collapseLabHeatmap.figure), null);
  assert.deepEqual(problems, []);
});

test('a sweep of one parameter cannot be a heatmap: the link falls back to the curves and says why', async () => {
  const { page, problems } = await openPage(browser, `${url}#v=1&exp=synthetic-chain&preset=linear-growth&trials=10&figure=heatmap`);
  await waitForResult(page);
  assert.match(await page.textContent('#notes'), /heatmap figure is not available .* two numeric parameters/);
  assert.equal(await page.isDisabled('input[name="figure"][value="heatmap"]'), false, 'the chosen figure stays selectable');
  assert.ok((await chartData(page)).some((d) => d.role === 'mean'));
  assert.deepEqual(problems, []);
});

test('real-vs-synthetic: Kazdan et al.\'s grid opens as a heatmap with the exact theory, and reads as lines against the proportion', async () => {
  const { page, problems } = await openPage(browser, `${url}#v=1&exp=real-vs-synthetic&preset=cardinality-vs-proportion`);
  const result = await waitForResult(page, '(r) => r.experiment === "real-vs-synthetic"');
  assert.deepEqual(result.series.map((s) => s.value), [0, 25, 50, 100, 200, 400, 800]);
  assert.deepEqual(result.x.values, [0, 25, 50, 100, 200, 400, 800, 1600]);
  assert.equal(await page.isChecked('input[name="figure"][value="heatmap"]'), true, 'the preset brings its heatmap');
  const state = await heatmapState(page);
  assert.equal(state.cells.length, 7 * 8);
  assert.equal(state.scale.log, true, 'the preset colours on a log scale');
  assert.match(state.yTitle, /real samples/);
  // Every cell with n_real + n_synth ≥ d + 2 carries the exact theory; the empty cell (0, 0) has none.
  const cell = state.cells.find((c) => c.row === 1 && c.column === 3);
  assert.ok(Number.isFinite(cell.theory));
  assert.equal(state.cells.find((c) => c.row === 0 && c.column === 0).theory, null);
  // The caption says where synthetic data help and where they hurt, with the run's numbers.
  assert.match(await page.textContent('#caption'), /scarce, synthetic data help: n_real = 25: .* with \d+ synthetic samples/);
  assert.match(await page.textContent('#caption'), /plentiful, any synthetic data hurt/);
  await page.locator('#figure-card').screenshot({ path: path.join(screenshotDir, 'real-vs-synthetic-heatmap.png') });

  // "vs proportion": one line per real count, x = n_real/(n_real + n_synth) in (0, 1].
  await page.check('input[name="figure"][value="proportion"]');
  const lines = await page.evaluate(() => window.Chart.getChart(document.getElementById('figure')).data.datasets
    .filter((d) => d.role === 'mean').map((d) => ({ label: d.label, xs: d.data.map((p) => p.x) })));
  assert.equal(lines.length, 7);
  assert.ok(lines.slice(1).every((l) => l.xs[0] === 1 && l.xs.every((x) => x > 0 && x <= 1)));
  assert.match(await page.evaluate(() => window.Chart.getChart(document.getElementById('figure')).options.scales.x.title.text), /real proportion/);
  await page.locator('#figure-card').screenshot({ path: path.join(screenshotDir, 'real-vs-synthetic-proportion.png') });
  assert.deepEqual(problems, []);
});
