// View options that change the drawing, not the data: a linear or logarithmic y axis, what the shaded band shows,
// and, for experiments whose view file declares derived figures (e.g. the Pareto view), which figure is drawn.
// They live in the URL hash too, so a shared link looks the same.

const BAND_LABELS = { quantile: '10–90% of trials', sem: 'mean ± 2 standard errors', none: 'no band' };

export class ViewControls {
  constructor(container, { onChange }) {
    container.replaceChildren();
    this.onChange = onChange;

    const yGroup = document.createElement('fieldset');
    yGroup.className = 'segmented';
    const yLegend = document.createElement('legend');
    yLegend.textContent = 'y axis';
    yGroup.append(yLegend);
    this.yInputs = ['linear', 'log'].map((value) => {
      const label = document.createElement('label');
      const input = document.createElement('input');
      input.type = 'radio';
      input.name = 'y-scale';
      input.value = value;
      input.addEventListener('change', () => this.emit());
      label.append(input, value === 'log' ? 'log' : 'linear');
      yGroup.append(label);
      return input;
    });

    const bandWrap = document.createElement('label');
    bandWrap.className = 'band-select';
    bandWrap.append('band ');
    this.band = document.createElement('select');
    for (const [value, text] of Object.entries(BAND_LABELS)) {
      const option = document.createElement('option');
      option.value = value;
      option.textContent = text;
      this.band.append(option);
    }
    this.band.addEventListener('change', () => this.emit());
    bandWrap.append(this.band);
    this.bandWrap = bandWrap;
    this.figureGroup = document.createElement('fieldset');
    this.figureGroup.className = 'segmented figure-choice';
    this.figureGroup.hidden = true;
    this.figureInputs = [];
    container.append(this.figureGroup, yGroup, bandWrap);
  }

  /** The figures the reader may choose between: [{ value, label }]; shown only when there is a choice. */
  setFigures(figures) {
    const legend = document.createElement('legend');
    legend.textContent = 'figure';
    this.figureGroup.replaceChildren(legend);
    this.figureInputs = figures.map(({ value, label: text }) => {
      const label = document.createElement('label');
      const input = document.createElement('input');
      input.type = 'radio';
      input.name = 'figure';
      input.value = value;
      input.addEventListener('change', () => this.emit());
      label.append(input, text);
      this.figureGroup.append(label);
      return input;
    });
    this.figureGroup.hidden = figures.length < 2;
  }

  /** Derived figures this run cannot be shown as are disabled, with the reason as their tooltip: { value: reason }. */
  setUnavailable(reasons) {
    for (const input of this.figureInputs) {
      const reason = reasons[input.value] ?? '';
      input.disabled = Boolean(reason) && !input.checked;
      input.parentElement.title = reason ? `Not for these settings: ${reason}.` : '';
      input.parentElement.classList.toggle('unavailable', Boolean(reason));
    }
  }

  /** The band means nothing in a derived figure of means: it is hidden there. */
  setBandShown(shown) {
    this.bandWrap.hidden = !shown;
  }

  emit() {
    this.onChange({ y: this.yInputs.find((i) => i.checked)?.value ?? 'linear', band: this.band.value,
      figure: this.figureInputs.find((i) => i.checked)?.value ?? 'standard' });
  }

  setValues(view) {
    for (const input of this.yInputs) input.checked = input.value === view.y;
    this.band.value = view.band;
    for (const input of this.figureInputs) input.checked = input.value === view.figure;
  }
}

export function bandDescription(band) {
  return BAND_LABELS[band];
}
