// The figure as a PNG fit for slides and papers: the title, the chart, its legend (which lives in HTML on the
// page, so it is painted here) and a footer saying how to reproduce it.
import { currentTheme } from '../figure/theme.js';

export function figurePng(chartCanvas, { title, legendItems, footer }) {
  const theme = currentTheme();
  const scale = chartCanvas.width / chartCanvas.clientWidth || 1;
  const pad = 16 * scale;
  const line = 20 * scale;
  const width = chartCanvas.width;
  const legendRows = Math.ceil(legendItems.length / 3) || 0;
  const height = chartCanvas.height + pad * 2 + line * (2 + legendRows + footer.length);
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = theme.background;
  ctx.fillRect(0, 0, width, height);
  ctx.fillStyle = theme.text;
  ctx.font = `600 ${15 * scale}px system-ui, sans-serif`;
  ctx.textBaseline = 'middle';
  ctx.fillText(title, pad, pad + line / 2, width - 2 * pad);
  const top = pad + line * 1.5;
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
  ctx.font = `${11 * scale}px system-ui, sans-serif`;
  footer.forEach((text, i) => ctx.fillText(text, pad, top + chartCanvas.height + line * (legendRows + 0.5 + i), width - 2 * pad));
  return new Promise((resolve) => canvas.toBlob(resolve, 'image/png'));
}
