// A sequential colour scale for heatmaps: viridis (van der Walt & Smith, matplotlib 2.0), perceptually uniform,
// readable in greyscale and by readers with the common forms of colour blindness. Computed here from its published
// anchor colours (matplotlib's table at 0, 0.1, …, 1), linearly interpolated in sRGB between them: a close
// approximation of the full 256-entry table that keeps its monotone lightness. Pure, so it is tested in node.

const VIRIDIS_ANCHORS = ['#440154', '#482475', '#414487', '#355f8d', '#2a788e', '#21918c', '#22a884', '#44bf70', '#7ad151', '#bddf26', '#fde725'];

const rgb = (hex) => [1, 3, 5].map((i) => Number.parseInt(hex.slice(i, i + 2), 16));
const ANCHORS = VIRIDIS_ANCHORS.map(rgb);
const hex2 = (v) => Math.round(v).toString(16).padStart(2, '0');

/** The viridis colour at t ∈ [0, 1] (clamped) as '#rrggbb'. */
export function viridis(t) {
  const u = Math.min(1, Math.max(0, Number.isFinite(t) ? t : 0)) * (ANCHORS.length - 1);
  const i = Math.min(ANCHORS.length - 2, Math.floor(u));
  const f = u - i;
  return `#${ANCHORS[i].map((a, c) => hex2(a + f * (ANCHORS[i + 1][c] - a))).join('')}`;
}

/** Whether text on the colour at t should be white (the dark, blue-purple half of viridis) rather than black. */
export function lightTextOn(t) {
  return t < 0.55;
}

/**
 * The scale from values to [0, 1]: linear between min and max, or logarithmic (then min must be > 0).
 * Returns { min, max, log, position(value) → t | null (null: not a finite value, or ≤ 0 on a log scale) }.
 */
export function colourScale(values, { log = false } = {}) {
  const usable = values.filter((v) => Number.isFinite(v) && (!log || v > 0));
  const min = usable.length ? Math.min(...usable) : 0;
  const max = usable.length ? Math.max(...usable) : 1;
  const f = log ? Math.log : (v) => v;
  const span = f(max) - f(min);
  const position = (value) => {
    if (!Number.isFinite(value) || (log && value <= 0)) return null;
    return span > 0 ? (f(value) - f(min)) / span : 0.5;
  };
  return { min, max, log, position };
}

/** Tick values for the colour bar: the ends and a few round values between them (log: powers of ten when they fit). */
export function scaleTicks({ min, max, log }, count = 5) {
  if (!(max > min)) return [min];
  if (log) {
    const decades = [];
    for (let e = Math.ceil(Math.log10(min)); e <= Math.floor(Math.log10(max)); e += 1) decades.push(10 ** e);
    const ticks = decades.length >= 2 ? decades : [min, Math.sqrt(min * max), max];
    return [...new Set([min, ...ticks, max])].sort((a, b) => a - b);
  }
  return Array.from({ length: count }, (_, i) => min + ((max - min) * i) / (count - 1));
}
