// Start-up: pick the WebAssembly flavour (SIMD where supported, or ?flavour=), compile it once, start the worker
// pool and the page's own engine in parallel, then hand over to the lab. The page's HTML and CSS paint before any
// of this; the first figure follows as soon as the default preset's run is done.
import { LabApp } from './app/lab-app.js';
import { RunController } from './compute/run-controller.js';
import { defaultPoolSize, WorkerPool } from './compute/worker-pool.js';
import { startEmbedApi } from './embed/embed-api.js';
import { detectFlavour } from './engine/flavour.js';
import { compileModule, loadEngine, moduleUrls } from './engine/load-browser.js';
import { readQueryOptions } from './state/query-options.js';

async function main() {
  const options = readQueryOptions(location.search);
  const flavour = options.flavour ?? await detectFlavour();
  const wasmBase = new URL('wasm/', document.baseURI);
  const wasmModule = await compileModule(wasmBase, flavour);
  performance.mark('collapse-lab:compiled');
  const poolSize = options.pool ?? defaultPoolSize();
  const pool = new WorkerPool({
    size: poolSize,
    workerUrl: new URL('js/compute/simulation-worker.js', document.baseURI),
    init: { scriptUrl: moduleUrls(wasmBase, flavour).script, wasmModule, dataUrl: new URL('data/', document.baseURI).href },
  });
  pool.warm();
  const engine = await loadEngine(wasmBase, flavour, wasmModule);
  performance.mark('collapse-lab:engine');

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
    flavour,
    poolSize,
    version: engine.version,
  });
  app.start();
  embedApi.post('ready', { version: engine.version, flavour, experiment: app.state.experiment, hash: app.writtenHash });
}

main().catch((error) => {
  const message = `The simulator could not start: ${error.message}. It needs a browser with WebAssembly and Web Workers.`;
  document.getElementById('status').textContent = message;
  document.getElementById('chart-placeholder').textContent = message;
  throw error;
});
