// Number and duration formatting shared by the figure, tooltips, table and progress text.

/** Six significant digits, no trailing zeros, exponent form for very small or large magnitudes. */
export function formatNumber(value) {
  if (value === null || value === undefined || Number.isNaN(value)) return '—';
  if (!Number.isFinite(value)) return value > 0 ? '∞' : '−∞';
  if (value === 0) return '0';
  const magnitude = Math.abs(value);
  const text = magnitude >= 1e-4 && magnitude < 1e7 ? String(Number(value.toPrecision(6))) : value.toExponential(4);
  return text.replace('-', '−');
}

/** "about 3 s", "about 2 min 10 s": an ETA for people, not a promise. */
export function formatDuration(seconds) {
  if (!Number.isFinite(seconds) || seconds < 0) return '';
  if (seconds < 1) return 'under a second';
  if (seconds < 60) return `about ${Math.round(seconds)} s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `about ${minutes} min ${Math.round(seconds - minutes * 60)} s`;
  return `about ${Math.floor(minutes / 60)} h ${minutes % 60} min`;
}

/** Seconds left at the average rate so far; NaN until there is a rate. */
export function remainingSeconds(done, total, elapsedMs) {
  if (done <= 0 || elapsedMs <= 0) return Number.NaN;
  return ((total - done) * elapsedMs) / done / 1000;
}

/** 12 345 with thin spaces: readable in any locale. */
export function formatCount(count) {
  return String(count).replace(/\B(?=(\d{3})+(?!\d))/g, '\u202f');
}
