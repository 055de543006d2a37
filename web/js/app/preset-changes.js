// What the reader changed since the preset the figure started from: the caption and the citation stay (they still
// describe the experiment), and the preset line says what differs, with a Reset that brings the preset back.
import { presetState } from '../state/lab-state.js';
import { formatNumber } from '../util/format.js';

/** [{ key, name, from, to }] for every parameter, x or series that differs from `preset` in `state`. */
export function presetChanges(state, catalogueExperiment, preset) {
  if (!preset) return [];
  return stateChanges(presetState(catalogueExperiment, preset), state, catalogueExperiment);
}

/** [{ key, name, label, from, to }] for every parameter, x or series that differs between two states. */
export function stateChanges(original, state, catalogueExperiment) {
  const changes = [];
  for (const parameter of catalogueExperiment.parameters) {
    const from = original.config[parameter.key];
    const to = state.config[parameter.key];
    if (from !== to) changes.push({ key: parameter.key, name: MONTE_CARLO.has(parameter.key) ? parameter.key : parameter.symbol || parameter.key,
      label: parameter.label, from: shown(from), to: shown(to) });
  }
  for (const key of ['x', 'series'])
    if ((original[key] ?? '') !== (state[key] ?? '')) changes.push({ key, name: key, label: key, from: original[key] || 'natural', to: state[key] || 'natural' });
  return changes;
}

// The Monte Carlo settings read better by name than by their catalogue symbol (R for trials).
const MONTE_CARLO = new Set(['seed', 'trials']);

const shown = (value) => (typeof value === 'number' ? formatNumber(value) : String(value));

/** "trials 400 → 20, d 10 → 12" (at most `limit` changes, then "and 3 more"). */
export function describeChanges(changes, limit = 4) {
  const listed = changes.slice(0, limit).map((c) => `${c.name} ${c.from} → ${c.to}`);
  if (changes.length > limit) listed.push(`and ${changes.length - limit} more`);
  return listed.join(', ');
}
