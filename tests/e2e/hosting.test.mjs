// Hosting (docs/hosting.md): the site works from a sub-path (GitHub Pages project sites, a course site's folder)
// and from the unzipped archive that scripts/zip-dist.mjs writes for LMS upload, with no request leaving the site,
// and keeps working offline once loaded.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import sirv from 'sirv';
import { launchBrowser, openPage, waitForResult } from './browser.mjs';
import { readZip, siteFiles, zip } from '../../scripts/zip-dist.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const browser = await launchBrowser();
const scratch = mkdtempSync(path.join(os.tmpdir(), 'collapse-lab-hosting-'));
const servers = [];
after(async () => { await browser.close(); for (const s of servers) s.close(); rmSync(scratch, { recursive: true, force: true }); });

/** Serves `dir` under `prefix` (e.g. /course/collapse-lab/) only; everything else is a 404, as on a shared host. */
function serveUnder(dir, prefix) {
  const handler = sirv(dir, { dev: true });
  const server = http.createServer((request, response) => {
    if (!request.url.startsWith(prefix)) {
      response.statusCode = 404;
      return response.end('not here');
    }
    request.url = `/${request.url.slice(prefix.length)}`;
    return handler(request, response, () => { response.statusCode = 404; response.end('not found'); });
  });
  servers.push(server);
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(`http://127.0.0.1:${server.address().port}${prefix}`)));
}

async function checkSite(base, label) {
  const { page, context, problems, external } = await openPage(browser, `${base}#v=1&exp=recursive-regression&preset=replace-vs-accumulate&trials=20`, { siteUrl: base });
  const requested = [];
  page.on('request', (request) => requested.push(new URL(request.url()).pathname));
  const result = await waitForResult(page);
  assert.equal(result.trials, 20, label);
  assert.deepEqual(problems, [], label);
  // Offline from here on: another preset runs on the workers and module already loaded.
  await context.setOffline(true);
  await page.evaluate(() => { location.hash = '#v=1&exp=gaussian-fitting&preset=mean-drift&trials=30'; });
  const offline = await waitForResult(page, '(r) => r.experiment === "gaussian-fitting"');
  assert.equal(offline.trials, 30, `${label}: runs offline once loaded`);
  // Offline, the browser may still ask again for the tab's icon; nothing the lab needs fails.
  assert.deepEqual(problems.filter((p) => !/favicon\.svg|ERR_INTERNET_DISCONNECTED/.test(p)), [], label);
  assert.deepEqual(external, [], `${label}: nothing is fetched from outside the site`);
  assert.ok(requested.every((p) => p.startsWith(new URL(base).pathname)), `${label}: every request stays under the sub-path`);
  await context.close();
}

test('the site served from a sub-path works, with every request under that path', async () => {
  const base = await serveUnder(path.join(root, 'dist'), '/courses/ml-101/collapse-lab/');
  await checkSite(base, 'sub-path');
});

test('the zip of dist/ unzips into a working site (from a course folder), offline once loaded', async () => {
  const files = siteFiles(path.join(root, 'dist')).map((name) => ({ name, data: readFileSync(path.join(root, 'dist', name)) }));
  const archive = zip(files);
  const unpacked = readZip(archive);
  assert.equal(unpacked.length, files.length);
  assert.equal(unpacked[0].name, 'index.html', 'index.html at the archive root, first');
  const dir = path.join(scratch, 'unzipped');
  for (const { name, data } of unpacked) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), data);
  }
  const base = await serveUnder(dir, '/lms/files/week-3/');
  await checkSite(base, 'unzipped archive');
});
