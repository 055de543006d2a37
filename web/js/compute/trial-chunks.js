// How a run's trials are split across workers and put back together. Trials are seeded by (seed, trial index),
// so any split gives the same values; putting each chunk at its trial offset rebuilds exactly the array that a
// single simulate(0, trials) would return, and assemble() then gives a bit-identical Result for any pool size.

/**
 * Contiguous trial ranges [begin, end) covering [0, trials), in order. Many more chunks than workers, so that
 * progress moves smoothly and a fast worker takes more chunks than a slow one.
 */
export function planChunks(trials, poolSize) {
  const count = Math.min(trials, Math.max(32, Math.min(256, poolSize * 16)));
  const chunks = [];
  for (let k = 0; k < count; k += 1) {
    const begin = Math.floor((k * trials) / count);
    const end = Math.floor(((k + 1) * trials) / count);
    if (end > begin) chunks.push([begin, end]);
  }
  return chunks;
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
