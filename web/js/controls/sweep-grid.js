// Starting values offered when a reader picks a parameter for the x axis or the series: a sensible grid around
// the catalogue default, inside the allowed range, in the CLI's grid syntax (a,b,c or start:stop:log|lin:count).
// Pure; the reader can edit the result freely and the engine validates it.

const round = (value) => Number(value.toPrecision(3));

export function defaultXGrid(parameter) {
  const { min, max } = parameter;
  const integer = parameter.type === 'integer';
  if (parameter.scale === 'log') {
    let lo = parameter.default > 0 ? parameter.default / 10 : 0.001;
    let hi = parameter.default > 0 ? parameter.default * 10 : 10;
    lo = Math.max(lo, min, integer ? 1 : 0);
    if (lo <= 0) lo = 0.001;
    hi = Math.min(hi, max);
    if (hi <= lo) hi = max;
    if (integer) [lo, hi] = [Math.ceil(lo), Math.floor(hi)];
    const count = integer ? Math.min(12, hi - lo + 1) : 13;
    return `${round(lo)}:${round(hi)}:log:${count}`;
  }
  const lo = min;
  const hi = Math.min(max, Math.max(parameter.default * 2, min + (integer ? 10 : 1)));
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
