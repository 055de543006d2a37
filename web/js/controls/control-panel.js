// The parameter controls of one experiment, grouped as its lab view says (anything the view does not list goes
// under "More"), generated entirely from the catalogue. It shows validate()'s issues beside the control they
// name and hands back the issues that name no control.
import { createParameterControl } from './parameter-control.js';
import { attachSlider } from '../play/slider.js';

export class ControlPanel {
  /** onDrag(key, value): a slider moving (defaults to onInput). */
  constructor(container, catalogueExperiment, view, { onInput, onCommit, onDrag = onInput }) {
    this.container = container;
    this.controls = new Map();
    container.replaceChildren();
    const parameters = new Map(catalogueExperiment.parameters.map((p) => [p.key, p]));
    const listed = new Set(view.groups.flatMap((g) => g.keys));
    const groups = [...view.groups.map((g) => ({ title: g.title, keys: g.keys.filter((k) => parameters.has(k)) })),
      { title: view.groups.length ? 'More' : '', keys: [...parameters.keys()].filter((k) => !listed.has(k)) }];
    for (const group of groups.filter((g) => g.keys.length)) {
      const fieldset = document.createElement('fieldset');
      if (group.title) {
        const legend = document.createElement('legend');
        legend.textContent = group.title;
        fieldset.append(legend);
      } else {
        fieldset.setAttribute('aria-label', 'Parameters');
      }
      for (const key of group.keys) {
        const control = createParameterControl(parameters.get(key), { onInput, onCommit });
        if (parameters.get(key).type !== 'choice' && key !== 'seed') {
          // Direct manipulation: a slider beside the field (the seed is a label, not a quantity).
          const slider = attachSlider(control, parameters.get(key), { onDrag, onCommit });
          const { setValue, setSwept } = control;
          control.setValue = (value) => { setValue(value); slider.setValue(value); };
          control.setSwept = (reason) => { setSwept(reason); slider.setDisabled(Boolean(reason)); };
        }
        this.controls.set(key, control);
        fieldset.append(control.element);
      }
      container.append(fieldset);
    }
  }

  setValues(config) {
    for (const [key, control] of this.controls) control.setValue(config[key]);
  }

  /** Shows each issue beside its control; returns the issues that belong to no control. */
  showIssues(issues) {
    const byKey = new Map();
    for (const issue of issues) if (this.controls.has(issue.parameter) && !byKey.has(issue.parameter)) byKey.set(issue.parameter, issue.message);
    for (const [key, control] of this.controls) control.setIssue(byKey.get(key));
    return issues.filter((issue) => !this.controls.has(issue.parameter));
  }

  /** Disables the controls that the x axis or the series sweep over. sweeps: Map key → reason. */
  setSwept(sweeps) {
    for (const [key, control] of this.controls) control.setSwept(sweeps.get(key));
  }

  /** Lecturer flags: hide=key1,... hides those controls; controls=key1,... shows only those. */
  applyFlags({ hide, controls }) {
    for (const [key, control] of this.controls) control.setHidden(hide.includes(key) || (controls !== null && !controls.includes(key)));
    for (const fieldset of this.container.querySelectorAll('fieldset'))
      fieldset.hidden = [...fieldset.querySelectorAll('.control')].every((element) => element.hidden);
  }

  focus(key) {
    this.controls.get(key)?.input.focus();
  }
}
