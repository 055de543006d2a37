// The SIMD kernels (collapse/simd/) timed in one run on every engine: native (collapse-bench --kernel), WebAssembly
// SIMD and WebAssembly scalar (the module's timeKernel, under node), each next to the code it replaced ("before":
// Eigen's product, the dense L·Lᵀ, Eigen's LLT, SelfAdjointEigenSolver, matrix-vector product and triangular solves, one normal, exp, log or log1p at a time, three std::nth_element). Prints a table of seconds and the ratios the
// issue asks for: SIMD over scalar, and SIMD against native. Usage: node bench/kernels.mjs [--size N]
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadNodeEngine } from '../tests/js/load-node.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const sizeArg = process.argv.indexOf('--size');
const size = sizeArg > 0 ? Number(process.argv[sizeArg + 1]) : 200;
const REPEATS = 7;
const pairs = [
  ['gemm', 'eigen-gemm', `${size}×${size} product A·B`],
  ['lower-gram', 'eigen-lower-gram', `L·Lᵀ, L ${size}×${size} triangular`],
  ['column-gram', 'eigen-column-gram', `XᵀX, X ${5 * size}×${size}`],
  ['cholesky', 'eigen-cholesky', `Cholesky factor, ${size}×${size}`],
  ['symmetric-eigen', 'eigen-symmetric-eigen', `eigenvalues and vectors, ${size}×${size}`],
  ['mat-vec', 'eigen-mat-vec', `A·x, A ${size}×${size}`],
  ['lower-solve', 'eigen-lower-solve', `L⁻ᵀ·L⁻¹·b, L ${size}×${size}`],
  ['normals', 'normals-single', `${size * 1000} N(0,1) draws`],
  ['exp', 'exp-single', `${size * 1000} exp`],
  ['log', 'log-single', `${size * 1000} log`],
  ['log1p', 'log1p-single', `${size * 1000} log1p`],
  ['quantiles', 'nth-element-quantiles', `3 quantiles of ${2 * size} keys, 100 times`],
];

function native(name) {
  const run = spawnSync(path.join(root, 'build/native/bin/collapse-bench'), ['--kernel', name, String(size), String(REPEATS)], { encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`collapse-bench --kernel ${name} failed: ${run.stderr}`);
  return JSON.parse(run.stdout).seconds;
}

const engines = { simd: await loadNodeEngine('simd'), scalar: await loadNodeEngine('scalar') };
const wasm = (flavour, name) => engines[flavour].module.timeKernel(name, size, REPEATS);

const ms = (s) => (s * 1000).toFixed(3).padStart(9);
const ratio = (a, b) => `${(a / b).toFixed(2)}×`.padStart(8);
console.log(`kernels (best of ${REPEATS}, milliseconds; "before" = the code each kernel replaced)\n`);
console.log('kernel                                         native  wasm simd  wasm scal   scal/simd  simd/native');
for (const [kernel, before, label] of pairs) {
  for (const [name, tag] of [[kernel, 'now'], [before, 'before']]) {
    const t = { native: native(name), simd: wasm('simd', name), scalar: wasm('scalar', name) };
    console.log(`${`${label} (${tag})`.padEnd(45).slice(0, 45)}${ms(t.native)}${ms(t.simd)}${ms(t.scalar)}   ${ratio(t.scalar, t.simd)}  ${ratio(t.simd, t.native)}`);
  }
}
