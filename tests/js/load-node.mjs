// Loads a built WebAssembly flavour under node for the API tests. Emscripten 3.1.6 would fetch() the .wasm
// under node 20 (and fail on a file path), so the binary is passed in directly.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { CollapseEngine } from '../../web/js/engine/collapse-engine.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const moduleDir = process.env.COLLAPSE_WASM_DIR ?? path.join(root, 'build/wasm/modules');

export async function loadNodeEngine(flavour = 'simd') {
  const require = createRequire(import.meta.url);
  const createCollapseLab = require(path.join(moduleDir, `collapse_lab_${flavour}.js`));
  const wasmBinary = readFileSync(path.join(moduleDir, `collapse_lab_${flavour}.wasm`));
  return new CollapseEngine(await createCollapseLab({ wasmBinary }));
}
