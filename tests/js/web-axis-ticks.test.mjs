// Log-axis tick labels (web/js/figure/axis-ticks.js): the densest round set whose measured labels keep a gap, so
// labels never collide at phone width; sub-decade axes (the Pareto view's 1–1.5) get evenly stepped round values.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { logTickLabels } from '../../web/js/figure/axis-ticks.js';
import { formatTick } from '../../web/js/util/format.js';

const width = (value) => 7 * formatTick(value).length; // about 7 px per character at 12 px
const position = (v, { min, max, length }) => (length * Math.log10(v / min)) / Math.log10(max / min);

function assertApart(values, axis, gap) {
  for (let i = 1; i < values.length; i++) {
    const space = position(values[i], axis) - position(values[i - 1], axis);
    assert.ok(space >= (width(values[i]) + width(values[i - 1])) / 2 + gap, `${values[i - 1]} and ${values[i]} are ${space.toFixed(1)} px apart`);
  }
}

test('a sub-decade axis on a phone gets a few evenly stepped round labels that do not collide', () => {
  const axis = { min: 1.003, max: 1.52, length: 300 };
  const { values, decades } = logTickLabels({ ...axis, size: width, gap: 10 });
  assert.equal(decades, false);
  assert.ok(values.length >= 3 && values.length <= 8, values.join(' '));
  assertApart(values, axis, 10);
  const steps = values.slice(1).map((v, i) => Number((v - values[i]).toPrecision(6)));
  assert.ok(steps.every((s) => s === steps[0]), `evenly stepped: ${values.join(' ')}`);
});

test('a wide axis labels every significand, a narrow one only round ones, and many decades thin out', () => {
  const wide = logTickLabels({ min: 0.01, max: 1, length: 3000, size: width, gap: 10 });
  assert.deepEqual(wide.values.slice(0, 9), [0.01, 0.02, 0.03, 0.04, 0.05, 0.06, 0.07, 0.08, 0.09]);
  // At 1200 px, 0.08 and 0.09 would be 31 px apart for two 28 px labels: 1-2-3-5 fits.
  assert.deepEqual(logTickLabels({ min: 0.01, max: 1, length: 1200, size: width, gap: 10 }).values, [0.01, 0.02, 0.03, 0.05, 0.1, 0.2, 0.3, 0.5, 1]);
  const narrow = { min: 0.01, max: 1, length: 280 };
  const some = logTickLabels({ ...narrow, size: width, gap: 10 });
  assert.ok(some.decades && some.values.length >= 3 && some.values.length < 19, some.values.join(' '));
  assertApart(some.values, narrow, 10);
  const many = { min: 1e-23, max: 1, length: 280 };
  const thinned = logTickLabels({ ...many, size: width, gap: 10 });
  assert.ok(thinned.values.length >= 3, thinned.values.join(' '));
  assertApart(thinned.values, many, 10);
  const vertical = logTickLabels({ min: 0.1, max: 20, length: 300, size: () => 14.4, gap: 4 });
  assert.ok(vertical.values.includes(1) && vertical.values.includes(10));
});

test('a scale without a finite range (no data drawn) labels nothing instead of looping', () => {
  for (const [min, max] of [[1, Infinity], [0, 1], [1e-320, 1e300], [Number.NaN, 1], [2, 1]])
    assert.deepEqual(logTickLabels({ min, max, length: 300, size: () => 20 }).values, [], `${min} … ${max}`);
});

test('an axis around one constant (1 ± 4×10⁻¹⁶, as Chart.js spreads a flat line) gets that one value', () => {
  assert.deepEqual(logTickLabels({ min: 0.9999999999999996, max: 1.0000000000000004, length: 148, size: () => 14.4, gap: 4 }).values, [1]);
});

test('a log axis of about a decade keeps its decade labels (1, 2, 3, 5, 10) rather than steps of 2', () => {
  const { values, decades } = logTickLabels({ min: 0.98, max: 14.5, length: 400, size: () => 14.4, gap: 4 });
  assert.equal(decades, true);
  assert.deepEqual(values.filter((v) => [1, 2, 5, 10].includes(v)), [1, 2, 5, 10]);
});
