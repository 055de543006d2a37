// Lab views by experiment key. The presets themselves (settings, title, citation, claim) come from the
// catalogue, the one definition shared with the CLI's --preset; a view file adds what only a page needs:
// control groups, a reader-oriented "what to look for" per preset, links for citations, a caption for edited
// settings. An experiment in the catalogue without a view file still gets a full lab, with the presets' claims
// as captions. Adding an experiment's page means adding one file like recursive-regression.js and listing it here.
import recursiveRegression from './recursive-regression.js';

const views = new Map([recursiveRegression].map((view) => [view.key, view]));

/** The lab view of a catalogue experiment: { key, groups, presets, defaultPreset, caption(result) }. */
export function experimentView(catalogueExperiment) {
  const file = views.get(catalogueExperiment.key) ?? {};
  const lookFor = file.lookFor ?? {};
  const links = file.links ?? {};
  const presets = (catalogueExperiment.presets ?? []).map((preset) => {
    const text = typeof preset.citation === 'string' ? preset.citation : preset.citation?.text ?? '';
    const link = Object.keys(links).find((prefix) => text.startsWith(prefix));
    return {
      key: preset.key,
      title: preset.title,
      config: preset.config ?? {},
      x: preset.x ?? '',
      series: preset.series ?? '',
      citation: { text, url: link ? links[link] : null },
      lookFor: lookFor[preset.key] ?? preset.claim ?? '',
    };
  });
  return {
    key: catalogueExperiment.key,
    groups: file.groups ?? [],
    presets,
    defaultPreset: presets.some((p) => p.key === file.defaultPreset) ? file.defaultPreset : presets[0]?.key ?? null,
    caption: file.caption ?? (() => catalogueExperiment.summary),
  };
}
