// The postMessage API of an embedded lab (documented in docs/embedding.md). Only the parent window is listened
// to. Messages in (all types prefixed "collapse-lab:"):
//   set    { config?, x?, series?, view? {y, band, figure}, preset?, run? = true }   change settings (validated)
//   run    {}                                                       run with the current settings
//   cancel {}                                                       stop the run in flight
//   get    {}                                                       reply with "state"
// Messages out, to the parent: ready { version, flavour, experiment, hash }, progress { done, total },
//   result { result, manifest, hash }, error { issues }, state { state, hash }, height { height }.
// Results are posted with targetOrigin '*': they are simulation output, not secrets, and the page that embeds
// the lab may live on any origin.

export const PREFIX = 'collapse-lab:';

export function startEmbedApi(app) {
  const parent = window.parent !== window ? window.parent : null;
  const post = (type, data = {}) => parent?.postMessage({ type: `${PREFIX}${type}`, ...data }, '*');
  if (!parent) return { post };

  window.addEventListener('message', (event) => {
    if (event.source !== parent) return;
    const message = event.data;
    if (!message || typeof message !== 'object' || typeof message.type !== 'string' || !message.type.startsWith(PREFIX)) return;
    const type = message.type.slice(PREFIX.length);
    if (type === 'set') {
      // The issues at once, or (settings no engine has judged yet, just after start-up) a Promise of them.
      const report = (issues) => { if (issues.length) post('error', { issues }); };
      const issues = app.applySettings(message);
      if (Array.isArray(issues)) report(issues);
      else issues.then(report, (error) => report([{ parameter: 'set', value: '', message: String(error?.message ?? error) }]));
    } else if (type === 'run') {
      app.run();
    } else if (type === 'cancel') {
      app.cancel();
    } else if (type === 'get') {
      post('state', app.snapshot());
    } else {
      post('error', { issues: [{ parameter: 'type', value: String(message.type).slice(0, 60), message: 'unknown message type' }] });
    }
  });

  // Report the content height whenever it changes, so the parent can size the iframe to fit.
  let last = 0;
  const report = () => {
    // The body's own height, not the document's scrollHeight, which never drops below the iframe's height.
    const height = Math.ceil(document.body.getBoundingClientRect().height);
    if (height !== last) post('height', { height });
    last = height;
  };
  new ResizeObserver(report).observe(document.body);
  report();
  return { post };
}
