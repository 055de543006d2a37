// ChartView redraws into Chart.js's existing dataset objects (figure/chart-view.js, reuseDatasets), so a live drag
// does not rebuild every controller; what is drawn must be exactly what fresh objects would give. Only a dataset
// drawn the same way (equal in everything but its numbers) is reused: Chart.js keeps a reused controller's shared
// point options from its first draw, so a changed style in a kept object would be drawn with the old one.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { reuseDatasets } from '../../web/js/figure/chart-view.js';

test('datasets drawn the same way are written into the existing objects, extra ones appended or dropped', () => {
  const first = { label: 'replace', data: [{ x: 1, y: 2 }], role: 'mean', borderDash: [7, 5], marker: { x: 1 } };
  const second = { label: 'accumulate', data: [], role: 'mean' };
  const current = [first, second, { label: 'gone', data: [] }];
  const next = [
    { label: 'replace', data: [{ x: 1, y: 3 }], role: 'mean', borderDash: [7, 5], marker: { x: 2 } },
    { label: 'accumulate', data: [{ x: 1, y: 1 }], role: 'mean' },
  ];
  const expected = structuredClone(next);
  const reused = reuseDatasets(current, next);
  assert.equal(reused.length, 2);
  assert.equal(reused[0], first);
  assert.equal(reused[1], second);
  assert.deepEqual(reused, expected);

  const grown = reuseDatasets(reused, [...structuredClone(expected), { label: 'new', data: [] }]);
  assert.equal(grown[0], first);
  assert.deepEqual(grown[2], { label: 'new', data: [] });
  assert.deepEqual(reuseDatasets([], expected), expected);
});

test('a dataset whose style changed (another figure, a faded curve, a hidden series) gets a new object', () => {
  const current = [
    { label: 'c² = 0.1', data: [{ x: 1, y: 2 }], role: 'mean', pointRadius: 3.5, backgroundColor: '#D55E00' },
    { label: 'replace', data: [], role: 'mean', borderColor: '#0072B2', hidden: true },
    { label: 'replace', data: [], role: 'mean', borderColor: '#0072B2', fill: '-1' },
  ];
  const next = [
    { label: 'total error band low', data: [{ x: 1, y: 1 }], role: 'band', pointRadius: 0 },
    { label: 'replace', data: [], role: 'mean', borderColor: '#0072B2', hidden: false },
    { label: 'replace', data: [], role: 'mean', borderColor: '#0072B2' },
  ];
  const reused = reuseDatasets(current, next);
  reused.forEach((dataset, i) => {
    assert.notEqual(dataset, current[i], `dataset ${i} is a new object`);
    assert.equal(dataset, next[i]);
  });
});
