// One worker of the pool. A classic (not module) worker, because Emscripten's MODULARIZE glue is a plain script
// that only importScripts can load inside a worker. It instantiates the WebAssembly.Module compiled once by the
// page, then answers jobs: simulate trials [begin, end), assemble a Result, write its CSV, or draw one trial's point clouds
// (the pictures of the generative experiments). Values go back as
// transferred Float64Array buffers (the Embind API returns copies, never views of the heap).
/* eslint-env worker */
'use strict';

let lab = null;
let ready = null;

self.onmessage = (event) => {
  const message = event.data;
  if (message.type === 'init') {
    ready = start(message).then(
      () => self.postMessage({ type: 'ready' }),
      (error) => self.postMessage({ type: 'failed', message: String(error && error.message || error) }),
    );
    return;
  }
  ready.then(() => answer(message));
};

async function start({ scriptUrl, wasmModule }) {
  importScripts(scriptUrl);
  lab = await self.createCollapseLab({
    instantiateWasm(imports, receiveInstance) {
      WebAssembly.instantiate(wasmModule, imports).then((instance) => receiveInstance(instance, wasmModule));
      return {};
    },
  });
}

function answer({ id, kind, request, begin, end, values, series, trial }) {
  try {
    if (kind === 'simulate') {
      const out = lab.simulate(request, begin, end);
      self.postMessage({ id, ok: true, values: out }, [out.buffer]);
    } else if (kind === 'assemble') {
      self.postMessage({ id, ok: true, text: lab.assemble(request, values) });
    } else if (kind === 'csv') {
      self.postMessage({ id, ok: true, text: lab.resultCsv(request, values) });
    } else if (kind === 'partial') {
      self.postMessage({ id, ok: true, text: lab.partialResult(request, values, begin, end) });
    } else if (kind === 'pointCloud') {
      const cloud = lab.pointCloud(request, series, trial);
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
