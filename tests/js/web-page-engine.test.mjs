// The page's engine (web/js/engine/page-engine.js): until the page instantiates its own WebAssembly engine (after
// the first figure), a worker judges requests; the judgement is the C++ validation's either way. The "worker" here
// is a real engine under node behind a pool-shaped object, so every issue asserted is the core's own.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadNodeEngine } from './load-node.mjs';
import { PageEngine } from '../../web/js/engine/page-engine.js';
import { CancelledError } from '../../web/js/compute/worker-pool.js';

const core = await loadNodeEngine('simd');
const catalogue = core.catalogue();

/** A pool whose worker is `core`: answers validate and describe jobs as simulation-worker.js does. */
function fakePool({ cancelFirst = 0 } = {}) {
  const pool = {
    jobs: [],
    cancelsLeft: cancelFirst,
    async submit(job) {
      pool.jobs.push(job.kind);
      await new Promise((resolve) => setTimeout(resolve, 1)); // a message round trip
      if (pool.cancelsLeft > 0) {
        pool.cancelsLeft -= 1;
        throw new CancelledError();
      }
      if (job.kind === 'validate') {
        // As simulation-worker.js answers: the issues, and the run's shape when there are none.
        const { issues } = JSON.parse(core.module.validate(job.request));
        return { text: JSON.stringify({ issues, shape: issues.length ? null : JSON.parse(core.module.describe(job.request)) }) };
      }
      if (job.kind === 'describe') return { text: core.module.describe(job.request) };
      throw new Error(`unexpected job ${job.kind}`);
    },
  };
  return pool;
}

const bad = { experiment: 'recursive-regression', config: { noise: -1 } };
const good = { experiment: 'recursive-regression', config: { noise: 0.5 } };

test('before its own engine loads, the page asks a worker and gets the core\'s issues, naming parameter, value and range', async () => {
  const pool = fakePool();
  const engine = new PageEngine({ catalogue, pool, loadLocal: () => assert.fail('not loaded in this test') });
  assert.equal(engine.version, core.version, 'the version comes from catalogue.json');
  assert.equal(engine.knows(bad), false);
  const answered = [];
  engine.onAnswer = (request) => answered.push(request);
  assert.deepEqual(engine.validate(bad), [], 'provisional until a worker has judged it');
  const issues = await engine.settle(bad);
  assert.deepEqual(issues, core.validate(bad));
  assert.equal(issues[0].parameter, 'noise');
  assert.match(issues[0].message, /noise = -1 is out of range: .* from 0 to 1000/);
  assert.equal(engine.knows(bad), true);
  assert.deepEqual(engine.validate(bad), core.validate(bad), 'then answered at once');
  assert.deepEqual(answered, [bad], 'and the lab was told the provisional answer has been corrected');
  assert.deepEqual(await engine.settle(good), []);
  assert.deepEqual(pool.jobs, ['validate', 'validate'], 'one job per request, however often it is asked');
  assert.deepEqual(engine.describe(good), core.describe(good), 'a judged valid request\'s shape came with the judgement');
  const other = { experiment: 'recursive-regression', config: { noise: 0.25, trials: 30 } };
  assert.deepEqual(await engine.describe(other), core.describe(other), 'describe from a worker too');
  assert.deepEqual(pool.jobs, ['validate', 'validate', 'describe']);
});

test('a malformed request is refused at once, with the shape check the engine itself makes', () => {
  const engine = new PageEngine({ catalogue, pool: fakePool(), loadLocal: () => assert.fail('not loaded') });
  const malformed = { experiment: 'recursive-regression', config: { noise: Number.NaN } };
  assert.equal(engine.knows(malformed), true);
  assert.deepEqual(engine.validate(malformed), core.validate(malformed));
  assert.equal(engine.validate(malformed).length, 1);
});

test('a worker\'s job cancelled with a run is asked again; once loaded, the page\'s engine answers synchronously', async () => {
  const pool = fakePool({ cancelFirst: 1 });
  let loads = 0;
  const engine = new PageEngine({ catalogue, pool, loadLocal: async () => { loads += 1; return core; } });
  assert.deepEqual(await engine.settle(bad), core.validate(bad));
  assert.deepEqual(pool.jobs, ['validate', 'validate']);
  await Promise.all([engine.load(), engine.load()]);
  assert.equal(loads, 1, 'instantiated once');
  const other = { experiment: 'recursive-regression', config: { samples: 'many' } };
  assert.equal(engine.knows(other), true);
  assert.deepEqual(engine.validate(other), core.validate(other));
  assert.deepEqual(engine.describe(good), core.describe(good), 'describe at once, not a Promise');
  assert.deepEqual(pool.jobs, ['validate', 'validate'], 'no more worker jobs');
});

test('the reader\'s own text makes earlier answers stale, and reaches the page\'s engine when it loads', async () => {
  const pool = fakePool();
  const provided = [];
  const engine = new PageEngine({ catalogue, pool, loadLocal: async () => ({ providePastedText: (text) => provided.push(text), validate: () => [] }) });
  await engine.settle(bad);
  assert.equal(engine.knows(bad), true);
  engine.providePastedText('some text of my own');
  assert.equal(engine.knows(bad), false, 'the same request may validate differently now');
  await engine.load();
  assert.deepEqual(provided, ['some text of my own']);
});
