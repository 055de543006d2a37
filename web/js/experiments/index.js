// Lab views by experiment key. Adding an experiment to the page means adding one file like
// recursive-regression.js and listing it here; an experiment in the catalogue without a view still gets a lab
// (controls from the catalogue, its summary as the caption) but no presets.
import recursiveRegression from './recursive-regression.js';

const views = new Map([recursiveRegression].map((view) => [view.key, view]));

/** The lab view of a catalogue experiment, with a generic fallback. */
export function experimentView(catalogueExperiment) {
  return views.get(catalogueExperiment.key) ?? {
    key: catalogueExperiment.key,
    groups: [],
    presets: [],
    defaultPreset: null,
    caption: () => catalogueExperiment.summary,
  };
}
