// The page reads the catalogue from dist/catalogue.json (scripts/build-site.mjs writes it from the module), not
// from a WebAssembly instance on its own thread: the file must be exactly what either built module says.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadNodeEngine } from './load-node.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const file = path.join(root, 'dist/catalogue.json');

test('dist/catalogue.json is the catalogue of both WebAssembly flavours', async () => {
  assert.ok(existsSync(file), 'dist/catalogue.json is missing: build the site (npm run build)');
  const site = JSON.parse(readFileSync(file, 'utf8'));
  for (const flavour of ['simd', 'scalar']) {
    const engine = await loadNodeEngine(flavour);
    assert.deepEqual(site, engine.catalogue(), `${flavour}: the site's catalogue differs from the module's`);
  }
});
