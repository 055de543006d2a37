// The reader's own text through the JS API (language-model, corpus = pasted; docs/theory/language-model.md §7): the
// engine names what is missing or wrong (corpus, samples), and a run split across engines — the page's workers,
// each handed the text — gives the same bits as one engine, in both WebAssembly flavours.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadNodeEngine } from './load-node.mjs';

/** A text of `sentences` sentences of 9 words over a small vocabulary (deterministic). */
function madeText(sentences) {
  const words = ['river', 'mill', 'water', 'wheel', 'morning', 'village', 'children', 'school', 'bank', 'stone', 'bridge', 'field', 'lantern'];
  const out = [];
  for (let s = 0; s < sentences; s += 1) {
    const sentence = Array.from({ length: 9 }, (_, k) => words[(s * 5 + k * k) % words.length]);
    out.push(`${sentence.join(' ')}${s % 4 === 3 ? '!' : '.'}`);
  }
  return out.join(' ');
}

const request = (config) => ({ experiment: 'language-model', config: { corpus: 'pasted', generations: 4, trials: 3, samples: 300, ...config } });

test('language-model corpus=pasted: validation names corpus until a text is given, then samples when T is too large', async () => {
  const engine = await loadNodeEngine('simd');
  const missing = engine.validate(request({}));
  assert.equal(missing[0].parameter, 'corpus');
  assert.match(missing[0].message, /no text of your own is loaded/);
  assert.throws(() => engine.providePastedText(42), /must be a string/);
  engine.providePastedText('Far too short. A few words.');
  assert.match(engine.validate(request({}))[0].message, /the text has 6 words; at least 200/);
  engine.providePastedText(madeText(50)); // 45 training sentences × 10 tokens
  assert.deepEqual(engine.validate(request({})), []);
  const tooMany = engine.validate(request({ samples: 451 }));
  assert.equal(tooMany[0].parameter, 'samples');
  assert.match(tooMany[0].message, /samples = 451 tokens, but your text has 450 training tokens/);
});

test('language-model corpus=pasted: the same text and seed give the same bits across engines and flavours', async () => {
  const text = madeText(60);
  const engines = await Promise.all(['simd', 'simd', 'scalar'].map((f) => loadNodeEngine(f)));
  for (const engine of engines) engine.providePastedText(text);
  const whole = engines[0].run(request({}));
  // Two "workers": trials [0, 1) and [1, 3) on separate engines, assembled by a third.
  const values = new Float64Array([...engines[1].simulate(request({}), 0, 1), ...engines[2].simulate(request({}), 1, 3)]);
  const assembled = engines[2].assemble(request({}), values);
  assert.deepEqual(assembled.series, whole.series);
  assert.equal(whole.series[0].samples[0].generation, 1);
  assert.match(whole.series[0].samples[0].sentences[0], /^river /); // generation 1 quotes the reader's text
  assert.ok(whole.notes.some((n) => n.startsWith('Your own text')));
  assert.ok(Number.isFinite(whole.series[0].simulation.mean[0]) && whole.series[0].simulation.mean[0] > 1, 'a finite held-out perplexity');
  // Another text is another run.
  engines[0].providePastedText(madeText(61));
  assert.notDeepEqual(engines[0].run(request({})).series, whole.series);
});
