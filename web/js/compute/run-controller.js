// One run from request to Result: the engine says how many trials and values there are, the trials are split
// into chunks sized by measured speed (trial-chunks.js) across the worker pool, chunks are put back at their trial offsets (trial-chunks.js), and a
// worker assembles the Result once, so the main thread never does heavy work. Long runs get previews: the
// Result of the trials finished so far (a prefix, so a preview is exactly a run with fewer trials).
// A new run or cancel() stops the previous one at once.
import { ChunkScheduler, TrialBuffer } from './trial-chunks.js';
import { CancelledError } from './worker-pool.js';

// Every trial's values are kept until the run is assembled: 8 bytes each. Past this the tab would run out of
// memory, so the run is refused with a message instead.
export const MAX_VALUES = 40_000_000;

// A live re-run (a slider dragged on a cheap figure) expected to take less than this on one worker (from the last
// run of the same experiment) goes to one worker as one job, simulated and assembled there: one message round trip
// instead of three or more (small first chunks, the rest, then the assembly), and on a busy machine each round trip
// waits for a core. The values are the same either way (trials are seeded by their index).
export const ONE_JOB_MS = 50;

export class RunController {
  constructor({ engine, pool, previewAfterMs = 500, previewEveryMs = 400, now = () => performance.now() }) {
    this.engine = engine;
    this.pool = pool;
    this.previewAfterMs = previewAfterMs;
    this.previewEveryMs = previewEveryMs;
    this.now = now;
    this.current = null;
    this.msPerTrial = new Map(); // experiment → one worker's time per trial in its last run
  }

  get running() {
    return this.current !== null;
  }

  /**
   * Resolves with { request, result, values, seconds } or rejects (CancelledError when cancelled or superseded).
   * onProgress({ done, total, elapsedMs }); onPreview(result, trialsSoFar); live: a live re-run (see ONE_JOB_MS).
   */
  async run(request, { onProgress = () => {}, onPreview = () => {}, live: liveRun = false } = {}) {
    this.cancel();
    const token = {};
    this.current = token;
    const live = () => this.current === token;
    try {
      // At once from the page's engine; from a worker (a Promise) while the page's engine is not loaded yet.
      const { trials, valuesPerTrial } = await this.engine.describe(request);
      if (!live()) throw new CancelledError();
      if (trials * valuesPerTrial > MAX_VALUES) {
        const message = `This run would keep ${trials} trials × ${valuesPerTrial} values (${Math.round((trials * valuesPerTrial * 8) / 1e6)} MB) in memory; ` +
          `lower the trials or the number of points (at most ${MAX_VALUES / 1e6} million values).`;
        throw Object.assign(new Error(message), { issues: [{ parameter: 'trials', value: String(trials), message }] });
      }
      const text = JSON.stringify(request);
      const started = this.now();
      onProgress({ done: 0, total: trials, elapsedMs: 0 });
      const perTrial = this.msPerTrial.get(request.experiment);
      if (liveRun && perTrial !== undefined && perTrial * trials < ONE_JOB_MS) {
        const reply = await this.pool.submit({ kind: 'run', request: text, end: trials });
        if (!live()) throw new CancelledError();
        const elapsed = this.now() - started;
        this.msPerTrial.set(request.experiment, elapsed / Math.max(1, trials));
        onProgress({ done: trials, total: trials, elapsedMs: elapsed });
        return { request, result: JSON.parse(reply.text), values: reply.values, seconds: elapsed / 1000 };
      }
      const buffer = new TrialBuffer(trials, valuesPerTrial);
      let lastPreview = started;
      let previewing = false;

      const preview = () => {
        const time = this.now();
        if (previewing || buffer.complete || buffer.prefix === 0 || time - started < this.previewAfterMs || time - lastPreview < this.previewEveryMs) return;
        previewing = true;
        lastPreview = time;
        const soFar = buffer.prefix;
        const partial = { ...request, config: { ...request.config, trials: soFar } };
        const values = buffer.prefixValues().slice();
        this.pool.submit({ kind: 'assemble', request: JSON.stringify(partial), values }, { transfer: [values.buffer], priority: true })
          .then((reply) => { if (live() && !buffer.complete) onPreview(JSON.parse(reply.text), soFar); })
          .catch(() => {}) // a preview that fails or is cancelled just is not drawn
          .finally(() => { previewing = false; });
      };

      // One lane per worker: each takes the next chunk as soon as its previous one is back.
      const scheduler = new ChunkScheduler(trials, this.pool.size, { priorMsPerTrial: perTrial });
      let fastest = Infinity; // ms per trial of the chunk least slowed by messaging: the estimate for the next run
      const lane = async () => {
        for (let chunk = scheduler.next(); chunk && live(); chunk = scheduler.next()) {
          const [begin, end] = chunk;
          const sent = this.now();
          const reply = await this.pool.submit({ kind: 'simulate', request: text, begin, end });
          if (!live()) return;
          scheduler.record(end - begin, this.now() - sent);
          fastest = Math.min(fastest, (this.now() - sent) / (end - begin));
          buffer.add(begin, end, reply.values);
          onProgress({ done: buffer.completed, total: trials, elapsedMs: this.now() - started });
          preview();
        }
      };
      await Promise.all(Array.from({ length: this.pool.size }, lane));
      if (!live()) throw new CancelledError();
      if (Number.isFinite(fastest)) this.msPerTrial.set(request.experiment, fastest);

      const values = buffer.values;
      const copy = values.slice();
      const reply = await this.pool.submit({ kind: 'assemble', request: text, values: copy }, { transfer: [copy.buffer], priority: true });
      if (!live()) throw new CancelledError();
      return { request, result: JSON.parse(reply.text), values, seconds: (this.now() - started) / 1000 };
    } finally {
      if (live()) this.current = null;
    }
  }

  /** The reader's own text (language-model, corpus = pasted): to this thread's engine and to every worker, now and later. */
  providePastedText(text) {
    this.engine.providePastedText(text);
    this.pool.setPastedText(text);
  }

  /** Stops the run in flight, if any (its promise rejects with CancelledError). */
  cancel() {
    if (this.current === null) return;
    this.current = null;
    this.pool.cancel();
  }

  /** The Result as CSV text (the engine's long format), written by a worker. */
  async csv(request, values) {
    const copy = values.slice();
    const reply = await this.pool.submit({ kind: 'csv', request: JSON.stringify(request), values: copy }, { transfer: [copy.buffer], priority: true });
    return reply.text;
  }

  /** The report CSV (see core/include/collapse/result/csv_report.hpp), written by a worker; comments: extra # lines. */
  async csvReport(request, values, comments = []) {
    const copy = values.slice();
    const reply = await this.pool.submit({ kind: 'csv-report', request: JSON.stringify(request), values: copy, comments },
      { transfer: [copy.buffer], priority: true });
    return reply.text;
  }

  /**
   * The run's per-trial values as a partial result (docs/cluster.md), JSON text written by a worker:
   * `collapse-lab merge` turns it into the same Result bit for bit, alone or with CLI shards of the request.
   */
  async partialResult(request, values) {
    const { trials } = await this.engine.describe(request);
    const copy = values.slice();
    const reply = await this.pool.submit({ kind: 'partial', request: JSON.stringify(request), values: copy, begin: 0, end: trials },
      { transfer: [copy.buffer], priority: true });
    return reply.text;
  }

  /**
   * One trial's pictures of a generative experiment, computed by a worker (never on the page's thread):
   * { dimension, real: Float64Array, generations: [Float64Array] } for series `series` of the request.
   */
  async pointCloud(request, series, trial = 0) {
    const reply = await this.pool.submit({ kind: 'pointCloud', request: JSON.stringify(request), series, trial }, { priority: true });
    return reply.cloud;
  }
}
