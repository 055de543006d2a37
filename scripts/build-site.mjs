// Assembles the static site in dist/: the page (web/), both WebAssembly flavours (build/wasm/modules) and the
// vendored npm libraries. Every path in the page is relative, so dist/ works from any sub-path (GitHub Pages)
// and needs no network at run time.
import { cpSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dist = path.join(root, 'dist');
const from = (...parts) => path.join(root, ...parts);

rmSync(dist, { recursive: true, force: true });
cpSync(from('web'), dist, { recursive: true });
mkdirSync(path.join(dist, 'wasm'), { recursive: true });
for (const flavour of ['simd', 'scalar'])
  for (const extension of ['js', 'wasm'])
    cpSync(from('build/wasm/modules', `collapse_lab_${flavour}.${extension}`), path.join(dist, 'wasm', `collapse_lab_${flavour}.${extension}`));
// The real-data assets (scripts/build-assets.mjs), fetched by the workers only when an experiment needs them.
mkdirSync(path.join(dist, 'data'), { recursive: true });
for (const file of readdirSync(from('build/assets'))) cpSync(from('build/assets', file), path.join(dist, 'data', file));
mkdirSync(path.join(dist, 'vendor'), { recursive: true });
// Chart.js and its annotation plugin start with V8's compile hint `//# allFunctionsCalledOnLoad`: Chromium then
// compiles all their functions on the thread that streams the script in, instead of each on first use on the page's
// thread, where the first chart's construction and draw were the longest tasks of start-up (docs/web.md,
// "Performance"). Other browsers read a comment; the libraries' own text follows unchanged.
const COMPILE_HINT = '//# allFunctionsCalledOnLoad\n';
for (const [file, name] of [['node_modules/chart.js/dist/chart.umd.min.js', 'chart.umd.min.js'],
  ['node_modules/chartjs-plugin-annotation/dist/chartjs-plugin-annotation.min.js', 'chartjs-plugin-annotation.min.js']])
  writeFileSync(path.join(dist, 'vendor', name), COMPILE_HINT + readFileSync(from(file), 'utf8'));
cpSync(from('node_modules/wasm-feature-detect/dist/esm/index.js'), path.join(dist, 'vendor/wasm-feature-detect.js'));
for (const licence of [['chart.js', 'LICENSE.md'], ['chartjs-plugin-annotation', 'LICENSE.md'], ['wasm-feature-detect', 'LICENSE']]) {
  try {
    cpSync(from('node_modules', licence[0], licence[1]), path.join(dist, 'vendor', `${licence[0]}.${licence[1]}`));
  } catch {
    // a package without that licence file name: its licence is still named in its package.json
  }
}

// The catalogue (parameters, presets, datasets of every experiment) as the module itself writes it: the page reads
// this file instead of asking its own WebAssembly instance, which took a long main-thread task at start-up
// (docs/web.md, "Performance"). tests/js/site-catalogue.test.mjs checks it equals the module's.
const createCollapseLab = createRequire(import.meta.url)(from('build/wasm/modules/collapse_lab_scalar.js'));
const lab = await createCollapseLab({ wasmBinary: readFileSync(from('build/wasm/modules/collapse_lab_scalar.wasm')) });
writeFileSync(path.join(dist, 'catalogue.json'), lab.catalogue());

// The page's ES modules import each other a few levels deep; without hints the browser discovers them one level
// per round trip. modulepreload links for every module (and the SIMD .wasm, the usual flavour) flatten that.
// Order matters: HTTP/1.1 allows six connections per host, so what start-up waits for comes first — the .wasm (the
// longest fetch, compiled as it streams), the catalogue, main.js and its own imports, Chart.js — then the lab's
// modules, which main.js imports dynamically while the module compiles.
const startUp = ['js/main.js', 'js/compute/worker-pool.js', 'js/engine/flavour.js', 'js/engine/load-browser.js',
  'js/engine/collapse-engine.js', 'js/engine/page-engine.js', 'js/state/query-options.js', 'vendor/wasm-feature-detect.js'];
const modules = readdirSync(path.join(dist, 'js'), { recursive: true })
  .filter((file) => file.endsWith('.js') && !file.endsWith('simulation-worker.js'))
  .map((file) => `js/${file.split(path.sep).join('/')}`)
  .filter((href) => !startUp.includes(href))
  .sort();
const hints = ['  <link rel="preload" href="wasm/collapse_lab_simd.wasm" as="fetch" type="application/wasm" crossorigin>',
  '  <link rel="preload" href="catalogue.json" as="fetch" type="application/json" crossorigin>']
  .concat(startUp.map((href) => `  <link rel="modulepreload" href="${href}">`),
    // The deferred Chart.js scripts hold up DOMContentLoaded, which the lab waits for before it builds itself.
    '  <link rel="preload" href="vendor/chart.umd.min.js" as="script">',
    '  <link rel="preload" href="vendor/chartjs-plugin-annotation.min.js" as="script">',
    modules.map((href) => `  <link rel="modulepreload" href="${href}">`),
    '  <link rel="preload" href="wasm/collapse_lab_simd.js" as="script">')
  .join('\n');
const index = path.join(dist, 'index.html');
writeFileSync(index, readFileSync(index, 'utf8').replace('  <link rel="modulepreload" href="js/main.js">', hints));
console.log(`site: ${path.relative(root, dist)}/ assembled`);
