// Options in the query string that concern this browser, not the figure: ?embed=1 (figure and chosen controls
// only, for an iframe), ?flavour=simd|scalar (force a WebAssembly build) and ?pool=N (number of workers). They
// are not part of the shared state; the figure's data are identical whatever they are.

export function readQueryOptions(search) {
  const params = new URLSearchParams(search);
  const embed = ['1', 'true', 'yes'].includes(params.get('embed') ?? '');
  const flavour = ['simd', 'scalar'].includes(params.get('flavour')) ? params.get('flavour') : null;
  const poolText = params.get('pool') ?? '';
  const pool = /^\d{1,2}$/.test(poolText) && Number(poolText) >= 1 && Number(poolText) <= 32 ? Number(poolText) : null;
  return { embed, flavour, pool };
}
