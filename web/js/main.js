// Minimal page: loads the WebAssembly engine (SIMD where supported), runs the default recursive-regression
// experiment and draws its Monte Carlo means and theory.
import { detectFlavour } from './engine/flavour.js';
import { loadEngine } from './engine/load-browser.js';

const palette = ['#0072B2', '#E69F00', '#009E73', '#CC79A7', '#56B4E9', '#D55E00']; // Okabe–Ito, colour-blind safe
const status = document.getElementById('status');

async function main() {
  const flavour = await detectFlavour();
  const engine = await loadEngine(new URL('wasm/', document.baseURI), flavour);
  const request = { experiment: 'recursive-regression', config: { design: 'fixed' } };
  const started = performance.now();
  const result = engine.run(request);
  const seconds = (performance.now() - started) / 1000;
  draw(result);
  status.textContent = `${result.trials} trials, seed ${result.seed}, ${flavour} build, ${seconds.toFixed(2)} s. ` +
    'Solid: Monte Carlo mean; dashed: theory.';
  document.body.dataset.ready = 'true';
}

function draw(result) {
  const datasets = [];
  result.series.forEach((series, k) => {
    const colour = palette[k % palette.length];
    datasets.push({ label: series.label, data: series.simulation.mean, borderColor: colour, backgroundColor: colour, pointRadius: 2 });
    if (series.theory)
      datasets.push({ label: `${series.label} (theory)`, data: series.theory, borderColor: colour, borderDash: [6, 4], pointRadius: 0 });
  });
  new window.Chart(document.getElementById('figure'), {
    type: 'line',
    data: { labels: result.x.values, datasets },
    options: {
      maintainAspectRatio: false,
      animation: false,
      scales: { x: { title: { display: true, text: result.x.label } }, y: { title: { display: true, text: result.metric.label } } },
    },
  });
}

main().catch((error) => {
  status.textContent = `The simulator could not start: ${error.message}`;
  throw error;
});
