// The "Embed" dialog: choose which controls the embedded figure shows, then copy the iframe snippet for the
// current state. The snippet is put in a textarea's value (never parsed as HTML).
import { copyText, embedUrl, iframeSnippet } from './share-links.js';

export class EmbedDialog {
  /** hashFor(controls: string[], hideCaption: boolean) → hash of the current state with those flags. */
  /** sweptFor() → Map key → why it cannot be a control here (on the x axis or one curve per value: no control in an embed). */
  constructor(dialog, { parameters, hashFor, titleFor, sweptFor = () => new Map() }) {
    this.dialog = dialog;
    this.sweptFor = sweptFor;
    this.hashFor = hashFor;
    this.titleFor = titleFor;
    const list = dialog.querySelector('[data-embed-controls]');
    list.replaceChildren();
    this.checks = parameters.map((parameter) => {
      const label = document.createElement('label');
      const box = document.createElement('input');
      box.type = 'checkbox';
      box.value = parameter.key;
      box.addEventListener('change', () => this.update());
      const why = document.createElement('span');
      why.className = 'muted small';
      label.append(box, ` ${parameter.symbol && parameter.symbol !== parameter.key ? `${parameter.symbol} ` : ''}${parameter.label}`, why);
      list.append(label);
      box.why = why;
      return box;
    });
    this.caption = dialog.querySelector('[data-embed-caption]');
    this.height = dialog.querySelector('[data-embed-height]');
    this.snippet = dialog.querySelector('[data-embed-snippet]');
    this.preview = dialog.querySelector('[data-embed-preview]');
    this.status = dialog.querySelector('[data-embed-status]');
    this.caption.addEventListener('change', () => this.update());
    this.height.addEventListener('input', () => this.update());
    dialog.querySelector('[data-embed-copy]').addEventListener('click', async () => {
      this.status.textContent = (await copyText(this.snippet.value)) ? 'Copied.' : 'Select the text and copy it.';
    });
    dialog.querySelector('[data-embed-close]').addEventListener('click', () => dialog.close());
  }

  open() {
    // A swept parameter has no control in the figure (it is the x axis or the curves): offering it would embed a
    // disabled control, so it is not offered, and says why.
    const swept = this.sweptFor();
    for (const box of this.checks) {
      const reason = swept.get(box.value);
      box.disabled = Boolean(reason);
      if (reason) box.checked = false;
      box.why.textContent = reason ? ` (${reason})` : '';
    }
    this.status.textContent = '';
    this.update();
    this.dialog.showModal();
    this.snippet.focus();
    this.snippet.select();
  }

  update() {
    const controls = this.checks.filter((c) => c.checked).map((c) => c.value);
    const src = embedUrl(this.hashFor(controls, !this.caption.checked));
    this.snippet.value = iframeSnippet({ src, title: `Collapse Lab: ${this.titleFor()}`, height: this.height.value });
    this.preview.href = src;
  }
}
