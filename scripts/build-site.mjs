// Assembles the static site in dist/: the page (web/), both WebAssembly flavours (build/wasm/modules) and the
// vendored npm libraries. Every path in the page is relative, so dist/ works from any sub-path (GitHub Pages)
// and needs no network at run time.
import { cpSync, mkdirSync, rmSync } from 'node:fs';
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
mkdirSync(path.join(dist, 'vendor'), { recursive: true });
cpSync(from('node_modules/chart.js/dist/chart.umd.min.js'), path.join(dist, 'vendor/chart.umd.min.js'));
cpSync(from('node_modules/chartjs-plugin-annotation/dist/chartjs-plugin-annotation.min.js'), path.join(dist, 'vendor/chartjs-plugin-annotation.min.js'));
cpSync(from('node_modules/wasm-feature-detect/dist/esm/index.js'), path.join(dist, 'vendor/wasm-feature-detect.js'));
console.log(`site: ${path.relative(root, dist)}/ assembled`);
