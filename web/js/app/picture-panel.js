// The pictures of a generative experiment (gaussian-fitting, kde-fitting): one run's data, generation by generation.
// After each complete run the panel asks a worker for one trial's point clouds (engine.pointCloud: the real training
// data and the samples drawn from every fit), then draws the chosen generation over the real data. The reader picks
// the series (e.g. Replace or Accumulate) and moves a labelled, keyboard-operable slider over the generations; both
// go to the URL hash (picture=series:generation); Play steps the slider through the generations. A table and a status line give the numbers of the shown generation
// (count, mean, SD, share beyond ±2) as the text alternative. Pictures of very large runs are refused with a message.
// A view may declare pictures.kind = 'geometry' (neural-collapse): the same panel, slider and cache then show the class
// means and classifier rows of one training run at each checkpoint (figure/geometry-view.js), with a Play button that
// animates training and a heatmap of the cosines between the means.
import { geometryFrames, simplexGap } from '../figure/geometry-data.js';
import { GeometryView } from '../figure/geometry-view.js';
import { cloudSize, cloudSummary, pictureLayout } from '../figure/point-cloud-data.js';
import { MAX_DRAWN, PictureView } from '../figure/picture-view.js';
import { currentTheme, seriesColour } from '../figure/theme.js';
import { renderSentences } from './sentence-panel.js';
import { formatNumber, formatShort } from '../util/format.js';

/** Clouds above this many values (8 bytes each) are not computed: the page would stall and run out of memory. */
export const MAX_CLOUD_VALUES = 4_000_000;

const TRIAL = 0;

export class PicturePanel {
  /**
   * root: the panel's section; compute(request, series, trial) → Promise<cloud>; onChange({ series, generation });
   * onPlay() → true when the figure's own player (play/generation-player.js) took the Play press (one Play, not two).
   */
  constructor(root, { compute, onChange, onPlay = () => false }) {
    this.root = root;
    this.compute = compute;
    this.onChange = onChange;
    this.onPlay = onPlay;
    const $ = (selector) => root.querySelector(selector);
    this.el = {
      intro: $('[data-picture-intro]'), series: $('[data-picture-series]'), slider: $('[data-picture-generation]'),
      value: $('[data-picture-value]'), canvas: $('[data-picture-canvas]'), status: $('[data-picture-status]'),
      table: $('[data-picture-table]'), wrap: $('.picture-wrap'), controls: $('.picture-controls'),
      play: $('[data-picture-play]'), geometry: $('[data-picture-geometry]'), heatmap: $('[data-picture-heatmap]'),
      heatmapWrap: $('[data-picture-heatmap-wrap]'), sentences: $('[data-picture-sentences]'), sliderName: $('[data-picture-slider-name]'), title: root.querySelector('h2'),
    };
    this.standardTitle = this.el.title?.textContent ?? '';
    this.view = new PictureView(this.el.canvas);
    this.geometryView = this.el.geometry ? new GeometryView(this.el.geometry, this.el.heatmap) : null;
    this.playTimer = 0;
    this.el.play?.addEventListener('click', () => this.togglePlay());
    this.token = 0;
    this.cache = null; // { key, cloud }
    this.current = null; // { pictures, result, request, series, generation, layout, cloud }
    this.el.series.addEventListener('change', () => this.chooseSeries(Number(this.el.series.value)));
    this.el.slider.addEventListener('input', () => { this.stopPlay(); this.chooseGeneration(Number(this.el.slider.value)); });
  }

  hide() {
    this.stopPlay();
    this.token += 1;
    this.root.hidden = true;
    this.current = null;
    renderSentences(this.el.sentences, null);
  }

  /** Whether the pictures may show (the experiment has them and the lecturer has not hidden them); shown once drawn. */
  setAllowed(allowed) {
    if (!allowed) this.hide();
    else this.root.hidden = !this.current && !this.el.status.textContent;
  }

  /**
   * Shows the pictures of a finished run. pictures: the view file's declaration (null: no pictures, the panel hides);
   * picture: the state's { series, generation } or null (the first series at its last generation).
   */
  async show({ pictures, result, request, picture }) {
    if (!pictures) return this.hide();
    this.stopPlay();
    this.root.hidden = false;
    const geometry = pictures.kind === 'geometry' && Boolean(this.geometryView);
    this.showGeometryParts(geometry);
    const series = picture && picture.series < result.series.length ? picture.series : 0;
    this.fillSeries(result, series);
    renderSentences(this.el.sentences, result, series, picture?.generation ?? result.series[series]?.samples?.length);
    const { samples, generations } = result.config;
    const dimension = result.config.dim ?? 3;
    const size = geometry ? result.x.values.length * 2 * result.config.classes * result.config.featureDim
      // A view may say how many values a cloud really holds (e.g. a rank–frequency summary of T tokens).
      : pictures.cloudSize?.(result.config) ?? cloudSize({ dimension, samples, generations });
    if (geometry && size > MAX_CLOUD_VALUES) {
      this.token += 1;
      this.current = null;
      this.setBusy(false, true);
      this.el.status.textContent = `These settings make too many coordinates to draw (${result.config.classes} classes × ` +
        `${result.config.featureDim} dimensions × ${result.x.values.length} checkpoints): lower the classes or the feature dimension.`;
      this.el.table.replaceChildren();
      return undefined;
    }
    if (!geometry && size > MAX_CLOUD_VALUES) {
      this.token += 1;
      this.current = null;
      this.setBusy(false, true);
      this.el.status.textContent = `These settings make too many points to draw (${samples} samples × ${generations} generations` +
        `${result.config.dim ? ` × ${dimension} coordinates` : ''}): lower the samples or the generations to see the pictures.`;
      this.el.table.replaceChildren();
      return undefined;
    }
    const key = JSON.stringify([request, series]);
    const token = ++this.token;
    let cloud = this.cache?.key === key ? this.cache.cloud : null;
    if (!cloud) {
      this.setBusy(true);
      this.el.status.textContent = geometry ? 'Training one run for the picture…' : 'Drawing one run\'s samples…';
      try {
        cloud = await this.compute(request, series, TRIAL);
      } catch (error) {
        if (token !== this.token) return undefined;
        if (error?.name === 'CancelledError') return undefined; // a new run took over; it will show its own pictures
        this.setBusy(false, true);
        this.el.status.textContent = `The pictures could not be drawn: ${error.message}`;
        return undefined;
      }
      if (token !== this.token) return undefined;
      this.cache = { key, cloud };
    }
    const total = cloud.generations.length;
    const generation = Math.min(Math.max(picture?.generation ?? total, 1), total);
    if (geometry) {
      this.current = { pictures, result, request, series, generation, cloud, geometry: geometryFrames(cloud, result.config.classes) };
      this.el.slider.min = '1';
      this.el.slider.max = String(total);
      this.el.slider.value = String(generation);
      this.setBusy(false);
      this.el.intro.textContent = pictures.intro?.(result) ?? '';
      this.render();
      return undefined;
    }
    const layout = pictureLayout(cloud.dimension, { plane: cloud.dimension >= 2 ? pictures.plane ?? null : null });
    this.current = { pictures, result, request, series, generation, layout, cloud, realSummary: cloudSummary(cloud.real, cloud.dimension) };
    this.view.setCloud(cloud, layout, { truth: pictures.truth ?? null });
    this.el.slider.min = '1';
    this.el.slider.max = String(total);
    this.el.slider.value = String(generation);
    this.setBusy(false);
    this.el.intro.textContent = introText(result, layout, cloud, pictures);
    this.render();
    return undefined;
  }

  fillSeries(result, selected) {
    const options = result.series.map((s, k) => {
      const option = document.createElement('option');
      option.value = String(k);
      option.textContent = seriesName(result, k);
      return option;
    });
    this.el.series.replaceChildren(...options);
    this.el.series.value = String(selected);
    this.el.series.closest('label').hidden = result.series.length < 2;
  }

  setBusy(busy, failed = false) {
    this.el.slider.disabled = busy || failed;
    if (this.el.play) this.el.play.disabled = busy || failed;
    this.el.wrap.classList.toggle('busy', busy);
    this.el.wrap.hidden = failed;
  }

  chooseSeries(series) {
    if (!this.current) return;
    const { pictures, result, request, generation } = this.current;
    this.onChange({ series, generation });
    this.show({ pictures, result, request, picture: { series, generation } });
  }

  chooseGeneration(generation) {
    if (!this.current) return;
    this.current.generation = generation;
    this.onChange({ series: this.current.series, generation });
    this.render();
  }

  /** Redraws (e.g. after a theme change). */
  redraw() {
    if (this.current) this.render();
  }

  showGeometryParts(geometry) {
    this.el.canvas.hidden = geometry;
    if (this.el.geometry) this.el.geometry.hidden = !geometry;
    if (this.el.heatmapWrap) this.el.heatmapWrap.hidden = !geometry;
    if (this.el.sliderName) this.el.sliderName.textContent = geometry ? 'checkpoint' : 'generation';
    if (this.el.title) this.el.title.textContent = geometry ? 'The geometry: one training run, checkpoint by checkpoint' : this.standardTitle;
  }

  /**
   * Play: steps through the checkpoints of a training run (about seven a second, the geometry turning) or the
   * generations of a generative experiment (one every 600 ms), from the first when at the end; again to pause.
   */
  togglePlay() {
    if (this.playTimer) return this.stopPlay();
    if (this.onPlay()) return undefined;
    if (!this.current || this.el.slider.disabled) return undefined;
    const geometry = Boolean(this.current.geometry);
    const total = Number(this.el.slider.max);
    if (this.current.generation >= total) this.chooseGeneration(1);
    this.el.play.textContent = 'Pause';
    this.el.play.setAttribute('aria-pressed', 'true');
    this.playTimer = setInterval(() => {
      if (!this.current || Boolean(this.current.geometry) !== geometry) return this.stopPlay();
      const next = this.current.generation + 1;
      if (next > total) return this.stopPlay();
      if (geometry) this.geometryView.yaw += 0.04;
      this.el.slider.value = String(next);
      this.chooseGeneration(next);
      return undefined;
    }, geometry ? 140 : 600);
    return undefined;
  }

  stopPlay() {
    if (!this.playTimer) return; // the figure's player may be driving the button
    clearInterval(this.playTimer);
    this.playTimer = 0;
    if (this.el.play) {
      this.el.play.textContent = 'Play';
      this.el.play.setAttribute('aria-pressed', 'false');
    }
  }

  renderGeometry() {
    const { result, generation, cloud, geometry, pictures } = this.current;
    const total = cloud.generations.length;
    const frame = geometry.frames[generation - 1];
    const step = result.x.values[generation - 1];
    this.geometryView.draw(frame, { threeD: geometry.basisSize >= 3 });
    this.el.value.textContent = `step ${step} (${generation} of ${total})`;
    this.el.slider.setAttribute('aria-valuetext', `training step ${step}, checkpoint ${generation} of ${total}`);
    const gap = simplexGap(frame.cosines);
    const sentence = pictures.lookFor?.({ result, step, frame, gap }) ?? '';
    this.el.status.textContent = sentence;
    this.el.geometry.setAttribute('aria-label', `Class means (discs) and classifier rows (arrows) of one run at step ${step}, ` +
      `projected on the final means' ${geometry.basisSize >= 3 ? 'three' : 'two'} leading directions. ${sentence}`);
    this.el.heatmap?.setAttribute('aria-label', `Cosines between the class means at step ${step}: the largest distance from ` +
      `−1/(C−1) off the diagonal is ${formatShort(gap)}.`);
    renderCosineTable(this.el.table, frame.cosines, step);
  }

  render() {
    if (this.current.geometry) return this.renderGeometry();
    const { result, series, generation, cloud, layout, pictures, realSummary } = this.current;
    const label = seriesName(result, series);
    const total = cloud.generations.length;
    const colour = seriesColour(currentTheme(), series);
    this.view.draw(generation, { colour, seriesLabel: label });
    this.el.value.textContent = `t = ${generation} of ${total}`;
    this.el.slider.setAttribute('aria-valuetext', `generation ${generation} of ${total}`);
    const shown = cloudSummary(cloud.generations[generation - 1], cloud.dimension);
    const sentence = pictures.lookFor?.({ series: label, generation, generations: total, real: realSummary, shown }) ?? '';
    this.el.status.textContent = sentence;
    this.el.canvas.setAttribute('aria-label', canvasLabel(layout, label, generation, shown, realSummary, pictures) + ' ' + sentence);
    renderSummaryTable(this.el.table, layout, pictures, [['real data', realSummary], [`${label}, generation ${generation}`, shown]]);
    renderSentences(this.el.sentences, result, series, generation);
  }
}

/** The text alternative of the heatmap: the cosines between the class means at this step. */
function renderCosineTable(container, cosines, step) {
  const table = document.createElement('table');
  const caption = document.createElement('caption');
  caption.textContent = `Cosines between the centred class means at step ${step} (a simplex has −1/(C−1) off the diagonal).`;
  table.append(caption);
  const head = document.createElement('tr');
  head.append(document.createElement('th'));
  cosines.forEach((_, j) => {
    const th = document.createElement('th');
    th.scope = 'col';
    th.textContent = `class ${j}`;
    head.append(th);
  });
  const body = document.createElement('tbody');
  cosines.forEach((row, i) => {
    const tr = document.createElement('tr');
    const th = document.createElement('th');
    th.scope = 'row';
    th.textContent = `class ${i}`;
    tr.append(th, ...row.map((value) => {
      const td = document.createElement('td');
      td.textContent = formatShort(value);
      return td;
    }));
    body.append(tr);
  });
  const thead = document.createElement('thead');
  thead.append(head);
  table.append(thead, body);
  container.replaceChildren(table);
}

/** A series' name; a single curve is named by its workflow ("Replace"), since its label is the metric's. */
function seriesName(result, k) {
  if (result.series.length > 1 || typeof result.config.workflow !== 'string') return result.series[k].label;
  const workflow = result.config.workflow;
  return workflow.charAt(0).toUpperCase() + workflow.slice(1);
}

function introText(result, layout, cloud, pictures) {
  const count = (flat) => Math.floor(flat.length / cloud.dimension);
  // A view whose points are not samples (language-model: a Zipf plot's ranks) says what they are itself.
  const what = pictures.describe ? pictures.describe(result)
    : layout.kind === 'histogram'
    ? `a histogram of the ${count(cloud.generations[0])} samples drawn from the fit of generation t (filled, with a tick per sample) ` +
      `against the true N(0, 1) density (dashed); grey ticks are the ${count(cloud.real)} real training points`
    : `the ${count(cloud.generations[0])} samples drawn from the fit of generation t (colour) over the ${count(cloud.real)} real training points (grey)`;
  const limited = count(cloud.generations[0]) > MAX_DRAWN ? ` The first ${MAX_DRAWN} points of each set are drawn; the numbers use all.` : '';
  return `One run (trial 1 of ${result.trials}, seed ${result.seed}): ${what}. Axes stay fixed as you move the slider.` +
    `${layout.note ? ` ${layout.note}` : ''}${limited}`;
}

function canvasLabel(layout, label, generation, shown, real, pictures) {
  if (pictures.describe)
    return `${layout.names[1]} against ${layout.names[0]} for generation ${generation} (${label}), over the real text's (grey).`;
  if (layout.kind === 'histogram')
    return `Histogram of the ${shown.count} samples of generation ${generation} (${label}) against the true N(0, 1) density: ` +
      `mean ${formatShort(shown.mean[0])}, SD ${formatShort(shown.sd[0])} (real data: SD ${formatShort(real.sd[0])}).`;
  return `Scatter of the ${shown.count} samples of generation ${generation} (${label}) over the ${real.count} real data points, ` +
    `${layout.names[0]} against ${layout.names[1]}.`;
}

/** The picture's text alternative: per row (real data, the shown generation) count, mean and SD of each drawn coordinate. */
function renderSummaryTable(container, layout, pictures, rows) {
  const table = document.createElement('table');
  const caption = document.createElement('caption');
  caption.textContent = `The points in the picture: count, mean and standard deviation of each drawn coordinate` +
    `${pictures.truth === 'standard-normal' ? ', the overall spread, and the share of points beyond ±2 (4.6% for the truth N(0, 1))' : ' and the overall spread'}.`;
  table.append(caption);
  const axes = layout.axes;
  const names = layout.kind === 'histogram' ? ['x'] : layout.names;
  const headers = ['', 'points', ...names.flatMap((n) => [`mean ${n}`, `SD ${n}`]), 'spread', ...(pictures.truth === 'standard-normal' ? ['beyond ±2'] : [])];
  const head = document.createElement('tr');
  for (const text of headers) {
    const th = document.createElement('th');
    th.scope = 'col';
    th.textContent = text;
    head.append(th);
  }
  const thead = document.createElement('thead');
  thead.append(head);
  const body = document.createElement('tbody');
  for (const [name, summary] of rows) {
    const row = document.createElement('tr');
    const th = document.createElement('th');
    th.scope = 'row';
    th.textContent = name;
    row.append(th);
    const cells = [String(summary.count), ...axes.flatMap((a) => [formatNumber(summary.mean[a]), formatNumber(summary.sd[a])]),
      formatNumber(summary.spread), ...(pictures.truth === 'standard-normal' ? [`${(100 * summary.beyond2).toFixed(1)}%`] : [])];
    for (const text of cells) {
      const td = document.createElement('td');
      td.textContent = text;
      row.append(td);
    }
    body.append(row);
  }
  table.append(thead, body);
  container.replaceChildren(table);
}
