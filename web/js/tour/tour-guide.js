// The tour panel: "Step k of N", the step's sentence, Back / Next / Close, above the caption. A step is a link
// (#v=1&exp=…&preset=…&tour=k, or tour=start:k), so a lecturer can send "step 3"; opening it shows the step's preset
// with the relevant curve highlighted (the others faded). Buttons "Start here" (the tour across experiments) and
// "Tour of this experiment" open tours. The lab applies a step through its own hash path (app.applyHash).
import { START_TOUR, tourSteps } from './tours.js';

export class TourGuide {
  constructor(app) {
    this.app = app;
    this.current = null; // { name, step } (step 1-based) while a tour is shown
    const caption = document.getElementById('caption');
    this.panel = document.createElement('section');
    this.panel.className = 'tour';
    this.panel.hidden = true;
    this.panel.setAttribute('aria-label', 'Guided tour');
    this.panel.innerHTML = '<p class="tour-step" data-tour-count></p><p class="tour-text" data-tour-text aria-live="polite"></p>' +
      '<div class="tour-nav"><button type="button" data-tour-back>Back</button><button type="button" class="primary" data-tour-next>Next</button>' +
      '<button type="button" class="link-button" data-tour-close>Close the tour</button></div>';
    caption.before(this.panel);
    // On a phone a tour step keeps the chart on the first screen: the caption under it shows three lines, and this
    // button shows the rest (styles in teaching.css; on wider screens it is never shown).
    this.more = document.createElement('button');
    this.more.type = 'button';
    this.more.className = 'link-button caption-more';
    this.more.setAttribute('aria-expanded', 'false');
    this.more.setAttribute('aria-controls', 'caption');
    this.more.textContent = 'Read the whole caption';
    this.more.addEventListener('click', () => {
      const expanded = caption.classList.toggle('expanded');
      this.more.setAttribute('aria-expanded', String(expanded));
      this.more.textContent = expanded ? 'Show less of the caption' : 'Read the whole caption';
    });
    caption.after(this.more);
    this.panel.querySelector('[data-tour-back]').addEventListener('click', () => this.go(this.current.name, this.current.step - 1));
    this.panel.querySelector('[data-tour-next]').addEventListener('click', () => {
      const steps = tourSteps(this.current.name);
      if (this.current.step < steps.length) this.go(this.current.name, this.current.step + 1);
      else if (this.current.name === 'start') this.go(this.app.state.experiment, 1);
      else this.close();
    });
    this.panel.querySelector('[data-tour-close]').addEventListener('click', () => this.close());

    const bar = document.createElement('div');
    bar.className = 'tour-buttons chrome';
    bar.innerHTML = `<button type="button" data-tour-start>Start here: a ${START_TOUR.length}-step tour</button> <button type="button" data-tour-this>Tour of this experiment</button>`;
    document.querySelector('.site-header .brand')?.append(bar); // on the brand's row: the figure stays high on the page
    bar.querySelector('[data-tour-start]').addEventListener('click', () => this.go('start', 1));
    bar.querySelector('[data-tour-this]').addEventListener('click', () => this.go(this.app.state.experiment, 1));
    this.thisButton = bar.querySelector('[data-tour-this]');
  }

  /** The hash of a step: its experiment, preset, figure (when not the preset's own) and tour position. */
  stepHash(name, step) {
    const target = tourSteps(name)[step - 1];
    const tour = name === 'start' ? `start:${step}` : String(step);
    return `#v=1&exp=${target.experiment}&preset=${target.preset}${target.figure ? `&figure=${target.figure}` : ''}&tour=${tour}`;
  }

  go(name, step) {
    const steps = tourSteps(name);
    if (!steps.length) return;
    const k = Math.min(Math.max(1, step), steps.length);
    this.app.applyHash(this.stepHash(name, k));
    document.getElementById('figure-card')?.scrollIntoView?.({ block: 'start' });
  }

  close() {
    this.current = null;
    this.panel.hidden = true;
    delete document.body.dataset.touring;
    this.app.setTour(null);
  }

  /** Shows the tour position a state holds ({ name, step } or null); returns the highlighted series key or null. */
  show(tour, experiment) {
    const steps = tour ? tourSteps(tour.name === 'this' ? experiment : tour.name) : [];
    this.thisButton.hidden = !tourSteps(experiment).length;
    if (!steps.length) {
      this.current = null;
      this.panel.hidden = true;
      delete document.body.dataset.touring;
      return null;
    }
    document.body.dataset.touring = 'true';
    const name = tour.name === 'this' ? experiment : tour.name;
    const step = Math.min(Math.max(1, tour.step), steps.length);
    this.current = { name, step };
    const target = steps[step - 1];
    this.panel.hidden = false;
    const count = this.panel.querySelector('[data-tour-count]');
    count.replaceChildren();
    const tourName = document.createElement('span');
    tourName.className = 'tour-name'; // left out on a phone, where the step count shares a row with the buttons
    tourName.textContent = `${name === 'start' ? 'Start here' : 'Tour'} · `;
    count.append(tourName, `step ${step} of ${steps.length}`);
    this.panel.querySelector('[data-tour-text]').textContent = target.text;
    this.panel.querySelector('[data-tour-back]').disabled = step === 1;
    this.panel.querySelector('[data-tour-next]').textContent = step < steps.length ? 'Next'
      : name === 'start' ? 'Tour of this experiment' : 'Finish';
    return target.highlight ?? null;
  }
}

/** The Result series index a step highlights: by value, or an index. */
export function highlightIndex(result, highlight) {
  if (highlight === null || highlight === undefined || !result) return null;
  if (typeof highlight === 'number') return highlight < result.series.length ? highlight : null;
  const k = result.series.findIndex((s) => String(s.value) === highlight);
  return k >= 0 ? k : null;
}
