// Sliders (web/js/play/slider.js): position ↔ value over the catalogue range, log-scaled where the catalogue says.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sliderScale } from '../../web/js/play/slider.js';

test('a log parameter maps the slider geometrically over its range; integers round', () => {
  const samples = sliderScale({ type: 'integer', min: 1, max: 1000000, default: 100, scale: 'log' });
  assert.equal(samples.log, true);
  assert.equal(samples.toValue(0), 1);
  assert.equal(samples.toValue(1000), 1000000);
  assert.equal(samples.toValue(500), 1000, 'the middle of a log slider is the geometric middle');
  assert.equal(samples.toPosition(1000), 500);
  for (const v of [1, 7, 100, 54321]) assert.ok(Math.abs(samples.toValue(samples.toPosition(v)) - v) / v < 0.01, `round trip ${v}`);
});

test('a log parameter whose range starts at 0 (ridge λ) keeps 0 at the left end and three significant digits', () => {
  const ridge = sliderScale({ type: 'real', min: 0, max: 100, default: 0, scale: 'log' });
  assert.equal(ridge.toValue(0), 0);
  assert.equal(ridge.toValue(1000), 100);
  const v = ridge.toValue(700);
  assert.equal(Number(v.toPrecision(3)), v);
  assert.ok(v > 0 && v < 100);
});

test('a linear parameter maps evenly and clamps', () => {
  const noise = sliderScale({ type: 'real', min: 0, max: 10, default: 1, scale: 'linear' });
  assert.equal(noise.log, false);
  assert.equal(noise.toValue(250), 2.5);
  assert.equal(noise.toPosition(20), 1000, 'values beyond the range sit at the end');
});

test('Play: even frames over generations and on log axes; over uneven training checkpoints on a linear axis, time ∝ distance', async () => {
  const { frameDurations } = await import('../../web/js/play/generation-player.js');
  assert.deepEqual(frameDurations([1, 2, 3, 4, 5]), [1200, 1200, 1200, 1200], "6 s over the generations");
  const steps = [0, 1, 2, 5, 10, 100, 1000, 3000];
  const linear = frameDurations(steps);
  assert.equal(linear.length, steps.length - 1);
  assert.ok(linear[6] > 10 * linear[0], 'the long last stretch of training takes longer than the dense first steps');
  assert.ok(Math.abs(linear[5] / linear[6] - 900 / 2000) < 1e-9, 'in proportion to the distance on the axis');
  assert.ok(linear.every((ms) => ms >= 30), 'every frame can be seen');
  assert.deepEqual(frameDurations(steps, { logAxis: true }), steps.slice(1).map(() => 6000 / steps.length), 'a log axis spaces them evenly');
});
