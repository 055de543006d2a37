// The machine's own ceiling for two workers: the simulation of one preset in one node worker thread, against its
// trials split in halves over two threads running at once (each with its own instance of the SIMD module, as the
// page's workers have). No browser, no messages per chunk, no assembly: what two cores give this code here. On the
// 2-core VM of docs/benchmarks.md (tenth pass) two threads gave 1.18–2.06× on the same presets from one run to
// the next. Used by bench/pool.mjs; alone: node --no-experimental-fetch bench/two-threads.mjs
// experiment/preset [repeats]
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';

if (!isMainThread) {
  const { loadNodeEngine } = await import('../tests/js/load-node.mjs');
  const engine = await loadNodeEngine('simd');
  const [experiment, preset] = workerData.split('/');
  const request = { experiment, preset };
  parentPort.postMessage({ trials: engine.describe(request).trials });
  parentPort.on('message', ([begin, end]) => {
    engine.simulate(request, begin, end);
    parentPort.postMessage('done');
  });
}

/** { one, two } seconds (best of `repeats`, the two set-ups taking turns) for the preset `key` = experiment/preset. */
export async function twoThreadSeconds(key, repeats = 5) {
  const spawn = () => new Promise((resolve, reject) => {
    const worker = new Worker(new URL(import.meta.url), { workerData: key });
    worker.once('message', ({ trials }) => resolve({ worker, trials }));
    worker.once('error', reject);
  });
  const [a, b] = [await spawn(), await spawn()];
  const job = ({ worker }, begin, end) => new Promise((resolve) => {
    worker.once('message', resolve);
    worker.postMessage([begin, end]);
  });
  try {
    const trials = a.trials, half = Math.floor(trials / 2);
    await Promise.all([job(a, 0, trials), job(b, 0, trials)]); // warm-up: V8 tiers the module's hot code up
    let one = Infinity, two = Infinity;
    for (let r = 0; r < repeats; r += 1) {
      let start = performance.now();
      await job(a, 0, trials);
      one = Math.min(one, (performance.now() - start) / 1000);
      start = performance.now();
      await Promise.all([job(a, 0, half), job(b, half, trials)]);
      two = Math.min(two, (performance.now() - start) / 1000);
    }
    return { one, two };
  } finally {
    await Promise.all([a.worker.terminate(), b.worker.terminate()]);
  }
}

if (isMainThread && import.meta.url === `file://${process.argv[1]}`) {
  const { one, two } = await twoThreadSeconds(process.argv[2] ?? 'gaussian-fitting/fixed-compute', Number(process.argv[3] ?? 5));
  console.log(`one thread ${one.toFixed(3)} s, two threads ${two.toFixed(3)} s: ${(one / two).toFixed(2)}×`);
}
