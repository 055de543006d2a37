// The progress bar of a run (role=progressbar with aria-valuenow/valuetext for screen readers) and its text:
// trials done of the total and the time left at the rate so far. Shown only once a run has lasted SHOW_AFTER_MS: a
// shorter run would only flash it, and on 2 cores each of its frames (layout, paint, raster, about 4 ms) was taken
// from the workers: 6 % of a 0.15 s run with 2 workers (bench/pool.mjs).
import { formatCount, formatDuration, remainingSeconds } from '../util/format.js';

export const SHOW_AFTER_MS = 250;

export class ProgressView {
  constructor(bar, fill) {
    this.bar = bar;
    this.fill = fill;
    this.shown = false;
    this.timer = null;
    this.latest = null;
  }

  /**
   * A run of `total` trials begins. onShow(text) is called if it is still running after SHOW_AFTER_MS, when the bar
   * appears with the progress so far. A bar already on screen (a run superseded by the next) stays.
   */
  start(total, onShow = () => {}) {
    clearTimeout(this.timer);
    this.latest = { done: 0, total, elapsedMs: 0 };
    this.shown = !this.bar.hidden;
    if (this.shown) onShow(this.render(this.latest));
    else this.timer = setTimeout(() => { this.shown = true; onShow(this.render(this.latest)); }, SHOW_AFTER_MS);
  }

  /** Returns the text it showed, for the status line, or null while the bar is not shown yet. */
  update(progress) {
    this.latest = progress;
    return this.shown ? this.render(progress) : null;
  }

  render({ done, total, elapsedMs }) {
    this.bar.hidden = false;
    const left = formatDuration(remainingSeconds(done, total, elapsedMs));
    const text = `${formatCount(done)} of ${formatCount(total)} trials${left ? ` · ${left} left` : ''}`;
    this.bar.setAttribute('aria-valuemax', String(total));
    this.bar.setAttribute('aria-valuenow', String(done));
    this.bar.setAttribute('aria-valuetext', text);
    // A scale, not a width: changing it needs no layout of the page, only a repaint of the bar (lab.css: and no
    // transition, which had rendered every frame of a run).
    this.fill.style.transform = `scaleX(${total ? done / total : 0})`;
    return text;
  }

  finish() {
    clearTimeout(this.timer);
    this.shown = false;
    this.bar.hidden = true;
  }
}
