// The JavaScript API of the WebAssembly core: a thin layer over the Embind module (wasm/bindings.cpp) that
// speaks JS objects instead of JSON text. Loading is separate (load-browser.js, tests/js/load-node.mjs), so
// the same class serves the page, the workers and node.
//
// Requests: { experiment: "recursive-regression", config: { dim: 10, ... }, x?: "ridge=0.01:10:log:12",
//             series?: "generations=1,5,10" }.
// Every method throws a JS Error on bad input; error.issues lists { parameter, value, message }.

export class CollapseEngine {
  /** @param module an instantiated Embind module from createCollapseLab() */
  constructor(module) {
    this.module = module;
    this.version = module.version();
    this.flavour = module.flavour();
    this.catalogueCache = null;
  }

  /** The parameter catalogue: { version, experiments: [{ key, title, parameters: [...] , ... }] }. */
  catalogue() {
    if (!this.catalogueCache) this.catalogueCache = JSON.parse(this.module.catalogue());
    return this.catalogueCache;
  }

  /** Every problem with a request, without throwing: [{ parameter, value, message }]. */
  validate(request) {
    return JSON.parse(this.module.validate(requestText(request))).issues;
  }

  /** { trials, valuesPerTrial }: how a pool of workers can split the run. */
  describe(request) {
    return JSON.parse(this.module.describe(requestText(request)));
  }

  /** Per-trial values of trials [begin, end), trial-major, as a Float64Array that owns its memory. */
  simulate(request, begin, end) {
    return this.module.simulate(requestText(request), begin, end);
  }

  /** The Result (DESIGN.md contract) from all trials' values, concatenated in trial order. */
  assemble(request, values) {
    return JSON.parse(this.module.assemble(requestText(request), values));
  }

  /** The Result as long-format CSV text. */
  assembleCsv(request, values) {
    return this.module.resultCsv(requestText(request), values);
  }

  /**
   * One trial's data for a generative experiment's pictures: { dimension, real: Float64Array,
   * generations: [Float64Array] } (row-major points), for series `series` of the request.
   */
  pointCloud(request, series, trial) {
    return this.module.pointCloud(requestText(request), series, trial);
  }

  /**
   * A partial result (docs/cluster.md) of trials [begin, end) from their values, as JSON text: the page's
   * "Trials" export, which `collapse-lab merge` turns into the same Result bit for bit (alone, or with CLI shards).
   */
  partialResult(request, values, begin = 0, end = undefined) {
    const last = end ?? this.describe(request).trials;
    return this.module.partialResult(requestText(request), values, begin, last);
  }

  /** The real-data assets an experiment reads (the catalogue's `datasets`), e.g. ['mnist-digits']. */
  datasetsOf(experimentKey) {
    return this.catalogue().experiments.find((e) => e.key === experimentKey)?.datasets ?? [];
  }

  /** Hands the bytes of a real-data asset (data/<name>.bin, a Uint8Array) to the engine (see docs/data.md). */
  provideDataset(name, bytes) {
    if (!(bytes instanceof Uint8Array)) throw new Error(`provideDataset(${name}): bytes must be a Uint8Array`);
    this.module.provideDataset(name, bytes);
  }

  /** The whole run on this thread: the Result. */
  run(request) {
    return JSON.parse(this.module.run(requestText(request)));
  }
}

function requestText(request) {
  if (request === null || typeof request !== 'object' || Array.isArray(request)) {
    const error = new Error('request must be an object { experiment, config, x, series }');
    error.issues = [{ parameter: 'request', value: String(request), message: error.message }];
    throw error;
  }
  return JSON.stringify(request);
}
