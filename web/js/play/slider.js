// A slider beside a numeric control (direct manipulation): log-scaled where the catalogue says the parameter is
// (`scale: 'log'`, e.g. samples, ridge λ), linear otherwise, over the parameter's allowed range. Dragging reports
// values as the reader moves (onDrag: the lab re-runs cheap figures live, debounced); releasing commits (onCommit).
// The text field stays the exact way in: the slider follows it, and it follows the slider.

const STEPS = 1000;

/** Slider position (0…STEPS) ↔ value, for a catalogue parameter; integers round, reals keep 3 significant digits. */
export function sliderScale(parameter) {
  const { min, max } = parameter;
  const log = parameter.scale === 'log' && min >= 0 && max > 0;
  const floor = log ? (min > 0 ? min : Math.min(max / 1e6, parameter.default > 0 ? parameter.default / 1000 : 1e-6)) : min;
  const integer = parameter.type === 'integer';
  const round = (v) => (integer ? Math.round(v) : Number(v.toPrecision(3)));
  const toValue = (position) => {
    const u = position / STEPS;
    if (log) {
      if (position === 0 && min === 0) return 0;
      return Math.min(max, Math.max(min, round(floor * (max / floor) ** u)));
    }
    return Math.min(max, Math.max(min, round(min + u * (max - min))));
  };
  const toPosition = (value) => {
    if (!Number.isFinite(value)) return 0;
    const v = Math.min(max, Math.max(min, value));
    if (log) return v <= floor ? 0 : Math.round((STEPS * Math.log(v / floor)) / Math.log(max / floor));
    return max > min ? Math.round((STEPS * (v - min)) / (max - min)) : 0;
  };
  return { log, toValue, toPosition };
}

/** Adds a range input after the control's text field; returns { slider, setValue(value), setDisabled(bool) }. */
export function attachSlider(control, parameter, { onDrag, onCommit }) {
  const scale = sliderScale(parameter);
  const slider = document.createElement('input');
  slider.type = 'range';
  slider.min = '0';
  slider.max = String(STEPS);
  slider.step = '1';
  slider.className = 'param-slider';
  slider.dataset.scale = scale.log ? 'log' : 'linear';
  slider.setAttribute('aria-label', `${parameter.label}${parameter.symbol ? ` (${parameter.symbol})` : ''}, ${scale.log ? 'logarithmic' : 'linear'} slider`);
  const show = (value) => {
    slider.value = String(scale.toPosition(Number(value)));
    slider.setAttribute('aria-valuetext', String(value));
  };
  slider.addEventListener('input', () => {
    const value = scale.toValue(Number(slider.value));
    control.input.value = String(value);
    slider.setAttribute('aria-valuetext', String(value));
    onDrag(parameter.key, value);
  });
  slider.addEventListener('change', () => onCommit(parameter.key, scale.toValue(Number(slider.value))));
  control.input.addEventListener('input', () => { if (Number.isFinite(Number(control.input.value))) show(Number(control.input.value)); });
  control.input.after(slider);
  return { slider, setValue: show, setDisabled: (disabled) => { slider.disabled = disabled; } };
}
