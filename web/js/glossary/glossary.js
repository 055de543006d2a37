// A glossary on hover (and keyboard focus) for the symbols in captions and notes: each parameter's symbol explains
// itself from the catalogue (its label and description, the one definition), and the formulas the captions quote
// (σ²d/(T−d−1), π²/6, p₂²c², …) say what they are, with the source. The text stays the same text: only spans are
// added, so screen readers and textContent read exactly what was written.

/** The formulas captions quote, in words (see docs/theory/ for the derivations). */
const FORMULAS = [
  ['σ²d/(T−d−1)', 'The expected test error of one least-squares fit on T samples in d dimensions with label noise σ: the noise σ² spread over d directions and divided by the T − d − 1 degrees of freedom left (the mean of an inverse Wishart). Each replace generation adds it once (Gerstgrasser et al. 2024).'],
  ['n·σ²d/(T−d−1)', 'n generations of replace, each adding the error σ²d/(T−d−1) of one least-squares fit: a straight line in n (Gerstgrasser et al. 2024).'],
  ['σ₀²d/(T₀−d−1)', 'The error one generator of the chain passes on: its least-squares fit on T₀ samples with noise σ₀ in d dimensions (Dohmatob, Feng & Kempe 2024).'],
  ['π²/6', 'π²/6 = 1 + 1/4 + 1/9 + … ≈ 1.645. Under accumulate, generation n adds about 1/n² times the first fit’s error, and those terms sum to at most π²/6 times it (Gerstgrasser et al. 2024).'],
  ['(π²/6)·d/m', 'The accumulate bound on the squared mean error: d/m (one fit of m samples in d dimensions) times π²/6 = 1 + 1/4 + 1/9 + … (Kazdan et al. 2025).'],
  ['p₂²c²', 'The floor of strong model collapse: the squared share p₂ of synthetic labels times the synthetic labels’ own error c². The test error settles on it however large n grows (Dohmatob et al. 2025, Theorem 1).'],
  ['λ*', 'The ridge penalty that minimises the theoretical test error (marked by a diamond).'],
  ['‖w*‖²', 'The squared norm of the true weights: the test error of always predicting 0, where every curve goes for a very large ridge penalty.'],
  ['((m−1)/m)ᵗ', 'The expected variance ratio after t refits of m samples each with the maximum-likelihood estimator: each refit multiplies it by (m − 1)/m on average (Kazdan et al. 2025).'],
  ['sin(π/√m)/(π/√m)', 'The limit of the fitted variance ratio under accumulate with m samples per generation (Kazdan et al. 2025).'],
  ['t/M + 2(1 − cᵗ)', 'Shumailov et al.’s expected squared Wasserstein-2 distance after t generations of M samples, with c the expected shrink of the standard deviation per refit.'],
  ['W₂', 'The Wasserstein-2 distance: how far probability mass must move, in the root-mean-square sense, to turn one distribution into the other.'],
  ['‖μ̂ − μ‖²', 'The squared distance between the fitted and the true mean.'],
  ['tr Σ̂ / tr Σ', 'The variance ratio: total fitted variance over the truth’s (1 = no collapse, 0 = collapsed to a point).'],
  ['m = n', 'The interpolation threshold: as many model features m as training samples n, where the model can just fit its training set and the test error peaks (double descent).'],
  ['NLL', 'Negative log-likelihood of fresh real data under the fitted density: lower is better.'],
  ['KDE', 'Kernel density estimate: a Gaussian bump on every training point.'],
  ['SD', 'Standard deviation: the typical distance of the samples from their mean.'],
  ['ζ', 'The synthetic term of the error decomposition: what the synthetic labels’ error adds (Dohmatob et al. 2025, Theorem 1).'],
];

const LETTERS = /[\p{L}\p{N}₀-₉²ᵗ*]/u;

/** [{ text, title }] for an experiment: its parameters' symbols and the formulas, longest first. */
export function glossaryTerms(catalogueExperiment) {
  const terms = new Map(FORMULAS.map(([text, title]) => [text, title]));
  for (const p of catalogueExperiment?.parameters ?? []) {
    if (!p.symbol || terms.has(p.symbol)) continue;
    terms.set(p.symbol, `${p.symbol}: ${p.label}${p.unit ? ` (${p.unit})` : ''}. ${p.description ?? ''}`.trim());
  }
  return [...terms].map(([text, title]) => ({ text, title })).sort((a, b) => b.text.length - a.text.length);
}

/**
 * Where the terms occur in `text`: [{ start, end, title }], non-overlapping, in order. A single Latin letter
 * (d, T, m, n) counts only as "d = …" or "d ≈ …", where it cannot be part of a word; every term must stand alone
 * (not inside a longer symbol such as σ₀ for σ).
 */
export function findTerms(text, terms) {
  const found = [];
  const taken = new Uint8Array(text.length);
  for (const term of terms) {
    const single = /^[A-Za-z]$/.test(term.text);
    let from = 0;
    for (;;) {
      const at = text.indexOf(term.text, from);
      if (at < 0) break;
      from = at + 1;
      const end = at + term.text.length;
      const before = text[at - 1] ?? ' ';
      const after = text[end] ?? ' ';
      if (LETTERS.test(before) || LETTERS.test(after)) continue;
      if (single && !/^ [=≈]/.test(text.slice(end, end + 2))) continue;
      if (taken.subarray(at, end).some(Boolean)) continue;
      taken.fill(1, at, end);
      found.push({ start: at, end, title: term.title });
    }
  }
  return found.sort((a, b) => a.start - b.start);
}

/**
 * Fills `element` with `text`, each glossary term a focusable span whose title explains it. extras: other ranges
 * [{ start, end, render(slice) → Node }] (the scrubbable numbers, play/scrubbable-numbers.js), which win over terms.
 */
export function renderWithTerms(element, text, terms, extras = []) {
  const ranges = [...extras];
  for (const term of findTerms(text, terms))
    if (!extras.some((e) => term.start < e.end && e.start < term.end)) ranges.push(term);
  ranges.sort((a, b) => a.start - b.start);
  const parts = [];
  let at = 0;
  for (const range of ranges) {
    if (range.start > at) parts.push(text.slice(at, range.start));
    if (range.render) parts.push(range.render(text.slice(range.start, range.end)));
    else {
      const span = document.createElement('span');
      span.className = 'term';
      span.tabIndex = 0;
      span.title = range.title;
      span.textContent = text.slice(range.start, range.end);
      parts.push(span);
    }
    at = range.end;
  }
  if (at < text.length) parts.push(text.slice(at));
  element.replaceChildren(...parts);
}
