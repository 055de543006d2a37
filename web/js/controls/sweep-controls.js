// The sweep: which parameter is the x axis (the experiment's natural one, e.g. the generation, or any numeric
// parameter over a grid) and which parameter makes one curve per value. Both are strings in the CLI's syntax,
// key=grid, so the URL, the CLI and the engine read them the same way.
import { defaultSeriesValues, defaultXGrid } from './sweep-grid.js';
import { sweptKey } from '../state/lab-state.js';

// Sweeping these would not make a figure anyone wants.
const NOT_SWEPT = new Set(['seed', 'trials']);

export class SweepControls {
  constructor(container, catalogueExperiment, { onCommit, configFor = () => ({}) }) {
    this.experiment = catalogueExperiment;
    this.configFor = configFor;
    this.onCommit = onCommit;
    this.parameters = new Map(catalogueExperiment.parameters.map((p) => [p.key, p]));
    container.replaceChildren();
    const fieldset = document.createElement('fieldset');
    const legend = document.createElement('legend');
    legend.textContent = 'Sweep';
    fieldset.append(legend);

    const numeric = catalogueExperiment.parameters.filter((p) => p.type !== 'choice' && !NOT_SWEPT.has(p.key));
    const all = catalogueExperiment.parameters.filter((p) => !NOT_SWEPT.has(p.key));
    this.x = this.row(fieldset, 'x', 'x axis', [['', `${catalogueExperiment.x.label} (natural)`], ...numeric.map((p) => [p.key, labelOf(p)])],
      'Comma list (1,2,5) or start:stop:log:count or start:stop:lin:count.');
    const natural = this.parameters.get(catalogueExperiment.naturalSeries);
    this.series = this.row(fieldset, 'series', 'one curve per',
      [['', 'nothing (a single curve)'], ...all.map((p) => [p.key, labelOf(p) + (p.key === natural?.key ? ' (natural)' : '')])],
      'Comma-separated values, e.g. replace,accumulate or 1,5,10.');
    container.append(fieldset);
  }

  row(fieldset, name, text, options, helpText) {
    const wrap = document.createElement('div');
    wrap.className = 'control sweep-row';
    const selectId = `sweep-${name}`;
    const label = document.createElement('label');
    label.htmlFor = selectId;
    label.textContent = text;
    const select = document.createElement('select');
    select.id = selectId;
    for (const [value, optionText] of options) {
      const option = document.createElement('option');
      option.value = value;
      option.textContent = optionText;
      select.append(option);
    }
    const valuesLabel = document.createElement('label');
    valuesLabel.htmlFor = `${selectId}-values`;
    valuesLabel.className = 'sub-label';
    valuesLabel.textContent = 'values';
    const values = document.createElement('input');
    values.type = 'text';
    values.id = `${selectId}-values`;
    values.autocomplete = 'off';
    values.spellcheck = false;
    const help = document.createElement('p');
    help.className = 'help';
    help.id = `${selectId}-help`;
    help.textContent = helpText;
    const issue = document.createElement('p');
    issue.className = 'issue';
    issue.id = `${selectId}-issue`;
    issue.setAttribute('aria-live', 'polite');
    values.setAttribute('aria-describedby', `${help.id} ${issue.id}`);
    const valuesWrap = document.createElement('div');
    valuesWrap.className = 'sweep-values';
    valuesWrap.append(valuesLabel, values);
    wrap.append(label, select, valuesWrap, issue, help);
    fieldset.append(wrap);

    select.addEventListener('change', () => {
      const parameter = this.parameters.get(select.value);
      values.value = parameter ? (name === 'x' ? defaultXGrid(parameter, this.configFor()) : defaultSeriesValues(parameter)) : '';
      this.commit();
    });
    values.addEventListener('change', () => this.commit());
    values.addEventListener('keydown', (event) => { if (event.key === 'Enter') { event.preventDefault(); this.commit(); } });
    return { wrap, select, values, valuesWrap, issue };
  }

  commit() {
    const grid = (row) => (row.select.value ? `${row.select.value}=${row.values.value.replace(/\s+/g, '')}` : '');
    this.onCommit(grid(this.x), grid(this.series));
  }

  /** Shows a state's x and series ('' = natural). */
  setValues(x, series) {
    const show = (row, grid, naturalValues) => {
      row.select.value = sweptKey(grid);
      row.values.value = grid ? grid.slice(grid.indexOf('=') + 1) : naturalValues;
      row.valuesWrap.hidden = !row.select.value;
    };
    show(this.x, x, '');
    show(this.series, series, '');
  }

  /** Issues naming 'x' or 'series'; returns the rest. */
  showIssues(issues) {
    for (const [name, row] of [['x', this.x], ['series', this.series]]) {
      const issue = issues.find((i) => i.parameter === name);
      row.issue.textContent = issue?.message ?? '';
      if (issue) row.values.setAttribute('aria-invalid', 'true');
      else row.values.removeAttribute('aria-invalid');
    }
    return issues.filter((i) => i.parameter !== 'x' && i.parameter !== 'series');
  }
}

function labelOf(parameter) {
  return parameter.symbol && parameter.symbol !== parameter.key ? `${parameter.label} ${parameter.symbol}` : parameter.label;
}
