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

/** Three significant digits, for labels drawn on the figure (tooltips and the table keep six): 0.0123, 2.5×10⁻⁶. */
export function formatShort(value) {
  if (!Number.isFinite(value) || value === 0) return formatNumber(value);
  const magnitude = Math.abs(value);
  if (magnitude >= 1e-3 && magnitude < 1e5) return String(Number(value.toPrecision(3))).replace('-', '−');
  const [mantissa, exponent] = value.toExponential(1).split('e');
  const power = `10${[...String(Number(exponent))].map((c) => SUPERSCRIPT[c]).join('')}`;
  return `${mantissa === '1.0' ? '' : mantissa === '-1.0' ? '−' : `${mantissa.replace('-', '−').replace('.0', '')}×`}${power}`;
}

const SUPERSCRIPT = { '-': '⁻', 0: '⁰', 1: '¹', 2: '²', 3: '³', 4: '⁴', 5: '⁵', 6: '⁶', 7: '⁷', 8: '⁸', 9: '⁹' };

/** An axis tick: plain numbers, powers of ten beyond 10⁵ and below 10⁻³ (1000000 reads as 10⁶). */
export function formatTick(value) {
  const magnitude = Math.abs(value);
  if (value === 0 || (magnitude >= 1e-3 && magnitude < 1e5)) return formatNumber(value);
  return formatShort(value);
}
