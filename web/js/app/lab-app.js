// The lab: one state (lab-state.js) that the controls edit, the URL hash mirrors, the runner computes and the
// figure draws. Every change goes the same way: validate with the engine → show issues beside the controls (the
// last good figure stays) → write the hash → run on the worker pool → draw. The first run of the default preset
// starts at once, so the figure tells its story before anyone touches anything.
import { ControlPanel } from '../controls/control-panel.js';
import { PresetList } from '../controls/preset-list.js';
import { SweepControls } from '../controls/sweep-controls.js';
import { ViewControls, bandDescription } from '../controls/view-controls.js';
import { CancelledError } from '../compute/worker-pool.js';
import { experimentView } from '../experiments/index.js';
import { xAxisTitle } from '../figure/axis-labels.js';
import { ChartView } from '../figure/chart-view.js';
import { figureSummary, renderTable } from '../figure/data-table.js';
import { MetricMultiples } from '../figure/metric-multiples.js';
import { renderLegend } from '../figure/legend.js';
import { darkQuery } from '../figure/theme.js';
import { download } from '../export/download.js';
import { fileStem, manifest } from '../export/manifest.js';
import { addPngThemeChoice, exportCsv, exportJson, exportPng } from '../export/export-actions.js';
import { EmbedDialog } from '../share/embed-dialog.js';
import { openSavedFile } from '../share/open-saved.js';
import { copyText, shareUrl } from '../share/share-links.js';
import { presetState, stateFromHash, sweptKey, toRequest } from '../state/lab-state.js';
import { decodeHash, encodeHash, HIDEABLE_PARTS, STANDARD_FIGURE } from '../state/url-hash.js';
import { MessageBanner } from '../ui/message-banner.js';
import { ProgressView } from '../ui/progress-view.js';
import { scrollCue } from '../ui/scroll-cue.js';
import { PicturePanel } from './picture-panel.js';
import { OwnTextInput } from './own-text.js';
import { describeChanges, presetChanges } from './preset-changes.js';
import { glossaryTerms, renderWithTerms } from '../glossary/glossary.js';
import { findScrubbables, makeScrubbable, showScrubbedValue } from '../play/scrubbable-numbers.js';
import { highlightIndex, TourGuide } from '../tour/tour-guide.js';
import { PinAndHistory } from '../play/pin-and-history.js';
import { GenerationPlayer } from '../play/generation-player.js';
import { formatCount } from '../util/format.js';
import { nextTask } from '../util/next-task.js';

const RUN_DELAY_MS = 350; // after the last keystroke in a number field
// While a slider moves, a figure whose last run took under this re-runs live (play/slider.js); heavier ones wait for
// a pause, like typing, and run at once on release.
const LIVE_SECONDS = 0.25;

export class LabApp {
  constructor({ engine, runner, flavour, poolSize, embed }) {
    this.engine = engine;
    this.runner = runner;
    this.flavour = flavour;
    this.poolSize = poolSize;
    this.embed = embed;
    this.catalogue = engine.catalogue();
    this.state = null;
    this.good = null; // the last complete run: { request, result, values, seconds, state }
    this.timer = 0;
    this.liveDrag = null; // the drag in progress: { key, live } (live re-runs or the debounce, decided when it starts)
    this.listeners = { result: [], progress: [], error: [] };
    const $ = (id) => document.getElementById(id);
    this.el = {
      title: $('figure-title'), presetLine: $('preset-line'), caption: $('caption'), canvas: $('figure'),
      placeholder: $('chart-placeholder'), legend: $('legend'), status: $('status'), notes: $('notes'),
      tableDetails: $('table-details'), table: $('data-table'), run: $('run'), cancel: $('cancel'),
      tabs: $('experiment-tabs'), presets: $('presets'), controls: $('controls'), sweep: $('sweep'),
      view: $('view-controls'), shareStatus: $('share-status'), openFull: $('open-full'), version: $('version'),
    };
    this.chart = new ChartView(this.el.canvas);
    this.multiples = new MetricMultiples($('metric-multiples')); // several metrics from one run (docs/result.md)
    this.banner = new MessageBanner($('banner'));
    this.progress = new ProgressView($('progress'), document.querySelector('#progress .progress-fill'));
    this.viewControls = new ViewControls(this.el.view, { onChange: (view) => this.setView(view) });
    this.pictures = new PicturePanel($('pictures'), {
      compute: (request, series, trial) => this.runner.pointCloud(request, series, trial),
      onChange: (picture) => {
        this.state = { ...this.state, view: { ...this.state.view, picture } };
        this.writeHash();
      },
      onPlay: () => {
        if (!this.player.playable) return false;
        this.player.toggle();
        return true;
      },
    });
    this.tourGuide = new TourGuide(this);
    this.pinHistory = new PinAndHistory(this, document.querySelector('.figure-toolbar'));
    this.player = new GenerationPlayer(this, document.querySelector('.figure-toolbar'));
    this.el.version.textContent = `${engine.version} · ${flavour} build · ${poolSize} worker${poolSize === 1 ? '' : 's'}`;

    this.el.run.addEventListener('click', () => this.run());
    this.el.cancel.addEventListener('click', () => this.cancel());
    this.el.tableDetails.addEventListener('toggle', () => this.renderTable());
    $('copy-link').addEventListener('click', () => this.copyLink());
    $('embed-button').addEventListener('click', () => this.embedDialog.open());
    $('export-csv').addEventListener('click', () => this.exportCsv());
    $('export-json').addEventListener('click', () => this.exportJson());
    $('open-saved').addEventListener('change', (event) => this.openSaved(event.target));
    this.pngTheme = addPngThemeChoice($('export-png'));
    $('export-trials').addEventListener('click', () => this.exportTrials());
    $('export-png').addEventListener('click', () => this.exportPng());
    // The hash the event brought, not location.hash: a state shown in between (a link judged during start-up)
    // may already have replaced the address with its own hash, and the newer link would be lost.
    window.addEventListener('hashchange', (event) => {
      const hash = event.newURL ? new URL(event.newURL).hash : location.hash;
      if (hash !== this.writtenHash) this.applyHash(hash);
    });
    darkQuery?.addEventListener?.('change', () => this.redraw());
  }

  on(event, listener) {
    this.listeners[event].push(listener);
  }

  emit(event, data) {
    for (const listener of this.listeners[event]) listener(data);
  }

  /**
   * Reads the hash (or the default preset) and runs. Resolves once the lab shows that state (after the engine has
   * judged a link's values: before the page's own engine is loaded, a worker does).
   */
  start() {
    // Until then a provisional validation (a request no engine has judged yet) is corrected when the answer comes.
    this.engine.onAnswer = (request) => {
      if (this.state && JSON.stringify(toRequest(this.state)) === JSON.stringify(request)) this.validate();
    };
    return this.applyHash(location.hash);
  }

  // ——— state ———

  catalogueExperiment(key = this.state.experiment) {
    return this.catalogue.experiments.find((e) => e.key === key);
  }

  /**
   * Shows the state of a URL hash and runs it. Returns a Promise when it first waits for the engine's judgement; it
   * resolves once the lab shows a state — that hash's, or a newer one's when another hash came meanwhile.
   */
  applyHash(hash, options) {
    const shown = this.showHash(hash, options);
    this.hashShown = Promise.resolve(shown);
    return shown;
  }

  showHash(hash, { unjudged = false } = {}) {
    const token = (this.hashToken = {});
    // A link's values are judged by the engine before anything is shown: until the page's engine is loaded a
    // worker answers, and then the hash is read again (the newest hash wins). Should no worker answer (the module
    // failed to load), the link is shown as it is and its run reports the failure.
    const judged = (request) => unjudged || this.engine.knows(request);
    const waitFor = (request) => this.engine.settle(request).then(() => false, () => true).then((failed) => {
      if (token === this.hashToken) return this.applyHash(hash, { unjudged: failed });
      return this.hashShown; // a newer hash took over (e.g. a link changed during start-up): wait for it
    });
    const { state: partial, problems } = decodeHash(hash, this.catalogue);
    const messages = problems.map((p) => p.message);
    let state;
    if (partial) {
      const experiment = this.catalogueExperiment(partial.experiment);
      const view = experimentView(experiment);
      if (partial.preset && !view.presets.some((p) => p.key === partial.preset)) {
        messages.push(`There is no preset "${partial.preset}"; the link's own settings are used.`);
        delete partial.preset;
      }
      state = stateFromHash(partial, experiment, view);
      if (state.view.figure !== STANDARD_FIGURE && !Object.hasOwn(view.figures, state.view.figure)) {
        messages.push(`${experiment.title.split(':')[0]} has no "${state.view.figure}" figure; the curves are shown.`);
        state.view = { ...state.view, figure: STANDARD_FIGURE };
      }
      // Values of the right type can still be out of range or inconsistent: the engine names each one.
      // Each rejected value falls back to its default, so a bad link still shows a figure.
      const defaults = presetState(experiment, null);
      if (!judged(toRequest(state))) return waitFor(toRequest(state));
      for (const issue of this.engine.validate(toRequest(state))) {
        messages.push(`${issue.message} The link's value was replaced by the default.`);
        if (Object.hasOwn(state.config, issue.parameter)) state.config[issue.parameter] = defaults.config[issue.parameter];
        else if (issue.parameter === 'x' || issue.parameter === 'series') state[issue.parameter] = '';
      }
      if (!judged(toRequest(state))) return waitFor(toRequest(state));
      if (this.engine.validate(toRequest(state)).length) state = { ...presetState(experiment, null), flags: state.flags };
    } else {
      const experiment = this.catalogue.experiments[0];
      const view = experimentView(experiment);
      state = presetState(experiment, view.presets.find((p) => p.key === view.defaultPreset));
    }
    if (this.state && (state.experiment !== this.state.experiment || state.preset !== this.state.preset)) this.markStale();
    if (messages.length) this.banner.show('Some settings in this link could not be used:', messages);
    else this.banner.clear();
    // The controls are rebuilt only for another experiment: a link, Back or Forward within the same one sets the
    // values in place. Rebuilding them had cost about 45 ms of the page's thread at the start of the run, time the
    // two workers of a 2-core machine lost (docs/benchmarks.md, tenth pass).
    this.setState(state);
    this.run();
    return undefined;
  }

  /** Replaces the whole state and shows it in every control. */
  setState(state) {
    const experimentChanged = !this.state || this.state.experiment !== state.experiment;
    this.state = state;
    if (experimentChanged) this.buildExperimentUi();
    this.panel.setValues(state.config);
    this.sweepControls.setValues(state.x, state.series);
    this.viewControls.setValues(state.view);
    this.presetList.setActive(this.unchangedPreset());
    this.applyFlags();
    this.validate();
    this.showPresetText();
    this.highlight = this.tourGuide.show(state.tour, state.experiment);
    this.writeHash();
  }

  /** The tour position (from the tour panel): kept in the state and the hash; null leaves the tour. */
  setTour(tour) {
    const { tour: _old, ...rest } = this.state;
    this.state = tour ? { ...rest, tour } : rest;
    this.highlight = this.tourGuide.show(this.state.tour, this.state.experiment);
    this.writeHash();
    this.redraw();
  }

  buildExperimentUi() {
    const experiment = this.catalogueExperiment();
    this.view = experimentView(experiment);
    this.pictures.hide();
    this.multiples.hide();
    this.el.title.textContent = experiment.title;
    // Removing the old controls blurs a focused field, and Chromium then fires its change event: the old panel's
    // callbacks must not write the old value into the new state (a link or Back would be undone).
    const generation = (this.uiGeneration = (this.uiGeneration ?? 0) + 1);
    const current = (f) => (...args) => { if (generation === this.uiGeneration) f(...args); };
    this.panel = new ControlPanel(this.el.controls, experiment, this.view, {
      onInput: current((key, value) => this.setParameter(key, value, false)),
      onCommit: current((key, value) => this.setParameter(key, value, true)),
      onDrag: current((key, value) => this.setParameter(key, value, false, { live: true })),
    });
    if (this.view.ownText)
      new OwnTextInput(this.el.controls, { // eslint-disable-line no-new
        after: this.panel.controls.get('corpus')?.element.closest('fieldset') ?? null,
        text: this.pastedText ?? '',
        onUse: (text) => this.usePastedText(text),
      });
    this.sweepControls = new SweepControls(this.el.sweep, experiment, { onCommit: (x, series) => this.setSweep(x, series), configFor: () => this.state.config });
    this.presetList = new PresetList(this.el.presets, this.view.presets, { onChoose: (preset) => this.choosePreset(preset) });
    this.viewControls.setFigures([{ value: STANDARD_FIGURE, label: 'curves' },
      ...Object.entries(this.view.figures).map(([value, figure]) => ({ value, label: figure.label }))]);
    this.embedDialog = new EmbedDialog(document.getElementById('embed-dialog'), {
      parameters: experiment.parameters,
      hashFor: (controls, hideCaption) => encodeHash({ ...this.state, flags: { hide: hideCaption ? ['caption'] : [], controls } }, experiment),
      titleFor: () => this.view.presets.find((p) => p.key === this.state.preset)?.title ?? experiment.title,
      sweptFor: () => new Map([[sweptKey(this.state.x), 'on the x axis'], [sweptKey(this.state.series), 'one curve per value']].filter(([k]) => k)),
    });
    this.buildTabs();
  }

  buildTabs() {
    const tabs = this.el.tabs;
    tabs.replaceChildren();
    tabs.hidden = this.catalogue.experiments.length < 2;
    for (const experiment of this.catalogue.experiments) {
      const button = document.createElement('button');
      button.type = 'button';
      button.textContent = experiment.title.split(':')[0];
      button.setAttribute('aria-current', String(experiment.key === this.state.experiment));
      button.addEventListener('click', () => this.chooseExperiment(experiment.key));
      tabs.append(button);
    }
    // In the next frame: both read the layout, which here (the controls just built) would force it mid-task.
    requestAnimationFrame(() => {
      tabs.querySelector('[aria-current="true"]')?.scrollIntoView?.({ block: 'nearest', inline: 'nearest' });
      scrollCue(tabs);
    });
  }

  /** Greys the figure at once when what it shows no longer matches the title and controls (until the new run draws). */
  markStale(text = 'Computing the new figure…') {
    if (!this.drawnResult) return;
    this.el.canvas.closest('.chart-wrap')?.classList.add('stale');
    this.el.placeholder.textContent = text;
    this.el.placeholder.hidden = false;
  }

  chooseExperiment(key) {
    if (key === this.state.experiment) return;
    this.markStale();
    const experiment = this.catalogueExperiment(key);
    const view = experimentView(experiment);
    this.chart.resetHidden();
    this.setState(presetState(experiment, view.presets.find((p) => p.key === view.defaultPreset), { view: this.state.view, flags: this.state.flags }));
    this.run();
  }

  choosePreset(preset) {
    this.markStale();
    this.chart.resetHidden();
    this.setState(presetState(this.catalogueExperiment(), preset, { view: this.state.view, flags: this.state.flags }));
    this.run();
  }

  setParameter(key, value, commit, { live = false } = {}) {
    if (this.state.config[key] === value && !commit) return;
    const changed = this.state.config[key] !== value;
    // A field's change event can fire late (its blur when a link or Back changes the hash): with nothing new and no
    // run waiting, it must not write the old state over the new hash.
    if (!changed && !this.runPending) return;
    this.state = { ...this.state, config: { ...this.state.config, [key]: value } }; // the preset stays: its line says what changed
    // Live or debounced is decided once per drag, from the figure the drag started on: one slow frame (a busy
    // machine) must not switch the rest of the drag to the debounce.
    if (live && !commit) {
      if (this.liveDrag?.key !== key) this.liveDrag = { key, live: Boolean(this.good && this.good.seconds < LIVE_SECONDS) };
      if (this.liveDrag.live) return this.liveRun();
    } else {
      this.liveDrag = null;
    }
    this.afterEdit(commit ? 0 : RUN_DELAY_MS, changed || commit);
  }

  /**
   * A slider moving on a cheap figure: run now if nothing runs, else once the current run ends (a throttle, not a
   * debounce: figures keep coming while the reader drags, each one complete).
   */
  liveRun() {
    this.presetList.setActive(this.unchangedPreset());
    this.showPresetText();
    clearTimeout(this.timer);
    if (this.validate().length) return;
    this.writeHash();
    if (this.runner.running) this.liveDirty = true;
    else this.run({ live: true });
  }

  setSweep(x, series) {
    this.chart.resetHidden();
    this.state = { ...this.state, x, series };
    this.sweepControls.setValues(x, series);
    this.afterEdit(0, true);
  }

  setView(view) {
    if (view.figure !== this.state.view.figure) this.chart.resetHidden();
    this.state = { ...this.state, view };
    this.writeHash();
    this.redraw();
    this.captionText();
  }

  /** Validates; when valid, writes the hash and (after `delay`) runs. The last good figure stays meanwhile. */
  afterEdit(delay, runIt) {
    this.presetList.setActive(this.unchangedPreset());
    this.showPresetText();
    clearTimeout(this.timer);
    if (this.validate().length) return;
    this.writeHash();
    if (runIt) {
      this.runPending = true;
      this.timer = setTimeout(() => this.run(), delay);
    }
  }

  validate() {
    const request = toRequest(this.state);
    const issues = this.engine.validate(request);
    const rest = this.sweepControls.showIssues(this.panel.showIssues(issues));
    const swept = new Map();
    const x = sweptKey(this.state.x);
    const series = sweptKey(this.state.series);
    if (x) swept.set(x, 'On the x axis (see Sweep).');
    if (series) swept.set(series, 'One curve per value (see Sweep).');
    this.panel.setSwept(swept);
    if (rest.length) this.banner.show('These settings cannot be run:', rest.map((i) => i.message));
    this.el.run.disabled = issues.length > 0;
    if (issues.length) this.setStatus(`Fix the highlighted setting${issues.length > 1 ? 's' : ''} to run; the figure shows the last good run.`);
    return issues;
  }

  /**
   * The reader's own text (language-model, corpus = pasted): handed to this page's engine and every worker, kept in
   * memory only; then corpus = pasted is chosen and validated (a short text gets its message beside the control).
   */
  usePastedText(text) {
    this.pastedText = text;
    this.runner.providePastedText(text);
    // The same config may now run differently (another text): run even when corpus was already pasted.
    this.state = { ...this.state, config: { ...this.state.config, corpus: 'pasted' } };
    this.panel.setValues(this.state.config);
    this.afterEdit(0, true);
  }

  /**
   * Settings from the embed API: validated as a whole, applied only when valid. Returns the issues, or a Promise of
   * them while the page's engine is not loaded and no worker has judged these settings yet.
   */
  applySettings(message) {
    const experiment = this.catalogueExperiment();
    let next = this.state;
    if (typeof message.preset === 'string') {
      const preset = this.view.presets.find((p) => p.key === message.preset);
      if (!preset) return [{ parameter: 'preset', value: message.preset.slice(0, 60), message: 'unknown preset' }];
      next = presetState(experiment, preset, { view: next.view, flags: next.flags });
    }
    next = { ...next, config: { ...next.config }, preset: message.preset ? next.preset : '' };
    if (message.config && typeof message.config === 'object')
      for (const [key, value] of Object.entries(message.config))
        if (typeof value === 'number' || typeof value === 'string') next.config[key] = value;
    for (const key of ['x', 'series']) if (key in message) next[key] = typeof message[key] === 'string' ? message[key] : '';
    if (message.view && typeof message.view === 'object') {
      const { state: decoded, problems } = decodeHash(`y=${encodeURIComponent(message.view.y ?? next.view.y)}&band=${encodeURIComponent(message.view.band ?? next.view.band)}` +
        `&figure=${encodeURIComponent(message.view.figure ?? next.view.figure)}`, this.catalogue);
      if (problems.length) return problems.map((p) => ({ parameter: p.key, value: p.value, message: p.message }));
      if (decoded.view.figure !== STANDARD_FIGURE && !Object.hasOwn(this.view.figures, decoded.view.figure))
        return [{ parameter: 'figure', value: decoded.view.figure, message: `this experiment has no "${decoded.view.figure}" figure` }];
      next.view = { ...next.view, ...decoded.view };
    }
    if (!this.engine.knows(toRequest(next))) return this.engine.settle(toRequest(next)).then(() => this.applySettings(message));
    const issues = this.engine.validate(toRequest(next));
    if (issues.length) return issues;
    this.setState(next);
    if (message.run !== false) this.run();
    else this.redraw();
    return [];
  }

  writeHash() {
    const hash = encodeHash(this.state, this.catalogueExperiment());
    this.writtenHash = hash;
    this.pinHistory.writeHash(hash);
    this.el.openFull.href = shareUrl(encodeHash({ ...this.state, flags: { hide: [], controls: null } }, this.catalogueExperiment()));
  }

  applyFlags() {
    const { hide, controls } = this.state.flags;
    for (const part of HIDEABLE_PARTS)
      for (const element of document.querySelectorAll(`[data-part="${part}"]`)) element.hidden = hide.includes(part);
    this.pictures.setAllowed(Boolean(this.view.pictures) && !hide.includes('pictures'));
    if (!this.view.presets.length) document.querySelector('.presets-card').hidden = true;
    // In an embed, controls=... picks the few a reader may change; without it the embed shows none.
    const shown = this.embed && controls === null ? [] : controls;
    this.panel.applyFlags({ hide, controls: shown });
    const anyControl = [...this.panel.controls.values()].some((c) => !c.element.hidden);
    document.querySelector('.controls-card').hidden = hide.includes('controls') || (!anyControl && (this.embed || hide.includes('sweep')));
    document.querySelector('.panel').hidden = [...document.querySelectorAll('.panel > .card')].every((card) => card.hidden || getComputedStyle(card).display === 'none');
  }

  /** The preset key when the state is exactly that preset (the list marks it), else ''. */
  unchangedPreset() {
    const preset = this.view.presets.find((p) => p.key === this.state.preset);
    return preset && !presetChanges(this.state, this.catalogueExperiment(), preset).length ? preset.key : '';
  }

  showPresetText() {
    const preset = this.view.presets.find((p) => p.key === this.state.preset);
    const line = this.el.presetLine;
    const changes = preset ? presetChanges(this.state, this.catalogueExperiment(), preset) : [];
    // Rebuilt only when it says something new: a field's blur re-renders it, and a Reset button replaced between
    // mousedown and mouseup would never receive its click.
    const signature = preset ? `${this.state.experiment}/${preset.key}: ${describeChanges(changes)}` : '';
    if (signature === this.presetSignature && !line.hidden === Boolean(preset)) return this.captionText();
    this.presetSignature = signature;
    line.replaceChildren();
    line.hidden = !preset;
    if (preset) {
      line.append(`${preset.title} · `, citationElement(preset.citation));
      if (changes.length) {
        const note = document.createElement('span');
        note.className = 'preset-changed';
        note.textContent = ` · changed from the preset: ${describeChanges(changes)} `;
        const reset = document.createElement('button');
        reset.type = 'button';
        reset.className = 'link-button';
        reset.dataset.resetPreset = preset.key;
        reset.textContent = 'Reset';
        reset.setAttribute('aria-label', `Reset to the preset “${preset.title}”`);
        reset.addEventListener('click', () => this.choosePreset(preset));
        note.append(reset);
        line.append(note);
      }
    }
    this.captionText();
  }

  /**
   * The caption, quoting the figure on screen: the last complete run, or `shown` ({ result, state }: a preview of the
   * run in progress, so that its numbers are those of the curves drawn, not of the run before). ran: a run has just
   * been drawn, whose numbers it may now quote.
   */
  captionText({ ran = false, shown = null } = {}) {
    // While a caption number is dragged, the caption is redrawn only as runs land (with the number at the pointer's
    // value); a number stepped with the keys keeps its place (and focus) until the run for its new value is drawn.
    const focused = this.el.caption.contains(document.activeElement) ? document.activeElement.dataset.scrub : undefined;
    if (this.scrubbing ? !ran : focused && this.state.config[focused] !== this.good?.result.config?.[focused]) return;
    const preset = this.view.presets.find((p) => p.key === this.state.preset);
    const source = shown ?? this.good;
    const result = source?.result;
    const current = result && result.experiment === this.state.experiment ? result : null;
    // A preset's caption may quote the run's numbers, but only those of a run of that very preset.
    const quoted = preset ? (current && source.state.preset === preset.key ? current : null) : current;
    // The caption names an axis only as the page draws it (the reader may have switched the y axis): the right-hand
    // axis as the chart drew it with this run (figureContext decides it; a derived figure has none).
    const axes = { log: this.state.view.y === 'log', rightAxis: Boolean(quoted) && Boolean(this.chart.drawn?.rightAxis?.length) };
    const text = preset ? preset.lookFor(quoted, axes) : current ? this.view.caption(current) : this.catalogueExperiment().summary;
    const experiment = this.catalogueExperiment();
    const scrubs = this.scrubbableNumbers(text, experiment, quoted?.config ?? this.state.config);
    // Rebuilt only when it would read differently: a slider drag asks on every movement, and between two runs the
    // caption's text and numbers stay the same (rebuilding it each time was a share of every frame of the drag).
    const signature = JSON.stringify([experiment.key, text, scrubs.map((s) => [s.start, s.end, s.key, s.value, s.dragged])]);
    if (signature !== this.captionSignature || !this.el.caption.hasChildNodes()) {
      this.captionSignature = signature;
      renderWithTerms(this.el.caption, text, glossaryTerms(experiment), scrubs);
    }
    if (focused) this.el.caption.querySelector(`[data-scrub="${focused}"]`)?.focus({ preventScroll: true });
  }

  /** The caption's "symbol = value" numbers of parameters the reader may change here, as draggable spans. */
  scrubbableNumbers(text, experiment, config) {
    const swept = new Set([sweptKey(this.state.x), sweptKey(this.state.series)]);
    const allowed = (key) => !swept.has(key) && Boolean(this.panel.controls.get(key)) && !this.panel.controls.get(key).element.hidden;
    return findScrubbables(text, experiment.parameters, config, allowed).map(({ start, end, parameter }) => ({
      start, end, key: parameter.key, dragged: this.scrubbing?.key === parameter.key,
      value: this.scrubbing?.key === parameter.key ? this.scrubbing.value : config[parameter.key],
      render: () => {
        const span = document.createElement('span');
        const dragged = this.scrubbing?.key === parameter.key;
        makeScrubbable(span, parameter, dragged ? this.scrubbing.value : config[parameter.key], {
          onDragStart: (key, value) => { this.scrubbing = { key, value }; },
          onChange: (key, value) => {
            if (this.scrubbing?.key === key) this.scrubbing.value = value;
            // The caption may have been redrawn under the pointer: its copies of this number follow too.
            for (const other of this.el.caption.querySelectorAll(`[data-scrub="${key}"]`)) if (other !== span) showScrubbedValue(other, parameter, value);
            this.panel.controls.get(key)?.setValue(value);
            this.setParameter(key, value, false, { live: true });
          },
          onEnd: (key, value, changed) => {
            this.scrubbing = null;
            if (changed) this.setParameter(key, value, true);
            this.captionText();
          },
        });
        span.classList.toggle('scrubbing', dragged); // redrawn under the pointer, mid-drag
        return span;
      },
    }));
  }

  // ——— running ———

  /** Runs the current state; live: a re-run while a slider moves (the runner may then use one worker, one job). */
  async run({ live = false } = {}) {
    clearTimeout(this.timer);
    this.runPending = false;
    if (!this.engine.knows(toRequest(this.state))) {
      // Not judged yet (the page's engine is not loaded): a worker judges first, so a bad value gets its message
      // beside its control instead of failing the run. The newest run() wins.
      const token = (this.judging = {});
      const judged = await this.engine.settle(toRequest(this.state)).then(() => true, () => false);
      if (token !== this.judging) return;
      // The state may have changed meanwhile; a failed judgement lets the run itself report the failure.
      if (judged && !this.engine.knows(toRequest(this.state))) return this.run({ live });
    }
    this.judging = null;
    if (this.validate().length) return;
    const request = toRequest(this.state);
    const state = this.state;
    this.el.run.disabled = true;
    document.body.dataset.running = 'true';
    // The first run's compute leaves the page's thread idle: Chart.js gets ready meanwhile (after a frame, so the
    // page's new controls are laid out first), and the first figure's draw is then a short task.
    if (!this.chart.chart) requestAnimationFrame(() => setTimeout(() => this.chart.prepare()));
    try {
      const outcome = await this.runner.run(request, {
        onProgress: (progress) => {
          // Cancel, the status and the sticky toolbar appear with the progress bar, once the run has lasted
          // SHOW_AFTER_MS (ui/progress-view.js): a shorter run would only flash them, and the page's layout and
          // repaint of the whole document at the run's start (15 ms in a trace) were taken from the workers.
          if (progress.done === 0) {
            this.progress.start(progress.total, (text) => {
              this.el.cancel.hidden = false;
              document.body.dataset.runningShown = 'true';
              this.setStatus(`Running: ${text}.`);
            });
          }
          const text = this.progress.update(progress);
          if (text) this.setStatus(`Running: ${text}.`);
          this.emit('progress', progress);
        },
        onPreview: (result, trials) => {
          this.draw(result, { preview: trials });
          this.captionText({ shown: { result, state } });
        },
        live,
      });
      this.good = { ...outcome, state };
      // The first figure's draw is start-up's costliest work (Chart.js's first real layout and paint): drawn in three
      // tasks, its caption, pictures and status in a fourth, so that none is a long one.
      if (!document.body.dataset.ready) {
        await this.draw(outcome.result, { pause: nextTask });
        await nextTask();
        if (this.good.result !== outcome.result) return;
      } else {
        this.draw(outcome.result);
      }
      this.captionText({ ran: true });
      this.showPictures();
      this.setStatus(`${outcome.result.trials} trials, seed ${outcome.result.seed}, ${this.flavour} build, ${this.poolSize} worker${this.poolSize === 1 ? '' : 's'}, ${outcome.seconds.toFixed(2)} s.` +
        this.logGapText());
      if (!document.body.dataset.ready) performance.mark('collapse-lab:first-figure');
      document.body.dataset.ready = 'true';
      this.pinHistory.completed(this.writtenHash);
      this.player.update(outcome.result);
      this.emit('result', { result: outcome.result, manifest: this.manifest(), hash: this.writtenHash });
    } catch (error) {
      if (error instanceof CancelledError) {
        if (this.runner.running) return; // superseded by a newer run, which owns the UI now
        this.showLastGood();
        this.setStatus(this.good ? 'Cancelled. The figure shows the last complete run.' : 'Cancelled.');
      } else {
        const issues = error.issues ?? [];
        this.showLastGood();
        this.banner.show('The simulation could not run:', issues.length ? issues.map((i) => i.message) : [error.message]);
        this.setStatus('The simulation failed; the figure shows the last good run.');
        this.emit('error', { issues: issues.length ? issues : [{ parameter: 'run', value: '', message: error.message }] });
      }
    } finally {
      if (this.liveDirty && !this.runner.running) {
        this.liveDirty = false;
        setTimeout(() => this.run({ live: true }));
      } else if (!this.runner.running) {
        this.progress.finish();
        this.el.cancel.hidden = true;
        this.el.run.disabled = this.engine.validate(toRequest(this.state)).length > 0;
        delete document.body.dataset.running;
        delete document.body.dataset.runningShown;
      }
    }
  }

  /** After a cancelled or failed run, whose preview may be on screen: the last complete figure and its caption. */
  showLastGood() {
    if (this.good) this.draw(this.good.result);
    this.captionText();
  }

  cancel() {
    clearTimeout(this.timer);
    this.runner.cancel();
  }

  // ——— drawing ———

  /**
   * Draws a Result: the chart, the pinned figure beside it, the small multiples, legend, notes and table. With pause
   * (the first figure), the chart's draw is three tasks (ChartView.draw) and this returns a Promise.
   */
  draw(result, { preview = 0, pause = null } = {}) {
    const { figure, clip, view, context, summary } = this.figureContext(result, { live: true });
    const drawn = this.chart.draw(result, context, { pause });
    const finish = (chartDrawn) => this.drawAround(result, { preview, figure, clip, view, context, summary, ...chartDrawn });
    return pause ? drawn.then(finish) : finish(drawn);
  }

  drawAround(result, { preview, figure, clip, view, context, summary, dropped, bandGaps }) {
    this.pinHistory.drawSide(result, this.good?.result === result ? this.good.state : this.state);
    this.dropped = dropped;
    this.bandGaps = bandGaps;
    this.figureNote = [figure.note, !figure.spec && clip?.note ? clip.note : ''].filter(Boolean).join(' ');
    this.viewControls.setBandShown(!figure.spec);
    if (!preview) this.viewControls.setUnavailable(Object.fromEntries(Object.entries(view.figures)
      .map(([name, derived]) => [name, derived.build(result, { log: false }).error ?? ''])));
    this.drawnResult = result;
    this.multiples.draw(result, view.multiples, { band: this.state.view.band, revealUntil: context.revealUntil });
    this.el.placeholder.hidden = true;
    this.el.canvas.closest('.chart-wrap')?.classList.remove('stale');
    this.el.canvas.setAttribute('aria-label', summary);
    this.renderLegend();
    this.renderNotes(result, preview);
    if (!preview) this.renderTable();
  }

  /**
   * How a Result is drawn: { figure, clip, view, xTitle, context (ChartView's), summary }. live: the page's figure (with
   * the tour's highlight, the pinned ghosts and Play's reveal); else a pinned Result drawn beside it, with the state and
   * request it was run with.
   */
  figureContext(result, { live = false, state = this.state, request = null } = {}) {
    const experiment = this.catalogueExperiment(result.experiment);
    const xTitle = xAxisTitle(result, experiment);
    const spec = live ? (this.good?.result === result ? this.good.request.x : this.state.x) : request?.x ?? state.x;
    const view = experimentView(experiment);
    const figure = this.derivedFigure(view, result);
    const clip = view.yRange(result, { log: this.state.view.y === 'log' });
    const context = {
      view: this.state.view, xTitle, yTitle: view.yTitle(result), median: view.median(result), yClip: figure.spec ? null : clip,
      emphasis: live ? highlightIndex(result, this.highlight) : null,
      ghosts: live ? this.pinHistory.ghosts(result) : [],
      revealUntil: live && this.good?.result === result ? this.player.revealUntil() : null,
      xSpec: spec ?? '', xParameter: experiment.parameters.find((p) => p.key === result.x.key),
      guides: view.guides(result), markerLabel: (marker, series) => view.markerLabel(marker, series, result),
      figure: figure.spec,
      bands: view.bandSeries(result, { log: this.state.view.y === 'log' }),
      secondAxis: figure.spec ? null : view.secondAxis(result, { log: this.state.view.y === 'log' }),
    };
    return { figure, clip, view, xTitle, context, summary: figure.spec ? figure.spec.summary : figureSummary(result, xTitle) };
  }

  /** The derived figure the view asks for, built from this Result: { spec, note }; spec null = the curves. */
  derivedFigure(view, result) {
    const name = this.state.view.figure;
    const figure = name && name !== STANDARD_FIGURE && Object.hasOwn(view.figures, name) ? view.figures[name] : null;
    if (!figure) return { spec: null, note: '' };
    const spec = figure.build(result, { log: this.state.view.y === 'log' });
    if (spec.error) return { spec: null, note: `The ${figure.label} figure is not available for these settings: ${spec.error}. The curves are shown instead.` };
    return { spec, note: '' };
  }

  /** The pictures of the last complete run, for experiments whose view declares them (and unless hidden). */
  showPictures() {
    const allowed = Boolean(this.view.pictures) && !this.state.flags.hide.includes('pictures') && this.good?.result.experiment === this.state.experiment;
    if (!allowed) return this.pictures.hide();
    return this.pictures.show({ pictures: this.view.pictures, result: this.good.result, request: this.good.request, picture: this.state.view.picture });
  }

  redraw() {
    this.pictures.redraw();
    if (this.good) {
      this.draw(this.good.result);
      if (this.dropped || this.bandGaps) this.setStatus(this.logGapText().trim());
    }
  }

  /** What a log axis leaves out, for the status line: web.md promises the gaps are said. */
  logGapText() {
    return (this.dropped ? ` ${this.dropped} values ≤ 0 are not shown on the log axis (gaps in the lines).` : '') +
      (this.bandGaps ? ` The band has a gap at ${this.bandGaps} point${this.bandGaps === 1 ? '' : 's'} where its lower edge is ≤ 0.` : '');
  }

  renderLegend() {
    renderLegend(this.el.legend, this.chart.legendItems(), {
      keys: this.chart.legendKey(this.state.view.band === 'none' ? '' : bandDescription(this.state.view.band)),
      onToggle: (k, hidden) => {
        this.chart.setSeriesHidden(k, hidden);
        this.renderLegend();
        this.el.legend.querySelector(`button[data-series="${k}"]`)?.focus();
      },
    });
  }

  renderNotes(result, preview) {
    const notes = [...new Set((result.notes ?? []).map((n) => n.replace(/^[a-zA-Z]+ = [^:]+: /, '')))];
    if (this.figureNote) notes.unshift(this.figureNote);
    if (preview) notes.unshift(`Preview: ${formatCount(preview)} trials so far; the curves sharpen as the rest arrive.`);
    const terms = glossaryTerms(this.catalogueExperiment(result.experiment));
    this.el.notes.replaceChildren(...notes.map((text) => {
      const li = document.createElement('li');
      renderWithTerms(li, text, terms);
      return li;
    }));
  }

  renderTable() {
    if (!this.el.tableDetails.open || !this.good) return;
    renderTable(this.el.table, this.good.result, xAxisTitle(this.good.result, this.catalogueExperiment(this.good.result.experiment)));
  }

  setStatus(text) {
    this.el.status.textContent = text;
  }

  // ——— sharing and export ———

  async copyLink() {
    const ok = await copyText(shareUrl(this.writtenHash));
    this.el.shareStatus.textContent = ok ? 'Link copied: it reproduces this figure exactly.' : 'Copy the address from the address bar.';
  }

  manifest() {
    if (!this.good) return null;
    const experiment = this.catalogueExperiment(this.good.request.experiment);
    const preset = experimentView(experiment).presets.find((p) => p.key === this.good.state.preset);
    return manifest({ version: this.engine.version, flavour: this.flavour, request: this.good.request, result: this.good.result,
      link: shareUrl(encodeHash(this.good.state, experiment)), preset: preset?.key ?? '',
      changed: preset ? describeChanges(presetChanges(this.good.state, experiment, preset), 100) : '' });
  }

  exportCsv() {
    return exportCsv(this);
  }

  /** "Open…": a saved figure (the page's JSON export or the CLI's output) is reopened through the URL hash. */
  async openSaved(input) {
    const [file] = input.files ?? [];
    input.value = '';
    if (!file) return;
    const { hash, error } = await openSavedFile(file);
    if (error) this.banner.show('This file cannot be opened:', [error]);
    else this.applyHash(hash);
  }

  exportJson() {
    return exportJson(this);
  }

  /** Every trial's values as a partial result: `collapse-lab merge FILE` reproduces this Result (docs/cluster.md). */
  async exportTrials() {
    if (!this.good) return;
    const text = await this.runner.partialResult(this.good.request, this.good.values);
    download(new Blob([`${text}\n`], { type: 'application/json' }), `${fileStem(this.manifest())}_trials.json`);
  }

  exportPng() {
    return exportPng(this, { theme: this.pngTheme() });
  }

  /** For the embed API's "get". */
  snapshot() {
    return { state: this.state, hash: this.writtenHash, result: this.good?.result ?? null };
  }
}

/** A citation: a link to the paper when the catalogue gives its URL, plain text otherwise. */
function citationElement(citation) {
  if (!citation.url) {
    const span = document.createElement('span');
    span.textContent = citation.text;
    return span;
  }
  const cite = document.createElement('a');
  cite.href = citation.url;
  cite.target = '_blank';
  cite.rel = 'noopener';
  cite.textContent = citation.text;
  return cite;
}
