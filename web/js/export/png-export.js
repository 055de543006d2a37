// The figure as a PNG fit for slides and papers: the title, the chart, its legend (which lives in HTML on the
// page, so it is painted here) and a footer saying how to reproduce it, wrapped to the width so it stays readable.
// The chart canvas comes from figure-export.js (2× device pixels, the light theme unless asked).
import { currentTheme } from '../figure/theme.js';

/** Lines of `text` no wider than `width` in the context's current font. */
export function wrapText(ctx, text, width) {
  const lines = [];
  let line = '';
  for (const word of String(text).split(/\s+/)) {
    const candidate = line ? `${line} ${word}` : word;
    if (ctx.measureText(candidate).width <= width || !line) line = candidate;
    else {
      lines.push(line);
      line = word;
    }
  }
  if (line) lines.push(line);
  return lines;
}

export function figurePng(chartCanvas, { title, legendItems, footer, theme = currentTheme(), scale = chartCanvas.width / chartCanvas.clientWidth || 1 }) {
  const pad = 18 * scale;
  const line = 20 * scale;
  const width = chartCanvas.width;
  const measure = document.createElement('canvas').getContext('2d');
  measure.font = `${12 * scale}px system-ui, sans-serif`;
  const footerLines = footer.flatMap((text) => wrapText(measure, text, width - 2 * pad));
  measure.font = `600 ${16 * scale}px system-ui, sans-serif`;
  const titleLines = wrapText(measure, title, width - 2 * pad);
  const legendRows = Math.ceil(legendItems.length / 3) || 0;
  const top = pad + line * (titleLines.length + 0.5);
  const height = top + chartCanvas.height + line * (legendRows + 0.5) + footerLines.length * 17 * scale + pad;
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = Math.ceil(height);
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = theme.background;
  ctx.fillRect(0, 0, width, canvas.height);
  ctx.fillStyle = theme.text;
  ctx.font = `600 ${16 * scale}px system-ui, sans-serif`;
  ctx.textBaseline = 'middle';
  titleLines.forEach((text, i) => ctx.fillText(text, pad, pad + line * (i + 0.5)));
  ctx.drawImage(chartCanvas, 0, top);

  ctx.font = `${13 * scale}px system-ui, sans-serif`;
  const column = (width - 2 * pad) / 3;
  legendItems.forEach((item, k) => {
    const x = pad + (k % 3) * column;
    const y = top + chartCanvas.height + line * (0.5 + Math.floor(k / 3));
    ctx.strokeStyle = item.colour;
    ctx.lineWidth = 2.5 * scale;
    ctx.beginPath();
    ctx.moveTo(x, y);
    ctx.lineTo(x + 24 * scale, y);
    ctx.stroke();
    ctx.fillStyle = theme.text;
    ctx.fillText(item.label, x + 30 * scale, y, column - 34 * scale);
  });
  ctx.fillStyle = theme.muted;
  ctx.font = `${12 * scale}px system-ui, sans-serif`;
  const footerTop = top + chartCanvas.height + line * (legendRows + 0.5);
  footerLines.forEach((text, i) => ctx.fillText(text, pad, footerTop + 17 * scale * (i + 0.5)));
  return new Promise((resolve) => canvas.toBlob(resolve, 'image/png'));
}
