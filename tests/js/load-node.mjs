// Loads a built WebAssembly flavour under node for the API tests. Emscripten 3.1.6 would fetch() the .wasm
// under node 20 (and fail on a file path), so the binary is passed in directly.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { CollapseEngine } from '../../web/js/engine/collapse-engine.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const moduleDir = process.env.COLLAPSE_WASM_DIR ?? path.join(root, 'build/wasm/modules');
export const assetDir = process.env.COLLAPSE_DATA_DIR ?? path.join(root, 'build/assets');

/** `dir`: another build's modules directory (bench/compare-builds.mjs loads two builds in one process). */
export async function loadNodeEngine(flavour = 'simd', dir = moduleDir) {
  const require = createRequire(import.meta.url);
  const createCollapseLab = require(path.join(dir, `collapse_lab_${flavour}.js`));
  const wasmBinary = readFileSync(path.join(dir, `collapse_lab_${flavour}.wasm`));
  const engine = new CollapseEngine(await createCollapseLab({ wasmBinary }));
  // The real-data assets, as the page's workers provide them (docs/data.md).
  const names = new Set(engine.catalogue().experiments.flatMap((e) => e.datasets ?? []));
  for (const name of names) engine.provideDataset(name, new Uint8Array(readFileSync(path.join(assetDir, `${name}.bin`))));
  return engine;
}
