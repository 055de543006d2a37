// The time of every preset's figure, from the CLI and in the browser, measured in one run (issue 4 item 6 and
// its siblings ask for these). CLI: collapse-bench, in-process (best of 1: the presets' own trial counts are
// the workload). Browser: navigation to a link of the preset (#v=1&exp=…&preset=…) until its complete figure
// is on screen, in a fresh headless-Chromium context with the page's default worker pool.
// Usage: node bench/presets.mjs [experiment …]   (default: every experiment)
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startSite, launchBrowser } from '../tests/e2e/browser.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const binary = (name) => path.join(root, 'build/native/bin', name);
const catalogue = JSON.parse(spawnSync(binary('collapse-lab'), ['list'], { encoding: 'utf8' }).stdout);
const only = process.argv.slice(2);
const experiments = catalogue.experiments.filter((e) => only.length === 0 || only.includes(e.key));

function cliSeconds(experiment, preset) {
  const run = spawnSync(binary('collapse-bench'), [JSON.stringify({ experiment, preset }), '1'], { encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`collapse-bench failed for ${experiment}/${preset}: ${run.stderr}`);
  return JSON.parse(run.stdout).seconds;
}

const { server, url } = await startSite();
const browser = await launchBrowser();
const rows = [];
try {
  for (const experiment of experiments) {
    for (const preset of experiment.presets) {
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
      const page = await context.newPage();
      await page.goto(`${url}#v=1&exp=${experiment.key}&preset=${preset.key}`);
      await page.waitForFunction(
        ([key]) => window.collapseLab?.result?.experiment === key && !document.body.dataset.running,
        [experiment.key], { timeout: 600000 });
      const browserSeconds = await page.evaluate(() => performance.now() / 1000);
      const pool = await page.evaluate(() => `${window.collapseLab.flavour}, ${window.collapseLab.poolSize} workers`);
      await context.close();
      const row = { experiment: experiment.key, preset: preset.key, cli: cliSeconds(experiment.key, preset.key), browser: browserSeconds, pool };
      rows.push(row);
      process.stderr.write(`${row.experiment} ${row.preset}: CLI ${row.cli.toFixed(2)} s, browser ${row.browser.toFixed(2)} s\n`);
    }
  }
} finally {
  await browser.close();
  server.close();
}
console.log('experiment             preset                    CLI (s)   browser, navigation → figure (s)');
for (const r of rows)
  console.log(`${r.experiment.padEnd(23)}${r.preset.padEnd(26)}${r.cli.toFixed(2).padStart(7)}   ${r.browser.toFixed(2).padStart(7)}   (${r.pool})`);
