// The lab's whole state as a versioned URL hash, readable by people:
//   #v=1&exp=recursive-regression&seed=1&trials=400&dim=10&...&series=workflow=replace,accumulate&y=linear&band=quantile&figure=standard
// (and picture=1:37 once the reader has moved the pictures of a generative experiment: series 1, generation 37)
// figure=standard is the curves; another name is a derived figure of the experiment's view file (e.g. pareto).
// Every parameter is written (not only the changed ones), so a link keeps reproducing its curve even if a later
// version changes a default. Decoding trusts nothing: each value is checked against the catalogue (number syntax,
// known choices) and a length limit; problems come back as plain data that the page shows with textContent.
// Values are the engine's to judge: a number is read here only in the one number syntax of every input (as in the
// CLI and the JS API: digits, optional point and exponent), anything else stays text, and the engine's validate()
// then refuses it with the same message the CLI prints (naming the parameter, its value and the allowed range).

export const HASH_VERSION = 1;

/** View options and their allowed values (first = default). */
export const VIEW_OPTIONS = Object.freeze({ y: ['linear', 'log'], band: ['quantile', 'sem', 'none'] });

/** The figure drawn: the standard curves, or a derived figure named by the experiment's view file. */
export const STANDARD_FIGURE = 'standard';
const FIGURE = /^[a-z][a-z0-9-]{0,39}$/;

/** Parts of the page a lecturer can hide with hide=...; parameter keys can be hidden too. */
export const HIDEABLE_PARTS = Object.freeze(['presets', 'controls', 'sweep', 'view', 'share', 'export', 'table', 'caption', 'notes', 'run', 'pictures']);

const RESERVED = new Set(['v', 'exp', 'preset', 'x', 'series', 'y', 'band', 'figure', 'picture', 'hide', 'controls', 'tour']);
// tour=<step> (this experiment's guided tour) or tour=start:<step> (the tour across experiments); see tour/tours.js.
const TOUR = /^(start:)?(\d{1,2})$/;
// picture=<series index>:<generation>: what the pictures of a generative experiment show (absent: the first series at
// its last generation). Whether that series and generation exist is the page's to check against the run.
const PICTURE = /^(\d{1,3}):(\d{1,5})$/;
const MAX_HASH_LENGTH = 8000; // x and series may each be 2000 characters (the core's limit)
const MAX_SHOWN = 60;
const DECIMAL = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i; // = parseDecimal in core/src/catalogue/parameter.cpp
const GRID = /^[A-Za-z][A-Za-z0-9]*=[A-Za-z0-9.,:+-]+$/; // key=grid; the engine checks the grid itself
const PRESET = /^[a-z0-9][a-z0-9-]{0,59}$/;

/** A parameter key must never shadow a reserved hash key; checked once against the catalogue. */
export function reservedCollisions(catalogue) {
  return catalogue.experiments.flatMap((e) => e.parameters.map((p) => p.key)).filter((key) => RESERVED.has(key));
}

/** '#v=1&...' for a complete state (see lab-state.js) of the catalogue experiment `experiment`. */
export function encodeHash(state, experiment) {
  const pairs = [['v', HASH_VERSION], ['exp', state.experiment]];
  if (state.preset) pairs.push(['preset', state.preset]);
  for (const parameter of experiment.parameters) pairs.push([parameter.key, state.config[parameter.key]]);
  pairs.push(['x', state.x], ['series', state.series]); // written even when empty: '' means one curve, not "default"
  pairs.push(['y', state.view.y], ['band', state.view.band]);
  pairs.push(['figure', state.view.figure || STANDARD_FIGURE]); // always: a preset may default to a derived figure
  if (state.view.picture) pairs.push(['picture', `${state.view.picture.series}:${state.view.picture.generation}`]);
  if (state.flags.hide.length) pairs.push(['hide', state.flags.hide.join(',')]);
  if (state.flags.controls) pairs.push(['controls', state.flags.controls.join(',')]);
  if (state.tour) pairs.push(['tour', `${state.tour.name === 'start' ? 'start:' : ''}${state.tour.step}`]);
  return `#${pairs.map(([key, value]) => `${key}=${encodeValue(String(value))}`).join('&')}`;
}

// '=', ':' and ',' are legal in a fragment and keep grids like ridge=0.001:10:log:15 readable.
function encodeValue(text) {
  return encodeURIComponent(text).replace(/%3D/g, '=').replace(/%3A/g, ':').replace(/%2C/g, ',');
}

/**
 * Reads a hash into a partial state: { state, problems }. state is null when the hash is empty (or unusable);
 * otherwise it holds only what the hash set validly: { experiment, config, x, series, view, preset, flags }.
 * problems: [{ key, value, message }], value shortened for display.
 */
export function decodeHash(hash, catalogue) {
  const problems = [];
  const problem = (key, value, message) => problems.push({ key, value: shorten(value), message });
  const text = String(hash ?? '').replace(/^#/, '');
  if (!text) return { state: null, problems };
  if (text.length > MAX_HASH_LENGTH) {
    problem('link', text, `The link's settings are too long (${text.length} characters); the default figure is shown.`);
    return { state: null, problems };
  }

  const entries = new Map();
  const duplicated = new Set();
  for (const part of text.split('&')) {
    if (!part) continue;
    const at = part.indexOf('=');
    const rawKey = at < 0 ? part : part.slice(0, at);
    const rawValue = at < 0 ? '' : part.slice(at + 1);
    let key;
    let value;
    try {
      key = decodeURIComponent(rawKey);
      value = decodeURIComponent(rawValue);
    } catch {
      problem(rawKey, rawValue, `"${shorten(rawKey)}" is not properly encoded and was ignored.`);
      continue;
    }
    if (entries.has(key) || duplicated.has(key)) {
      if (!duplicated.has(key)) problem(key, value, `${shorten(key)} is given twice; give each setting once. It was ignored.`);
      duplicated.add(key);
      entries.delete(key);
      continue;
    }
    entries.set(key, value);
  }

  const version = entries.get('v');
  if (version !== undefined && version !== String(HASH_VERSION))
    problem('v', version, `This link is for version ${shorten(version)} of the link format; this lab reads version ${HASH_VERSION}, so some settings may differ.`);

  let experiment = catalogue.experiments[0];
  if (entries.has('exp')) {
    const found = catalogue.experiments.find((e) => e.key === entries.get('exp'));
    if (found) experiment = found;
    else problem('exp', entries.get('exp'), `There is no experiment "${shorten(entries.get('exp'))}"; showing ${experiment.title}.`);
  }

  const state = { experiment: experiment.key, config: {}, view: {}, flags: {} };
  const parameters = new Map(experiment.parameters.map((p) => [p.key, p]));
  for (const [key, value] of entries) {
    if (key === 'v' || key === 'exp') continue;
    if (parameters.has(key)) {
      const parsed = parseParameter(parameters.get(key), value);
      if (parsed.ok) state.config[key] = parsed.value;
      else problem(key, value, parsed.message);
    } else if (key === 'x' || key === 'series') {
      if (value === '' || GRID.test(value)) state[key] = value;
      else problem(key, value, `${key} must look like key=values (e.g. ridge=0.001:10:log:15 or workflow=replace,accumulate); it was ignored.`);
    } else if (key === 'preset') {
      if (PRESET.test(value)) state.preset = value;
      else problem(key, value, 'The preset name is not valid and was ignored.');
    } else if (Object.hasOwn(VIEW_OPTIONS, key)) { // own keys only: #toString=1 must not reach Object.prototype
      if (VIEW_OPTIONS[key].includes(value)) state.view[key] = value;
      else problem(key, value, `${key} must be one of ${VIEW_OPTIONS[key].join(', ')}; it was ignored.`);
    } else if (key === 'figure') {
      // Only the name's form is checked here; whether the experiment has that figure is the page's to say.
      if (FIGURE.test(value)) state.view.figure = value;
      else problem(key, value, 'The figure name is not valid and was ignored.');
    } else if (key === 'picture') {
      const match = PICTURE.exec(value);
      if (match) state.view.picture = { series: Number(match[1]), generation: Number(match[2]) };
      else problem(key, value, 'picture must look like series:generation (e.g. 0:12); it was ignored.');
    } else if (key === 'tour') {
      const match = TOUR.exec(value);
      if (match && Number(match[2]) >= 1) state.tour = { name: match[1] ? 'start' : 'this', step: Number(match[2]) };
      else problem(key, value, 'tour must be a step number (e.g. 3) or start:<step>; it was ignored.');
    } else if (key === 'hide' || key === 'controls') {
      const allowed = key === 'hide' ? [...HIDEABLE_PARTS, ...parameters.keys()] : [...parameters.keys()];
      const items = value === '' ? [] : value.split(',');
      const known = items.filter((item) => allowed.includes(item));
      for (const item of items.filter((i) => !allowed.includes(i)))
        problem(key, item, `"${shorten(item)}" is not something ${key === 'hide' ? 'that can be hidden' : 'a control'}; it was ignored.`);
      state.flags[key] = [...new Set(known)];
    } else {
      problem(key, value, `"${shorten(key)}" is not a setting of ${experiment.title}; it was ignored.`);
    }
  }
  return { state, problems };
}

/**
 * A hash value of one catalogue parameter: { ok: true, value }. A number in the one number syntax becomes a
 * number; anything else stays text, for the engine's validate() to refuse with the message the CLI gives.
 */
export function parseParameter(parameter, text) {
  if (parameter.type !== 'choice' && DECIMAL.test(text) && text.length <= 400 && Number.isFinite(Number(text)))
    return { ok: true, value: Number(text) };
  return { ok: true, value: text };
}

function shorten(value) {
  const text = String(value);
  return text.length > MAX_SHOWN ? `${text.slice(0, MAX_SHOWN)}…` : text;
}
