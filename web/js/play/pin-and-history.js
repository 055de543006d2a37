// Compare and go back: "Pin this figure" keeps the current curves as faded ghosts while the reader changes a
// parameter (the ghosts are the pinned Result's means, grey and dashed, named in the legend key); "Undo" steps back
// to the previous figure. Every completed figure is a browser history entry, so Back and Forward move between
// figures too (the hash reproduces each exactly). Reset (in the preset line) returns to the preset. On a wide screen
// the pinned figure is also drawn in full beside the live one (play/pinned-figure.js).
import { PinnedFigure, SIDE_BY_SIDE_QUERY, differenceTitle } from './pinned-figure.js';
import { stateChanges } from '../app/preset-changes.js';

/** The ghost lines of a pinned Result for a figure of `result` (same experiment and x axis), else []. */
export function ghostLines(pinned, result) {
  if (!pinned || !result || pinned.result.experiment !== result.experiment || pinned.result.x.key !== result.x.key) return [];
  return pinned.result.series.map((s) => ({
    label: `pinned: ${s.label}`,
    points: pinned.result.x.values.map((x, i) => ({ x, y: s.simulation.mean[i] })),
  }));
}

export class PinAndHistory {
  constructor(app, toolbar) {
    this.app = app;
    this.pinned = null; // { result, summary }
    const group = document.createElement('div');
    group.className = 'pin-controls';
    group.dataset.part = 'run';
    group.innerHTML = '<button type="button" data-pin aria-pressed="false">Pin this figure</button>' +
      '<button type="button" data-undo title="Back to the previous figure (the browser’s Back does the same)">Undo</button>';
    toolbar.querySelector('.run-controls')?.before(group);
    this.pinButton = group.querySelector('[data-pin]');
    this.pinButton.addEventListener('click', () => this.togglePin());
    group.querySelector('[data-undo]').addEventListener('click', () => history.back());
    this.completedHash = null;
    this.side = new PinnedFigure(app.el.canvas.closest('.chart-wrap'), { onDismiss: () => this.togglePin() });
    this.wide = window.matchMedia?.(SIDE_BY_SIDE_QUERY) ?? null;
    this.wide?.addEventListener?.('change', () => this.app.redraw());
  }

  togglePin() {
    if (this.pinned) this.pinned = null;
    else if (this.app.good) this.pinned = { result: this.app.good.result, hash: this.app.writtenHash, state: this.app.good.state, request: this.app.good.request };
    this.pinButton.setAttribute('aria-pressed', String(Boolean(this.pinned)));
    this.pinButton.textContent = this.pinned ? 'Unpin' : 'Pin this figure';
    this.app.redraw();
  }

  ghosts(result) {
    return ghostLines(this.pinned, result);
  }

  /**
   * After the live figure of `result` (in `state`) is drawn: on a wide screen, the pinned figure beside it when it
   * shows other settings of the same experiment; else (or on a narrow screen) only the ghosts.
   */
  drawSide(result, state) {
    const pinned = this.pinned;
    const wide = Boolean(this.wide?.matches);
    if (!wide || !pinned || pinned.result === result || pinned.result.experiment !== result.experiment) return this.side.hide();
    const changes = stateChanges(pinned.state, state, this.app.catalogueExperiment(result.experiment));
    if (!changes.length) return this.side.hide();
    const { context, summary } = this.app.figureContext(pinned.result, { state: pinned.state, request: pinned.request });
    return this.side.show(pinned.result, context, { pinned: differenceTitle(changes, 'from'), live: differenceTitle(changes, 'to'), summary }, this.app.chart);
  }

  /** How the lab writes a new hash: a new history entry once the current one holds a completed figure. */
  writeHash(hash) {
    if (location.hash === hash) return;
    if (this.completedHash && location.hash === this.completedHash) history.pushState(null, '', hash);
    else history.replaceState(null, '', hash);
  }

  /** A figure completed for the current hash: the next change makes a new history entry. */
  completed(hash) {
    this.completedHash = hash;
  }
}
