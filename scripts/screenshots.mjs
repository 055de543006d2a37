// Screenshots of every preset of every experiment, for a person to look at (issue 13's closing note, before/after
// comparisons): node scripts/screenshots.mjs [outDir] [--trials N]. Serves dist/ (build it first), opens each
// preset's link in Debian's headless Chromium (playwright-core, as the browser tests do), waits for the complete
// figure (the run finished, the chart no longer greyed, the pictures drawn) and writes
//   <experiment>--<preset>--desktop.png (1280 px wide) and <experiment>--<preset>--phone.png (390 × 844)
// in the light theme, plus one <experiment>--<preset>--desktop-dark.png per experiment (its default preset).
// Each image is the figure as a reader first sees it: title, preset line, caption, chart and legend.
// The presets run with their own trial counts (what a reader gets) unless --trials N asks for fewer.
// A script, not a test: it asserts nothing; it prints one line per image and any page error it saw.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { serve } from './serve.mjs';
import { loadNodeEngine } from '../tests/js/load-node.mjs';
import { experimentView } from '../web/js/experiments/index.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const trialsAt = args.indexOf('--trials');
const trials = trialsAt >= 0 ? Number(args.splice(trialsAt, 2)[1]) : null;
if (trials !== null && !(Number.isInteger(trials) && trials >= 1)) {
  console.error(`--trials must be a whole number ≥ 1 (got ${args[trialsAt + 1] ?? 'nothing'})`);
  process.exit(2);
}
const outDir = path.resolve(args[0] ?? path.join(root, 'test-results/screenshots'));
mkdirSync(outDir, { recursive: true });

// The catalogue, from the built WebAssembly module (build/wasm, as the site's): the experiments and presets to visit.
const catalogue = (await loadNodeEngine('simd')).catalogue();

const server = await serve(path.join(root, 'dist'), 0);
const site = `http://127.0.0.1:${server.address().port}/`;
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update'],
});

const VIEWPORTS = { desktop: { width: 1280, height: 900 }, phone: { width: 390, height: 844 } };

async function openLab(viewport, colorScheme, firstHash) {
  const context = await browser.newContext({ viewport, colorScheme, deviceScaleFactor: 1 });
  const page = await context.newPage();
  const problems = [];
  page.on('pageerror', (error) => problems.push(error.message));
  page.on('console', (message) => { if (message.type() === 'error') problems.push(message.text()); });
  // Counts finished runs (data-running removed from <body>), however short, so a visit waits for its own run.
  await page.addInitScript(() => {
    window.finishedRuns = 0;
    document.addEventListener('DOMContentLoaded', () => new MutationObserver(() => { if (!document.body.dataset.running) window.finishedRuns += 1; })
      .observe(document.body, { attributes: true, attributeFilter: ['data-running'] }));
  });
  await page.goto(`${site}${firstHash}`);
  await settled(page, 0);
  return { page, context, problems };
}

const hashOf = (experiment, preset) => `#v=1&exp=${experiment}&preset=${preset}${trials ? `&trials=${trials}` : ''}`;

/** Waits until `runs` runs have finished and the figure is complete: not running, not greyed, pictures drawn. */
async function settled(page, runs) {
  await page.waitForFunction((n) => window.finishedRuns >= n && document.body.dataset.ready === 'true' && !document.body.dataset.running &&
    !document.querySelector('.chart-wrap.stale') && document.getElementById('chart-placeholder').hidden, runs, { timeout: 600000 });
  await page.evaluate(() => document.fonts.ready);
  await page.waitForTimeout(300); // the pictures (generative experiments) are drawn just after the run
}

/** Opens a preset's link (its own seed and, unless --trials, its own trial count) and waits for its figure. */
async function showPreset(page, experiment, preset) {
  const before = await page.evaluate(() => window.finishedRuns);
  await page.evaluate((hash) => { location.hash = hash; }, hashOf(experiment, preset));
  await settled(page, before + 1);
}

/** The region a reader sees first: from the title to the legend (and the legend key). */
async function figureClip(page) {
  return page.evaluate(() => {
    const top = document.getElementById('figure-title').getBoundingClientRect();
    const legend = document.getElementById('legend').getBoundingClientRect();
    const card = document.getElementById('figure-card').getBoundingClientRect();
    return { x: card.left + scrollX, y: top.top + scrollY - 8, width: card.width, height: legend.bottom - top.top + 16 };
  });
}

const visits = catalogue.experiments.flatMap((experiment) => experimentView(experiment).presets.map((preset) => [experiment.key, preset.key]));
const written = [];
for (const [name, viewport] of Object.entries(VIEWPORTS)) {
  const { page, context, problems } = await openLab(viewport, 'light', hashOf(...visits[0]));
  for (const [i, [experiment, preset]] of visits.entries()) {
    const started = Date.now();
    if (i > 0) await showPreset(page, experiment, preset);
    const file = path.join(outDir, `${experiment}--${preset}--${name}.png`);
    await page.screenshot({ path: file, clip: await figureClip(page), fullPage: true });
    written.push(file);
    console.log(`${path.relative(process.cwd(), file)}  (${((Date.now() - started) / 1000).toFixed(1)} s)`);
  }
  if (problems.length) console.log(`page problems at ${name} width:\n  ${problems.join('\n  ')}`);
  await context.close();
}

// One dark example per experiment: its default preset at desktop width.
const defaults = catalogue.experiments.map((experiment) => [experiment.key, experimentView(experiment).defaultPreset]);
const { page, context, problems } = await openLab(VIEWPORTS.desktop, 'dark', hashOf(...defaults[0]));
for (const [i, [experiment, preset]] of defaults.entries()) {
  if (i > 0) await showPreset(page, experiment, preset);
  const file = path.join(outDir, `${experiment}--${preset}--desktop-dark.png`);
  await page.screenshot({ path: file, clip: await figureClip(page), fullPage: true });
  written.push(file);
  console.log(path.relative(process.cwd(), file));
}
if (problems.length) console.log(`page problems in the dark theme:\n  ${problems.join('\n  ')}`);
await context.close();
await browser.close();
server.close();
console.log(`${written.length} screenshots in ${outDir}`);
