// The JavaScript API of the WebAssembly core: a thin layer over the Embind module (wasm/bindings.cpp) that
// speaks JS objects instead of JSON text. Loading is separate (load-browser.js, tests/js/load-node.mjs), so
// the same class serves the page, the workers and node.
//
// Requests: { experiment: "recursive-regression", config: { dim: 10, ... }, x?: "ridge=0.01:10:log:12",
//             series?: "generations=1,5,10", preset?: "ridge-u-shapes" }.
// Every method throws a JS Error on bad input; error.issues lists { parameter, value, message }. The module
// returns its errors as values ({ error, issues }, see wasm/bindings.cpp); fromModule() throws them here.
// Requests are checked for their shape before they are serialised (no silent defaults for a function, a Symbol or
// NaN; no deep or huge objects), with the same limits as the core's (core/include/collapse/sweep/plan.hpp).

export const REQUEST_FIELDS = Object.freeze(['experiment', 'config', 'x', 'series', 'preset']);
const MAX_SPEC_LENGTH = 2000;
const MAX_CONFIG_KEYS = 200;

export class CollapseEngine {
  /**
   * @param module    an instantiated Embind module from createCollapseLab()
   * @param catalogue the module's catalogue, already parsed (the page's build-time catalogue.json, written from
   *                  this very module by scripts/build-site.mjs): saves building and parsing it again
   */
  constructor(module, { catalogue = null } = {}) {
    this.module = module;
    this.version = module.version();
    this.flavour = module.flavour();
    this.catalogueCache = catalogue;
    this.lastValidation = { text: null, issues: null };
  }

  /** The parameter catalogue: { version, experiments: [{ key, title, parameters: [...] , ... }] }. */
  catalogue() {
    if (!this.catalogueCache) this.catalogueCache = JSON.parse(this.module.catalogue());
    return this.catalogueCache;
  }

  /** Every problem with a request, without throwing: [{ parameter, value, message }]. */
  validate(request) {
    let text;
    try {
      text = requestText(request);
    } catch (error) {
      return error.issues;
    }
    // The page asks again for the same request as it redraws; the answer cannot change.
    if (this.lastValidation.text !== text)
      this.lastValidation = { text, issues: JSON.parse(this.module.validate(text)).issues };
    return structuredClone(this.lastValidation.issues);
  }

  /** { trials, valuesPerTrial }: how a pool of workers can split the run. */
  describe(request) {
    return JSON.parse(fromModule(this.module.describe(requestText(request))));
  }

  /** Per-trial values of trials [begin, end), trial-major, as a Float64Array that owns its memory. */
  simulate(request, begin, end) {
    const text = requestText(request);
    for (const [name, value] of [['begin', begin], ['end', end]])
      if (!Number.isSafeInteger(value) || value < 0)
        throw issueError('trials', String(value), `${name} = ${String(value)}: a trial index must be a non-negative integer.`);
    return fromModule(this.module.simulate(text, begin, end));
  }

  /** The Result (docs/design.md §5.2) from all trials' values, concatenated in trial order. */
  assemble(request, values) {
    return JSON.parse(fromModule(this.module.assemble(requestText(request), trialValues(values))));
  }

  /** The Result as long-format CSV text (the primary metric; docs/result.md). */
  assembleCsv(request, values) {
    return fromModule(this.module.resultCsv(requestText(request), trialValues(values)));
  }

  /** Every metric of the run as long-format CSV with a leading `metric` column (CLI --format csv-all). */
  assembleCsvAllMetrics(request, values) {
    return fromModule(this.module.resultCsvAll(requestText(request), trialValues(values)));
  }

  /** The report CSV (median, reference lines, markers, names and units, manifest as # lines); comments: extra # lines. */
  assembleCsvReport(request, values, comments = []) {
    return fromModule(this.module.resultCsvReport(requestText(request), trialValues(values), JSON.stringify(comments)));
  }

  /**
   * One trial's data for a generative experiment's pictures: { dimension, real: Float64Array,
   * generations: [Float64Array] } (row-major points), for series `series` of the request.
   */
  pointCloud(request, series, trial) {
    const text = requestText(request);
    for (const [name, value] of [['series', series], ['trial', trial]])
      if (!Number.isSafeInteger(value) || value < 0)
        throw issueError(name, String(value), `${name} = ${String(value)}: must be a non-negative integer.`);
    return fromModule(this.module.pointCloud(text, series, trial));
  }

  /**
   * A partial result (docs/cluster.md) of trials [begin, end) from their values, as JSON text: the page's
   * "Trials" export, which `collapse-lab merge` turns into the same Result bit for bit (alone, or with CLI shards).
   */
  partialResult(request, values, begin = 0, end = undefined) {
    const last = end ?? this.describe(request).trials;
    return fromModule(this.module.partialResult(requestText(request), trialValues(values), begin, last));
  }

  /** The real-data assets an experiment reads (the catalogue's `datasets`), e.g. ['mnist-digits']. */
  datasetsOf(experimentKey) {
    return this.catalogue().experiments.find((e) => e.key === experimentKey)?.datasets ?? [];
  }

  /** Hands the bytes of a real-data asset (data/<name>.bin, a Uint8Array) to the engine (see docs/data.md). */
  provideDataset(name, bytes) {
    if (!(bytes instanceof Uint8Array)) throw new Error(`provideDataset(${name}): bytes must be a Uint8Array`);
    fromModule(this.module.provideDataset(name, bytes));
  }

  /**
   * Hands the reader's own text to the engine (language-model with corpus = pasted; docs/theory/language-model.md §7):
   * plain text, kept in this module's memory only. Validation then checks it (too short, samples above its training
   * tokens).
   */
  providePastedText(text) {
    if (typeof text !== 'string') throw issueError('corpus', typeof text, `providePastedText(text): the text must be a string, not ${typeof text}.`);
    fromModule(this.module.provideDataset('pasted-text', new TextEncoder().encode(text)));
    this.lastValidation = { text: null, issues: null }; // the same request may now validate differently
  }

  /** The whole run on this thread: the Result. */
  run(request) {
    return JSON.parse(fromModule(this.module.run(requestText(request))));
  }
}

/** An Error with the engine's `issues` shape. */
export function issueError(parameter, value, message) {
  const error = new Error(message);
  error.issues = [{ parameter, value, message }];
  return error;
}

/** The module's answer, or its error thrown as a JS Error (see wasm/bindings.cpp: errors cross as values). */
export function fromModule(answer) {
  const failed = typeof answer === 'string' ? answer.startsWith('{"error"') && JSON.parse(answer)
    : answer !== null && typeof answer === 'object' && typeof answer.error === 'string' && answer;
  if (!failed) return answer;
  const error = new Error(failed.error);
  error.issues = failed.issues?.length ? failed.issues : [{ parameter: 'request', value: '', message: failed.error }];
  throw error;
}

/** Trial values must be a Float64Array or an array of numbers; their count is the core's to check. */
function trialValues(values) {
  if (values instanceof Float64Array || Array.isArray(values)) return values;
  throw issueError('values', typeof values, 'values must be a Float64Array (or an array) of per-trial values.');
}

/**
 * The request as JSON text, after checking its shape: a plain object with only the request fields, a flat config
 * of finite numbers and texts, and strings for experiment, x, series and preset.
 */
export function requestText(request) {
  const shown = (value) => {
    try {
      return typeof value === 'symbol' ? value.toString() : String(value).slice(0, 60);
    } catch {
      return typeof value;
    }
  };
  if (request === null || typeof request !== 'object' || Array.isArray(request))
    throw issueError('request', shown(request), 'request must be an object { experiment, config, x, series }.');
  for (const key of Reflect.ownKeys(request)) {
    if (typeof key !== 'string' || !REQUEST_FIELDS.includes(key))
      throw issueError(shown(key), '', `'${shown(key)}' is not a field of a request; a request has ${REQUEST_FIELDS.join(', ')}.`);
  }
  for (const field of ['experiment', 'x', 'series', 'preset']) {
    const value = request[field];
    if (value === undefined || (value === null && field !== 'experiment')) continue;
    if (typeof value !== 'string')
      throw issueError(field, shown(value), `${field} must be a string, not ${typeof value}.`);
    if (field !== 'experiment' && value.length > MAX_SPEC_LENGTH)
      throw issueError(field, shown(value), `${field} is ${value.length} characters long; at most ${MAX_SPEC_LENGTH} are allowed (use start:stop:lin:count or start:stop:log:count for long grids).`);
  }
  const config = request.config ?? {};
  if (config === null || typeof config !== 'object' || Array.isArray(config))
    throw issueError('config', shown(config), 'config must be an object of parameter values.');
  const keys = Reflect.ownKeys(config);
  if (keys.length > MAX_CONFIG_KEYS)
    throw issueError('config', `${keys.length} keys`, `config has ${keys.length} keys; an experiment has far fewer parameters.`);
  for (const key of keys) {
    const value = config[key];
    const name = shown(key);
    if (typeof key !== 'string')
      throw issueError(name, '', `config key ${name} must be a string.`);
    if (typeof value === 'number' ? !Number.isFinite(value) : typeof value !== 'string')
      throw issueError(key, shown(value), `${key} = ${shown(value)}: a parameter value must be a finite number or a text, not ${typeof value === 'number' ? shown(value) : typeof value}.`);
  }
  return JSON.stringify({ ...request, config: Object.fromEntries(keys.map((k) => [k, config[k]])) });
}
