// The progress bar of a run (role=progressbar with aria-valuenow/valuetext for screen readers) and its text:
// trials done of the total and the time left at the rate so far.
import { formatCount, formatDuration, remainingSeconds } from '../util/format.js';

export class ProgressView {
  constructor(bar, fill) {
    this.bar = bar;
    this.fill = fill;
  }

  start(total) {
    this.bar.hidden = false;
    this.update({ done: 0, total, elapsedMs: 0 });
  }

  /** Returns the text it showed, for the status line. */
  update({ done, total, elapsedMs }) {
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
    this.bar.hidden = true;
  }
}
