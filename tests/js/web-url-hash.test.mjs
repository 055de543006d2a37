// The URL-hash codec of the page (web/js/state/url-hash.js) and the state it feeds (web/js/state/lab-state.js),
// against the real catalogue of the WebAssembly module.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadNodeEngine } from './load-node.mjs';
import { decodeHash, encodeHash, reservedCollisions, HASH_VERSION } from '../../web/js/state/url-hash.js';
import { naturalSeries, presetState, stateFromHash, toRequest } from '../../web/js/state/lab-state.js';
import { experimentView } from '../../web/js/experiments/index.js';

const engine = await loadNodeEngine('simd');
const catalogue = engine.catalogue();
const experiment = catalogue.experiments[0];
const view = experimentView(experiment);

const decodeState = (hash) => {
  const { state, problems } = decodeHash(hash, catalogue);
  return { state: state && stateFromHash(state, catalogue.experiments.find((e) => e.key === state.experiment), view), problems };
};

test('no catalogue parameter shadows a reserved hash key', () => {
  assert.deepEqual(reservedCollisions(catalogue), []);
});

test('every preset and the default state round-trip through the hash unchanged', () => {
  const states = [presetState(experiment, null), ...view.presets.map((p) => presetState(experiment, p))];
  states.push({ ...states[1], view: { y: 'log', band: 'sem' }, flags: { hide: ['presets', 'noise'], controls: ['dim', 'samples'] } });
  states.push({ ...states[0], series: '', x: 'samples=12,20,50' });
  for (const state of states) {
    const hash = encodeHash(state, experiment);
    assert.match(hash, new RegExp(`^#v=${HASH_VERSION}&exp=${experiment.key}`));
    const { state: back, problems } = decodeState(hash);
    assert.deepEqual(problems, []);
    assert.deepEqual(back, state, hash);
    assert.deepEqual(engine.validate(toRequest(back)), []);
  }
});

test('the hash is readable: grids keep their = : and , characters', () => {
  const hash = encodeHash(view.presets.find((p) => p.key === 'ridge-sweep') && presetState(experiment, view.presets.find((p) => p.key === 'ridge-sweep')), experiment);
  assert.ok(hash.includes('&x=ridge=0.001:10:log:15&'), hash);
  assert.ok(hash.includes('&series=generations=1,5,10&'), hash);
});

test('an empty hash gives no state and no problems; a hash without series gets the natural series', () => {
  assert.deepEqual(decodeHash('', catalogue), { state: null, problems: [] });
  assert.deepEqual(decodeHash('#', catalogue), { state: null, problems: [] });
  const { state } = decodeState('#dim=20');
  assert.equal(state.config.dim, 20);
  assert.equal(state.series, naturalSeries(experiment));
  assert.equal(state.series, 'workflow=replace,accumulate,accumulate-subsample');
});

test('hostile and malformed values are rejected with messages, never passed on', () => {
  const { state, problems } = decodeHash('#v=1&dim=<script>alert(1)</script>&design=%3Cimg%20onerror%3Dx%3E&foo=1&x=a"b&y=sideways&band=&hide=presets,evil&controls=dim,nope&ridge=%E0%A4%A&preset=../../etc', catalogue);
  assert.equal(state.config.dim, undefined);
  assert.equal(state.config.design, undefined);
  assert.equal(state.x, undefined);
  assert.deepEqual(state.view, {});
  assert.deepEqual(state.flags.hide, ['presets']);
  assert.deepEqual(state.flags.controls, ['dim']);
  assert.equal(state.preset, undefined);
  const keys = problems.map((p) => p.key);
  for (const key of ['dim', 'design', 'foo', 'x', 'y', 'band', 'hide', 'controls', 'preset']) assert.ok(keys.includes(key), `${key} in ${keys}`);
  assert.ok(problems.some((p) => /not properly encoded/.test(p.message)));
  for (const p of problems) assert.ok(p.value.length <= 61, 'values are shortened for display');
});

test('numbers must be numbers of the right kind; ranges are left to the engine', () => {
  const { state, problems } = decodeHash('#dim=10.5&samples=1e3&noise=0.5&trials=-3&signal=Infinity', catalogue);
  assert.equal(state.config.dim, undefined);
  assert.equal(state.config.samples, undefined); // integers are written as digits
  assert.equal(state.config.noise, 0.5);
  assert.equal(state.config.trials, -3);
  assert.equal(state.config.signal, undefined);
  assert.equal(problems.length, 3);
  assert.equal(engine.validate(toRequest(stateFromHash(state, experiment, view)))[0].parameter, 'trials');
});

test('an unknown experiment or a newer link version is reported, and the rest is still read', () => {
  const { state, problems } = decodeHash('#v=9&exp=nope&dim=12', catalogue);
  assert.equal(state.experiment, experiment.key);
  assert.equal(state.config.dim, 12);
  assert.equal(problems.length, 2);
});

test('an over-long hash is refused whole', () => {
  const { state, problems } = decodeHash(`#x=${'1,'.repeat(3000)}`, catalogue);
  assert.equal(state, null);
  assert.equal(problems.length, 1);
});
