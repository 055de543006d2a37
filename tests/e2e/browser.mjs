// Shared set-up for the browser tests: the built site (dist/) served on a free localhost port, and Debian's
// Chromium driven by playwright-core (never a downloaded browser).
import { serve } from '../../scripts/serve.mjs';
import { chromium } from 'playwright-core';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const screenshotDir = path.join(root, 'test-results');
mkdirSync(screenshotDir, { recursive: true });

export async function startSite() {
  const server = await serve(path.join(root, 'dist'), 0);
  return { server, url: `http://127.0.0.1:${server.address().port}/` };
}

// EXTRA_CHROMIUM_ARGS (space-separated) adds flags for a diagnosis, e.g. --js-flags=--no-wasm-dynamic-tiering.
export async function launchBrowser() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', ...(process.env.EXTRA_CHROMIUM_ARGS ? process.env.EXTRA_CHROMIUM_ARGS.split(' ') : [])],
  });
}

/**
 * A page (in its own context: colour scheme, viewport, downloads) that records console errors, page errors,
 * failed requests and requests that leave the site, to assert the page ran cleanly.
 */
export async function openPage(browser, url, { colorScheme = 'light', viewport = { width: 1280, height: 900 }, siteUrl } = {}) {
  const context = await browser.newContext({ colorScheme, viewport, acceptDownloads: true });
  const page = await context.newPage();
  const problems = [];
  const external = [];
  const site = siteUrl ?? new URL(url).origin;
  page.on('console', (message) => { if (message.type() === 'error') problems.push(`console: ${message.text()}`); });
  // The message and where it was thrown (the first frames of the stack), so a failure names the code.
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}${error.stack ? ` at ${error.stack.split('\n').slice(1, 4).map((l) => l.trim()).join(' < ')}` : ''}`));
  page.on('requestfailed', (request) => problems.push(`request failed: ${request.url()}`));
  page.on('request', (request) => {
    const address = request.url();
    if (!address.startsWith(site) && !address.startsWith('blob:') && !address.startsWith('data:')) external.push(address);
  });
  if (url) await page.goto(url);
  return { page, context, problems, external };
}

/** Waits until a run has finished and its Result satisfies `predicate` (a function of the Result, run in the page). */
export async function waitForResult(page, predicate = '() => true') {
  await page.waitForFunction(`(() => {
    if (document.body.dataset.ready !== 'true' || document.body.dataset.running) return false;
    const result = window.collapseLab && window.collapseLab.result;
    return Boolean(result) && (${predicate})(result);
  })()`, null, { timeout: 60000 });
  return page.evaluate(() => window.collapseLab.result);
}

/** What the chart draws: per dataset its label, role and y values. */
export function chartData(page) {
  return page.evaluate(() => window.Chart.getChart(document.getElementById('figure')).data.datasets
    .map((d) => ({ label: d.label, role: d.role, y: d.data.map((p) => p.y) })));
}
