// Sentences side by side (experiment language-model): a few sentences of the text that generations 1 (the real
// text), 5, 20 and the last were fitted to, one column each (a row each on a narrow screen), for the series shown in
// the picture panel, from the Result's series[].samples (docs/result.md). The slider's generation gets a column of
// its own, marked, so Play walks the text through the generations beside the Zipf plot.

/** The generations to show: 1, 5, 20, the last, and the slider's, in order (those that exist). */
export function shownGenerations(total, current) {
  const wanted = [1, 5, 20, total, current].filter((g) => Number.isInteger(g) && g >= 1 && g <= total);
  return [...new Set(wanted)].sort((a, b) => a - b);
}

/**
 * Fills `container` with the columns for series `series` of `result` at slider generation `generation`; hides it
 * when the series has no samples.
 */
export function renderSentences(container, result, series, generation) {
  if (!container) return;
  const samples = result?.series?.[series]?.samples;
  if (!Array.isArray(samples) || samples.length === 0) {
    container.hidden = true;
    container.replaceChildren();
    return;
  }
  container.hidden = false;
  const heading = document.createElement('h3');
  heading.textContent = `Sentences side by side: the text each generation was fitted to (${result.series[series].label}, trial 1)`;
  const columns = document.createElement('div');
  columns.className = 'sentence-columns';
  for (const g of shownGenerations(samples.length, generation)) {
    const sample = samples[g - 1];
    const column = document.createElement('section');
    column.className = 'sentence-column';
    column.dataset.generation = String(g);
    if (g === generation) {
      column.classList.add('current');
      column.setAttribute('aria-current', 'true');
    }
    const title = document.createElement('h4');
    title.textContent = g === 1 ? 'Generation 1 (real text)' : `Generation ${g}`;
    const list = document.createElement('ol');
    for (const sentence of sample.sentences.length ? sample.sentences : ['(no sentence of 6–25 words)']) {
      const item = document.createElement('li');
      item.textContent = sentence;
      list.append(item);
    }
    column.append(title, list);
    columns.append(column);
  }
  const note = document.createElement('p');
  note.className = 'caption small';
  note.textContent = 'The first sentences of 6–25 words of each text; generation g fits text sampled from generation g − 1. ' +
    'The marked column follows the slider.';
  container.replaceChildren(heading, columns, note);
}
