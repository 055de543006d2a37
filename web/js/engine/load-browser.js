// Loads the Embind module in a page or a classic worker from `baseUrl` (the folder holding
// collapse_lab_{simd,scalar}.{js,wasm}), relative to the page so the site works from any sub-path.
import { CollapseEngine } from './collapse-engine.js';

export async function loadEngine(baseUrl, flavour) {
  const script = new URL(`collapse_lab_${flavour}.js`, baseUrl).href;
  if (typeof importScripts === 'function') {
    importScripts(script); // classic worker
  } else {
    await new Promise((resolve, reject) => {
      const tag = document.createElement('script');
      tag.src = script;
      tag.onload = resolve;
      tag.onerror = () => reject(new Error(`could not load ${script}`));
      document.head.append(tag);
    });
  }
  const module = await self.createCollapseLab({ locateFile: (file) => new URL(file, baseUrl).href });
  return new CollapseEngine(module);
}
