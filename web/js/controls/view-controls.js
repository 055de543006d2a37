// View options that change the drawing, not the data: a linear or logarithmic y axis, and what the shaded band
// shows. They live in the URL hash too, so a shared link looks the same.

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
    container.append(yGroup, bandWrap);
  }

  emit() {
    this.onChange({ y: this.yInputs.find((i) => i.checked)?.value ?? 'linear', band: this.band.value });
  }

  setValues(view) {
    for (const input of this.yInputs) input.checked = input.value === view.y;
    this.band.value = view.band;
  }
}

export function bandDescription(band) {
  return BAND_LABELS[band];
}
