// ChartView redraws into Chart.js's existing dataset objects (figure/chart-view.js, reuseDatasets), so a live drag
// does not rebuild every controller; what is drawn must be exactly what fresh objects would give.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { reuseDatasets } from '../../web/js/figure/chart-view.js';

test('datasets are written into the existing objects, stale properties removed, extra ones appended or dropped', () => {
  const first = { label: 'replace', data: [{ x: 1, y: 2 }], role: 'mean', fill: '-1', hidden: true };
  const second = { label: 'accumulate', data: [], role: 'mean' };
  const current = [first, second, { label: 'gone', data: [] }];
  const next = [
    { label: 'replace', data: [{ x: 1, y: 3 }], role: 'mean', hidden: false },
    { label: 'accumulate (theory)', data: [{ x: 1, y: 1 }], role: 'theory', borderDash: [7, 5] },
  ];
  const expected = structuredClone(next);
  const reused = reuseDatasets(current, next);
  assert.equal(reused.length, 2);
  assert.equal(reused[0], first);
  assert.equal(reused[1], second);
  assert.deepEqual(reused, expected);
  assert.equal(Object.hasOwn(first, 'fill'), false);

  const grown = reuseDatasets(reused, [...structuredClone(expected), { label: 'new', data: [] }]);
  assert.equal(grown[0], first);
  assert.deepEqual(grown[2], { label: 'new', data: [] });
  assert.deepEqual(reuseDatasets([], expected), expected);
});
