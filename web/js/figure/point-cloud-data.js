// The numbers behind the pictures of a generative experiment (engine.pointCloud: one trial's real data and the
// samples drawn from every fitted generation, row-major with `dimension` coordinates per point). Pure, so the
// binning, projections, ranges and summaries are tested in node. The picture keeps its axes fixed while the
// reader moves the generation slider, so the ranges are taken over the real data and every generation at once.

/** Values of coordinate `axis` of row-major points: Float64Array of length points. */
export function coordinate(flat, dimension, axis) {
  const count = Math.floor(flat.length / dimension);
  const out = new Float64Array(count);
  for (let i = 0; i < count; i += 1) out[i] = flat[i * dimension + axis];
  return out;
}

/** [{x, y}] of coordinates (a, b) of at most `limit` points (the first ones: samples are i.i.d., so a fair subset). */
export function pairs(flat, dimension, a, b, limit = Infinity) {
  const count = Math.min(Math.floor(flat.length / dimension), limit);
  const out = new Array(count);
  for (let i = 0; i < count; i += 1) out[i] = { x: flat[i * dimension + a], y: flat[i * dimension + b] };
  return out;
}

/** [min, max] of coordinate `axis` over several point sets, widened to `atLeast` ([lo, hi]) and padded by `pad` of the span. */
export function range(sets, dimension, axis, { atLeast = null, pad = 0.05 } = {}) {
  let lo = atLeast ? atLeast[0] : Infinity;
  let hi = atLeast ? atLeast[1] : -Infinity;
  for (const flat of sets) {
    for (let i = axis; i < flat.length; i += dimension) {
      const v = flat[i];
      if (!Number.isFinite(v)) continue;
      if (v < lo) lo = v;
      if (v > hi) hi = v;
    }
  }
  if (!Number.isFinite(lo)) return [-1, 1];
  if (hi - lo < 1e-12) {
    const half = Math.max(Math.abs(lo) * 0.1, 0.5);
    return [lo - half, hi + half];
  }
  const margin = (hi - lo) * pad;
  return [lo - margin, hi + margin];
}

/** [lo, hi] widened outwards to multiples of a round step (1, 2 or 5 × 10ᵏ, about a tenth of the span): clean axis ends. */
export function niceRange([lo, hi]) {
  const span = hi - lo;
  if (!(span > 0) || !Number.isFinite(span)) return [lo, hi];
  const raw = span / 10;
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((k) => k * power).find((k) => k >= raw);
  const round = (v) => Number(v.toPrecision(12));
  return [round(Math.floor(lo / step) * step), round(Math.ceil(hi / step) * step)];
}

/** Number of histogram bins for n points: about 3√n, between 10 and 50 (the same for every generation). */
export function binCount(n) {
  return Math.max(10, Math.min(50, Math.round(3 * Math.sqrt(Math.max(n, 1)))));
}

/**
 * Histogram of `values` on [min, max] in `bins` equal bins: [{ x0, x1, count, density }], density = count / (n·width)
 * so it is comparable with a probability density. Values outside [min, max] are counted in `outside`.
 */
export function histogram(values, { min, max, bins }) {
  const width = (max - min) / bins;
  const counts = new Array(bins).fill(0);
  let outside = 0;
  for (const v of values) {
    if (!(v >= min && v <= max)) {
      outside += 1;
      continue;
    }
    counts[Math.min(bins - 1, Math.floor((v - min) / width))] += 1;
  }
  const n = values.length || 1;
  const out = counts.map((count, k) => ({ x0: min + k * width, x1: min + (k + 1) * width, count, density: count / (n * width) }));
  out.outside = outside;
  return out;
}

/** The outline of a histogram as a closed step line [{x, y}] (y = density), for a filled line dataset. */
export function histogramOutline(bins) {
  if (!bins.length) return [];
  const points = [{ x: bins[0].x0, y: 0 }];
  for (const bin of bins) points.push({ x: bin.x0, y: bin.density }, { x: bin.x1, y: bin.density });
  points.push({ x: bins[bins.length - 1].x1, y: 0 });
  return points;
}

/** N(mu, sigma²) density at `count` points across [min, max]: [{x, y}]. */
export function normalCurve(min, max, { mu = 0, sigma = 1, count = 161 } = {}) {
  const out = [];
  for (let i = 0; i < count; i += 1) {
    const x = min + ((max - min) * i) / (count - 1);
    const z = (x - mu) / sigma;
    out.push({ x, y: Math.exp(-0.5 * z * z) / (sigma * Math.sqrt(2 * Math.PI)) });
  }
  return out;
}

/**
 * Summary statistics of a point set: { count, mean: [per coordinate], sd: [per coordinate] (divisor n), spread,
 * beyond2 } where spread = √(mean variance over coordinates) (one number for the size of the cloud) and beyond2 is the
 * share of points with some coordinate more than 2 from 0 (the truth's tails for N(0, I): 4.6% in 1-D).
 */
export function cloudSummary(flat, dimension) {
  const count = Math.floor(flat.length / dimension);
  const mean = new Array(dimension).fill(0);
  const sd = new Array(dimension).fill(0);
  if (!count) return { count, mean, sd, spread: 0, beyond2: 0 };
  let beyond = 0;
  for (let i = 0; i < count; i += 1) {
    let far = false;
    for (let j = 0; j < dimension; j += 1) {
      const v = flat[i * dimension + j];
      mean[j] += v;
      if (Math.abs(v) > 2) far = true;
    }
    if (far) beyond += 1;
  }
  for (let j = 0; j < dimension; j += 1) mean[j] /= count;
  for (let i = 0; i < count; i += 1)
    for (let j = 0; j < dimension; j += 1) sd[j] += (flat[i * dimension + j] - mean[j]) ** 2;
  for (let j = 0; j < dimension; j += 1) sd[j] = Math.sqrt(sd[j] / count);
  const spread = Math.sqrt(sd.reduce((sum, s) => sum + s * s, 0) / dimension);
  return { count, mean, sd, spread, beyond2: beyond / count };
}

/**
 * How a cloud of this dimension is drawn: { kind: 'histogram', axis: 0 } for d = 1, else a scatter of two
 * coordinates { kind: 'scatter', axes: [a, b], names, note }: the view's `plane` ({ axes, names, note }, e.g. the
 * swiss roll's x–z plane) when the cloud has those coordinates, the first two coordinates otherwise.
 */
export function pictureLayout(dimension, { plane = null } = {}) {
  if (dimension === 1) return { kind: 'histogram', axes: [0], names: ['x'], note: '' };
  if (plane && plane.axes.every((a) => a < dimension)) return { kind: 'scatter', axes: plane.axes, names: plane.names, note: plane.note ?? '' };
  const names = ['x₁', 'x₂'];
  const note = dimension > 2 ? `The first two of the ${dimension} coordinates are shown.` : '';
  return { kind: 'scatter', axes: [0, 1], names, note };
}

/** How many values a cloud of this request would hold (real data counted as one generation): dimension·m·(t + 1). */
export function cloudSize({ dimension, samples, generations }) {
  return dimension * samples * (generations + 1);
}
