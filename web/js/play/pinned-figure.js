// Two states side by side: on a wide screen (≥ 1400 px) a pinned figure (play/pin-and-history.js) is also drawn in
// full beside the live one, each under a title that says what differs ("pinned: samples per fit = 100" | "now:
// samples per fit = 400"), on the same y range so heights compare; a button dismisses it (unpins). On narrower
// screens the pin shows as ghost curves only, since two charts would be too small to read.
import { ChartView } from '../figure/chart-view.js';

export const SIDE_BY_SIDE_QUERY = '(min-width: 1400px)';

/** "samples per fit = 100, input dimension = 10" for the changes (from presetChanges-style entries), `side` 'from' | 'to'. */
export function differenceTitle(changes, side, limit = 3) {
  if (!changes.length) return 'the same settings';
  const listed = changes.slice(0, limit).map((c) => `${c.label ?? c.name} = ${c[side]}`);
  if (changes.length > limit) listed.push(`${changes.length - limit} more`);
  return listed.join(', ');
}

export class PinnedFigure {
  /** liveWrap: the live figure's .chart-wrap; onDismiss(): the reader closed the pinned figure. */
  constructor(liveWrap, { onDismiss }) {
    this.pair = document.createElement('div');
    this.pair.className = 'figure-pair';
    liveWrap.before(this.pair);
    const live = document.createElement('div');
    live.className = 'figure-pair-live';
    this.liveTitle = document.createElement('p');
    this.liveTitle.className = 'figure-pair-title';
    this.liveTitle.hidden = true;
    live.append(this.liveTitle, liveWrap);
    this.panel = document.createElement('figure');
    this.panel.className = 'figure-pair-pinned';
    this.panel.hidden = true;
    this.panel.innerHTML = '<figcaption class="figure-pair-title"><span data-pinned-title></span>' +
      '<button type="button" class="icon-button" data-pinned-dismiss aria-label="Dismiss the pinned figure (unpin)" title="Dismiss the pinned figure (unpin)">×</button></figcaption>' +
      '<div class="chart-wrap"><canvas data-pinned-canvas role="img"></canvas></div>';
    this.pair.append(live, this.panel);
    this.title = this.panel.querySelector('[data-pinned-title]');
    this.canvas = this.panel.querySelector('[data-pinned-canvas]');
    this.panel.querySelector('[data-pinned-dismiss]').addEventListener('click', () => onDismiss());
    this.view = new ChartView(this.canvas);
  }

  get shown() {
    return !this.panel.hidden;
  }

  /**
   * Draws the pinned Result beside the live chart. context: ChartView's draw context for it; titles: { pinned, live };
   * liveChart: the live ChartView, whose y range is shared with the pinned one.
   */
  show(result, context, { pinned, live, summary }, liveChart) {
    this.panel.hidden = false;
    this.liveTitle.hidden = false;
    this.pair.classList.add('paired');
    document.body.dataset.pinnedPair = 'true';
    this.title.textContent = `pinned: ${pinned}`;
    this.liveTitle.textContent = `now: ${live}`;
    this.canvas.setAttribute('aria-label', `The pinned figure (${pinned}). ${summary}`);
    this.view.draw(result, context);
    if (!context.figure) shareYRange(liveChart.chart, this.view.chart); // curves; a derived figure keeps its own axes
  }

  hide() {
    if (this.panel.hidden) return;
    this.panel.hidden = true;
    this.liveTitle.hidden = true;
    this.pair.classList.remove('paired');
    delete document.body.dataset.pinnedPair;
    this.view.chart?.destroy();
    this.view = new ChartView(this.canvas);
  }
}

/** Both charts on the union of their y ranges, when both have the same kind of y axis (so heights compare). */
function shareYRange(a, b) {
  if (!a || !b || a.scales.y?.type !== b.scales.y?.type) return;
  const min = Math.min(a.scales.y.min, b.scales.y.min);
  const max = Math.max(a.scales.y.max, b.scales.y.max);
  if (!Number.isFinite(min) || !Number.isFinite(max)) return;
  for (const chart of [a, b]) {
    chart.options.scales.y.min = min;
    chart.options.scales.y.max = max;
    chart.update('none');
  }
  // One grid too: a linear axis takes the live chart's tick step.
  const ticks = a.scales.y.ticks;
  if (a.scales.y.type === 'linear' && ticks.length > 1) {
    b.options.scales.y.ticks.stepSize = ticks[1].value - ticks[0].value;
    b.options.scales.y.ticks.maxTicksLimit = Math.max(ticks.length, a.options.scales.y.ticks.maxTicksLimit ?? 0);
    b.update('none');
  }
}
