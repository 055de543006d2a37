// The neural-collapse picture's geometry (web/js/figure/geometry-data.js), in node: splitting a frame, the Jacobi
// eigen-solver, the viewing basis (orthonormal, spanning the means), projection that keeps a simplex's shape, the
// cosine matrix and its distance from −1/(C−1), and the small multiples' per-metric Result (metric-multiples.js).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cosineMatrix, geometryFrames, project, simplexGap, splitFrame, symmetricEigen, viewingBasis } from '../../web/js/figure/geometry-data.js';
import { metricResult } from '../../web/js/figure/metric-multiples.js';

/** A regular simplex of C points in R^d (d ≥ C − 1): centred standard basis vectors e_c − 1/C, rotated by a fixed mix. */
function simplex(classes, dimension) {
  const points = [];
  for (let c = 0; c < classes; c += 1) {
    const p = new Array(dimension).fill(0);
    for (let j = 0; j < classes; j += 1) p[j % dimension] += (j === c ? 1 : 0) - 1 / classes;
    points.push(p);
  }
  return points;
}

test('symmetricEigen: a known 3 × 3 matrix', () => {
  const { values, vectors } = symmetricEigen([[2, 1, 0], [1, 2, 0], [0, 0, 5]]);
  for (const [got, want] of values.map((v, i) => [v, [5, 3, 1][i]])) assert.ok(Math.abs(got - want) < 1e-12, `${got} vs ${want}`);
  const v = vectors[1];
  assert.ok(Math.abs(Math.abs(v[0]) - Math.SQRT1_2) < 1e-12 && Math.abs(v[0] - v[1]) < 1e-12);
});

test('viewingBasis and project: a tetrahedron in R^6 keeps its shape in three coordinates', () => {
  const means = simplex(4, 6);
  const basis = viewingBasis(means);
  assert.equal(basis.length, 3);
  for (let a = 0; a < 3; a += 1)
    for (let b = 0; b < 3; b += 1) {
      const d = basis[a].reduce((s, x, i) => s + x * basis[b][i], 0);
      assert.ok(Math.abs(d - (a === b ? 1 : 0)) < 1e-10);
    }
  const flat = project(means, basis);
  const distance = (p, q) => Math.hypot(...p.map((x, i) => x - q[i]));
  const reference = distance(means[0], means[1]);
  for (let a = 0; a < 4; a += 1) for (let b = a + 1; b < 4; b += 1) assert.ok(Math.abs(distance(flat[a], flat[b]) - reference) < 1e-10);
  assert.ok(simplexGap(cosineMatrix(means)) < 1e-12);
});

test('cosineMatrix and simplexGap: random points are far from a simplex', () => {
  const cos = cosineMatrix([[1, 0, 0], [0.9, 0.1, 0], [0, 0, 1]]);
  assert.ok(Math.abs(cos[0][1] - 0.9 / Math.hypot(0.9, 0.1)) < 1e-12);
  assert.ok(simplexGap(cos) > 1);
});

test('geometryFrames: frames of 2C rows, projected on the final means', () => {
  const classes = 3;
  const dimension = 4;
  const frame = new Float64Array(2 * classes * dimension).map((_, i) => Math.sin(i + 1));
  const final = Float64Array.from(simplex(classes, dimension).flat());
  const { frames, basisSize } = geometryFrames({ dimension, real: final, generations: [frame, Float64Array.from([...final, ...final])] }, classes);
  assert.equal(basisSize, 2);
  assert.equal(frames.length, 2);
  assert.equal(frames[0].means.length, classes);
  assert.equal(frames[0].classifiers[2].length, 3);
  assert.deepEqual(splitFrame(frame, classes, dimension).classifiers[0], Array.from(frame.slice(12, 16)));
  assert.ok(simplexGap(frames[1].cosines) < 1e-12);
});

test('metricResult: a Result of several metrics seen as one metric, with step + 1 on the x axis', () => {
  const result = {
    x: { key: 'step', label: 'step', values: [0, 1, 10] },
    metric: { key: 'a', label: 'A' },
    metrics: [{ key: 'a', label: 'A' }, { key: 'b', label: 'B' }],
    series: [{ key: '', label: 'A', simulation: { mean: [1, 2, 3] }, theory: null, references: [], markers: [{}],
      metrics: { a: { simulation: { mean: [1, 2, 3] }, theory: null, references: [] }, b: { simulation: { mean: [4, 5, 6] }, theory: [4, 5, 6], references: [{ label: 'r', value: 1 }] } } }],
  };
  const b = metricResult(result, 'b', { logSteps: true });
  assert.deepEqual(b.x.values, [1, 2, 11]);
  assert.equal(b.metric.key, 'b');
  assert.deepEqual(b.series[0].simulation.mean, [4, 5, 6]);
  assert.deepEqual(b.series[0].theory, [4, 5, 6]);
  assert.equal(b.series[0].references[0].value, 1);
  assert.deepEqual(b.series[0].markers, []);
});
