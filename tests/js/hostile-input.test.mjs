// Hostile input to the JavaScript API (issue 9's reproducers): every one is an Error naming the parameter, never a
// silent default, a wrapped integer or a crash; and rejected calls leak nothing, however many there are.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadNodeEngine } from './load-node.mjs';

const engine = await loadNodeEngine('scalar');
const small = { experiment: 'recursive-regression', config: { dim: 4, samples: 20, generations: 3, trials: 8 } };

function refuses(call, parameter, pattern) {
  assert.throws(call, (error) => {
    assert.ok(error instanceof Error, 'a JS Error');
    assert.ok(Array.isArray(error.issues) && error.issues.length > 0, 'with issues');
    if (parameter) assert.ok(error.issues.some((i) => i.parameter === parameter), `names ${parameter}: ${JSON.stringify(error.issues)}`);
    if (pattern) assert.match(error.message, pattern);
    return true;
  });
}

test('200 000 rejected calls leak nothing: the next valid call is right and memory has not grown', () => {
  const expected = engine.run(small);
  const before = engine.module.HEAPU8.length;
  const bad = { experiment: 'recursive-regression', config: { dim: -1 } };
  for (let i = 0; i < 200000; ++i) {
    try {
      if (i % 4 === 0) engine.run(bad);
      else if (i % 4 === 1) engine.describe(bad);
      else if (i % 4 === 2) engine.simulate(bad, 0, 1);
      else engine.assemble(bad, new Float64Array(0));
      assert.fail('a bad request must throw');
    } catch (error) {
      assert.equal(error.issues[0].parameter, 'dim');
    }
  }
  assert.deepEqual(engine.run(small), expected);
  assert.equal(engine.module.HEAPU8.length, before, 'WebAssembly memory did not grow');
});

test('trial ranges must be integers in range: NaN, fractions and 2^32 + 2 are refused, not wrapped', () => {
  refuses(() => engine.simulate(small, NaN, NaN), 'trials', /begin = NaN/);
  refuses(() => engine.simulate(small, 0, 2 ** 32 + 2), 'trials');
  refuses(() => engine.simulate(small, 0.5, 2), 'trials');
  refuses(() => engine.simulate(small, 3, 2), 'trials', /begin must not exceed end/);
  refuses(() => engine.simulate(small, 0, 9), 'trials', /from 0 to 8/);
  // The module itself checks too (the worker calls it directly).
  const raw = engine.module.simulate(JSON.stringify(small), NaN, NaN);
  assert.equal(typeof raw.error, 'string');
});

test('config values must be finite numbers or texts: no Symbol, function, object, NaN or undefined', () => {
  for (const value of [Symbol('x'), () => 5, { a: 1 }, [5], NaN, Infinity, undefined, null, true])
    refuses(() => engine.run({ ...small, config: { ...small.config, dim: value } }), 'dim');
  refuses(() => engine.run({ ...small, colour: 'red' }), 'colour', /not a field of a request/);
  refuses(() => engine.run({ ...small, x: 5 }), 'x', /must be a string/);
  assert.deepEqual(engine.validate({ ...small, config: { dim: Symbol('x') } })[0].parameter, 'dim');
});

test('deep, huge and cyclic requests are refused before they are serialised', () => {
  let deep = {};
  for (let i = 0; i < 3000; ++i) deep = { a: deep };
  refuses(() => engine.run({ experiment: 'recursive-regression', config: { dim: deep } }), 'dim');
  assert.equal(engine.validate({ experiment: 'recursive-regression', config: { dim: deep } })[0].parameter, 'dim');
  const cyclic = { experiment: 'recursive-regression', config: {} };
  cyclic.config.self = cyclic;
  refuses(() => engine.run(cyclic), 'self');
  refuses(() => engine.run({ ...small, x: `ridge=${'1,'.repeat(500000)}1` }), 'x', /at most 2000/);
});

test('assembled values are counted before anything is copied', () => {
  refuses(() => engine.assemble(small, { length: 1e9 }), 'values');
  refuses(() => engine.assemble(small, new Float64Array(5)), 'values', /expected 72 trial values/);
  const { trials, valuesPerTrial } = engine.describe(small);
  const values = engine.simulate(small, 0, trials);
  assert.equal(values.length, trials * valuesPerTrial);
  assert.deepEqual(engine.assemble(small, values), engine.run(small));
});

test('a forced non-finite value reaches the Result as a note naming series, x and count', () => {
  const request = { ...small, series: 'workflow=replace' };
  const values = engine.simulate(request, 0, 8);
  values[5] = NaN; // trial 1 (3 values per trial), generation 3
  const result = engine.assemble(request, values);
  assert.deepEqual(result.series[0].simulation.nonFinite, [0, 0, 1]);
  assert.ok(result.notes.some((note) => /Non-finite values.*Replace.*generation = 3: 1 of 8 trials/.test(note)), result.notes.join('\n'));
});

test('the same mistake gets the same message and a suggestion', () => {
  const [issue] = engine.validate({ experiment: 'recursive-regression', config: { workflow: 'replce' } });
  assert.match(issue.message, /^workflow = replce is not a known choice: data workflow must be one of replace, accumulate, accumulate-subsample\. Did you mean 'replace'\?$/);
  assert.match(engine.validate({ experiment: 'recursive-regression', config: { dimm: 3 } })[0].message, /Did you mean 'dim'\?/);
});
