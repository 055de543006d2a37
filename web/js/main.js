// Start-up, ordered for the first figure (docs/web.md, "Performance"): this module imports only what starts the
// computation, so it runs before the rest of the page's modules have loaded. It picks the WebAssembly flavour
// (SIMD where supported, or ?flavour=), starts compiling it (streaming, off the main thread) and spawns the
// worker pool at once — the workers load the Emscripten glue while the module compiles and instantiate it as soon
// as it is ready. Meanwhile the lab's modules and the build-time catalogue.json load; the lab is built in its own
// task and the default preset's run starts at once. Until the first figure the workers also judge requests
// (engine/page-engine.js); the page's own engine (synchronous validation while the reader types or drags) is
// instantiated from the same compiled module after the first figure, in idle time.
import { defaultPoolSize, WorkerPool } from './compute/worker-pool.js';
import { detectFlavour } from './engine/flavour.js';
import { compileModule, loadEngine, moduleUrls } from './engine/load-browser.js';
import { PageEngine } from './engine/page-engine.js';
import { readQueryOptions } from './state/query-options.js';

// main.js is an async module script (index.html): it may run before the document is parsed and before the deferred
// Chart.js scripts; both are done by DOMContentLoaded. (readyState 'interactive' is not enough: it comes before
// the deferred scripts have run.)
const documentReady = () => new Promise((resolve) => {
  const loaded = document.readyState === 'complete' || performance.getEntriesByType('navigation')[0]?.domContentLoadedEventEnd > 0;
  if (loaded) resolve();
  else document.addEventListener('DOMContentLoaded', () => resolve(), { once: true });
});

/** Lets the browser paint and handle input between two parts of start-up (no task of start-up runs long). */
const yieldToBrowser = () => (globalThis.scheduler?.yield ? globalThis.scheduler.yield() : new Promise((resolve) => setTimeout(resolve, 0)));

// The lab's modules (about 70 files, 340 kB of source) are parsed and evaluated when imported: in one import that
// was one long main-thread task. Imported in these steps, each its own task, with the browser free in between.
const LAB_STEPS = [() => import('./experiments/index.js'), () => import('./figure/chart-view.js'),
  () => import('./controls/control-panel.js'), () => import('./tour/tour-guide.js')];

async function importLab() {
  for (const step of LAB_STEPS) {
    await step();
    await yieldToBrowser();
  }
  return Promise.all([import('./app/lab-app.js'), import('./compute/run-controller.js'), import('./embed/embed-api.js')]);
}

async function main() {
  const options = readQueryOptions(location.search);
  const lab = importLab();
  const catalogue = fetch(new URL('catalogue.json', document.baseURI), { credentials: 'same-origin' }).then((response) => {
    if (!response.ok) throw new Error(`could not load catalogue.json (HTTP ${response.status})`);
    return response.json();
  });
  const flavour = options.flavour ?? await detectFlavour();
  const wasmBase = new URL('wasm/', document.baseURI);
  const compiled = compileModule(wasmBase, flavour).then((module) => {
    performance.mark('collapse-lab:compiled');
    return module;
  });
  const poolSize = options.pool ?? defaultPoolSize();
  const { script } = moduleUrls(wasmBase, flavour);
  const pool = new WorkerPool({
    size: poolSize,
    workerUrl: new URL('js/compute/simulation-worker.js', document.baseURI),
    scriptUrl: script,
    init: Promise.all([compiled, catalogue]).then(([wasmModule, { experiments }]) => ({
      scriptUrl: script, wasmModule, dataUrl: new URL('data/', document.baseURI).href,
      datasets: Object.fromEntries(experiments.map((e) => [e.key, e.datasets ?? []])),
    })),
  });
  pool.warm();
  compiled.catch(failed); // the workers' jobs fail too, and the lab says so beside its figure
  const catalogueData = await catalogue;
  const engine = new PageEngine({
    catalogue: catalogueData,
    pool,
    loadLocal: async () => {
      const local = await loadEngine(wasmBase, flavour, await compiled, { catalogue: catalogueData });
      performance.mark('collapse-lab:engine');
      return local;
    },
  });
  const [{ LabApp }, { RunController }, { startEmbedApi }] = await lab;
  await documentReady();
  await yieldToBrowser();

  const app = new LabApp({ engine, runner: new RunController({ engine, pool }), flavour, poolSize, embed: options.embed });
  const embedApi = startEmbedApi(app);
  app.on('result', (data) => embedApi.post('result', data));
  app.on('progress', (data) => embedApi.post('progress', data));
  app.on('error', (data) => embedApi.post('error', data));
  // For people (and tests) who want the numbers behind the figure from the console.
  window.collapseLab = Object.freeze({
    get state() { return structuredClone(app.state); },
    get result() { return app.good ? structuredClone(app.good.result) : null; },
    get hash() { return app.writtenHash; },
    // The last complete run's time (first chunk sent → Result assembled), unrounded: bench/pool.mjs takes ratios of it.
    get runSeconds() { return app.good ? app.good.seconds : null; },
    flavour,
    poolSize,
    version: engine.version,
  });
  await yieldToBrowser();
  // After the first figure (or the first run's failure, or the reader's first touch of the page during a long first
  // run), in idle time: the page's own engine, so that validation answers synchronously from then on. Before it,
  // workers answer: the first run never waits for this instantiation.
  let engineAsked = false;
  const loadEngineLater = () => {
    if (engineAsked) return;
    engineAsked = true;
    engine.loadWhenIdle().catch(() => {}); // the workers still answer; a broken module is reported by the runs
  };
  app.on('result', loadEngineLater);
  app.on('error', loadEngineLater);
  for (const type of ['pointerdown', 'keydown', 'focusin']) document.addEventListener(type, loadEngineLater, { once: true, capture: true, passive: true });
  await app.start();
  embedApi.post('ready', { version: engine.version, flavour, experiment: app.state.experiment, hash: app.writtenHash });
}

async function failed(error) {
  await documentReady();
  const message = `The simulator could not start: ${error.message}. It needs a browser with WebAssembly and Web Workers.`;
  document.getElementById('status').textContent = message;
  document.getElementById('chart-placeholder').textContent = message;
}

main().catch(async (error) => {
  await failed(error);
  throw error;
});
