// The page's "Trials" export is a partial result (docs/cluster.md) that the native `collapse-lab merge` turns
// into the very Result the page drew, bit for bit.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startSite, launchBrowser, openPage, waitForResult } from './browser.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const { server, url } = await startSite();
const browser = await launchBrowser();
after(async () => { await browser.close(); server.close(); });

test('Trials export: collapse-lab merge reproduces the figure\'s Result', async () => {
  const { page } = await openPage(browser, `${url}#v=1&preset=fixed-compute&trials=30&seed=3`);
  const result = await waitForResult(page);
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('#export-trials')]);
  // The preset's name and whether the run changed it are in the file name, as for every export.
  assert.equal(download.suggestedFilename(), 'collapse-lab_recursive-regression_fixed-compute-changed_seed3_trials.json');
  const file = await download.path();
  const part = JSON.parse(await readFile(file, 'utf8'));
  assert.equal(part.format, 'collapse-lab partial result');
  assert.deepEqual(part.shard, { index: 0, count: 1, begin: 0, end: 30 });
  const merged = spawnSync(path.join(root, 'build/native/bin/collapse-lab'), ['merge', file], { encoding: 'utf8' });
  assert.equal(merged.status, 0, merged.stderr);
  assert.deepEqual(JSON.parse(merged.stdout), result);
});
