// The legend as HTML under the canvas: one toggle button per series (keyboard-operable, aria-pressed), and a key
// that says how to read the lines. Chart.js's own canvas legend cannot be reached from the keyboard.

const SVG = 'http://www.w3.org/2000/svg';

function swatch(colour, dashed) {
  const svg = document.createElementNS(SVG, 'svg');
  svg.setAttribute('viewBox', '0 0 28 10');
  svg.setAttribute('width', '28');
  svg.setAttribute('height', '10');
  svg.setAttribute('aria-hidden', 'true');
  const line = document.createElementNS(SVG, 'line');
  line.setAttribute('x1', '1');
  line.setAttribute('x2', '27');
  line.setAttribute('y1', '5');
  line.setAttribute('y2', '5');
  line.setAttribute('stroke', colour);
  line.setAttribute('stroke-width', '2.5');
  if (dashed) line.setAttribute('stroke-dasharray', dashed);
  svg.append(line);
  return svg;
}

/** items: [{ label, colour, theory, hidden }]; onToggle(index, hidden). */
export function renderLegend(container, items, { bandText, hasTheory = true, hasBound = true, onToggle }) {
  container.replaceChildren();
  const list = document.createElement('ul');
  list.className = 'legend-series';
  items.forEach((item, k) => {
    const li = document.createElement('li');
    const button = document.createElement('button');
    button.type = 'button';
    button.setAttribute('aria-pressed', String(!item.hidden));
    button.title = item.hidden ? `Show ${item.label}` : `Hide ${item.label}`;
    button.append(swatch(item.colour), ' ', item.label);
    button.addEventListener('click', () => onToggle(k, !item.hidden));
    li.append(button);
    list.append(li);
  });

  const key = document.createElement('p');
  key.className = 'legend-key';
  const muted = getComputedStyle(container).color;
  const entry = (dash, text) => {
    const span = document.createElement('span');
    span.append(swatch(muted, dash), ` ${text}`);
    return span;
  };
  key.append(entry(null, 'Monte Carlo mean'));
  if (bandText) {
    const band = document.createElement('span');
    const box = document.createElement('span');
    box.className = 'band-swatch';
    box.setAttribute('aria-hidden', 'true');
    band.append(box, ` ${bandText}`);
    key.append(band);
  }
  if (hasTheory) key.append(entry('6 4', 'theory'));
  if (hasBound) key.append(entry('2 3', 'bound'));
  container.append(list, key);
}
