// The text alternative of the figure: every number it draws, as a table (mean ± SEM, the median when the Result has
// one, the 10–90% band and the theory per series and x), and a one-sentence summary for the canvas's aria-label.
import { formatNumber } from '../util/format.js';
import { readableLabel } from './axis-labels.js';

export function renderTable(container, result, xTitle) {
  const table = document.createElement('table');
  const caption = document.createElement('caption');
  const withMedian = result.series.some((s) => Array.isArray(s.simulation.median));
  caption.textContent = `${readableLabel(result.metric.label)} for each ${result.x.label}: Monte Carlo mean ± standard error over ${result.trials} trials, ` +
    `${withMedian ? 'median, ' : ''}10–90% band, and theory.`;
  table.append(caption);

  const head = document.createElement('thead');
  const top = document.createElement('tr');
  const sub = document.createElement('tr');
  const xHeader = document.createElement('th');
  xHeader.scope = 'col';
  xHeader.rowSpan = 2;
  xHeader.textContent = xTitle;
  top.append(xHeader);
  for (const series of result.series) {
    const th = document.createElement('th');
    th.scope = 'colgroup';
    th.colSpan = withMedian ? 4 : 3;
    th.textContent = series.label;
    top.append(th);
    for (const text of ['mean ± SEM', ...(withMedian ? ['median'] : []), '10–90%', 'theory']) {
      const cell = document.createElement('th');
      cell.scope = 'col';
      cell.textContent = text;
      sub.append(cell);
    }
  }
  head.append(top, sub);
  table.append(head);

  const body = document.createElement('tbody');
  result.x.values.forEach((x, i) => {
    const row = document.createElement('tr');
    const th = document.createElement('th');
    th.scope = 'row';
    th.textContent = formatNumber(x);
    row.append(th);
    for (const series of result.series) {
      const { mean, sem, lo, hi, median } = series.simulation;
      for (const text of [`${formatNumber(mean[i])} ± ${formatNumber(sem[i])}`, ...(withMedian ? [median ? formatNumber(median[i]) : '—'] : []),
        `${formatNumber(lo[i])} – ${formatNumber(hi[i])}`,
        series.theory ? formatNumber(series.theory[i]) : '—']) {
        const td = document.createElement('td');
        td.textContent = text;
        row.append(td);
      }
    }
    body.append(row);
  });
  table.append(body);
  container.replaceChildren(table);
}

/** "Line chart of … against …. Replace: from 0.114 at 1 to 2.13 at 20; …" */
export function figureSummary(result, xTitle) {
  const xs = result.x.values;
  const last = xs.length - 1;
  const parts = result.series.map((s) => `${s.label}: from ${formatNumber(s.simulation.mean[0])} at ${formatNumber(xs[0])} to ${formatNumber(s.simulation.mean[last])} at ${formatNumber(xs[last])}`);
  return `Line chart of ${readableLabel(result.metric.label)} against ${xTitle}, ${result.trials} trials. ${parts.join('; ')}. The data table below lists every value.`;
}
