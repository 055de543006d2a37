// The native CLI's Result and the WebAssembly Result (both flavours) are bit-identical for every preset of
// every experiment (issue 9, item 3; the guarantee is stated in docs/determinism.md). Every preset runs with
// few trials to keep the test short: bit identity is a property of each trial's arithmetic, and a few trials
// already exercise every code path of the preset (the aggregation over trials is the same code everywhere).
// JSON numbers are printed shortest-round-trip by the core and parsed correctly rounded by JSON.parse, so
// comparing the parsed Results compares the doubles' bits.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadNodeEngine } from './load-node.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const cli = process.env.COLLAPSE_CLI ?? path.join(root, 'build/native/bin/collapse-lab');
const TRIALS = 3;

function nativeResult(experiment, preset) {
  const run = spawnSync(cli, ['run', experiment, '--preset', preset, '--trials', String(TRIALS)], { encoding: 'utf8', maxBuffer: 1 << 28 });
  assert.equal(run.status, 0, `collapse-lab run ${experiment} --preset ${preset} failed: ${run.stderr}`);
  return JSON.parse(run.stdout);
}

/** The first place two JSON values differ, as "path: a vs b", or null. */
function firstDifference(a, b, where = '') {
  if (typeof a !== typeof b || Array.isArray(a) !== Array.isArray(b) || (a === null) !== (b === null))
    return `${where}: ${JSON.stringify(a)} vs ${JSON.stringify(b)}`;
  if (typeof a === 'number') return Object.is(a, b) ? null : `${where}: ${a} vs ${b} (relative ${Math.abs(a - b) / Math.abs(b)})`;
  if (a === null || typeof a !== 'object') return a === b ? null : `${where}: ${JSON.stringify(a)} vs ${JSON.stringify(b)}`;
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  for (const key of keys) {
    const found = firstDifference(a[key], b[key], `${where}.${key}`);
    if (found) return found;
  }
  return null;
}

const engines = { simd: await loadNodeEngine('simd'), scalar: await loadNodeEngine('scalar') };
const { experiments } = engines.scalar.catalogue();

for (const experiment of experiments) {
  test(`${experiment.key}: native CLI = WebAssembly SIMD = WebAssembly scalar, bit for bit, for every preset`, () => {
    assert.ok(experiment.presets.length > 0, `${experiment.key} has no presets`);
    for (const preset of experiment.presets) {
      const native = nativeResult(experiment.key, preset.key);
      for (const [flavour, engine] of Object.entries(engines)) {
        const wasm = engine.run({ experiment: experiment.key, preset: preset.key, config: { trials: TRIALS } });
        const difference = firstDifference(native, wasm, 'Result');
        assert.equal(difference, null, `${experiment.key} --preset ${preset.key}, native vs ${flavour}: ${difference}`);
      }
    }
  });
}
