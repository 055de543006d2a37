// Which ticks of a logarithmic axis carry a label, so labels never collide at any width (a phone, a 320 px embed).
// Chart.js puts a tick at every significand (1, 2, …, 9 × 10ᵏ; 1.01, 1.02, … on an axis spanning less than a
// decade) and its auto-skip keeps every k-th one, which assumes evenly spaced ticks: on a log axis the kept labels
// still run into each other where the ticks crowd (the Pareto view's "1.011.051.09" on a phone). Here the labels
// are chosen from "round" sets, from the densest down: every significand, 1-2-3-5, 1-2-5, 1-3, powers of ten, every
// second, third, fifth or tenth power of ten — the densest whose labels, measured, keep a gap between neighbours; and
// where no such set gives four labels, on an axis of less than two decades, evenly stepped round values (1.1, 1.2, …)
// if they give more. Pure, so it is tested in node.

const MANTISSAS = [[1, 2, 3, 4, 5, 6, 7, 8, 9], [1, 2, 3, 5], [1, 2, 5], [1, 3], [1]];
const STRIDES = [2, 3, 5, 10];

const round = (v) => Number(v.toPrecision(12));

/** Values m × 10ᵉ in [min, max] for the mantissas, every `stride`-th power of ten. */
function decadeValues(min, max, mantissas, stride = 1) {
  const values = [];
  for (let e = Math.floor(Math.log10(min)) - 1; e <= Math.ceil(Math.log10(max)); e++) {
    if (stride > 1 && ((e % stride) + stride) % stride !== 0) continue;
    for (const m of mantissas) {
      const v = round(m * 10 ** e);
      if (v >= min * (1 - 1e-9) && v <= max * (1 + 1e-9)) values.push(v);
    }
  }
  return values;
}

/** Multiples of round steps (1, 2, 2.5, 5 × 10ᵏ) in [min, max], at most 40 values per step. */
function steppedSets(min, max) {
  const sets = [];
  const top = Math.floor(Math.log10(max - min));
  for (let k = top - 2; k <= top; k++) {
    for (const m of [1, 2, 2.5, 5]) {
      const step = m * 10 ** k;
      const first = Math.ceil(min / step - 1e-9);
      const last = Math.floor(max / step + 1e-9);
      const count = last - first + 1;
      if (!(count >= 1 && count <= 40)) continue;
      const values = [];
      for (let j = 0; j < count; j++) values.push(round((first + j) * step));
      sets.push(values);
    }
  }
  return sets;
}

/**
 * The tick values of a log axis [min, max] (min > 0) that get a label: the densest round set whose labels do not
 * collide. length: the axis in pixels; size(value): the label's extent along the axis in pixels (its width on a
 * horizontal axis, its line height on a vertical one); gap: the least free space between two labels.
 * → { values: [...] (ascending), decades: whether the set is of whole decades' significands (1-2-5, powers of ten…) }
 */
export function logTickLabels({ min, max, length, size, gap = 8 }) {
  // A scale without data (Chart.js's log scale can then report an infinite or denormal range) labels nothing.
  // An axis around one constant (Chart.js spreads 1 ± 4×10⁻¹⁶) gets its one value: no round steps fit in between.
  if (!(min > 0) || !(max > min) || !Number.isFinite(max) || !(length > 0) || Math.log10(max / min) > 400) return { values: [], decades: true };
  if ((max - min) / max < 1e-9) return { values: [round(Number(((min + max) / 2).toPrecision(6)))], decades: false };
  const span = Math.log10(max) - Math.log10(min);
  const at = (v) => (length * (Math.log10(v) - Math.log10(min))) / span;
  const fits = (values) => values.every((v, i) => i === 0 || at(v) - at(values[i - 1]) >= (size(v) + size(values[i - 1])) / 2 + gap);
  const candidates = [
    ...MANTISSAS.map((m) => ({ values: decadeValues(min, max, m), decades: true })),
    ...STRIDES.map((stride) => ({ values: decadeValues(min, max, [1], stride), decades: true })),
    ...(span < 2 ? steppedSets(min, max).map((values) => ({ values, decades: false })) : []),
  ].filter((c) => c.values.length);
  const densest = (list) => {
    let best = null;
    for (const candidate of list) if (fits(candidate.values) && (!best || candidate.values.length > best.values.length)) best = candidate;
    return best;
  };
  // A decade set (1, 2, 3, 5, 10 …: what a log axis is read by) wherever it gives four labels or more; stepped
  // values only on a short axis where it does not (1.1, 1.2, … between 1 and 1.6).
  const decade = densest(candidates.filter((c) => c.decades));
  const best = decade && decade.values.length >= 4 ? decade : densest(candidates);
  if (best) return best;
  // Not even two round labels fit (a very short axis): the roundest value alone.
  const single = [...candidates].sort((a, b) => a.values.length - b.values.length)[0];
  return single ? { values: [single.values[Math.floor(single.values.length / 2)]], decades: single.decades } : { values: [], decades: true };
}
