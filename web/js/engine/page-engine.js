// What the page asks of the WebAssembly core on its own thread, without holding up the first figure
// (docs/web.md, "Performance"). The C++ validation stays the only judge of a request; where it runs changes:
//   * until the page's own engine is here, a worker of the pool answers (validate and describe are jobs like
//     simulate): at start-up the workers instantiate the module for the first run anyway, so asking them costs
//     a message, while instantiating a second module on the page's thread cost a long task on the critical path;
//   * after the first figure the page's own CollapseEngine is instantiated (load(), in idle time), and from then
//     on validation answers synchronously as the reader types or drags, as before.
// validate() is synchronous: for a request no engine has judged yet it answers [] (provisionally) and asks a
// worker; onAnswer() then lets the lab show the real issues. knows() and settle() let the lab wait for the
// judgement where it matters (the first run, a link's values, the embed API's settings) so that a bad value
// still gets its message beside its control, naming the parameter, the value and the allowed range.
import { requestText } from './collapse-engine.js';
import { CancelledError } from '../compute/worker-pool.js';

const KEPT_ANSWERS = 64;

export class PageEngine {
  /**
   * @param catalogue the build-time catalogue.json (the module's own catalogue, written by scripts/build-site.mjs)
   * @param pool      the WorkerPool whose workers answer until the page's engine is loaded
   * @param loadLocal () => Promise of the page's CollapseEngine (load-browser.js loadEngine)
   */
  constructor({ catalogue, pool, loadLocal }) {
    this.catalogueData = catalogue;
    this.version = catalogue.version;
    this.pool = pool;
    this.loadLocal = loadLocal;
    this.local = null;
    this.loading = null;
    this.answers = new Map(); // request text → issues, as a worker judged them
    this.shapes = new Map(); // request text → { trials, valuesPerTrial } of a valid request, from the same answer
    this.asked = new Map(); // request text → Promise of issues
    this.pastedText = null;
    this.textGeneration = 0; // answers asked before the reader's text changed are not kept
    this.onAnswer = () => {};
  }

  catalogue() {
    return this.catalogueData;
  }

  /** The page's own engine, instantiated once (from the module the page compiled). Resolves with it. */
  load() {
    this.loading ??= this.loadLocal().then((engine) => {
      if (this.pastedText !== null) engine.providePastedText(this.pastedText);
      this.local = engine;
      return engine;
    });
    return this.loading;
  }

  /** Loads the page's engine when the browser is idle (after the first figure), so no reader's frame waits for it. */
  loadWhenIdle() {
    const idle = globalThis.requestIdleCallback ?? ((callback) => setTimeout(callback, 50));
    return new Promise((resolve, reject) => idle(() => this.load().then(resolve, reject), { timeout: 2000 }));
  }

  /** True when validate(request) gives the engine's judgement, not a provisional []. */
  knows(request) {
    if (this.local) return true;
    const text = textOf(request);
    return text === null || this.answers.has(text);
  }

  /** Every problem with a request: [{ parameter, value, message }] (see knows() for a request not judged yet). */
  validate(request) {
    if (this.local) return this.local.validate(request);
    const text = textOf(request);
    if (text === null) return shapeIssues(request);
    if (this.answers.has(text)) return structuredClone(this.answers.get(text));
    this.settle(request).then(() => this.onAnswer(request), () => {});
    return [];
  }

  /** Resolves with the engine's issues for a request once it has judged it (a worker, or the page's engine). */
  settle(request) {
    if (this.local) return Promise.resolve(this.local.validate(request));
    const text = textOf(request);
    if (text === null) return Promise.resolve(shapeIssues(request));
    if (this.answers.has(text)) return Promise.resolve(structuredClone(this.answers.get(text)));
    if (!this.asked.has(text)) {
      const generation = this.textGeneration;
      const asked = this.ask(text).then(({ issues, shape }) => {
        if (generation !== this.textGeneration) return this.settle(JSON.parse(text));
        this.answers.set(text, issues);
        if (shape) this.shapes.set(text, shape);
        for (const kept of [this.answers, this.shapes]) if (kept.size > KEPT_ANSWERS) kept.delete(kept.keys().next().value);
        return structuredClone(issues);
      }).finally(() => this.asked.delete(text));
      this.asked.set(text, asked);
    }
    return this.asked.get(text);
  }

  /**
   * A worker's judgement { issues, shape } (shape: describe's answer for a valid request); a job cancelled with a
   * run is asked again (the page's engine may have loaded meanwhile).
   */
  async ask(text) {
    for (;;) {
      try {
        const reply = await this.pool.submit({ kind: 'validate', request: text }, { priority: true });
        return JSON.parse(reply.text);
      } catch (error) {
        if (!(error instanceof CancelledError)) throw error;
        if (this.local) return { issues: this.local.validate(JSON.parse(text)), shape: null };
      }
    }
  }

  /**
   * { trials, valuesPerTrial } of a valid request: at once from the page's engine or from a worker's judgement of
   * it (settle()), else a Promise from a worker.
   */
  describe(request) {
    if (this.local) return this.local.describe(request);
    const text = requestText(request); // throws, with issues, on a malformed request
    if (this.shapes.has(text)) return { ...this.shapes.get(text) };
    return this.pool.submit({ kind: 'describe', request: text }, { priority: true }).then((reply) => JSON.parse(reply.text));
  }

  /** The reader's own text (language-model, corpus = pasted) for the page's engine; the workers get it from the pool. */
  providePastedText(text) {
    this.pastedText = text;
    this.textGeneration += 1;
    this.answers.clear();
    this.shapes.clear(); // the same request may now validate differently
    this.local?.providePastedText(text);
  }
}

/** The request's JSON text, or null when its shape is wrong (shapeIssues says how). */
function textOf(request) {
  try {
    return requestText(request);
  } catch {
    return null;
  }
}

function shapeIssues(request) {
  try {
    requestText(request);
    return [];
  } catch (error) {
    return error.issues;
  }
}
