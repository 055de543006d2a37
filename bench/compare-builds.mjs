// Before/after of a change on a noisy machine: two builds timed in one process, their runs interleaved, so that
// the machine's drift (on the shared 2-core machine ±30 % between runs minutes apart) falls on both alike.
// Each round runs the preset once on each build (WebAssembly under node, CPU time of this thread) and, with
// --native, once through each build's collapse-bench; rounds go on until each build has had --rounds of them
// and --seconds of WebAssembly time. The table gives each build's best round and the ratio after / before.
// Usage: node --no-experimental-fetch bench/compare-builds.mjs --before DIR [--after DIR] [--flavour simd|scalar]
//          [--rounds N] [--seconds S] [--native] experiment/preset …
//   DIR holds a build's modules/ (collapse_lab_*.js and .wasm) and, for --native, its collapse-bench; --after
//   defaults to this checkout's build (build/wasm/modules, build/native/bin/collapse-bench).
//   Make DIR from a build of the old commit: cp -a build/wasm/modules DIR/ && cp build/native/bin/collapse-bench DIR/
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadNodeEngine } from '../tests/js/load-node.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const option = (name, fallback) => {
  const at = args.indexOf(name);
  return at >= 0 ? args.splice(at, 2)[1] : fallback;
};
const flag = (name) => {
  const at = args.indexOf(name);
  return at >= 0 ? Boolean(args.splice(at, 1)) : false;
};
const before = option('--before', null);
const after = option('--after', null);
const flavour = option('--flavour', 'simd');
const rounds = Number(option('--rounds', '7'));
const seconds = Number(option('--seconds', '2'));
const native = flag('--native');
if (!before || args.length === 0 || !(rounds >= 1) || !(seconds >= 0)) {
  console.error('usage: node --no-experimental-fetch bench/compare-builds.mjs --before DIR [--after DIR] [--flavour simd|scalar] [--rounds N] [--seconds S] [--native] experiment/preset …');
  process.exit(2);
}
const builds = [
  { name: 'before', modules: path.join(before, 'modules'), bench: path.join(before, 'collapse-bench') },
  after ? { name: 'after', modules: path.join(after, 'modules'), bench: path.join(after, 'collapse-bench') }
        : { name: 'after', modules: path.join(root, 'build/wasm/modules'), bench: path.join(root, 'build/native/bin/collapse-bench') },
];
for (const build of builds) build.engine = await loadNodeEngine(flavour, build.modules);

const cpuSeconds = (work) => {
  const start = process.cpuUsage();
  work();
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1e6;
};
const nativeSeconds = (bench, request) => {
  // Best of 2 runs in one process: the second is warm, as the WebAssembly engines are (cached tables and laws).
  const run = spawnSync(bench, [JSON.stringify(request), '2'], { encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`${bench} failed: ${run.stderr}`);
  return JSON.parse(run.stdout).cpuSeconds;
};

console.log(`${flavour} WebAssembly${native ? ' and native' : ''}: best of ≥ ${rounds} interleaved rounds and ≥ ${seconds} s, CPU seconds\n`);
console.log(`preset                                        wasm before   after  after/before${native ? '   native before   after  after/before' : ''}`);
for (const spec of args) {
  const [experiment, preset] = spec.split('/');
  const request = { experiment, preset };
  const best = builds.map(() => ({ wasm: Infinity, native: Infinity }));
  for (const build of builds) build.engine.run(request);  // warm-up: V8 tiers hot functions up while they run
  let spent = 0, done = 0;
  for (; done < rounds || spent < seconds; done += 1) {
    builds.forEach((build, b) => {
      const wasm = cpuSeconds(() => build.engine.run(request));
      if (b === 0) spent += wasm;
      best[b].wasm = Math.min(best[b].wasm, wasm);
      if (native) best[b].native = Math.min(best[b].native, nativeSeconds(build.bench, request));
    });
  }
  const cell = (a, b) => `${a.toFixed(4).padStart(12)}${b.toFixed(4).padStart(8)}${(b / a).toFixed(3).padStart(13)}×`;
  console.log(`${`${spec} (${done})`.padEnd(46)}${cell(best[0].wasm, best[1].wasm)}${native ? `   ${cell(best[0].native, best[1].native)}` : ''}`);
}
