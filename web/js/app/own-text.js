// "Use your own text" (experiment language-model, corpus = pasted; docs/theory/language-model.md §7): a text area and a
// file picker under the parameters. The text is handed to this page's engine and to every worker (never sent anywhere,
// never put in the link: the link says corpus=pasted, and a page opened elsewhere without the text says what is missing).

export class OwnTextInput {
  /**
   * container: where the block goes (after `after` if given, else at the end); text: the text kept from before;
   * onUse(text): the reader chose to use it.
   */
  constructor(container, { after = null, text = '', onUse }) {
    const details = document.createElement('details');
    details.className = 'own-text';
    details.dataset.ownText = '';
    details.open = Boolean(text);
    const summary = document.createElement('summary');
    summary.textContent = 'Use your own text';
    const note = document.createElement('p');
    note.className = 'caption small';
    note.textContent = 'Paste a text (or open a .txt file) of at least 200 words and press "Use this text": the model is then ' +
      'trained on it instead of the Brown corpus. The text stays in this browser: it is not uploaded and not put in the link.';
    const area = document.createElement('textarea');
    area.rows = 6;
    area.value = text;
    area.setAttribute('aria-label', 'Your own text');
    area.dataset.ownTextArea = '';
    const file = document.createElement('input');
    file.type = 'file';
    file.accept = '.txt,text/plain';
    file.setAttribute('aria-label', 'Open a text file');
    file.addEventListener('change', async () => {
      const chosen = file.files?.[0];
      if (chosen) area.value = await chosen.text();
    });
    const use = document.createElement('button');
    use.type = 'button';
    use.textContent = 'Use this text';
    use.dataset.ownTextUse = '';
    use.addEventListener('click', () => onUse(area.value));
    const row = document.createElement('div');
    row.className = 'own-text-actions';
    row.append(file, use);
    details.append(summary, note, area, row);
    if (after) after.after(details);
    else container.append(details);
    this.element = details;
  }
}
