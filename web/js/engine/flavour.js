// Chooses the WebAssembly flavour at run time: the SIMD build where the engine validates a SIMD module and has
// WebAssembly exception handling (the SIMD build is compiled with -fwasm-exceptions, cmake/core_library.cmake), the
// scalar build otherwise (it keeps Emscripten's JavaScript exceptions, for older engines). Both give bit-identical
// results (tests/js/determinism.test.mjs).
import { exceptions, simd } from '../../vendor/wasm-feature-detect.js';

export async function detectFlavour() {
  const [hasSimd, hasExceptions] = await Promise.all([simd(), exceptions()]);
  return hasSimd && hasExceptions ? 'simd' : 'scalar';
}
