// Compare and go back: "Pin this figure" keeps the current curves as faded ghosts while the reader changes a
// parameter (the ghosts are the pinned Result's means, grey and dashed, named in the legend key); "Undo" steps back
// to the previous figure. Every completed figure is a browser history entry, so Back and Forward move between
// figures too (the hash reproduces each exactly). Reset (in the preset line) returns to the preset.

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
  }

  togglePin() {
    if (this.pinned) this.pinned = null;
    else if (this.app.good) this.pinned = { result: this.app.good.result, hash: this.app.writtenHash };
    this.pinButton.setAttribute('aria-pressed', String(Boolean(this.pinned)));
    this.pinButton.textContent = this.pinned ? 'Unpin' : 'Pin this figure';
    this.app.redraw();
  }

  ghosts(result) {
    return ghostLines(this.pinned, result);
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
