// Scrubbable numbers (Bret Victor's "explorable explanations", Tangle): where a caption quotes a parameter's value as
// "symbol = value" (T = 100, d = 10, σ₀ = 0.5, N = 10⁵), that value becomes a draggable number. Dragging it
// horizontally moves the parameter over its catalogue range on the same scale as the control's slider (play/slider.js:
// log where the catalogue says `scale: 'log'`), and the figure re-runs live like a slider drag; the arrow keys (Page
// Up/Down for larger steps, Home/End for the ends) do the same from the keyboard, and the span is a role="slider" with
// aria-valuenow/min/max. Only values equal to the parameter's value in the run the caption describes are marked, and
// never a swept parameter's (its values are on an axis, not in the config), so a caption's other numbers stay text.
import { sliderScale } from './slider.js';
import { formatShort } from '../util/format.js';

const SUPERSCRIPT = '⁻⁰¹²³⁴⁵⁶⁷⁸⁹';
// 2.5×10⁻⁶, 10⁵, 0.5, −3, 20 000 is not a form the captions use (formatShort and String give these).
const NUMBER = new RegExp(`^(?:(−?\\d+(?:\\.\\d+)?)×10([${SUPERSCRIPT}]+)|10([${SUPERSCRIPT}]+)|(−?\\d+(?:\\.\\d+)?))`);
const LETTER = /[\p{L}\p{N}_₀-₉]/u;
const POSITIONS_PER_PIXEL = 2; // slider positions (of 1000) per pixel dragged: the whole range in 500 px (Shift: 2000 px)

/** The number a caption writes (formatShort's forms: 10⁵, 2.5×10⁻⁶, −0.5), or NaN. */
export function parseCaptionNumber(text) {
  const match = NUMBER.exec(text);
  if (!match) return { value: Number.NaN, length: 0 };
  const power = (digits) => Number([...digits].map((c) => (c === '⁻' ? '-' : String(SUPERSCRIPT.indexOf(c) - 1))).join(''));
  const plain = (s) => Number(s.replace('−', '-'));
  const value = match[1] !== undefined ? plain(match[1]) * 10 ** power(match[2])
    : match[3] !== undefined ? 10 ** power(match[3]) : plain(match[4]);
  return { value, length: match[0].length };
}

/** How a value is written in a scrubbed caption: integers whole, reals like the captions (three digits). */
export function formatScrubbed(parameter, value) {
  return parameter.type === 'integer' && Math.abs(value) < 1e5 ? String(value) : formatShort(value);
}

const same = (a, b) => a === b || Math.abs(a - b) <= 1e-9 + 0.005 * Math.abs(b);

/**
 * Where `text` quotes a scrubbable parameter value: [{ start, end, parameter }] (the number's characters), in order.
 * parameters: the catalogue's; config: the values the caption describes; allowed(key): whether a key may be scrubbed.
 */
export function findScrubbables(text, parameters, config, allowed = () => true) {
  const candidates = parameters.filter((p) => (p.type === 'integer' || p.type === 'real') && p.key !== 'seed' && p.symbol &&
    typeof config[p.key] === 'number' && allowed(p.key));
  // A symbol two parameters share cannot say which one it is.
  const bySymbol = new Map();
  for (const p of candidates) bySymbol.set(p.symbol, bySymbol.has(p.symbol) ? null : p);
  const found = [];
  for (const [symbol, parameter] of bySymbol) {
    if (!parameter) continue;
    const needle = `${symbol} = `;
    for (let at = text.indexOf(needle); at >= 0; at = text.indexOf(needle, at + 1)) {
      if (at > 0 && LETTER.test(text[at - 1])) continue;
      const start = at + needle.length;
      const { value, length } = parseCaptionNumber(text.slice(start));
      if (!length || !same(value, config[parameter.key])) continue;
      if (LETTER.test(text[start + length] ?? ' ') && !/^[\s,.;:)]/.test(text.slice(start + length))) continue;
      found.push({ start, end: start + length, parameter });
    }
  }
  return found.sort((a, b) => a.start - b.start);
}

/** Shows `value` in a scrubbable span (its text and its slider state). */
export function showScrubbedValue(span, parameter, value) {
  span.textContent = formatScrubbed(parameter, value);
  span.setAttribute('aria-valuenow', String(value));
  span.setAttribute('aria-valuetext', `${parameter.symbol} = ${formatScrubbed(parameter, value)}`);
}

/**
 * Makes `span` (showing `value`) a draggable, keyboard-operable number for `parameter`.
 * onDragStart(key, value) when a drag begins; onChange(key, value) while it moves; onEnd(key, value, changed) once a drag ends
 * (keys call onChange only).
 */
export function makeScrubbable(span, parameter, value, { onChange, onDragStart = () => {}, onEnd }) {
  const scale = sliderScale(parameter);
  let current = value;
  span.className = 'scrub';
  span.tabIndex = 0;
  span.dataset.scrub = parameter.key;
  span.setAttribute('role', 'slider');
  span.setAttribute('aria-label', `${parameter.label} (${parameter.symbol})`);
  span.setAttribute('aria-valuemin', String(parameter.min));
  span.setAttribute('aria-valuemax', String(parameter.max));
  span.title = `Drag left or right, or use the arrow keys, to change ${parameter.symbol} (${parameter.label}); the figure follows.`;
  const show = (v) => {
    current = v;
    showScrubbedValue(span, parameter, v);
  };
  show(value);
  const set = (v) => {
    if (v === current || !Number.isFinite(v)) return;
    show(v);
    onChange(parameter.key, v);
  };

  // Drag: positions of the control's slider, so a log parameter moves by factors and a linear one by steps. The
  // pointer is followed on the window, not by capture on the span: the caption is redrawn (with this number) as each
  // live run lands, and the drag goes on across that.
  let drag = null;
  const move = (event) => {
    const fine = event.shiftKey ? 0.25 : 1;
    set(scale.toValue(Math.min(1000, Math.max(0, Math.round(drag.position + (event.clientX - drag.x) * POSITIONS_PER_PIXEL * fine)))));
  };
  const end = () => {
    window.removeEventListener('pointermove', move);
    window.removeEventListener('pointerup', end);
    window.removeEventListener('pointercancel', end);
    const changed = current !== drag.start;
    drag = null;
    span.classList.remove('scrubbing');
    onEnd(parameter.key, current, changed);
  };
  span.addEventListener('pointerdown', (event) => {
    if (event.button !== 0 || drag) return;
    event.preventDefault();
    drag = { x: event.clientX, position: scale.toPosition(current), start: current };
    span.classList.add('scrubbing');
    span.focus({ preventScroll: true });
    onDragStart(parameter.key, current);
    window.addEventListener('pointermove', move);
    window.addEventListener('pointerup', end);
    window.addEventListener('pointercancel', end);
  });

  // Keys: one step (an integer's unit, or 1% of the slider), ten with Page Up/Down, the ends with Home/End.
  span.addEventListener('keydown', (event) => {
    const steps = { ArrowRight: 1, ArrowUp: 1, ArrowLeft: -1, ArrowDown: -1, PageUp: 10, PageDown: -10 }[event.key];
    if (event.key === 'Home' || event.key === 'End') {
      event.preventDefault();
      set(event.key === 'Home' ? parameter.min : parameter.max);
      return;
    }
    if (!steps) return;
    event.preventDefault();
    set(stepped(parameter, scale, current, steps));
  });
  return { get value() { return current; } };
}

/** The value `steps` key presses away from `value`: integers on a linear scale by ±1, else by 1% of the slider a press. */
export function stepped(parameter, scale, value, steps) {
  const { min, max } = parameter;
  if (parameter.type === 'integer' && !scale.log && max - min <= 1000) return Math.min(max, Math.max(min, value + steps));
  let position = scale.toPosition(value);
  let next = value;
  // A step must change the value (a log integer near 1 needs more than 1% of the slider).
  for (let k = 0; k < 100 && next === value; k += 1) {
    position = Math.min(1000, Math.max(0, position + 10 * steps));
    next = scale.toValue(position);
    if (position === 0 || position === 1000) break;
  }
  return next;
}
