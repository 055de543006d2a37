// One control generated from a catalogue parameter: its label carries the paper's symbol and unit, a help line
// gives the one-line explanation and the allowed range, and an issue line shows what validate() said about it.
// Numbers use a text field (not type=number) so that whatever the reader typed reaches the engine's
// validation and its message, instead of being silently emptied by the browser.
import { formatCount, formatNumber } from '../util/format.js';

let uid = 0;

export function rangeText(parameter) {
  if (parameter.type === 'choice') return '';
  const integer = parameter.type === 'integer';
  const show = integer ? formatCount : formatNumber;
  return `${integer ? 'whole number' : 'number'}, ${show(parameter.min)} to ${show(parameter.max)}`;
}

/**
 * @returns {{ element, key, input, setValue(value), setIssue(message), setSwept(reason), setHidden(bool) }}
 * onInput(key, value) fires while typing; onCommit(key, value) on Enter, change of a select, or leaving the field.
 */
export function createParameterControl(parameter, { onInput, onCommit }) {
  const id = `param-${parameter.key}-${(uid += 1)}`;
  const element = document.createElement('div');
  element.className = 'control';
  element.dataset.key = parameter.key;

  const label = document.createElement('label');
  label.htmlFor = id;
  if (parameter.symbol && parameter.symbol !== parameter.key) {
    const symbol = document.createElement('span');
    symbol.className = 'symbol';
    symbol.textContent = parameter.symbol;
    label.append(symbol, ' ');
  }
  label.append(parameter.label);
  if (parameter.unit) {
    const unit = document.createElement('span');
    unit.className = 'unit';
    unit.textContent = ` (${parameter.unit})`;
    label.append(unit);
  }

  let input;
  if (parameter.type === 'choice') {
    input = document.createElement('select');
    parameter.choices.forEach((choice, i) => {
      const option = document.createElement('option');
      option.value = choice;
      option.textContent = parameter.choiceLabels?.[i] ?? choice;
      input.append(option);
    });
    input.addEventListener('change', () => onCommit(parameter.key, input.value));
  } else {
    input = document.createElement('input');
    input.type = 'text';
    input.inputMode = parameter.type === 'integer' ? 'numeric' : 'decimal';
    input.autocomplete = 'off';
    input.spellcheck = false;
    const read = () => toValue(input.value);
    input.addEventListener('input', () => onInput(parameter.key, read()));
    input.addEventListener('change', () => onCommit(parameter.key, read()));
    input.addEventListener('keydown', (event) => { if (event.key === 'Enter') { event.preventDefault(); onCommit(parameter.key, read()); } });
  }
  input.id = id;
  input.name = parameter.key;

  const help = document.createElement('p');
  help.className = 'help';
  help.id = `${id}-help`;
  help.textContent = [parameter.description, rangeText(parameter) && `(${rangeText(parameter)})`].filter(Boolean).join(' ');

  const issue = document.createElement('p');
  issue.className = 'issue';
  issue.id = `${id}-issue`;
  issue.setAttribute('aria-live', 'polite');

  input.setAttribute('aria-describedby', `${help.id} ${issue.id}`);
  element.append(label, input, issue, help);

  return {
    element,
    key: parameter.key,
    input,
    setValue(value) {
      if (document.activeElement === input && parameter.type !== 'choice' && toValue(input.value) === value) return; // keep what is being typed
      input.value = String(value);
    },
    setIssue(message) {
      issue.textContent = message ?? '';
      if (message) input.setAttribute('aria-invalid', 'true');
      else input.removeAttribute('aria-invalid');
      element.classList.toggle('invalid', Boolean(message));
    },
    setSwept(reason) {
      input.disabled = Boolean(reason);
      element.classList.toggle('swept', Boolean(reason));
      element.dataset.swept = reason ?? '';
      if (reason) issue.textContent = reason;
      else if (!element.classList.contains('invalid')) issue.textContent = '';
    },
    setHidden(hidden) {
      element.hidden = hidden;
    },
  };
}

// A finite number when the text is one, otherwise the text itself, so the engine can name the problem.
function toValue(text) {
  const trimmed = text.trim();
  if (trimmed !== '' && Number.isFinite(Number(trimmed))) return Number(trimmed);
  return trimmed;
}
