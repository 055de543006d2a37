// The legend as HTML under the canvas: one toggle button per series (keyboard-operable, aria-pressed), and a key
// that says how to read what the figure draws (line styles, band, reference lines, marked points). Chart.js's own
// canvas legend cannot be reached from the keyboard.

const SVG = 'http://www.w3.org/2000/svg';

function svgElement(name, attributes) {
  const element = document.createElementNS(SVG, name);
  for (const [key, value] of Object.entries(attributes)) element.setAttribute(key, value);
  return element;
}

function swatch(colour, dashed, cap) {
  const svg = svgElement('svg', { viewBox: '0 0 28 10', width: '28', height: '10', 'aria-hidden': 'true' });
  const line = svgElement('line', { x1: '2', x2: '27', y1: '5', y2: '5', stroke: colour, 'stroke-width': cap === 'round' ? '3' : '2.5' });
  if (dashed) line.setAttribute('stroke-dasharray', dashed);
  if (cap) line.setAttribute('stroke-linecap', cap);
  svg.append(line);
  return svg;
}

function diamond(colour) {
  const svg = svgElement('svg', { viewBox: '0 0 14 14', width: '14', height: '14', 'aria-hidden': 'true' });
  svg.append(svgElement('rect', { x: '3', y: '3', width: '8', height: '8', fill: colour, transform: 'rotate(45 7 7)' }));
  return svg;
}

/**
 * items: [{ index, label, colour, hidden }] (index: the Result's series); keys: [{ kind: 'line'|'band'|'marker'|'scale',
 * dash?, cap?, colours? (scale: low to high), text }]; onToggle(index, hidden).
 */
export function renderLegend(container, items, { keys = [], onToggle }) {
  container.replaceChildren();
  const list = document.createElement('ul');
  list.className = 'legend-series';
  for (const item of items) {
    const li = document.createElement('li');
    const button = document.createElement('button');
    button.type = 'button';
    button.dataset.series = String(item.index);
    button.setAttribute('aria-pressed', String(!item.hidden));
    button.title = item.hidden ? `Show ${item.label}` : `Hide ${item.label}`;
    button.append(swatch(item.colour), ' ', item.label);
    button.addEventListener('click', () => onToggle(item.index, !item.hidden));
    li.append(button);
    list.append(li);
  }

  const key = document.createElement('p');
  key.className = 'legend-key';
  const muted = getComputedStyle(container).color;
  for (const entry of keys) {
    const span = document.createElement('span');
    if (entry.kind === 'scale') {
      // A heatmap's colour scale, low to high (the figure draws the full bar with its ticks).
      const bar = document.createElement('span');
      bar.className = 'scale-swatch';
      bar.setAttribute('aria-hidden', 'true');
      bar.style.background = `linear-gradient(to right, ${entry.colours.join(', ')})`;
      span.append(bar);
    } else if (entry.kind === 'band') {
      const box = document.createElement('span');
      box.className = 'band-swatch';
      box.setAttribute('aria-hidden', 'true');
      span.append(box);
    } else {
      span.append(entry.kind === 'marker' ? diamond(muted) : swatch(muted, entry.dash, entry.cap));
    }
    span.append(` ${entry.text}`);
    key.append(span);
  }
  container.append(list, key);
}
