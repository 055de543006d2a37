// The URL-hash codec of the page (web/js/state/url-hash.js) and the state it feeds (web/js/state/lab-state.js),
// against the real catalogue of the WebAssembly module.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadNodeEngine } from './load-node.mjs';
import { decodeHash, encodeHash, reservedCollisions, HASH_VERSION } from '../../web/js/state/url-hash.js';
import { naturalSeries, presetState, stateFromHash, toRequest } from '../../web/js/state/lab-state.js';
import { experimentView } from '../../web/js/experiments/index.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
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

test('every preset of every experiment and the default state round-trip through the hash unchanged', () => {
  for (const experiment of catalogue.experiments) {
    const view = experimentView(experiment);
    const states = [presetState(experiment, null), ...view.presets.map((p) => presetState(experiment, p))];
    const [a, b, c] = experiment.parameters.filter((p) => !['seed', 'trials'].includes(p.key)).map((p) => p.key);
    states.push({ ...states.at(-1), view: { y: 'log', band: 'sem', figure: 'standard' }, flags: { hide: ['presets', a], controls: [b, c] } });
    if (experiment.parameters.some((p) => p.key === 'samples')) states.push({ ...states[0], series: '', x: 'samples=12,20,50' });
    for (const state of states) {
      const hash = encodeHash(state, experiment);
      assert.match(hash, new RegExp(`^#v=${HASH_VERSION}&exp=${experiment.key}`));
      const { state: partial, problems } = decodeHash(hash, catalogue);
      assert.deepEqual(problems, []);
      assert.deepEqual(stateFromHash(partial, experiment, view), state, hash);
      assert.deepEqual(engine.validate(toRequest(state)), [], hash);
    }
  }
});

test('a preset brings its own y axis and figure, keeps the reader\'s band, and a link can leave its figure', () => {
  const strong = catalogue.experiments.find((e) => e.key === 'strong-collapse');
  const strongView = experimentView(strong);
  const pareto = strongView.presets.find((p) => p.key === 'pareto');
  assert.deepEqual(pareto.view, { y: 'log', figure: 'pareto' });
  assert.ok('pareto' in strongView.figures);
  const state = presetState(strong, pareto, { view: { y: 'linear', band: 'none', figure: 'standard' } });
  assert.deepEqual(state.view, { y: 'log', band: 'none', figure: 'pareto' });
  assert.match(encodeHash(state, strong), /&figure=pareto(&|$)/);
  // The same preset with the curves chosen: the link says so, and reading it does not fall back to the preset's figure.
  const curves = { ...state, view: { ...state.view, figure: 'standard' } };
  assert.deepEqual(stateFromHash(decodeHash(encodeHash(curves, strong), catalogue).state, strong, strongView), curves);
  // Presets without a declared view reset the y axis to linear.
  const plateau = presetState(strong, strongView.presets.find((p) => p.key === 'scaling-plateau'));
  const gap = presetState(strong, strongView.presets.find((p) => p.key === 'width-gap'), { view: plateau.view });
  assert.deepEqual(gap.view, { y: 'linear', band: 'quantile', figure: 'standard' });
  // Every preset links to its paper through the catalogue's URL.
  for (const e of catalogue.experiments) for (const p of experimentView(e).presets) assert.match(p.citation.url, /^https:\/\/(arxiv\.org|doi\.org)\//, p.key);
});

test('a figure name is checked for its form only; hostile ones are refused', () => {
  assert.equal(decodeHash('#figure=pareto', catalogue).state.view.figure, 'pareto');
  assert.equal(decodeHash('#figure=no-such-figure', catalogue).state.view.figure, 'no-such-figure'); // the page says it has none
  const { state, problems } = decodeHash('#figure=%3Cimg%20src%3Dx%3E', catalogue);
  assert.equal(state.view.figure, undefined);
  assert.equal(problems[0].key, 'figure');
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

test('hostile and malformed values never pass: the hash keeps them as text and the engine refuses them', () => {
  const { state, problems } = decodeHash('#v=1&dim=<script>alert(1)</script>&design=%3Cimg%20onerror%3Dx%3E&foo=1&x=a"b&y=sideways&band=&hide=presets,evil&controls=dim,nope&ridge=%E0%A4%A&preset=../../etc', catalogue);
  assert.equal(state.x, undefined);
  assert.deepEqual(state.view, {});
  assert.deepEqual(state.flags.hide, ['presets']);
  assert.deepEqual(state.flags.controls, ['dim']);
  assert.equal(state.preset, undefined);
  const keys = problems.map((p) => p.key);
  for (const key of ['foo', 'x', 'y', 'band', 'hide', 'controls', 'preset']) assert.ok(keys.includes(key), `${key} in ${keys}`);
  assert.ok(problems.some((p) => /not properly encoded/.test(p.message)));
  for (const p of problems) assert.ok(p.value.length <= 61, 'values are shortened for display');
  const refused = engine.validate(toRequest(stateFromHash(state, experiment, view))).map((issue) => issue.parameter);
  assert.ok(refused.includes('dim') && refused.includes('design'), `engine refuses dim and design: ${refused}`);
});

test('one rule for the hash, the JS API and the CLI: the same text is refused with the same message', () => {
  const hash = '#dim=0x10&samples=1e3&noise=0.5&trials=-3&signal=Infinity&workflow=replce';
  const { state, problems } = decodeHash(hash, catalogue);
  assert.deepEqual(problems, []);
  assert.equal(state.config.samples, 1000); // 1e3 is a number in the one syntax, as in the CLI
  assert.equal(state.config.noise, 0.5);
  assert.equal(state.config.dim, '0x10'); // not a number in that syntax: text, for the engine to refuse
  const issues = engine.validate({ experiment: experiment.key, config: { dim: state.config.dim, trials: state.config.trials, signal: state.config.signal, workflow: state.config.workflow } });
  const byKey = Object.fromEntries(issues.map((issue) => [issue.parameter, issue.message]));
  assert.match(byKey.dim, /^dim = 0x10 is not a number: input dimension \(d\) must be an integer from 1 to/);
  assert.match(byKey.trials, /^trials = -3 is out of range/);
  assert.match(byKey.signal, /^signal = Infinity is not a number/);
  assert.match(byKey.workflow, /Did you mean 'replace'\?/);
  const cli = path.join(root, 'build/native/bin/collapse-lab');
  for (const [key, value] of [['dim', '0x10'], ['trials', '-3'], ['signal', 'Infinity'], ['workflow', 'replce']]) {
    const run = spawnSync(cli, ['run', experiment.key, `--${key}`, value], { encoding: 'utf8' });
    assert.equal(run.status, 2);
    assert.ok(run.stderr.includes(byKey[key]), `the CLI says what the engine says for ${key}: ${run.stderr}`);
  }
});

test('an unknown experiment or a newer link version is reported, and the rest is still read', () => {
  const { state, problems } = decodeHash('#v=9&exp=nope&dim=12', catalogue);
  assert.equal(state.experiment, experiment.key);
  assert.equal(state.config.dim, 12);
  assert.equal(problems.length, 2);
});

test('an over-long hash is refused whole', () => {
  const { state, problems } = decodeHash(`#x=${'1,'.repeat(5000)}`, catalogue);
  assert.equal(state, null);
  assert.equal(problems.length, 1);
});

test('keys inherited from Object.prototype are unknown settings, not crashes', () => {
  for (const key of ['toString', 'constructor', '__proto__', 'valueOf', 'hasOwnProperty']) {
    const { state, problems } = decodeHash(`#${key}=1&figure=constructor`, catalogue);
    assert.ok(state, key);
    assert.ok(problems.some((p) => p.key === key), `${key} is reported`);
  }
});
