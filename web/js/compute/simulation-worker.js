// One worker of the pool. A classic (not module) worker, because Emscripten's MODULARIZE glue is a plain script
// that only importScripts can load inside a worker. It instantiates the WebAssembly.Module compiled once by the
// page, then answers jobs: judge a request (validate, describe), simulate trials [begin, end), assemble a Result, write its CSV, or draw one trial's point clouds
// (the pictures of the generative experiments). Before the first job of an experiment that reads real data (the
// catalogue's `datasets`), it fetches those assets from `dataUrl` (dist/data/) and hands them to its module, so
// the data are loaded only when such an experiment opens. Values go back as
// transferred Float64Array buffers (the Embind API returns copies, never views of the heap).
/* eslint-env worker */
'use strict';

let lab = null;
let ready = null;
let dataUrl = null;
let datasetsByExperiment = null;
const provided = new Map(); // dataset name → Promise of its hand-over

let scriptLoaded = null;
let pendingPastedText = null; // text sent before init (see 'pasted-text')

function loadScript(scriptUrl) {
  if (scriptLoaded !== scriptUrl) importScripts(scriptUrl);
  scriptLoaded = scriptUrl;
}

self.onmessage = (event) => {
  const message = event.data;
  if (message.type === 'load') {
    // Sent at spawn, before the page has the compiled module: evaluate the glue now, off the critical path.
    try {
      loadScript(message.scriptUrl);
    } catch {
      // init loads it again and reports the failure
      scriptLoaded = null;
    }
    return;
  }
  if (message.type === 'init') {
    ready = start(message).then(
      () => self.postMessage({ type: 'ready' }),
      (error) => self.postMessage({ type: 'failed', message: String(error && error.message || error) }),
    );
    return;
  }
  if (message.type === 'pasted-text') {
    // A worker spawned before the module was compiled has no init yet: the newest text waits for it.
    if (ready) ready.then(() => providePastedText(message.text));
    else pendingPastedText = message.text;
    return;
  }
  ready.then(() => answer(message));
};

/** The reader's own text (language-model, corpus = pasted) as the dataset "pasted-text" (UTF-8 bytes). */
function providePastedText(text) {
  checked(lab.provideDataset('pasted-text', new TextEncoder().encode(text)));
}

async function start({ scriptUrl, wasmModule, dataUrl: dataBase, datasets, pastedText }) {
  dataUrl = dataBase ?? null;
  // experiment key → the real-data assets it reads, from the page's copy of the catalogue (catalogue.json), so no
  // worker builds the catalogue again before its first job; without it, asked of the module on first use.
  if (datasets && typeof datasets === 'object') datasetsByExperiment = new Map(Object.entries(datasets));
  loadScript(scriptUrl);
  lab = await self.createCollapseLab({
    instantiateWasm(imports, receiveInstance) {
      WebAssembly.instantiate(wasmModule, imports).then((instance) => receiveInstance(instance, wasmModule));
      return {};
    },
  });
  if (typeof pastedText === 'string') providePastedText(pastedText);
  if (typeof pendingPastedText === 'string') providePastedText(pendingPastedText);
}

/** Fetches and provides the datasets the request's experiment reads (once per worker). */
function ensureDatasets(requestText) {
  if (!datasetsByExperiment)
    datasetsByExperiment = new Map(JSON.parse(lab.catalogue()).experiments.map((e) => [e.key, e.datasets ?? []]));
  let experiment = null;
  try {
    experiment = JSON.parse(requestText).experiment;
  } catch {
    return Promise.resolve(); // the engine reports the bad request
  }
  return Promise.all((datasetsByExperiment.get(experiment) ?? []).map((name) => {
    if (!provided.has(name)) {
      const url = new URL(`${name}.bin`, dataUrl ?? new URL('../../data/', self.location.href)).href;
      provided.set(name, fetch(url, { credentials: 'same-origin' }).then(async (response) => {
        if (!response.ok) throw new Error(`could not load the dataset ${name} from ${url} (HTTP ${response.status})`);
        checked(lab.provideDataset(name, new Uint8Array(await response.arrayBuffer())));
      }).catch((error) => {
        provided.delete(name); // a later job may try again
        throw error;
      }));
    }
    return provided.get(name);
  }));
}

async function answer(message) {
  // Judging a request (validate, describe: the page asks before its own engine is loaded) needs no real data.
  if (message.kind === 'validate' || message.kind === 'describe') return compute(message);
  try {
    await ensureDatasets(message.request);
  } catch (error) {
    self.postMessage({ id: message.id, ok: false, message: String(error && error.message || error), issues: [] });
    return;
  }
  compute(message);
}

/**
 * The module's answer, or its error thrown (the module returns errors as values, see wasm/bindings.cpp; the same
 * rule as fromModule in web/js/engine/collapse-engine.js, which a classic worker cannot import).
 */
function checked(answer) {
  const failed = typeof answer === 'string' ? answer.startsWith('{"error"') && JSON.parse(answer)
    : answer !== null && typeof answer === 'object' && typeof answer.error === 'string' && answer;
  if (!failed) return answer;
  throw Object.assign(new Error(failed.error), { issues: failed.issues || [] });
}

function compute({ id, kind, request, begin, end, values, series, trial, comments }) {
  try {
    if (kind === 'validate') {
      // With the run's shape when valid: the page's first run then needs no 'describe' round trip.
      const { issues } = JSON.parse(lab.validate(request));
      const shape = issues.length ? null : JSON.parse(checked(lab.describe(request)));
      self.postMessage({ id, ok: true, text: JSON.stringify({ issues, shape }) });
    } else if (kind === 'describe') {
      self.postMessage({ id, ok: true, text: checked(lab.describe(request)) });
    } else if (kind === 'run') {
      // A short run whole: trials [0, end) simulated and assembled here (the values are what chunks would give).
      const out = checked(lab.simulate(request, 0, end));
      const text = checked(lab.assemble(request, out));
      self.postMessage({ id, ok: true, values: out, text }, [out.buffer]);
    } else if (kind === 'simulate') {
      const out = checked(lab.simulate(request, begin, end));
      self.postMessage({ id, ok: true, values: out }, [out.buffer]);
    } else if (kind === 'assemble') {
      self.postMessage({ id, ok: true, text: checked(lab.assemble(request, values)) });
    } else if (kind === 'csv') {
      self.postMessage({ id, ok: true, text: checked(lab.resultCsv(request, values)) });
    } else if (kind === 'csv-report') {
      self.postMessage({ id, ok: true, text: checked(lab.resultCsvReport(request, values, JSON.stringify(comments ?? []))) });
    } else if (kind === 'partial') {
      self.postMessage({ id, ok: true, text: checked(lab.partialResult(request, values, begin, end)) });
    } else if (kind === 'pointCloud') {
      const cloud = checked(lab.pointCloud(request, series, trial));
      const generations = Array.from(cloud.generations);
      self.postMessage({ id, ok: true, cloud: { dimension: cloud.dimension, real: cloud.real, generations } },
        [cloud.real.buffer, ...generations.map((g) => g.buffer)]);
    } else {
      throw new Error(`unknown job ${kind}`);
    }
  } catch (error) {
    self.postMessage({ id, ok: false, message: String(error && error.message || error), issues: (error && error.issues) || [] });
  }
}
