// Time: Play / Pause / Step over the generations of a figure on the generation axis, or over the training steps of a
// training experiment (neural-collapse: x = step, its checkpoints). The curves are drawn generation by generation
// (the chart shows x ≤ the current generation or step; the rest waits), the small multiples of every metric with them,
// and the pictures move in step: a generative experiment's generation slider, or the training picture's checkpoint
// slider. There is one Play: the picture panel's own Play button hands over to this player while it can play. The
// whole run is already computed: playing only reveals it, so it costs nothing and every frame is the exact Result.

const TOTAL_MS = 6000; // a whole play-through, however many generations
const MIN_FRAME_MS = 60;

/**
 * How long each frame after x[i] stays (ms): even on a log axis or evenly spaced x (generations); on a linear axis with
 * uneven x (training checkpoints, dense early and sparse late) in proportion to the distance to the next x, so the
 * curves are drawn across the figure at a steady speed (never shorter than a frame the eye can see).
 */
export function frameDurations(xs, { logAxis = false } = {}) {
  const even = Math.max(MIN_FRAME_MS, TOTAL_MS / xs.length);
  const span = xs[xs.length - 1] - xs[0];
  const gaps = xs.slice(1).map((x, i) => x - xs[i]);
  const uneven = gaps.length > 1 && Math.max(...gaps) > 2 * Math.min(...gaps);
  if (logAxis || !uneven || !(span > 0)) return gaps.map(() => even);
  return gaps.map((gap) => Math.max(MIN_FRAME_MS / 2, (TOTAL_MS * gap) / span));
}

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
    this.playable = false;
    this.unit = 'generation';
    this.playButton.addEventListener('click', () => this.toggle());
    group.querySelector('[data-step]').addEventListener('click', () => { this.pause(); this.step(); });
    // The reader moving the pictures' slider takes over from the player.
    document.querySelector('[data-picture-generation]')?.addEventListener('input', (event) => { if (event.isTrusted) this.pause(); });
  }

  toggle() {
    if (this.timer) this.pause();
    else this.play();
  }

  /** Figures on the natural generation axis, and training curves (x = step), can be played. */
  update(result) {
    const axis = result?.x.key === 'step' ? 'step' : /generation/.test(result?.x.key ?? '') ? 'generation' : null;
    this.playable = Boolean(axis) && result.x.values.length > 2;
    this.unit = axis ?? 'generation';
    this.group.hidden = !this.playable;
    this.group.querySelector('[data-step]').title = `One ${this.unit === 'step' ? 'checkpoint' : 'generation'} on`;
    if (!this.playable || (this.until !== null && !result.x.values.includes(this.until))) this.reset();
  }

  values() {
    return this.app.good?.result.x.values ?? [];
  }

  play() {
    const xs = this.values();
    if (!xs.length) return;
    if (this.until === null || this.until >= xs[xs.length - 1]) this.until = xs[0];
    this.setPressed(true);
    const durations = frameDurations(xs, { logAxis: this.app.chart?.chart?.scales?.x?.type === 'logarithmic' });
    this.show();
    const next = () => {
      const i = xs.indexOf(this.until);
      this.timer = setTimeout(() => {
        if (this.step()) next();
        else this.pause();
      }, durations[Math.max(0, i)] ?? MIN_FRAME_MS);
    };
    next();
  }

  pause() {
    clearTimeout(this.timer);
    this.timer = 0;
    this.setPressed(false);
  }

  /** The player's button and the pictures' Play button (which hands over to this player) say the same. */
  setPressed(playing) {
    this.playButton.textContent = playing ? '❚❚ Pause' : '▶ Play';
    this.playButton.setAttribute('aria-pressed', String(playing));
    const pictureButton = document.querySelector('[data-picture-play]');
    if (pictureButton && this.playable) {
      pictureButton.textContent = playing ? 'Pause' : 'Play';
      pictureButton.setAttribute('aria-pressed', String(playing));
    }
  }

  /** One generation (or checkpoint) on; false at the end (then the whole figure is shown again). */
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
    this.status.textContent = this.until === null ? ''
      : this.unit === 'step' ? `step ${this.until} of ${xs[xs.length - 1]} (checkpoint ${xs.indexOf(this.until) + 1} of ${xs.length})`
        : `generation ${this.until} of ${xs[xs.length - 1]}`;
    this.app.redraw();
    // The pictures move with the curves: a generation slider holds the generation, a training picture's slider the
    // checkpoint's position (1-based) among the Result's steps.
    const slider = document.querySelector('[data-picture-generation]');
    const position = this.until === null ? null : this.unit === 'step' ? xs.indexOf(this.until) + 1 : this.until;
    if (slider && !slider.closest('[hidden]') && position !== null && Number(slider.max) >= position && !slider.disabled) {
      slider.value = String(position);
      slider.dispatchEvent(new Event('input', { bubbles: true }));
    }
  }

  /** The x up to which the figure draws now (null: all). */
  revealUntil() {
    return this.until;
  }
}
