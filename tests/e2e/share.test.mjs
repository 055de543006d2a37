// Export (CSV, JSON with a manifest, PNG) and embedding: ?embed=1 hides the chrome and shows only the chosen
// controls; the postMessage API sets parameters, runs, and reports results and height to the parent page.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { startSite, launchBrowser, openPage, screenshotDir, waitForResult } from './browser.mjs';

const { server, url } = await startSite();
const browser = await launchBrowser();
after(async () => { await browser.close(); server.close(); });

async function downloaded(page, selector) {
  const [download] = await Promise.all([page.waitForEvent('download'), page.click(selector)]);
  const file = await download.path();
  return { name: download.suggestedFilename(), bytes: await readFile(file) };
}

test('CSV and JSON exports hold the Result with a manifest; PNG is an image', async () => {
  const { page, problems } = await openPage(browser, `${url}#v=1&preset=fixed-compute&trials=30&seed=3`);
  const result = await waitForResult(page);

  const json = await downloaded(page, '#export-json');
  // The file names say which preset the figure started from, and that its settings were changed (trials, seed).
  assert.equal(json.name, 'collapse-lab_recursive-regression_fixed-compute-changed_seed3.json');
  const data = JSON.parse(json.bytes.toString('utf8'));
  const { manifest, ...rest } = data;
  assert.deepEqual(rest, result);
  assert.equal(manifest.generator, 'Collapse Lab');
  assert.match(manifest.version, /^\d+\.\d+\.\d+$/);
  assert.equal(manifest.flavour, 'simd');
  assert.equal(manifest.seed, 3);
  assert.equal(manifest.trials, 30);
  assert.equal(manifest.parameters.generations, 50);
  assert.equal(manifest.series, 'workflow=replace,accumulate,accumulate-subsample');
  assert.ok(manifest.link.startsWith(url) && manifest.link.includes('&seed=3&'));
  assert.equal(manifest.preset, 'fixed-compute');
  assert.match(manifest.changed, /seed 1 → 3, trials 400 → 30/);

  const csv = await downloaded(page, '#export-csv');
  assert.equal(csv.name, 'collapse-lab_recursive-regression_fixed-compute-changed_seed3.csv');
  const lines = csv.bytes.toString('utf8').trimEnd().split('\n');
  const comments = lines.filter((l) => l.startsWith('#'));
  const rows = lines.filter((l) => !l.startsWith('#'));
  // The core's report CSV (the same as collapse-lab run --format csv-report) with the page's own lines.
  assert.match(comments.join('\n'), /# Collapse Lab \d+\.\d+\.\d+: recursive-regression/);
  assert.match(comments.join('\n'), /# seed: 3; trials: 30/);
  assert.match(comments.join('\n'), /# build: simd/);
  assert.match(comments.join('\n'), /# preset: fixed-compute \(changed: seed 1 → 3, trials 400 → 30\)/);
  assert.match(comments.join('\n'), /# x: generation — model-fitting iteration/);
  assert.match(comments.join('\n'), /# metric: testError — test error/);
  assert.match(comments.join('\n'), /# reference,workflow,accumulate,π²\/6 bound,0\.\d+/);
  assert.match(comments.join('\n'), /# link: http/);
  assert.equal(rows[0], 'series_key,series_value,x,mean,sem,lo,hi,median,theory');
  assert.equal(rows.length - 1, 3 * 50);
  for (const row of rows.slice(1)) assert.equal(row.split(',').length, 9, row);
  const first = rows[1].split(',');
  assert.equal(first[1], 'replace');
  assert.equal(Number(first[3]), result.series[0].simulation.mean[0]);
  assert.equal(Number(first[7]), result.series[0].simulation.median[0]);

  const png = await downloaded(page, '#export-png');
  assert.equal(png.name, 'collapse-lab_recursive-regression_fixed-compute-changed_seed3.png');
  assert.deepEqual([...png.bytes.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  // 2× device pixels of the 960 px export figure, whatever the page's own pixel ratio.
  assert.equal(png.bytes.readUInt32BE(16), 1920, 'the PNG is 1920 px wide');
  await (await import('node:fs/promises')).writeFile(path.join(screenshotDir, 'export.png'), png.bytes);
  assert.deepEqual(problems, []);
});

test('embed mode shows the figure and the chosen controls only', async () => {
  const { page, problems } = await openPage(browser, `${url}?embed=1#v=1&preset=replace-vs-accumulate&trials=50&controls=samples,noise`, { viewport: { width: 720, height: 640 } });
  await waitForResult(page);
  for (const selector of ['.site-header', '.site-footer', '.presets-card', '.actions', '#sweep', '#view-controls'])
    assert.equal(await page.isVisible(selector), false, `${selector} is hidden`);
  assert.equal(await page.isVisible('#figure'), true);
  assert.equal(await page.isVisible('#caption'), true);
  const visible = await page.$$eval('#controls .control', (controls) => controls.filter((c) => !c.hidden).map((c) => c.dataset.key));
  assert.deepEqual(visible, ['samples', 'noise']);
  assert.match(await page.getAttribute('#open-full', 'href'), /^http:.*#v=1&exp=recursive-regression/);
  await page.screenshot({ path: path.join(screenshotDir, 'embed.png'), fullPage: true });
  assert.deepEqual(problems, []);
});

test('the Embed button gives an iframe snippet for the current state', async () => {
  const { page, problems } = await openPage(browser, `${url}#v=1&trials=50`);
  await waitForResult(page);
  await page.click('#embed-button');
  await page.check('[data-embed-controls] input[value="samples"]');
  const snippet = await page.inputValue('[data-embed-snippet]');
  assert.match(snippet, /^<iframe src="http:\/\/127\.0\.0\.1:\d+\/\?embed=1#v=1&amp;exp=recursive-regression&amp;.*trials=50&amp;.*controls=samples" title="Collapse Lab: [^"]+" width="100%" height="560"/);
  await page.screenshot({ path: path.join(screenshotDir, 'embed-dialog.png') });
  await page.click('[data-embed-close]');
  assert.deepEqual(problems, []);
});

test('a course page drives the embedded lab with postMessage and gets results and height back', async () => {
  const { page, problems } = await openPage(browser, `${url}embed-demo.html`);
  const frame = page.frameLocator('#lab');
  await page.waitForFunction(() => /after 20 generations \(400 trials\)/.test(document.getElementById('summary').textContent));
  await page.waitForFunction(() => Number.parseFloat(document.getElementById('lab').style.height) > 200);
  assert.equal(await frame.locator('.site-header').isVisible(), false);
  assert.equal(await frame.locator('#controls input[name="samples"]').isVisible(), true);

  await page.click('#more-noise');
  await page.waitForFunction(() => {
    const lab = document.getElementById('lab').contentWindow.collapseLab;
    return lab.result && lab.result.config.noise === 2;
  });
  // A bad setting comes back as an error message and changes nothing.
  const reply = await page.evaluate(() => new Promise((resolve) => {
    const frameWindow = document.getElementById('lab').contentWindow;
    window.addEventListener('message', (event) => { if (event.data.type === 'collapse-lab:error') resolve(event.data.issues); });
    frameWindow.postMessage({ type: 'collapse-lab:set', config: { dim: -4 } }, '*');
  }));
  assert.equal(reply[0].parameter, 'dim');
  const state = await page.evaluate(() => new Promise((resolve) => {
    window.addEventListener('message', (event) => { if (event.data.type === 'collapse-lab:state') resolve(event.data.state); });
    document.getElementById('lab').contentWindow.postMessage({ type: 'collapse-lab:get' }, '*');
  }));
  assert.equal(state.config.dim, 10);
  assert.equal(state.config.noise, 2);
  await page.screenshot({ path: path.join(screenshotDir, 'embed-demo.png'), fullPage: true });
  assert.deepEqual(problems, []);
});
