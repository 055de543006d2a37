// How a run's trials are split across workers and put back together. Trials are seeded by (seed, trial index),
// so any split gives the same values; putting each chunk at its trial offset rebuilds exactly the array that a
// single simulate(0, trials) would return, and assemble() then gives a bit-identical Result for any pool size.

// A chunk takes at most 1 / (GUIDED_SHARES · lanes) of the trials left. With a fair share (1 per lane) a 0.2 s run
// was two chunks of half the trials, and the lane that ran slower kept the other idle for up to a third of the run
// (bench/pool.mjs; docs/benchmarks.md, tenth pass). 2 gives about 7 chunks a lane on such a run; 3 gave no better
// balance in the simulation of tests/js/web-units.test.mjs, only more messages.
export const GUIDED_SHARES = 2;

/**
 * Hands out contiguous trial ranges [begin, end) in order, sized from the time per trial measured so far: at most
 * `targetMs` of work (a smooth progress bar and early previews on long runs), and with more than one lane at most a
 * 1 / (GUIDED_SHARES · lanes) share of the trials left (guided self-scheduling, Polychronopoulos & Kuck 1987), so
 * chunks shrink as the run nears its end and the lanes finish within one small chunk of each other even when one
 * worker runs slower than the other (on 2 cores the page's own threads take turns with one of them). A chunk is
 * never under `minChunkMs` of work: each one costs a message round trip and the call's own set-up (about 1 ms for
 * real-vs-synthetic's designs), and with 8 ms the lanes' ends in the simulation of tests/js/web-units.test.mjs were
 * as close as with 4 ms, in fewer messages. The split depends on timing, the values never do.
 */
export class ChunkScheduler {
  /**
   * priorMsPerTrial: the speed of an earlier run of the same experiment, if any. It sizes the first chunks, which
   * otherwise are a few trials each to measure the speed: on a run of 0.2 s those probes' round trips kept a
   * worker idle for a noticeable share of the run (bench/pool.mjs). Measurements replace it as they come.
   */
  constructor(trials, lanes, { targetMs = 150, minChunkMs = 8, priorMsPerTrial = null } = {}) {
    this.trials = trials;
    this.lanes = Math.max(1, lanes);
    this.targetMs = targetMs;
    this.minChunkMs = minChunkMs;
    this.priorMsPerTrial = Number.isFinite(priorMsPerTrial) && priorMsPerTrial > 0 ? priorMsPerTrial : null;
    this.nextTrial = 0;
    this.measuredTrials = 0;
    this.measuredMs = 0;
  }

  get remaining() {
    return this.trials - this.nextTrial;
  }

  /** The next range, or null when every trial has been handed out. */
  next() {
    if (this.nextTrial >= this.trials) return null;
    // Before any measurement: sized from the earlier run's speed, or else small, so that the first estimate comes
    // quickly.
    const msPerTrial = this.measuredTrials ? this.measuredMs / this.measuredTrials : this.priorMsPerTrial;
    const perTrial = msPerTrial !== null ? Math.max(msPerTrial, 1e-3) : null;
    const wanted = perTrial !== null ? Math.round(this.targetMs / perTrial) : 4;
    const guided = this.lanes > 1 ? Math.ceil(this.remaining / (GUIDED_SHARES * this.lanes)) : this.remaining;
    const least = perTrial !== null ? Math.ceil(this.minChunkMs / perTrial) : 1;
    const size = Math.max(1, Math.min(wanted, Math.max(guided, least), this.remaining));
    const begin = this.nextTrial;
    this.nextTrial += size;
    return [begin, this.nextTrial];
  }

  /** Time a chunk of `count` trials took, from submission to reply. */
  record(count, ms) {
    this.measuredTrials += count;
    this.measuredMs += ms;
  }
}

/** Collects per-trial values (trial-major) from chunks arriving in any order. */
export class TrialBuffer {
  constructor(trials, valuesPerTrial) {
    this.trials = trials;
    this.valuesPerTrial = valuesPerTrial;
    this.values = new Float64Array(trials * valuesPerTrial);
    this.done = new Uint8Array(trials);
    this.completed = 0;
    this.prefix = 0; // trials [0, prefix) have all arrived
  }

  add(begin, end, values) {
    if (values.length !== (end - begin) * this.valuesPerTrial)
      throw new Error(`chunk [${begin}, ${end}) has ${values.length} values, expected ${(end - begin) * this.valuesPerTrial}`);
    this.values.set(values, begin * this.valuesPerTrial);
    for (let t = begin; t < end; t += 1) {
      if (!this.done[t]) this.completed += 1;
      this.done[t] = 1;
    }
    while (this.prefix < this.trials && this.done[this.prefix]) this.prefix += 1;
  }

  get complete() {
    return this.completed === this.trials;
  }

  /** Values of trials [0, prefix): exactly what a run with trials = prefix would produce. */
  prefixValues() {
    return this.values.subarray(0, this.prefix * this.valuesPerTrial);
  }
}
