// Scrubbable caption numbers (web/js/play/scrubbable-numbers.js) and the titles of the side-by-side pinned figure
// (web/js/play/pinned-figure.js), against the real catalogue where it matters.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findScrubbables, formatScrubbed, parseCaptionNumber, stepped } from '../../web/js/play/scrubbable-numbers.js';
import { sliderScale } from '../../web/js/play/slider.js';
import { differenceTitle } from '../../web/js/play/pinned-figure.js';
import { loadNodeEngine } from './load-node.mjs';

const engine = await loadNodeEngine();
const catalogue = engine.catalogue();
const parametersOf = (key) => catalogue.experiments.find((e) => e.key === key).parameters;

test('caption numbers are read in every form the captions write', () => {
  assert.deepEqual(parseCaptionNumber('10⁵ items'), { value: 1e5, length: 3 });
  assert.ok(Math.abs(parseCaptionNumber('2.5×10⁻⁶,').value - 2.5e-6) < 1e-15);
  assert.deepEqual(parseCaptionNumber('0.5 each'), { value: 0.5, length: 3 });
  assert.deepEqual(parseCaptionNumber('−3'), { value: -3, length: 2 });
  assert.ok(Number.isNaN(parseCaptionNumber('none').value));
  assert.equal(formatScrubbed({ type: 'integer' }, 400), '400');
  assert.equal(formatScrubbed({ type: 'real' }, 1e-4), '10⁻⁴');
});

test('only "symbol = value" with the run’s own value is marked, never another number or a longer symbol', () => {
  const parameters = parametersOf('recursive-regression');
  const text = 'every generation adds σ²d/(T−d−1) = 0.112 with σ = 1, d = 10, T = 100, so after n = 20 generations; d = 11 elsewhere.';
  const found = findScrubbables(text, parameters, { noise: 1, dim: 10, samples: 100, generations: 20, trials: 400, ridge: 0 });
  assert.deepEqual(found.map((f) => [f.parameter.key, text.slice(f.start, f.end)]),
    [['noise', '1'], ['dim', '10'], ['samples', '100'], ['generations', '20']]);
  // A parameter that may not be scrubbed here (swept, or its control hidden in an embed) stays text.
  const allowed = (key) => key !== 'dim';
  assert.ok(!findScrubbables(text, parameters, { noise: 1, dim: 10, samples: 100, generations: 20 }, allowed).some((f) => f.parameter.key === 'dim'));
  // T₀ is not T (synthetic-chain has both).
  const chain = parametersOf('synthetic-chain');
  const t0 = 'T₀ = 40 samples and T = 100';
  assert.deepEqual(findScrubbables(t0, chain, { generatorSamples: 40, samples: 100 }).map((f) => f.parameter.key), ['generatorSamples', 'samples']);
});

test('arrow keys move an integer by one, a log parameter by a factor, and always change the value inside the range', () => {
  const parameters = parametersOf('recursive-regression');
  const generations = parameters.find((p) => p.key === 'generations');
  assert.equal(stepped(generations, sliderScale(generations), 20, 1), 21);
  assert.equal(stepped(generations, sliderScale(generations), generations.min, -1), generations.min, 'clamped at the bottom');
  const samples = parameters.find((p) => p.key === 'samples');
  const up = stepped(samples, sliderScale(samples), 100, 1);
  assert.ok(up > 100 && up < 120, `log step: ${up}`);
  const dim = parameters.find((p) => p.key === 'dim');
  assert.equal(stepped(dim, sliderScale(dim), 1, 1), 2, 'a log integer at 1 still moves');
});

test('the pinned figure’s titles say what differs, on each side', () => {
  const changes = [{ key: 'samples', name: 'T', label: 'samples per fit', from: '100', to: '30' }];
  assert.equal(differenceTitle(changes, 'from'), 'samples per fit = 100');
  assert.equal(differenceTitle(changes, 'to'), 'samples per fit = 30');
  const many = ['a', 'b', 'c', 'd', 'e'].map((k) => ({ key: k, name: k, label: k, from: '1', to: '2' }));
  assert.equal(differenceTitle(many, 'to'), 'a = 2, b = 2, c = 2, 2 more');
});
