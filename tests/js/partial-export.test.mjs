// The page's "Trials" export (engine.partialResult, the function its worker calls) is a partial result that the
// native `collapse-lab merge` accepts: alone it reproduces the run's Result bit for bit, and it merges with CLI
// shards of the same request (docs/cluster.md).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadNodeEngine } from './load-node.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const cli = process.env.COLLAPSE_CLI ?? path.join(root, 'build/native/bin/collapse-lab');
const engine = await loadNodeEngine('simd');
const request = { experiment: 'recursive-regression', config: { dim: 6, samples: 20, generations: 4, trials: 12, seed: 5 }, series: 'workflow=replace,accumulate' };

function cliRun(args) {
  const run = spawnSync(cli, args, { encoding: 'utf8' });
  return { code: run.status, out: run.stdout, err: run.stderr };
}

test('an exported run merges, alone and with a CLI shard, into the same Result as every engine', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'collapse-partial-'));
  try {
    const { trials } = engine.describe(request);
    const values = engine.simulate(request, 0, trials);
    const whole = path.join(dir, 'browser.json');
    writeFileSync(whole, engine.partialResult(request, values));
    const alone = cliRun(['merge', whole]);
    assert.equal(alone.code, 0, alone.err);
    assert.deepEqual(JSON.parse(alone.out), engine.run(request));

    // Trials [6, 12) from the browser, [0, 6) from the CLI's shard 0/2.
    const half = path.join(dir, 'browser-second-half.json');
    writeFileSync(half, engine.partialResult(request, engine.simulate(request, 6, 12), 6, 12));
    const shard = cliRun(['run', 'recursive-regression', '--dim', '6', '--samples', '20', '--generations', '4', '--trials', '12',
      '--seed', '5', '--series', 'workflow=replace,accumulate', '--shard', '0/2']);
    assert.equal(shard.code, 0, shard.err);
    const first = path.join(dir, 'cli-first-half.json');
    writeFileSync(first, shard.out);
    const mixed = cliRun(['merge', half, first]);
    assert.equal(mixed.code, 0, mixed.err);
    assert.deepEqual(JSON.parse(mixed.out), engine.run(request));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('partialResult refuses values that do not fit the trial range', () => {
  assert.throws(() => engine.partialResult(request, new Float64Array(5)), (error) => error.issues?.[0]?.parameter === 'values');
});
