// The build scripts' own logic that a fresh or copied checkout depends on.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

test('a build directory configured for another checkout is removed; one of this checkout is kept', () => {
  const checkout = realpathSync(mkdtempSync(path.join(tmpdir(), 'collapse-copy-')));
  try {
    for (const [dir, home] of [['build/native', '/somewhere/else'], ['build/wasm', checkout]]) {
      mkdirSync(path.join(checkout, dir), { recursive: true });
      writeFileSync(path.join(checkout, dir, 'CMakeCache.txt'), `CMAKE_HOME_DIRECTORY:INTERNAL=${home}\n`);
    }
    const out = execFileSync('bash', [path.join(root, 'scripts/reset-stale-builds.sh')], { cwd: checkout, encoding: 'utf8' });
    assert.match(out, /build\/native was configured for \/somewhere\/else/);
    assert.equal(existsSync(path.join(checkout, 'build/native')), false);
    assert.equal(existsSync(path.join(checkout, 'build/wasm/CMakeCache.txt')), true);
  } finally {
    rmSync(checkout, { recursive: true, force: true });
  }
});
