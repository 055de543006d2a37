// Lab views by experiment key. The presets themselves (settings, title, claim, citation and its URL) come from the
// catalogue, the one definition shared with the CLI's --preset; a view file adds only what a page needs:
//   groups                      how the parameter controls are grouped
//   defaultPreset               the preset drawn on first load
//   lookFor[presetKey]          what a reader should look for in that preset's figure: a string, or a function
//                               (result | null, figure) → string that can quote the numbers the run produced; figure
//                               is { log, rightAxis }, the axes the page draws now (see axis-words.js)
//   presetViews[presetKey]      presentation defaults of a preset: { y: 'log', figure: 'pareto' }
//   figures[name]               derived figures (see figure/paired-figure.js): { label, title, check(result),
//                               build(result) }; the preset or the reader picks one, data and export stay the Result
//   guides(result)              extra lines the figure should draw: [{ axis: 'x'|'y', value, label, series? }]
//   markerLabel(marker, series, result)   the short text beside a marked point (series[].markers)
//   caption(result)             the caption once the reader has left the presets
//   median(result)              whether the figure draws the median over the trials beside the mean (default: when the
//                               Result's notes say the metric is heavy-tailed or point to the median)
//   bandSeries(result, { log }) null (every series), or the indices of the series whose band — and median, where the
//                               figure draws medians — the figure draws: where several wide bands would overlap and hide
//                               the compared lines, only those whose spread the caption reads (the others: mean only)
//   secondAxis(result, { log }) null, or { series: [indices], title }: series drawn against a linear axis on the right, at
//                               their own scale (parts of a sum far smaller than the others, which would share the floor)
//   yTitle(result)              the y axis title (default: the Result's metric label)
//   yRange(result, { log })     null, or { max, note }: the top of a linear y axis when a few runs' spike would squeeze
//                               the curves the caption compares (the note says what is cut off; the table has it all)
//   pictures                    pictures of one trial's data (generative experiments; see app/picture-panel.js):
//                               { plane?: { axes, names, note } for 2-D and 3-D clouds, cloudSize?(config) → values,
//                                 truth?: 'standard-normal',
//                                 lookFor(series, generation, summaries) → a sentence }; kind: 'geometry' for the
//                               neural-collapse picture (class means and classifier rows per checkpoint, Play, heatmap)
//   multiples                   small multiples of a Result with several metrics: { logSteps, scale: {key: 'log'},
//                               short: {key: 'axis title'} } (figure/metric-multiples.js)
// An experiment in the catalogue without a view file still gets a full lab, with the presets' claims as captions.
// Adding an experiment's page means adding one file like recursive-regression.js and listing it here.
import recursiveRegression from './recursive-regression.js';
import syntheticChain from './synthetic-chain.js';
import strongCollapse from './strong-collapse.js';
import gaussianFitting from './gaussian-fitting.js';
import kdeFitting from './kde-fitting.js';
import realVsSynthetic from './real-vs-synthetic.js';
import kernelChain from './kernel-chain.js';
import kernelRealVsSynthetic from './kernel-real-vs-synthetic.js';
import neuralCollapse from './neural-collapse.js';
import tails from './tails.js';
import languageModel from './language-model.js';
import { STANDARD_FIGURE } from '../state/url-hash.js';
import { readableLabel, xAxisTitle } from '../figure/axis-labels.js';
import { HEATMAP_FIGURE, heatmapFigure } from '../figure/heatmap-figure.js';

const views = new Map([recursiveRegression, syntheticChain, strongCollapse, gaussianFitting, kdeFitting, realVsSynthetic, kernelChain,
  kernelRealVsSynthetic, neuralCollapse, tails, languageModel].map((view) => [view.key, view]));

/** Presentation defaults a preset starts from (the band is the reader's choice and is kept). */
const PRESET_VIEW = Object.freeze({ y: 'linear', figure: STANDARD_FIGURE });

/** The default for drawing the median: the Result has one and its notes say the mean is heavy-tailed or point to the median. */
export function heavyTailed(result) {
  return result.series.some((s) => Array.isArray(s.simulation.median)) &&
    (result.notes ?? []).some((note) => /heavy-tailed|median/i.test(note));
}

/** The heatmap (figure/heatmap-figure.js) every experiment offers for a sweep of two numeric parameters, with the
 * catalogue's titles on its axes. */
function heatmapFor(catalogueExperiment) {
  const parameter = (key) => catalogueExperiment.parameters.find((p) => p.key === key);
  return {
    ...HEATMAP_FIGURE,
    build(result, { log = false } = {}) {
      const rows = parameter(result.series[0]?.key);
      const yTitle = rows ? `${rows.label}${rows.symbol ? ` ${rows.symbol}` : ''}` : undefined;
      return heatmapFigure(result, { log, xTitle: xAxisTitle(result, catalogueExperiment), yTitle });
    },
  };
}

/**
 * The lab view of a catalogue experiment: { key, groups, presets, defaultPreset, figures, guides, markerLabel,
 * caption(result), median(result), yTitle(result), pictures }. Each preset: { key, title, config, x, series, citation: {text, url}, claim, view, lookFor(result) }.
 */
export function experimentView(catalogueExperiment) {
  const file = views.get(catalogueExperiment.key) ?? {};
  const lookFor = file.lookFor ?? {};
  const figures = { ...(file.figures ?? {}), heatmap: heatmapFor(catalogueExperiment) };
  const presets = (catalogueExperiment.presets ?? []).map((preset) => {
    const text = typeof preset.citation === 'string' ? preset.citation : preset.citation?.text ?? '';
    const declared = file.presetViews?.[preset.key] ?? {};
    const look = lookFor[preset.key];
    const claim = preset.claim ?? '';
    return {
      key: preset.key,
      title: preset.title,
      config: preset.config ?? {},
      x: preset.x ?? '',
      series: preset.series ?? '',
      citation: { text, url: typeof preset.url === 'string' && /^https:\/\//.test(preset.url) ? preset.url : null },
      claim,
      view: { ...PRESET_VIEW, ...declared, figure: Object.hasOwn(figures, declared.figure ?? '') ? declared.figure : STANDARD_FIGURE },
      lookFor: typeof look === 'function' ? (result, figure) => look(result, figure) || claim : () => look ?? claim,
    };
  });
  return {
    key: catalogueExperiment.key,
    groups: file.groups ?? [],
    presets,
    defaultPreset: presets.some((p) => p.key === file.defaultPreset) ? file.defaultPreset : presets[0]?.key ?? null,
    figures,
    guides: file.guides ?? (() => []),
    markerLabel: file.markerLabel ?? ((marker) => marker.label),
    caption: file.caption ?? (() => catalogueExperiment.summary),
    median: file.median ?? heavyTailed,
    yTitle: (result) => readableLabel(file.yTitle ? file.yTitle(result) : result.metric.label),
    yRange: file.yRange ?? (() => null),
    bandSeries: file.bandSeries ?? (() => null),
    secondAxis: file.secondAxis ?? (() => null),
    pictures: file.pictures ?? null,
    multiples: file.multiples ?? null,
    ownText: file.ownText === true, // "Use your own text" under the parameters (app/own-text.js)
  };
}
