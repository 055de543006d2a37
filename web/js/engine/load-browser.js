// Loads the Embind module in the page from `baseUrl` (the folder holding collapse_lab_{simd,scalar}.{js,wasm}),
// relative to the page so the site works from any sub-path. The .wasm is compiled once here (streaming, off the
// main thread) and the compiled WebAssembly.Module is handed to the page's engine and to every worker, which
// then only instantiate it: no worker compiles the 500 kB binary again.
import { CollapseEngine } from './collapse-engine.js';

export function moduleUrls(baseUrl, flavour) {
  return {
    script: new URL(`collapse_lab_${flavour}.js`, baseUrl).href,
    wasm: new URL(`collapse_lab_${flavour}.wasm`, baseUrl).href,
  };
}

/** The compiled WebAssembly.Module of a flavour. */
export async function compileModule(baseUrl, flavour) {
  const { wasm } = moduleUrls(baseUrl, flavour);
  const response = fetch(wasm, { credentials: 'same-origin' });
  try {
    return await WebAssembly.compileStreaming(response);
  } catch {
    // A server without the application/wasm MIME type: compile from bytes instead.
    const bytes = await (await fetch(wasm, { credentials: 'same-origin' })).arrayBuffer();
    return WebAssembly.compile(bytes);
  }
}

/** Emscripten options that instantiate an already compiled module instead of fetching the .wasm. */
export function instantiateFrom(wasmModule) {
  return {
    instantiateWasm(imports, receiveInstance) {
      WebAssembly.instantiate(wasmModule, imports).then((instance) => receiveInstance(instance, wasmModule));
      return {}; // asynchronous: Emscripten waits for receiveInstance
    },
  };
}

/**
 * A CollapseEngine on the page's thread, for what the page must answer synchronously as the reader types:
 * validation (and describe). The heavy work goes to workers; the catalogue comes from catalogue.json.
 */
export async function loadEngine(baseUrl, flavour, wasmModule, { catalogue = null } = {}) {
  const { script } = moduleUrls(baseUrl, flavour);
  await new Promise((resolve, reject) => {
    const tag = document.createElement('script');
    tag.src = script;
    tag.onload = resolve;
    tag.onerror = () => reject(new Error(`could not load ${script}`));
    document.head.append(tag);
  });
  const module = await self.createCollapseLab(instantiateFrom(wasmModule ?? await compileModule(baseUrl, flavour)));
  return new CollapseEngine(module, { catalogue });
}
