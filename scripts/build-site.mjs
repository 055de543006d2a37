// Assembles the static site in dist/: the page (web/), both WebAssembly flavours (build/wasm/modules) and the
// vendored npm libraries. Every path in the page is relative, so dist/ works from any sub-path (GitHub Pages)
// and needs no network at run time.
import { cpSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
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
cpSync(from('node_modules/chart.js/dist/chart.umd.min.js'), path.join(dist, 'vendor/chart.umd.min.js'));
cpSync(from('node_modules/chartjs-plugin-annotation/dist/chartjs-plugin-annotation.min.js'), path.join(dist, 'vendor/chartjs-plugin-annotation.min.js'));
cpSync(from('node_modules/wasm-feature-detect/dist/esm/index.js'), path.join(dist, 'vendor/wasm-feature-detect.js'));
for (const licence of [['chart.js', 'LICENSE.md'], ['chartjs-plugin-annotation', 'LICENSE.md'], ['wasm-feature-detect', 'LICENSE']]) {
  try {
    cpSync(from('node_modules', licence[0], licence[1]), path.join(dist, 'vendor', `${licence[0]}.${licence[1]}`));
  } catch {
    // a package without that licence file name: its licence is still named in its package.json
  }
}

// The page's ES modules import each other a few levels deep; without hints the browser discovers them one level
// per round trip. modulepreload links for every module (and the SIMD .wasm, the usual flavour) flatten that.
const modules = readdirSync(path.join(dist, 'js'), { recursive: true })
  .filter((file) => file.endsWith('.js') && !file.endsWith('simulation-worker.js'))
  .map((file) => `js/${file.split(path.sep).join('/')}`)
  .sort();
const hints = [...modules, 'vendor/wasm-feature-detect.js'].map((href) => `  <link rel="modulepreload" href="${href}">`)
  .concat('  <link rel="preload" href="wasm/collapse_lab_simd.wasm" as="fetch" type="application/wasm" crossorigin>')
  .join('\n');
const index = path.join(dist, 'index.html');
writeFileSync(index, readFileSync(index, 'utf8').replace('  <link rel="modulepreload" href="js/main.js">', hints));
console.log(`site: ${path.relative(root, dist)}/ assembled`);
