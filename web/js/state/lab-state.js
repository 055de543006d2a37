// The lab's state: one plain object that the URL hash, the controls, the embed API and the run all read.
//   { experiment, config: {every catalogue parameter}, x: '' | 'key=grid', series: '' | 'key=v1,v2',
//     view: { y, band, figure, picture?: { series, generation } }, preset: '' | key, flags: { hide: [...], controls: null | [...] } }
// x and series use the CLI's grid syntax (docs/design.md §5.1). x '' is the experiment's natural axis; series '' is a
// single curve (the engine then uses config's value of the natural-series parameter). Without a preset the
// series is the natural one over all its values, e.g. workflow=replace,accumulate,accumulate-subsample.
import { STANDARD_FIGURE, VIEW_OPTIONS } from './url-hash.js';

export function defaultConfig(catalogueExperiment) {
  return Object.fromEntries(catalogueExperiment.parameters.map((p) => [p.key, p.default]));
}

export function defaultView() {
  return { ...Object.fromEntries(Object.entries(VIEW_OPTIONS).map(([key, values]) => [key, values[0]])), figure: STANDARD_FIGURE };
}

/**
 * The state a preset gives (defaults elsewhere), keeping the lecturer's flags and the reader's band; the y axis and
 * the figure are the preset's (experiments/index.js gives every preset a complete { y, figure }).
 */
export function presetState(catalogueExperiment, preset, { view = defaultView(), flags = { hide: [], controls: null } } = {}) {
  const { picture: _picture, ...kept } = view; // a new preset's pictures start afresh (first series, last generation)
  return {
    experiment: catalogueExperiment.key,
    config: { ...defaultConfig(catalogueExperiment), ...(preset?.config ?? {}) },
    x: preset?.x ?? '',
    series: preset?.series ?? naturalSeries(catalogueExperiment),
    view: { ...defaultView(), ...kept, ...(preset?.view ?? {}) },
    preset: preset?.key ?? '',
    flags,
  };
}

/**
 * A complete state from a decoded hash (partial; see url-hash.js): the named preset (or the default one) under
 * whatever the hash set explicitly.
 */
export function stateFromHash(partial, catalogueExperiment, view) {
  const preset = view.presets.find((p) => p.key === partial.preset) ??
    (partial.preset === undefined && Object.keys(partial.config).length === 0 ? view.presets.find((p) => p.key === view.defaultPreset) : null);
  const base = presetState(catalogueExperiment, preset);
  return {
    ...base,
    config: { ...base.config, ...partial.config },
    x: partial.x ?? base.x,
    series: partial.series ?? base.series,
    view: { ...base.view, ...partial.view },
    preset: preset?.key ?? '',
    flags: { hide: partial.flags.hide ?? [], controls: partial.flags.controls ?? null },
    ...(partial.tour ? { tour: partial.tour } : {}),
  };
}

/** 'workflow=replace,accumulate,accumulate-subsample': one curve per value of the natural-series choice. */
export function naturalSeries(catalogueExperiment) {
  const parameter = catalogueExperiment.parameters.find((p) => p.key === catalogueExperiment.naturalSeries);
  return parameter?.type === 'choice' ? `${parameter.key}=${parameter.choices.join(',')}` : '';
}

/** The engine request of a state. */
export function toRequest(state) {
  const request = { experiment: state.experiment, config: { ...state.config } };
  if (state.x) request.x = state.x;
  if (state.series) request.series = state.series;
  return request;
}

export function sameRequest(a, b) {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** The parameter key a grid string sweeps ('ridge=0.001:10:log:15' → 'ridge'), or ''. */
export function sweptKey(grid) {
  return grid ? grid.slice(0, grid.indexOf('=')) : '';
}
