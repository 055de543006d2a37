// Time: Play / Pause / Step over the generations of a figure on the generation axis. The curves are drawn
// generation by generation (the chart shows x ≤ the current generation; the rest waits), and the pictures of a
// generative experiment move with them (their generation slider follows). The whole run is already computed:
// playing only reveals it, so it costs nothing and every frame is the exact Result.

const TOTAL_MS = 6000; // a whole play-through, however many generations
const MIN_FRAME_MS = 60;

export class GenerationPlayer {
  constructor(app, toolbar) {
    this.app = app;
    this.until = null; // the last x shown while playing or stepping; null = everything
    this.timer = 0;
    const group = document.createElement('div');
    group.className = 'player-controls';
    group.dataset.part = 'run';
    group.innerHTML = '<button type="button" data-play aria-pressed="false">▶ Play</button><button type="button" data-step>Step</button>' +
      '<span class="player-status" data-player-status aria-live="polite"></span>';
    toolbar.querySelector('.run-controls')?.before(group);
    this.group = group;
    this.playButton = group.querySelector('[data-play]');
    this.status = group.querySelector('[data-player-status]');
    this.playButton.addEventListener('click', () => (this.timer ? this.pause() : this.play()));
    group.querySelector('[data-step]').addEventListener('click', () => { this.pause(); this.step(); });
  }

  /** Only figures on the natural generation axis can be played. */
  update(result) {
    const playable = Boolean(result) && /generation/.test(result.x.key) && result.x.values.length > 2;
    this.group.hidden = !playable;
    if (!playable || (this.until !== null && !result.x.values.includes(this.until))) this.reset();
  }

  values() {
    return this.app.good?.result.x.values ?? [];
  }

  play() {
    const xs = this.values();
    if (!xs.length) return;
    if (this.until === null || this.until >= xs[xs.length - 1]) this.until = xs[0];
    this.playButton.textContent = '❚❚ Pause';
    this.playButton.setAttribute('aria-pressed', 'true');
    const frame = Math.max(MIN_FRAME_MS, TOTAL_MS / xs.length);
    this.show();
    this.timer = setInterval(() => {
      if (!this.step()) this.pause();
    }, frame);
  }

  pause() {
    clearInterval(this.timer);
    this.timer = 0;
    this.playButton.textContent = '▶ Play';
    this.playButton.setAttribute('aria-pressed', 'false');
  }

  /** One generation on; false at the end (then the whole figure is shown again). */
  step() {
    const xs = this.values();
    const i = this.until === null ? -1 : xs.indexOf(this.until);
    if (i + 1 >= xs.length) {
      this.until = null;
      this.show();
      return false;
    }
    this.until = xs[i + 1];
    this.show();
    return true;
  }

  reset() {
    this.pause();
    this.until = null;
    this.status.textContent = '';
  }

  show() {
    const xs = this.values();
    this.status.textContent = this.until === null ? '' : `generation ${this.until} of ${xs[xs.length - 1]}`;
    this.app.redraw();
    // The pictures move with the curves.
    const slider = document.querySelector('[data-picture-generation]');
    if (slider && !slider.closest('[hidden]') && this.until !== null && Number(slider.max) >= this.until) {
      slider.value = String(this.until);
      slider.dispatchEvent(new Event('input', { bubbles: true }));
    }
  }

  /** The x up to which the figure draws now (null: all). */
  revealUntil() {
    return this.until;
  }
}
