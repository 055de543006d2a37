// The "Embed" dialog: choose which controls the embedded figure shows, then copy the iframe snippet for the
// current state. The snippet is put in a textarea's value (never parsed as HTML).
import { copyText, embedUrl, iframeSnippet } from './share-links.js';

export class EmbedDialog {
  /** hashFor(controls: string[], hideCaption: boolean) → hash of the current state with those flags. */
  constructor(dialog, { parameters, hashFor, titleFor }) {
    this.dialog = dialog;
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
      label.append(box, ` ${parameter.symbol && parameter.symbol !== parameter.key ? `${parameter.symbol} ` : ''}${parameter.label}`);
      list.append(label);
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
