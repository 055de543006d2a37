// A pool of single-threaded WebAssembly workers (no pthreads, so no COOP/COEP headers are needed on GitHub
// Pages). Jobs wait in a queue and go to whichever worker is free; "priority" jobs (assembling a preview) jump
// the queue. cancel() terminates the busy workers at once, which stops a run within milliseconds however long its
// current chunk is; workers are spawned again lazily by the next job, from the already compiled module.

export class CancelledError extends Error {
  constructor() {
    super('cancelled');
    this.name = 'CancelledError';
  }
}

/** Pool size: one worker per logical core, at least 1, at most `cap`. */
export function defaultPoolSize(cap = 8) {
  const cores = Number(globalThis.navigator?.hardwareConcurrency) || 2;
  return Math.max(1, Math.min(cap, cores));
}

export class WorkerPool {
  /**
   * @param size      number of workers
   * @param workerUrl URL of simulation-worker.js (a classic worker script)
   * @param init      the init message { scriptUrl, wasmModule, dataUrl, datasets }, or a Promise of it: workers are
   *                  spawned at once and load the Emscripten glue (`scriptUrl`) while the page still compiles the
   *                  module, so their start-up overlaps the compile instead of following it
   * @param scriptUrl the glue script, sent ahead of `init` when `init` is a Promise
   */
  constructor({ size, workerUrl, init, scriptUrl = null }) {
    this.size = size;
    this.workerUrl = workerUrl;
    this.init = Promise.resolve(init);
    this.init.catch(() => {}); // a failed compile is reported by the page (main.js) and by fail() below
    this.scriptUrl = scriptUrl;
    this.slots = [];
    this.queue = [];
    this.nextId = 1;
  }

  /** Starts every worker now (at page load, so the first run does not wait for instantiation). */
  warm() {
    while (this.slots.length < this.size) this.spawn();
  }

  /**
   * The reader's own text (language-model, corpus = pasted) for every worker: sent to the running ones now (before any
   * later job, messages keep their order) and part of the init message of any worker spawned later.
   */
  setPastedText(text) {
    this.init = this.init.then((init) => ({ ...init, pastedText: text }));
    this.init.catch(() => {});
    for (const slot of this.slots) slot.worker.postMessage({ type: 'pasted-text', text });
  }

  /** Runs one job on a worker: resolves with the worker's reply, rejects with its error or CancelledError. */
  submit(job, { transfer = [], priority = false } = {}) {
    return new Promise((resolve, reject) => {
      const entry = { job: { ...job, id: this.nextId++ }, transfer, resolve, reject };
      if (priority) this.queue.unshift(entry);
      else this.queue.push(entry);
      this.warm();
      this.dispatch();
    });
  }

  /**
   * Stops everything now: terminates the workers that are busy (a chunk cannot be interrupted any other way)
   * and rejects every pending job with CancelledError. Idle and still-starting workers are kept.
   */
  cancel() {
    const busy = this.slots.filter((slot) => slot.current);
    const pending = [...this.queue, ...busy.map((slot) => slot.current)];
    for (const slot of busy) slot.worker.terminate();
    this.slots = this.slots.filter((slot) => !slot.current);
    this.queue = [];
    for (const entry of pending) entry.reject(new CancelledError());
  }

  spawn() {
    const worker = new Worker(this.workerUrl, { name: `collapse-lab-${this.slots.length + 1}` });
    const slot = { worker, ready: false, current: null };
    worker.onmessage = (event) => this.receive(slot, event.data);
    worker.onerror = (event) => {
      event.preventDefault();
      this.fail(slot, new Error(`a simulation worker failed: ${event.message || 'unknown error'}`));
    };
    if (this.scriptUrl) worker.postMessage({ type: 'load', scriptUrl: this.scriptUrl });
    this.init.then((init) => { if (this.slots.includes(slot)) worker.postMessage({ type: 'init', ...init }); },
      (error) => { if (this.slots.includes(slot)) this.fail(slot, new Error(`the simulator could not be compiled: ${error?.message ?? error}`)); });
    this.slots.push(slot);
  }

  receive(slot, message) {
    if (message.type === 'ready') {
      slot.ready = true;
      this.dispatch();
      return;
    }
    if (message.type === 'failed') {
      this.fail(slot, new Error(`a simulation worker could not start: ${message.message}`));
      return;
    }
    const entry = slot.current;
    slot.current = null;
    if (entry && entry.job.id === message.id) {
      if (message.ok) entry.resolve(message);
      else entry.reject(Object.assign(new Error(message.message), { issues: message.issues }));
    }
    this.dispatch();
  }

  // A broken worker cannot be trusted with the rest of the queue either: stop all, report the error.
  fail(slot, error) {
    const pending = [...this.queue, ...this.slots.map((s) => s.current).filter(Boolean)];
    for (const s of this.slots) s.worker.terminate();
    this.slots = [];
    this.queue = [];
    for (const entry of pending) entry.reject(error);
  }

  dispatch() {
    for (const slot of this.slots) {
      if (!slot.ready || slot.current || !this.queue.length) continue;
      const entry = this.queue.shift();
      slot.current = entry;
      slot.worker.postMessage(entry.job, entry.transfer);
    }
  }
}
