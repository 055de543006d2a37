// Browser performance of the lab, in Debian's headless Chromium (playwright-core): prints one JSON object.
//   timeToFirstFigureMs  navigation start → the first complete default figure drawn (median of `loads` cold
//                        loads, each in a fresh browser context, so nothing is cached)
//   longestTaskDuringRunMs  the main thread's longest task (Long Tasks API) during a 40 000-trial run with
//                        previews; the API reports tasks of 50 ms or more, so 0 means none reached 50 ms
//   maxMainThreadGapMs   the longest the main thread failed to answer a 1 ms MessageChannel probe during that
//                        run: the same question at finer resolution than the Long Tasks API
//   liveFiguresPerSecond complete figures drawn per second while a slider (noise σ of the cheap default preset,
//                        100 trials) is dragged for DRAG_MS, one movement every 30 ms (budget: ≥ 10)
//   longestTaskDuringDragMs the main thread's longest task during that drag (budget: < 50 ms, i.e. 0 here)
//   dragFigureSeconds    how long that figure's run took before the drag: the lab re-runs live only figures
//                        under 0.25 s (app/lab-app.js LIVE_SECONDS); a slower one waits for a pause, so a loaded
//                        machine can show 0 figures per second here
//   firstRunSecondsMedian the default preset's own run (workers' compute and assembly, from the status line), the
//                        part of timeToFirstFigureMs that no page change can shorten
//   longestTaskDuringLoadMs the main thread's longest task from navigation to the first figure (median of the
//                        loads; budget: < 50 ms), and loadAverage: the machine's load (os.loadavg) before and after
// docs/web.md ("Performance") lists the budgets.
// Needs the built site (npm run build). Usage: node bench/web.mjs [--loads N]
import { startSite, launchBrowser } from '../tests/e2e/browser.mjs';
import { existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
if (!existsSync(path.join(root, 'dist/index.html'))) {
  console.error('bench/web.mjs: dist/ is missing; run npm run build first');
  process.exit(2);
}
const loadsArg = process.argv.indexOf('--loads');
const loads = loadsArg > 0 ? Number(process.argv[loadsArg + 1]) : 5;
const RUN_TRIALS = 40000;
const DRAG_MS = 3000;

// Installed before any page script: collects long tasks and probes main-thread responsiveness.
const probe = () => {
  window.benchLongTasks = [];
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) window.benchLongTasks.push({ start: entry.startTime, duration: entry.duration });
  }).observe({ type: 'longtask', buffered: true });
  window.benchGaps = [];
  const channel = new MessageChannel();
  let last = performance.now();
  channel.port1.onmessage = () => {
    const now = performance.now();
    window.benchGaps.push({ at: now, gap: now - last });
    last = now;
    setTimeout(() => channel.port2.postMessage(0), 1);
  };
  channel.port2.postMessage(0);
};

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};
const round = (value) => Math.round(value * 10) / 10;

const loadBefore = os.loadavg().map(round);
const { server, url } = await startSite();
const browser = await launchBrowser();
try {
  const firstFigure = [];
  const loadLongest = [];
  const firstRun = [];
  let run = null;
  let drag = null;
  for (let i = 0; i < loads; i += 1) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await page.addInitScript(probe);
    await page.goto(url);
    await page.waitForSelector('body[data-ready="true"]', { timeout: 120000 });
    const load = await page.evaluate(() => ({
      firstFigure: performance.getEntriesByName('collapse-lab:first-figure')[0].startTime,
      runSeconds: Number(document.getElementById('status').textContent.match(/([\d.]+) s\./)?.[1] ?? NaN),
      longest: Math.max(0, ...window.benchLongTasks.map((t) => t.duration)),
    }));
    firstFigure.push(load.firstFigure);
    firstRun.push(load.runSeconds);
    loadLongest.push(load.longest);
    process.stderr.write(`load ${i + 1}/${loads}: first figure ${load.firstFigure.toFixed(0)} ms\n`);

    if (i === loads - 1) {
      // A long run, started the way a reader starts one: a new trial count, Enter.
      const started = await page.evaluate(() => performance.now());
      await page.fill('#controls input[name="trials"]', String(RUN_TRIALS));
      await page.press('#controls input[name="trials"]', 'Enter');
      await page.waitForFunction((trials) => window.collapseLab.result?.trials === trials && !document.body.dataset.running, RUN_TRIALS, { timeout: 600000 });
      run = await page.evaluate((since) => {
        const ended = performance.now();
        const tasks = window.benchLongTasks.filter((t) => t.start >= since);
        const gaps = window.benchGaps.filter((g) => g.at >= since);
        return {
          seconds: (ended - since) / 1000,
          longest: Math.max(0, ...tasks.map((t) => t.duration)),
          count: tasks.length,
          gap: Math.max(0, ...gaps.map((g) => g.gap)),
          poolSize: window.collapseLab.poolSize,
          flavour: window.collapseLab.flavour,
        };
      }, started);
      process.stderr.write(`run of ${RUN_TRIALS} trials: ${run.seconds.toFixed(2)} s, longest task ${run.longest} ms\n`);
    }
    if (i === loads - 1) {
      // Dragging a slider on a cheap figure: how many complete figures per second arrive, and the longest task.
      await page.evaluate(() => { location.hash = '#v=1&exp=recursive-regression&preset=replace-vs-accumulate&trials=100'; });
      await page.waitForFunction(() => window.collapseLab.result?.trials === 100 && !document.body.dataset.running, null, { timeout: 180000 })
        .catch(async (error) => { throw new Error(`the drag figure did not draw (${await page.textContent('#status')}): ${error.message}`); });
      const dragFigureSeconds = Number((await page.textContent('#status')).match(/([\d.]+) s\./)?.[1] ?? NaN);
      drag = await page.evaluate(async (duration) => {
        const slider = document.querySelector('.control[data-key="noise"] .param-slider');
        const since = performance.now();
        let seen = window.collapseLab.result.config.noise;
        let figures = 0;
        const watch = setInterval(() => {
          const noise = window.collapseLab.result?.config.noise;
          if (noise !== seen) { figures += 1; seen = noise; }
        }, 4);
        let position = 100;
        while (performance.now() - since < duration) {
          position = position >= 900 ? 100 : position + 7;
          slider.value = String(position);
          slider.dispatchEvent(new Event('input', { bubbles: true }));
          await new Promise((resolve) => setTimeout(resolve, 30));
        }
        const elapsed = (performance.now() - since) / 1000;
        clearInterval(watch);
        const tasks = window.benchLongTasks.filter((t) => t.start >= since);
        return { figuresPerSecond: figures / elapsed, longest: Math.max(0, ...tasks.map((t) => t.duration)) };
      }, DRAG_MS);
      drag.figureSeconds = dragFigureSeconds;
      process.stderr.write(`drag (figure of ${dragFigureSeconds} s): ${drag.figuresPerSecond.toFixed(1)} figures/s, longest task ${drag.longest} ms\n`);
    }
    await context.close();
  }
  console.log(JSON.stringify({
    benchmark: 'web',
    browser: `chromium ${browser.version()}`,
    flavour: run.flavour,
    poolSize: run.poolSize,
    loads,
    timeToFirstFigureMs: round(median(firstFigure)),
    timeToFirstFigureMsAll: firstFigure.map(round),
    longestTaskDuringLoadMs: round(median(loadLongest)),
    longestTaskDuringLoadMsAll: loadLongest.map(round),
    firstRunSecondsMedian: median(firstRun),
    runTrials: RUN_TRIALS,
    runSeconds: round(run.seconds * 100) / 100,
    longestTaskDuringRunMs: round(run.longest),
    longTasksDuringRun: run.count,
    maxMainThreadGapMs: round(run.gap),
    liveFiguresPerSecond: round(drag.figuresPerSecond),
    longestTaskDuringDragMs: round(drag.longest),
    dragFigureSeconds: drag.figureSeconds,
    loadAverage: { before: loadBefore, after: os.loadavg().map(round) },
    note: 'Long Tasks API reports tasks of 50 ms or more: 0 means no task reached 50 ms.',
  }));
} finally {
  await browser.close();
  server.close();
}
