// "Open a saved figure": a file that the lab or the CLI saved — the page's Export JSON, `collapse-lab run` JSON
// output, or a bare request — reopened as the figure it holds. The same rule as `collapse-lab run --config FILE`
// (Request::fromJson in core/src/sweep/plan.cpp): a Result's `request`; else a manifest's experiment, parameters, x
// and series; else the request itself. The figure is then reached through the URL hash, so every value is checked
// by the same path as a shared link (refused values are named, and fall back to their defaults).
import { HASH_VERSION } from '../state/url-hash.js';

export const MAX_SAVED_BYTES = 32 << 20; // = kMaxRequestBytes in core/include/collapse/sweep/plan.hpp

/** { request } or { error }: the request a saved file reproduces. */
export function savedRequest(json) {
  if (json === null || typeof json !== 'object' || Array.isArray(json)) return { error: 'The file does not hold a saved figure (a JSON object).' };
  if (json.request && typeof json.request === 'object') return savedRequest(json.request);
  const manifest = json.manifest ?? (json.generator ? json : null);
  if (manifest) {
    if (typeof manifest.experiment !== 'string' || !manifest.parameters || typeof manifest.parameters !== 'object')
      return { error: 'The file looks like a saved figure, but its manifest has no experiment and parameters.' };
    return { request: { experiment: manifest.experiment, config: manifest.parameters, x: manifest.x ?? '', series: manifest.series ?? '' } };
  }
  if (typeof json.experiment !== 'string') return { error: 'The file has no "experiment": it is not a saved figure or request.' };
  return { request: { experiment: json.experiment, config: json.config ?? {}, x: json.x ?? '', series: json.series ?? '', preset: json.preset ?? '' } };
}

/** The URL hash of a saved request (values as text; the hash decoder and the engine check them). */
export function savedHash(request) {
  const pairs = [['v', HASH_VERSION], ['exp', request.experiment]];
  if (request.preset) pairs.push(['preset', request.preset]);
  const config = request.config && typeof request.config === 'object' ? request.config : {};
  for (const key of Object.keys(config)) pairs.push([key, config[key]]);
  pairs.push(['x', typeof request.x === 'string' ? request.x : ''], ['series', typeof request.series === 'string' ? request.series : '']);
  return `#${pairs.map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(String(v))}`).join('&')}`;
}

/** Reads a File: { hash } or { error }. */
export async function openSavedFile(file) {
  if (file.size > MAX_SAVED_BYTES) return { error: `${file.name} is ${file.size} bytes; at most ${MAX_SAVED_BYTES} are read.` };
  let json;
  try {
    json = JSON.parse(await file.text());
  } catch {
    return { error: `${file.name} is not valid JSON.` };
  }
  const { request, error } = savedRequest(json);
  return error ? { error: `${file.name}: ${error}` } : { hash: savedHash(request) };
}
