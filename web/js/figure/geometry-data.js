// The geometry of a neural-collapse run (engine.pointCloud of "neural-collapse"): per checkpoint the C centred class
// means and the C classifier rows in R^d, each set scaled to unit Frobenius norm (see core neural_collapse.hpp).
// Pure functions, tested in node: split a frame into its two point sets, find a fixed viewing basis (the leading
// principal directions of the final class means, from the C × C Gram matrix by Jacobi rotations), project, and the
// cosine matrix of the means (the heatmap, which approaches −1/(C−1) off the diagonal at collapse).

/** { means: [C][d], classifiers: [C][d] } of one frame (a Float64Array of 2C rows of d coordinates). */
export function splitFrame(frame, classes, dimension) {
  const row = (i) => Array.from(frame.subarray ? frame.subarray(i * dimension, (i + 1) * dimension) : frame.slice(i * dimension, (i + 1) * dimension));
  const means = [];
  const classifiers = [];
  for (let c = 0; c < classes; c += 1) {
    means.push(row(c));
    classifiers.push(row(classes + c));
  }
  return { means, classifiers };
}

const dot = (a, b) => a.reduce((sum, v, i) => sum + v * b[i], 0);

/** Eigen-decomposition of a small symmetric matrix (cyclic Jacobi): { values, vectors } with vectors[k] the k-th, sorted descending. */
export function symmetricEigen(matrix) {
  const n = matrix.length;
  const a = matrix.map((r) => r.slice());
  const v = Array.from({ length: n }, (_, i) => Array.from({ length: n }, (__, j) => (i === j ? 1 : 0)));
  for (let sweep = 0; sweep < 60; sweep += 1) {
    let off = 0;
    for (let p = 0; p < n; p += 1) for (let q = p + 1; q < n; q += 1) off += a[p][q] * a[p][q];
    if (off < 1e-30) break;
    for (let p = 0; p < n; p += 1)
      for (let q = p + 1; q < n; q += 1) {
        if (Math.abs(a[p][q]) < 1e-300) continue;
        const theta = (a[q][q] - a[p][p]) / (2 * a[p][q]);
        const t = Math.sign(theta || 1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        const c = 1 / Math.sqrt(t * t + 1);
        const s = t * c;
        for (let k = 0; k < n; k += 1) {
          const akp = a[k][p];
          const akq = a[k][q];
          a[k][p] = c * akp - s * akq;
          a[k][q] = s * akp + c * akq;
        }
        for (let k = 0; k < n; k += 1) {
          const apk = a[p][k];
          const aqk = a[q][k];
          a[p][k] = c * apk - s * aqk;
          a[q][k] = s * apk + c * aqk;
        }
        for (let k = 0; k < n; k += 1) {
          const vkp = v[k][p];
          const vkq = v[k][q];
          v[k][p] = c * vkp - s * vkq;
          v[k][q] = s * vkp + c * vkq;
        }
      }
  }
  const order = a.map((r, i) => [r[i], i]).sort((x, y) => y[0] - x[0]);
  return { values: order.map(([value]) => value), vectors: order.map(([, i]) => v.map((r) => r[i])) };
}

/**
 * Up to three orthonormal directions in R^d: the leading principal directions of `means` (C points), u_k = M v_k / σ_k
 * from the eigenvectors v_k of the C × C Gram matrix MᵀM. Directions with σ ≈ 0 are dropped.
 */
export function viewingBasis(means, count = 3) {
  const gram = means.map((a) => means.map((b) => dot(a, b)));
  const { values, vectors } = symmetricEigen(gram);
  const basis = [];
  const top = Math.max(values[0], 0);
  for (let k = 0; k < values.length && basis.length < count; k += 1) {
    if (!(values[k] > 1e-12 * top)) break;
    const sigma = Math.sqrt(values[k]);
    const direction = means[0].map((_, j) => means.reduce((sum, m, c) => sum + m[j] * vectors[k][c], 0) / sigma);
    basis.push(direction);
  }
  return basis;
}

/** Coordinates of `points` in `basis` (missing directions are 0): [[x, y, z]]. */
export function project(points, basis) {
  return points.map((p) => [0, 1, 2].map((k) => (basis[k] ? dot(p, basis[k]) : 0)));
}

/** Cosines between the points (C × C). */
export function cosineMatrix(points) {
  const norms = points.map((p) => Math.sqrt(dot(p, p)));
  return points.map((a, i) => points.map((b, j) => (norms[i] > 0 && norms[j] > 0 ? dot(a, b) / (norms[i] * norms[j]) : 0)));
}

/** The largest |cos − (−1/(C−1))| off the diagonal: 0 for a simplex. */
export function simplexGap(cosines) {
  const c = cosines.length;
  let gap = 0;
  for (let i = 0; i < c; i += 1) for (let j = 0; j < c; j += 1) if (i !== j) gap = Math.max(gap, Math.abs(cosines[i][j] + 1 / (c - 1)));
  return gap;
}

/** Every frame of a cloud, projected on the final means' basis: [{ means: [[x,y,z]], classifiers, cosines }]. */
export function geometryFrames(cloud, classes) {
  const final = splitFrame(cloud.real, classes, cloud.dimension).means;
  const basis = viewingBasis(final);
  return {
    basisSize: basis.length,
    frames: cloud.generations.map((frame) => {
      const { means, classifiers } = splitFrame(frame, classes, cloud.dimension);
      return { means: project(means, basis), classifiers: project(classifiers, basis), cosines: cosineMatrix(means) };
    }),
  };
}
