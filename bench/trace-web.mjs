// What the page's long main-thread tasks are: one cold load of the lab (and, with --drag, a slider drag) in Debian's
// headless Chromium with a Chrome performance trace, then every main-thread task of at least --min ms (default
// 30) listed with its biggest parts (script evaluation by URL, function calls, layout, paint, garbage collection).
// Wall time (dur) and thread CPU time (tdur, which a loaded machine does not inflate) are both given. A tool for
// docs/web.md "Performance"; bench/web.mjs measures the budgets.
// Needs the built site (npm run build). Usage: node bench/trace-web.mjs [--min 30] [--drag] [--js] [--out trace.json]
// [--from trace.json: only analyse a trace taken before]
import { startSite, launchBrowser } from '../tests/e2e/browser.mjs';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
if (!existsSync(path.join(root, 'dist/index.html'))) {
  console.error('bench/trace-web.mjs: dist/ is missing; run npm run build first');
  process.exit(2);
}
const option = (name, fallback) => {
  const at = process.argv.indexOf(name);
  return at > 0 ? process.argv[at + 1] : fallback;
};
const minMs = Number(option('--min', 30));
const drag = process.argv.includes('--drag');
const out = option('--out', path.join(os.tmpdir(), 'collapse-lab-trace.json'));

const from = option('--from', null); // analyse a trace already taken
const loads = Number(option('--loads', 1));

/** One cold load (a fresh browser context) traced into `file`. */
async function takeTrace(browser, url, file) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await browser.startTracing(page, {
    path: file,
    categories: ['toplevel', 'devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8', 'v8.execute',
      'blink', 'blink.user_timing', 'loading', 'disabled-by-default-v8.gc',
      // The sampling profiler names the JavaScript functions but slows the page about twofold: only with --js.
      ...(process.argv.includes('--js') ? ['disabled-by-default-v8.cpu_profiler'] : [])],
  });
  await page.goto(url);
  await page.waitForSelector('body[data-ready="true"]', { timeout: 120000 });
  await page.waitForTimeout(1500); // what start-up schedules after the first figure
  if (drag) {
    await page.evaluate(() => { location.hash = '#v=1&exp=recursive-regression&preset=replace-vs-accumulate&trials=100'; });
    await page.waitForFunction(() => window.collapseLab.result?.trials === 100 && !document.body.dataset.running, null, { timeout: 180000 });
    await page.evaluate(async () => {
      const slider = document.querySelector('.control[data-key="noise"] .param-slider');
      for (let position = 100; position < 900; position += 7) {
        slider.value = String(position);
        slider.dispatchEvent(new Event('input', { bubbles: true }));
        await new Promise((resolve) => setTimeout(resolve, 30));
      }
    });
  }
  await browser.stopTracing();
  await context.close();
}

const files = from ? [from] : Array.from({ length: loads }, (_, i) => (loads > 1 ? `${out.replace(/\.json$/, '')}-${i + 1}.json` : out));
if (!from) {
  const { server, url } = await startSite();
  const browser = await launchBrowser();
  try {
    for (const file of files) await takeTrace(browser, url, file);
  } finally {
    await browser.close();
    server.close();
  }
}

function analyse(file) {
const { traceEvents } = JSON.parse(readFileSync(file, 'utf8'));
const threads = new Map(traceEvents.filter((e) => e.name === 'thread_name').map((e) => [`${e.pid}:${e.tid}`, e.args.name]));
// The lab's renderer: the process whose main thread made the lab's performance marks (not another tab's).
const labPid = traceEvents.find((e) => String(e.name).startsWith('collapse-lab:'))?.pid;
const main = new Set([...threads].filter(([id, name]) => name === 'CrRendererMain' && (labPid === undefined || id.startsWith(`${labPid}:`)))
  .map(([id]) => id));
const onMain = traceEvents.filter((e) => e.ph === 'X' && main.has(`${e.pid}:${e.tid}`));
const navigation = traceEvents.find((e) => e.name === 'navigationStart' && main.has(`${e.pid}:${e.tid}`))?.ts
  ?? Math.min(...onMain.map((e) => e.ts));
const marks = traceEvents.filter((e) => e.cat?.includes('blink.user_timing') && String(e.name).startsWith('collapse-lab:'))
  .map((e) => `${e.name} at ${((e.ts - navigation) / 1000).toFixed(0)} ms`);
const isTask = (e) => e.name === 'ThreadControllerImpl::RunTask' || e.name === 'RunTask';
const allTasks = onMain.filter(isTask).sort((a, b) => a.ts - b.ts || b.dur - a.dur);
// Nested task events (RunTask inside ThreadControllerImpl::RunTask) are one task: the outermost is kept.
const outer = [];
for (const task of allTasks) if (!outer.length || task.ts >= outer.at(-1).ts + outer.at(-1).dur) outer.push(task);
const tasks = outer.filter((e) => e.dur >= minMs * 1000);

// The V8 CPU profile of the main thread (sampled): JavaScript self time per function inside each long task.
const profileIds = new Set(traceEvents.filter((e) => e.name === 'Profile' && main.has(`${e.pid}:${e.tid}`)).map((e) => `${e.pid}:${e.id}`));
const nodes = new Map();
const samples = []; // { ts, node }
const clock = new Map(); // profile → last sample time
for (const e of traceEvents) {
  if (e.name === 'Profile' && profileIds.has(`${e.pid}:${e.id}`)) clock.set(`${e.pid}:${e.id}`, e.args.data.startTime);
  if (e.name !== 'ProfileChunk' || !profileIds.has(`${e.pid}:${e.id}`)) continue;
  const profile = e.args.data.cpuProfile ?? {};
  for (const node of profile.nodes ?? []) nodes.set(`${e.pid}:${e.id}:${node.id}`, node);
  let time = clock.get(`${e.pid}:${e.id}`) ?? 0;
  (profile.samples ?? []).forEach((id, i) => {
    time += e.args.data.timeDeltas?.[i] ?? 0;
    samples.push({ ts: time, node: nodes.get(`${e.pid}:${e.id}:${id}`) });
  });
  clock.set(`${e.pid}:${e.id}`, time);
}
samples.sort((a, b) => a.ts - b.ts);
const frameName = (node) => {
  const frame = node?.callFrame ?? {};
  const where = frame.url ? ` ${String(frame.url).replace(/^.*\/\/[^/]+\//, '')}:${(frame.lineNumber ?? 0) + 1}` : '';
  return `${frame.functionName || '(anonymous)'}${where}`;
};
const selfTimes = (task) => {
  const inside = samples.filter((s) => s.ts >= task.ts && s.ts < task.ts + task.dur);
  const totals = new Map();
  for (let i = 0; i < inside.length; i += 1) {
    const next = inside[i + 1]?.ts ?? task.ts + task.dur;
    const name = frameName(inside[i].node);
    totals.set(name, (totals.get(name) ?? 0) + (next - inside[i].ts));
  }
  return [...totals].sort((a, b) => b[1] - a[1]).filter(([name, us]) => us >= 1000 && !name.startsWith('(idle)')).slice(0, 12);
};

const describe = (e) => {
  const data = e.args?.data ?? e.args?.beginData ?? {};
  const where = data.url ? ` ${String(data.url).replace(/^.*\/\/[^/]+\//, '')}${data.lineNumber ? `:${data.lineNumber}` : ''}` : '';
  const fn = data.functionName ? ` ${data.functionName}` : '';
  return `${e.name}${fn}${where}`;
};
const firstFigure = traceEvents.find((e) => e.name === 'collapse-lab:first-figure' && main.has(`${e.pid}:${e.tid}`))?.ts ?? Infinity;
const untilFigure = outer.filter((t) => t.ts >= navigation && t.ts < firstFigure);
const summary = {
  firstFigureMs: Math.round((firstFigure - navigation) / 1000),
  longestTaskWallMs: Math.round(Math.max(0, ...untilFigure.map((t) => t.dur)) / 100) / 10,
  longestTaskCpuMs: Math.round(Math.max(0, ...untilFigure.map((t) => t.tdur ?? 0)) / 100) / 10,
  mainCpuUntilFigureMs: Math.round(untilFigure.reduce((sum, t) => sum + (t.tdur ?? 0), 0) / 1000),
};
const lines = [`trace: ${file}`, `load average now ${os.loadavg().map((v) => v.toFixed(2)).join(' ')}`, ...marks,
  `until the first figure: ${JSON.stringify(summary)}`,
  `${tasks.length} main-thread task(s) of ${minMs} ms or more (start after navigation, wall dur / thread CPU tdur):`];
for (const task of tasks) {
  lines.push(`- at ${((task.ts - navigation) / 1000).toFixed(0)} ms: ${(task.dur / 1000).toFixed(1)} ms wall, ${((task.tdur ?? 0) / 1000).toFixed(1)} ms CPU`);
  const inside = onMain.filter((e) => e !== task && e.ts >= task.ts && e.ts + e.dur <= task.ts + task.dur && e.dur >= 2000
    && !isTask(e));
  for (const part of inside.sort((a, b) => a.ts - b.ts).slice(0, 25))
    lines.push(`    +${((part.ts - task.ts) / 1000).toFixed(1)} ${(part.dur / 1000).toFixed(1)} ms ${describe(part)}`);
  const js = selfTimes(task);
  if (js.length) lines.push(`    JavaScript self time (sampled): ${js.map(([name, us]) => `${name} ${(us / 1000).toFixed(1)} ms`).join('; ')}`);
}
writeFileSync(`${file}.txt`, `${lines.join('\n')}\n`);
return { lines, summary };
}

const analysed = files.map(analyse);
console.log(analysed.at(-1).lines.join('\n'));
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
console.log(JSON.stringify({ loads: files.length, loadAverage: os.loadavg().map((v) => Math.round(v * 10) / 10),
  ...Object.fromEntries(Object.keys(analysed[0].summary).map((key) => [key, median(analysed.map((a) => a.summary[key]))])),
  all: analysed.map((a) => a.summary) }));
