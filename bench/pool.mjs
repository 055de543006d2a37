// The worker pool's speed-up, compute only (issue 14: ≥ 1.8× on 2 cores for the heavy presets): each preset is
// opened in headless Chromium with ?pool=1 and with ?pool=2; once its first figure is on screen (page load, module
// compile and worker start-up are over) the same figure is run again with other seeds, typed into the seed field
// once the page is idle again, the two pages taking turns. The run time the page reports
// (window.collapseLab.runSeconds, also in its status line; RunController: the first chunk sent → the assembled
// Result) is kept, best of REPEATS (default 5). The ratio pool=1 / pool=2 is the speed-up. Also the same preset in
// one node thread (the module's own run, no workers): the pool's overhead against a bare engine; and two node worker
// threads against one on the simulation alone (bench/two-threads.mjs): the machine's own ceiling for the ratio.
// Usage: node bench/pool.mjs [--repeats N] [experiment/preset …]   (default: the heavy presets below)
import os from 'node:os';
import { startSite, launchBrowser } from '../tests/e2e/browser.mjs';
import { loadNodeEngine } from '../tests/js/load-node.mjs';
import { twoThreadSeconds } from './two-threads.mjs';

const args = process.argv.slice(2);
const repeatsAt = args.indexOf('--repeats');
const REPEATS = repeatsAt >= 0 ? Number(args.splice(repeatsAt, 2)[1]) : 5;
const presets = args.length ? args : ['strong-collapse/pareto', 'synthetic-chain/scaling-law', 'kde-fitting/fixed-compute',
  'recursive-regression/fixed-compute', 'gaussian-fitting/fixed-compute'];

const statusSeconds = (text) => {
  const match = /, ([\d.]+) s\./.exec(text ?? '');
  return match ? Number(match[1]) : null;
};

/**
 * A page of the lab with `pool` workers, its first figure on screen: { context, rerun(r) }, rerun giving the page's run
 * time with the first run's seed + r.
 */
async function openPoolPage(browser, url, experiment, preset, pool) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  // Polled every 250 ms, not on every animation frame (Playwright's default): a rAF poll makes the page render ~60
  // frames a second, and on 2 cores those frames (about 2 ms of main-thread work each, a trace showed 49 of them
  // in a 0.8 s run) are taken from the workers: the harness itself had cost the pool about a tenth. The run time
  // is the page's own (the status line), so the polling interval does not enter it.
  const done = (seed) => page.waitForFunction(([key, s]) => {
    const result = window.collapseLab?.result;
    return result?.experiment === key && result.seed === s && !document.body.dataset.running;
  }, [experiment, seed], { timeout: 600000, polling: 250 });
  await page.goto(`${url}?pool=${pool}#v=1&exp=${experiment}&preset=${preset}`);
  const firstSeed = await page.waitForFunction(([key]) => {
    const result = window.collapseLab?.result;
    return result?.experiment === key && !document.body.dataset.running && result.seed;
  }, [experiment], { timeout: 600000, polling: 250 }).then((handle) => handle.jsonValue());
  const rerun = async (r) => {
    // The last figure's own work first: after a Result the page draws it and, for the generative experiments,
    // asks a worker for one trial's pictures and draws them (tens of ms on both threads). A reader does not change
    // the seed within those milliseconds; a run started in them would share the cores with that work.
    await page.waitForTimeout(300);
    await page.evaluate(() => new Promise((resolve) => requestIdleCallback(resolve, { timeout: 2000 })));
    // A new seed as a reader gives it: typed into the seed field, Enter. (A new link instead, location.hash, is a
    // navigation: a trace showed the browser's and the page's main threads taking about 40 ms of the two cores in
    // the first 55 ms of a 0.1 s run, the workers half of their time.)
    const seed = firstSeed + r;
    await page.fill('#controls input[name="seed"]', String(seed));
    await page.press('#controls input[name="seed"]', 'Enter');
    await done(seed);
    // The page's own run time, unrounded (the status line shows it to 0.01 s, a twentieth of a 0.2 s run).
    const seconds = await page.evaluate(() => window.collapseLab.runSeconds);
    if (!Number.isFinite(seconds) || statusSeconds(await page.textContent('#status')) === null)
      throw new Error(`no run time for ${experiment}/${preset}`);
    return seconds;
  };
  return { context, rerun };
}

/**
 * Best run time with one worker and with two. Both pages stay open and take turns, one run each per round (an idle
 * page's workers wait without using a core): this VM's speed drifts by tens of per cent within a minute, and
 * alternating puts the same drift into both figures of the ratio instead of into one of them.
 */
async function poolSeconds(browser, url, experiment, preset) {
  const pages = [];
  try {
    for (const pool of [1, 2]) pages.push(await openPoolPage(browser, url, experiment, preset, pool));
    const best = [Infinity, Infinity];
    for (let r = 1; r <= REPEATS; r += 1)
      for (const [i, page] of pages.entries()) best[i] = Math.min(best[i], await page.rerun(r));
    return best;
  } finally {
    for (const page of pages) await page.context.close();
  }
}

const engine = await loadNodeEngine('simd');
const { server, url } = await startSite();
const browser = await launchBrowser();
const rows = [];
try {
  for (const key of presets) {
    const [experiment, preset] = key.split('/');
    const [one, two] = await poolSeconds(browser, url, experiment, preset);
    let bare = Infinity;
    for (let r = 0; r < REPEATS; r += 1) {
      const start = performance.now();
      engine.run({ experiment, preset });
      bare = Math.min(bare, (performance.now() - start) / 1000);
    }
    const threads = await twoThreadSeconds(key, REPEATS);
    rows.push({ key, one, two, bare, ceiling: threads.one / threads.two });
    process.stderr.write(`${key}: pool=1 ${one.toFixed(3)} s, pool=2 ${two.toFixed(3)} s, node thread ${bare.toFixed(3)} s, ` +
      `two node threads ${(threads.one / threads.two).toFixed(2)}×\n`);
  }
} finally {
  await browser.close();
  server.close();
}
console.log(`worker pool, compute only (the page's run time, best of ${REPEATS}; load average before/after: ` +
  `${os.loadavg()[0].toFixed(1)})\n`);
console.log('preset                                   pool=1 (s)  pool=2 (s)  speed-up   one node thread (s)  two node threads');
for (const r of rows)
  console.log(`${r.key.padEnd(41)}${r.one.toFixed(3).padStart(10)}${r.two.toFixed(3).padStart(12)}${(r.one / r.two).toFixed(3).padStart(9)}×` +
    `${r.bare.toFixed(3).padStart(16)}${r.ceiling.toFixed(2).padStart(17)}×`);
console.log('\ntwo node threads: the simulation alone split over two worker threads against one (bench/two-threads.mjs), the ' +
  "ceiling this machine's two cores set before the page spends anything.");
