// Chooses the WebAssembly flavour at run time: the SIMD build where the engine validates a SIMD module,
// the scalar build otherwise. Both give bit-identical results (tests/js/determinism.test.mjs).
import { simd } from '../../vendor/wasm-feature-detect.js';

export async function detectFlavour() {
  return (await simd()) ? 'simd' : 'scalar';
}
