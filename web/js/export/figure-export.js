// The figure for a slide or a paper: redrawn off screen at 2× device pixels (crisp on any projector, whatever the
// reader's screen) in the page's light theme unless the reader asks for the page's current one, with the same
// Result, view, guides and hidden series as the figure on the page. The PNG (png-export.js) adds title, legend and
// a footer around it.
import { ChartView } from '../figure/chart-view.js';
import { currentTheme, LIGHT_THEME } from '../figure/theme.js';

export const EXPORT_SIZE = Object.freeze({ width: 960, height: 540 }); // CSS px, 16:9; × scale device pixels

/** → { canvas, theme, legendItems, drawn } for `chartView`'s current figure. theme: 'light' | 'page'. */
export async function exportCanvas(chartView, { theme = 'light', scale = 2, size = EXPORT_SIZE } = {}) {
  const chosen = theme === 'page' ? currentTheme() : LIGHT_THEME;
  const holder = document.createElement('div');
  // Laid out (Chart.js measures its parent) but outside the viewport and hidden from assistive technology.
  holder.style.cssText = `position:fixed;left:-10000px;top:0;width:${size.width}px;height:${size.height}px;`;
  holder.setAttribute('aria-hidden', 'true');
  const canvas = document.createElement('canvas');
  holder.append(canvas);
  document.body.append(holder);
  const view = new ChartView(canvas, { theme: chosen, devicePixelRatio: scale });
  view.hidden = new Set(chartView.hidden);
  view.draw(chartView.result, chartView.context);
  const legendItems = view.legendItems().filter((item) => !item.hidden);
  const drawn = view.drawn;
  const copy = document.createElement('canvas');
  copy.width = canvas.width;
  copy.height = canvas.height;
  copy.getContext('2d').drawImage(canvas, 0, 0);
  view.chart.destroy();
  holder.remove();
  return { canvas: copy, scale, theme: chosen, legendItems, drawn };
}
