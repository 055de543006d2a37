// Starting values offered when a reader picks a parameter for the x axis or the series: a sensible grid around
// the catalogue default, inside the allowed range, in the CLI's grid syntax (a,b,c or start:stop:log|lin:count).
// Pure; the reader can edit the result freely and the engine validates it.

const round = (value) => Number(value.toPrecision(3));

/**
 * The smallest sensible start for a sample-count sweep given the current settings: an (OLS) fit on T samples in
 * d dimensions has error σ²d/(T−d−1), unbounded as T → d + 1, so a grid starting at T = d shows only that blow-up.
 * Starting at 2d keeps the first point near σ² (Gerstgrasser et al. 2024; docs/theory/).
 */
function sampleFloor(parameter, config) {
  const dim = Number(config?.dim);
  if (!(dim > 0) || !/^(samples|generatorSamples)$/.test(parameter.key)) return -Infinity;
  return 2 * dim;
}

export function defaultXGrid(parameter, config = {}) {
  const min = Math.max(parameter.min, sampleFloor(parameter, config));
  const { max } = parameter;
  const integer = parameter.type === 'integer';
  if (parameter.scale === 'log') {
    let lo = parameter.default > 0 ? parameter.default / 10 : 0.001;
    let hi = parameter.default > 0 ? parameter.default * 10 : 10;
    lo = Math.max(lo, min, integer ? 1 : 0);
    if (min > parameter.min) hi = Math.max(hi, 10 * lo);
    if (lo <= 0) lo = 0.001;
    hi = Math.min(hi, max);
    if (hi <= lo) hi = max;
    if (integer) [lo, hi] = [Math.ceil(lo), Math.floor(hi)];
    const count = integer ? Math.min(12, hi - lo + 1) : 13;
    return `${round(lo)}:${round(hi)}:log:${count}`;
  }
  const lo = min;
  const hi = Math.min(max, Math.max(parameter.default * 2, min + (integer ? 10 : 1), integer && min > parameter.min ? 10 * min : -Infinity));
  const count = integer ? Math.min(21, hi - lo + 1) : 11;
  return `${round(lo)}:${round(hi)}:lin:${count}`;
}

export function defaultSeriesValues(parameter) {
  if (parameter.type === 'choice') return parameter.choices.join(',');
  const d = parameter.default;
  const candidates = d > 0 ? [d / 2, d, d * 2] : [d, 0.1, 1];
  const clamped = candidates.map((v) => Math.min(parameter.max, Math.max(parameter.min, parameter.type === 'integer' ? Math.round(v) : round(v))));
  return [...new Set(clamped)].join(',');
}
