// One run from request to Result: the engine says how many trials and values there are, the trials are split
// into chunks across the worker pool, chunks are put back at their trial offsets (trial-chunks.js), and a
// worker assembles the Result once, so the main thread never does heavy work. Long runs get previews: the
// Result of the trials finished so far (a prefix, so a preview is exactly a run with fewer trials).
// A new run or cancel() stops the previous one at once.
import { planChunks, TrialBuffer } from './trial-chunks.js';
import { CancelledError } from './worker-pool.js';

export class RunController {
  constructor({ engine, pool, previewAfterMs = 500, previewEveryMs = 400, now = () => performance.now() }) {
    this.engine = engine;
    this.pool = pool;
    this.previewAfterMs = previewAfterMs;
    this.previewEveryMs = previewEveryMs;
    this.now = now;
    this.current = null;
  }

  get running() {
    return this.current !== null;
  }

  /**
   * Resolves with { request, result, values, seconds } or rejects (CancelledError when cancelled or superseded).
   * onProgress({ done, total, elapsedMs }); onPreview(result, trialsSoFar).
   */
  async run(request, { onProgress = () => {}, onPreview = () => {} } = {}) {
    this.cancel();
    const token = {};
    this.current = token;
    const live = () => this.current === token;
    try {
      const { trials, valuesPerTrial } = this.engine.describe(request);
      const text = JSON.stringify(request);
      const buffer = new TrialBuffer(trials, valuesPerTrial);
      const started = this.now();
      let lastPreview = started;
      let previewing = false;
      onProgress({ done: 0, total: trials, elapsedMs: 0 });

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

      await Promise.all(planChunks(trials, this.pool.size).map(([begin, end]) =>
        this.pool.submit({ kind: 'simulate', request: text, begin, end }).then((reply) => {
          if (!live()) return;
          buffer.add(begin, end, reply.values);
          onProgress({ done: buffer.completed, total: trials, elapsedMs: this.now() - started });
          preview();
        })));
      if (!live()) throw new CancelledError();

      const values = buffer.values;
      const copy = values.slice();
      const reply = await this.pool.submit({ kind: 'assemble', request: text, values: copy }, { transfer: [copy.buffer], priority: true });
      if (!live()) throw new CancelledError();
      return { request, result: JSON.parse(reply.text), values, seconds: (this.now() - started) / 1000 };
    } finally {
      if (live()) this.current = null;
    }
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
}
