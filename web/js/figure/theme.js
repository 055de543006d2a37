// Colours of the figure, read from the page's CSS custom properties so the chart follows the light/dark theme
// (prefers-color-scheme). Series use the Okabe–Ito palette, which stays distinguishable with the common forms of
// colour blindness; the dark variant swaps the darkest blue for sky blue so lines keep their contrast.

const OKABE_ITO_LIGHT = ['#0072B2', '#D55E00', '#009E73', '#CC79A7', '#E69F00', '#56B4E9', '#000000'];
const OKABE_ITO_DARK = ['#56B4E9', '#E69F00', '#009E73', '#CC79A7', '#F0E442', '#D55E00', '#FFFFFF'];

export const darkQuery = globalThis.matchMedia?.('(prefers-color-scheme: dark)');

/** The page's light theme (lab.css :root), whatever the reader's colour scheme: exports use it unless asked. */
export const LIGHT_THEME = Object.freeze({ dark: false, text: '#1b1f24', muted: '#57606a', grid: '#e4e8ec', background: '#ffffff', series: OKABE_ITO_LIGHT });

export function currentTheme() {
  const dark = Boolean(darkQuery?.matches);
  const style = getComputedStyle(document.documentElement);
  const read = (name, fallback) => style.getPropertyValue(name).trim() || fallback;
  return {
    dark,
    text: read('--fg', dark ? '#e6edf3' : '#1b1f24'),
    muted: read('--muted', dark ? '#9198a1' : '#57606a'),
    grid: read('--grid', dark ? '#30363d' : '#d0d7de'),
    background: read('--card', dark ? '#161b22' : '#ffffff'),
    series: dark ? OKABE_ITO_DARK : OKABE_ITO_LIGHT,
  };
}

export function seriesColour(theme, index) {
  return theme.series[index % theme.series.length];
}

/** '#rrggbb' with an alpha, for the bands. */
export function withAlpha(hex, alpha) {
  const n = Number.parseInt(hex.slice(1), 16);
  return `rgba(${(n >> 16) & 255}, ${(n >> 8) & 255}, ${n & 255}, ${alpha})`;
}
