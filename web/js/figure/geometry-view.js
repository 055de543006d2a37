// The picture of neural collapse at one checkpoint (plain 2-D canvas): the C centred class means (filled discs, one
// colour per class, joined by faint edges so a simplex reads as a triangle, a tetrahedron, a polygon) and the C
// classifier rows (arrows from the origin, same colours), both scaled to unit Frobenius norm and projected on the
// final means' principal directions (geometry-data.js); a 3-D projection is seen obliquely, turning slowly while the
// animation plays. Beside it, a heatmap of the cosines between class means (blue −1, white 0, red +1), which reaches
// −1/(C−1) everywhere off the diagonal at collapse.
import { currentTheme, seriesColour } from './theme.js';

const TAU = 2 * Math.PI;

function setupCanvas(canvas) {
  const ratio = globalThis.devicePixelRatio || 1;
  const width = canvas.clientWidth || 480;
  const height = canvas.clientHeight || 320;
  if (canvas.width !== Math.round(width * ratio) || canvas.height !== Math.round(height * ratio)) {
    canvas.width = Math.round(width * ratio);
    canvas.height = Math.round(height * ratio);
  }
  const context = canvas.getContext('2d');
  context.setTransform(ratio, 0, 0, ratio, 0, 0);
  return { context, width, height };
}

/** A class colour: the series palette, then hues around the wheel for many classes. */
export function classColour(theme, c, classes) {
  if (classes <= theme.series.length - 1) return seriesColour(theme, c);
  return `hsl(${Math.round((360 * c) / classes)}, 65%, ${theme.dark ? 62 : 45}%)`;
}

/** Orthographic view of [x, y, z] turned by `yaw` about the vertical axis and tilted by `pitch`. */
function view3([x, y, z], yaw, pitch) {
  const x1 = Math.cos(yaw) * x + Math.sin(yaw) * z;
  const z1 = -Math.sin(yaw) * x + Math.cos(yaw) * z;
  return [x1, Math.cos(pitch) * y - Math.sin(pitch) * z1];
}

export class GeometryView {
  constructor(canvas, heatmapCanvas) {
    this.canvas = canvas;
    this.heatmap = heatmapCanvas;
    this.yaw = 0.6;
    this.drawn = null; // for tests: what the last draw showed
  }

  /** frame: { means, classifiers, cosines } (geometry-data.js); threeD: whether the third direction is drawn. */
  draw(frame, { threeD }) {
    const theme = currentTheme();
    const { context: g, width, height } = setupCanvas(this.canvas);
    g.fillStyle = theme.background;
    g.fillRect(0, 0, width, height);
    const classes = frame.means.length;
    const flat = (p) => (threeD ? view3(p, this.yaw, 0.45) : [p[0], p[1]]);
    const means = frame.means.map(flat);
    const rows = frame.classifiers.map(flat);
    const scale = 0.42 * Math.min(width, height) / Math.max(1e-12, ...means.concat(rows).map(([x, y]) => Math.hypot(x, y)));
    const at = ([x, y]) => [width / 2 + scale * x, height / 2 - scale * y];
    g.strokeStyle = theme.grid;
    g.lineWidth = 1;
    g.beginPath();
    g.moveTo(width / 2 - 6, height / 2);
    g.lineTo(width / 2 + 6, height / 2);
    g.moveTo(width / 2, height / 2 - 6);
    g.lineTo(width / 2, height / 2 + 6);
    g.stroke();
    g.strokeStyle = theme.muted;
    g.globalAlpha = 0.35;
    g.beginPath();
    for (let a = 0; a < classes; a += 1)
      for (let b = a + 1; b < classes; b += 1) {
        const [x1, y1] = at(means[a]);
        const [x2, y2] = at(means[b]);
        g.moveTo(x1, y1);
        g.lineTo(x2, y2);
      }
    g.stroke();
    g.globalAlpha = 1;
    for (let c = 0; c < classes; c += 1) {
      const colour = classColour(theme, c, classes);
      const [x, y] = at(rows[c]);
      const [ox, oy] = at([0, 0]);
      g.strokeStyle = colour;
      g.lineWidth = 2;
      g.beginPath();
      g.moveTo(ox, oy);
      g.lineTo(x, y);
      g.stroke();
      const angle = Math.atan2(y - oy, x - ox);
      g.fillStyle = colour;
      g.beginPath();
      g.moveTo(x, y);
      g.lineTo(x - 9 * Math.cos(angle - 0.4), y - 9 * Math.sin(angle - 0.4));
      g.lineTo(x - 9 * Math.cos(angle + 0.4), y - 9 * Math.sin(angle + 0.4));
      g.closePath();
      g.fill();
      const [mx, my] = at(means[c]);
      g.beginPath();
      g.arc(mx, my, 6, 0, TAU);
      g.fill();
      g.strokeStyle = theme.background;
      g.lineWidth = 1.5;
      g.stroke();
    }
    this.drawn = { classes, means, classifiers: rows, threeD };
    this.drawHeatmap(frame.cosines, theme);
  }

  drawHeatmap(cosines, theme) {
    if (!this.heatmap) return;
    const { context: g, width, height } = setupCanvas(this.heatmap);
    g.fillStyle = theme.background;
    g.fillRect(0, 0, width, height);
    const c = cosines.length;
    const side = Math.min(width, height) - 8;
    const cell = side / c;
    const left = (width - side) / 2;
    const top = (height - side) / 2;
    for (let i = 0; i < c; i += 1)
      for (let j = 0; j < c; j += 1) {
        g.fillStyle = cosineColour(cosines[i][j]);
        g.fillRect(left + j * cell, top + i * cell, Math.ceil(cell), Math.ceil(cell));
      }
    g.strokeStyle = theme.muted;
    g.strokeRect(left, top, side, side);
  }
}

/** Blue (−1) through white (0) to red (+1). */
export function cosineColour(value) {
  const v = Math.max(-1, Math.min(1, value));
  const mix = (a, b, t) => Math.round(a + (b - a) * t);
  if (v < 0) return `rgb(${mix(255, 33, -v)}, ${mix(255, 102, -v)}, ${mix(255, 172, -v)})`;
  return `rgb(${mix(255, 178, v)}, ${mix(255, 24, v)}, ${mix(255, 43, v)})`;
}
