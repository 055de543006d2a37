// The run controller (web/js/compute/run-controller.js) splits a run's trials into chunks across the workers, or
// sends a live re-run that its last run says is cheap to one worker as one job. Either way the Result is the same
// bits: trials are seeded by their index. The "workers" are a real engine under node behind a pool-shaped object.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadNodeEngine } from './load-node.mjs';
import { ONE_JOB_MS, RunController } from '../../web/js/compute/run-controller.js';

const core = await loadNodeEngine('simd');

function fakePool() {
  const pool = {
    size: 2,
    jobs: [],
    async submit(job) {
      pool.jobs.push(job.kind);
      await new Promise((resolve) => setTimeout(resolve, 1));
      if (job.kind === 'simulate') return { values: core.module.simulate(job.request, job.begin, job.end) };
      if (job.kind === 'assemble') return { text: core.module.assemble(job.request, job.values) };
      if (job.kind === 'run') {
        const values = core.module.simulate(job.request, 0, job.end);
        return { values, text: core.module.assemble(job.request, values) };
      }
      throw new Error(`unexpected job ${job.kind}`);
    },
    cancel() {},
  };
  return pool;
}

test('a live re-run of a cheap figure is one job on one worker, with the same Result bits as the chunked run', async () => {
  const pool = fakePool();
  const runner = new RunController({ engine: core, pool });
  const request = { experiment: 'recursive-regression', preset: 'replace-vs-accumulate', config: { trials: 60 } };
  const first = await runner.run(request, { live: true });
  assert.ok(pool.jobs.filter((k) => k === 'simulate').length >= 2, 'no estimate yet: chunks across the workers');
  assert.equal(pool.jobs.at(-1), 'assemble');
  const perTrial = runner.msPerTrial.get('recursive-regression');
  assert.ok(perTrial > 0, 'the run left an estimate of one worker\'s time per trial');
  // The estimate decides; a generous one here so the test does not depend on this machine's speed.
  runner.msPerTrial.set('recursive-regression', ONE_JOB_MS / 1000 / 60);
  pool.jobs.length = 0;
  const live = await runner.run(request, { live: true });
  assert.deepEqual(pool.jobs, ['run'], 'one job');
  assert.deepEqual(live.result, first.result, 'the same Result');
  assert.deepEqual([...live.values], [...first.values], 'and the same per-trial values');
  assert.equal(live.result.trials, 60);

  runner.msPerTrial.set('recursive-regression', ONE_JOB_MS / 1000 / 60);
  pool.jobs.length = 0;
  await runner.run(request);
  assert.ok(pool.jobs.includes('simulate') && !pool.jobs.includes('run'), 'a run that is not live is always split');
  runner.msPerTrial.set('recursive-regression', (2 * ONE_JOB_MS) / 60);
  pool.jobs.length = 0;
  await runner.run(request, { live: true });
  assert.ok(!pool.jobs.includes('run'), 'nor is a live run expected to take longer than ONE_JOB_MS');
});
