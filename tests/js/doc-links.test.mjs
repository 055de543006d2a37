// Every citation of a document and every Markdown link in the repository resolves (issue 9, item 7): code,
// notes and docs cite `docs/<file>.md §n` (or `docs/theory/<topic>.md §n, "Heading"`), and each such file, section
// number and quoted heading must exist in the repository. Documents outside it (a shared reference, "DESIGN.md"
// of the planning notes) and section citations without a file ("reference §5") are errors. The rules are generic:
// a new docs/theory/<topic>.md is checked the moment something cites it, and its own links are checked too.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repository = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const thisFile = fileURLToPath(import.meta.url);

/** Where citations live: the code, its tests and its documentation. */
const scannedRoots = ['core', 'web', 'cli', 'wasm', 'tests', 'docs', 'scripts', 'bench', 'README.md'];
const skippedDirectories = new Set(['node_modules', 'build', 'dist', '.git']);
const scannedExtensions = /\.(c|cc|cpp|h|hpp|js|mjs|cjs|ts|sh|md|html|css|txt|cmake|json|yml|yaml)$|CMakeLists\.txt$/;

function listFiles(root) {
  const files = [];
  const visit = (relative) => {
    const absolute = path.join(root, relative);
    if (!existsSync(absolute)) return;
    if (statSync(absolute).isDirectory()) {
      for (const entry of readdirSync(absolute)) if (!skippedDirectories.has(entry)) visit(path.join(relative, entry));
    } else if (scannedExtensions.test(relative) && !relative.endsWith('package-lock.json')) {
      files.push(relative);
    }
  };
  for (const start of scannedRoots) visit(start);
  return files;
}

/** GitHub's anchor of a heading: lower case, punctuation dropped (letters of any script kept), spaces → '-'. */
export function headingSlug(text) {
  return text.trim().toLowerCase().replace(/[^\p{L}\p{N}\s_-]/gu, '').replace(/\s/g, '-');
}

/** The headings of a Markdown file: level, text, section number ("5", "5.1") if it starts with one, body. */
function headingsOf(markdown) {
  const lines = markdown.split('\n');
  const headings = [];
  let fenced = false;
  lines.forEach((line, index) => {
    if (/^\s*(```|~~~)/.test(line)) fenced = !fenced;
    const match = !fenced && /^(#{1,6})\s+(.*?)\s*#*\s*$/.exec(line);
    if (!match) return;
    const number = /^§?(\d+(?:\.\d+)*)\.?(?:\s|$)/.exec(match[2]);
    headings.push({ level: match[1].length, text: match[2], number: number ? number[1] : null, line: index });
  });
  return headings.map((heading, i) => {
    const end = headings.slice(i + 1).find((next) => next.level <= heading.level);
    return { ...heading, body: lines.slice(heading.line, end ? end.line : lines.length).join('\n') };
  });
}

const sectionNumber = String.raw`\d+(?:\.\d+)*`;
// "§5", "§5–6", "§1 and §5", "§2, §3", directly after the file (optionally after a comma).
const sectionRun = new RegExp(String.raw`^,?\s*§(${sectionNumber}(?:\s*[–-]\s*${sectionNumber})?)((?:\s*(?:,|and|or)\s*§${sectionNumber}(?:\s*[–-]\s*${sectionNumber})?)*)`);
const quotedTitle = /^,?\s*(?:table\s+)?"([^"\n]+)"/;

const markdownLink = /\[[^\]\n]*\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g;

/** Every Markdown file of the repository by its file name (for bare names such as "web.md"). */
const basenameCache = new Map();
function basenames(root) {
  if (!basenameCache.has(root)) {
    const byName = new Map();
    for (const file of listFiles(root)) if (file.endsWith('.md')) byName.set(path.basename(file), path.join(root, file));
    basenameCache.set(root, byName);
  }
  return basenameCache.get(root);
}

/** Blank out URLs (keeping offsets) so that a .md inside a URL is not taken for a repository path. */
const withoutUrls = (text) => text.replace(/\b[a-z][a-z0-9+.-]*:\/\/[^\s)>\]'"`]+/gi, (url) => ' '.repeat(url.length));

/** All problems of the repository at `root`, as readable strings (empty when every citation resolves). */
export function citationProblems(root, { skip = [] } = {}) {
  const problems = [];
  const cache = new Map();
  const markdownAt = (absolute) => {
    if (!cache.has(absolute)) cache.set(absolute, headingsOf(readFileSync(absolute, 'utf8')));
    return cache.get(absolute);
  };
  const resolve = (from, target) => {
    for (const candidate of [path.join(root, target), path.join(root, path.dirname(from), target)])
      if (existsSync(candidate) && path.relative(root, candidate).split(path.sep)[0] !== '..') return candidate;
    return null;
  };
  const checkSections = (where, document, numbers) => {
    const headings = markdownAt(document);
    for (const number of numbers)
      if (!headings.some((h) => h.number === number))
        problems.push(`${where}: ${path.relative(root, document)} has no section §${number}`);
  };
  const checkAnchor = (where, document, anchor) => {
    if (!markdownAt(document).some((h) => headingSlug(h.text) === anchor.toLowerCase()))
      problems.push(`${where}: ${path.relative(root, document)} has no heading with anchor #${anchor}`);
  };

  for (const file of listFiles(root)) {
    if (skip.includes(path.join(root, file))) continue;
    const raw = readFileSync(path.join(root, file), 'utf8');
    const markdown = file.endsWith('.md');
    // In Markdown, links are checked by rule 3 (text and target), so rule 2 does not see them.
    const text = withoutUrls(markdown ? raw.replace(markdownLink, (link) => ' '.repeat(link.length)) : raw);
    const lineOf = (offset) => text.slice(0, offset).split('\n').length;

    // 1. Citations that point outside the repository or name no file.
    for (const match of text.matchAll(/\breference\s+(?:§|[\w-]+\.md\b)|\.\.\/shared\/|\/work\/shared\b/g))
      problems.push(`${file}:${lineOf(match.index)}: "${match[0]}" cites a document that is not in the repository (cite docs/…)`);

    // 2. Every path to a Markdown file: the file exists; its cited sections, quoted headings and anchors too.
    for (const match of text.matchAll(/(?<![\w./-])((?:\.{1,2}\/)*(?:[\w.-]+\/)*[\w.-]*[\w-]\.md)(#[\w-]+)?/g)) {
      const [, target, anchor] = match;
      if (target.includes('node_modules')) continue;
      const where = `${file}:${lineOf(match.index)}`;
      const [restOfLine, nextLine = ''] = text.slice(match.index + match[0].length, match.index + match[0].length + 400).split('\n');
      // A citation wrapped after the file name continues on the next line, after its comment marker.
      const after = restOfLine.trim() ? restOfLine : ` ${nextLine.replace(/^\s*(?:\/\/+|#+|\*+|<!--)?\s*/, '')}`;
      const run = sectionRun.exec(after);
      const bare = !target.includes('/');
      // A file name in a string literal of code is data (e.g. a licence file copied from a package), not a citation.
      const literal = !markdown && bare && /['"]$/.test(text.slice(0, match.index)) && /^['"]/.test(after);
      if (literal) continue;
      // A bare name without a section ("see web.md") may name any file of the repository by its name; a cited
      // section needs a path that resolves from the repository root or the citing file.
      const document = resolve(file, target) ?? (bare && !run ? basenames(root).get(target) : null);
      if (!document) {
        problems.push(`${where}: cites ${target}, which is not in the repository`);
        continue;
      }
      if (anchor) checkAnchor(where, document, anchor.slice(1));
      let rest = after;
      let cited = null;
      if (run) {
        const numbers = [...`§${run[1]}${run[2]}`.matchAll(new RegExp(sectionNumber, 'g'))].map((m) => m[0]);
        checkSections(where, document, numbers);
        cited = numbers[0];
        rest = after.slice(run[0].length);
      }
      const title = quotedTitle.exec(rest);
      if (title) {
        const headings = markdownAt(document);
        const scope = cited ? headings.filter((h) => h.number === cited).map((h) => h.body).join('\n')
                            : headings.map((h) => h.text).join('\n');
        if (!scope.toLowerCase().includes(title[1].toLowerCase()))
          problems.push(`${where}: ${path.relative(root, document)}${cited ? ` §${cited}` : ''} does not contain "${title[1]}"`);
      }
    }

    // 3. Markdown links of Markdown files: relative targets exist, anchors name a heading.
    if (markdown) {
      let inFence = false;
      raw.split('\n').forEach((line, index) => {
        if (/^\s*(```|~~~)/.test(line)) inFence = !inFence;
        if (inFence) return;
        for (const link of line.matchAll(markdownLink)) {
          const target = link[1];
          if (/^[a-z][a-z0-9+.-]*:/i.test(target)) continue;  // https:, mailto:, …
          const where = `${file}:${index + 1}`;
          const [pathPart, anchor] = target.split('#');
          const document = pathPart ? resolve(file, decodeURI(pathPart)) : path.join(root, file);
          if (!document) problems.push(`${where}: link to ${target}, which is not in the repository`);
          else if (anchor && document.endsWith('.md')) checkAnchor(where, document, anchor);
        }
      });
    }
  }
  return [...new Set(problems)];
}

test('every citation of a document and every Markdown link in the repository resolves', () => {
  const problems = citationProblems(repository, { skip: [thisFile] });
  assert.deepEqual(problems, [], `unresolved citations:\n${problems.join('\n')}`);
});

test('the citation checker finds each kind of broken citation (so the test above can fail)', () => {
  const root = mkdtempSync(path.join(os.tmpdir(), 'doc-links-'));
  try {
    mkdirSync(path.join(root, 'docs/theory'), { recursive: true });
    mkdirSync(path.join(root, 'core'), { recursive: true });
    writeFileSync(path.join(root, 'docs/design.md'), '# Design\n\n## 4. Work scales\n\nBartlett.\n');
    writeFileSync(path.join(root, 'docs/theory/topic.md'),
      '# Topic\n\n## 2. Fits\n\n### 2.1 Carrying the root\n\ntext\n\n## 3. Other\n\n[ok](../design.md#4-work-scales) [bad](missing.md) [anchor](#nowhere)\n');
    const design = ['DESIGN', 'md'].join('.');  // spelt apart so that this file does not cite it
    writeFileSync(path.join(root, 'core/a.cpp'), [
      '// fine: docs/theory/topic.md §2, "Carrying the root"; docs/design.md §4; docs/theory/topic.md §2–3',
      `// not in the repository: ${design}, docs/theory/absent.md`,
      '// missing section: docs/theory/topic.md §5.2; range end: docs/theory/topic.md §2–4',
      '// wrong title: docs/theory/topic.md §3, "Carrying the root"',
      '// no file: reference §5; outside: ../shared/reference/x',
      '// a URL is not a path: https://example.org/README.md; a string literal is data: copy("LICENSE.md")',
      '// an old-style citation: reference topic.md without a path; wrapped: docs/theory/topic.md',
      '// §9 is checked on the next line',
    ].join('\n'));
    const problems = citationProblems(root);
    const expect = (pattern) => assert.ok(problems.some((p) => pattern.test(p)), `${pattern} not in\n${problems.join('\n')}`);
    expect(/core\/a\.cpp:2: cites DESIGN\.md/);
    expect(/core\/a\.cpp:2: cites docs\/theory\/absent\.md/);
    expect(/core\/a\.cpp:3: docs\/theory\/topic\.md has no section §5\.2/);
    expect(/core\/a\.cpp:3: docs\/theory\/topic\.md has no section §4/);
    expect(/core\/a\.cpp:4: docs\/theory\/topic\.md §3 does not contain "Carrying the root"/);
    expect(/core\/a\.cpp:5: "reference §"/);
    expect(/core\/a\.cpp:5: "\.\.\/shared\/"/);
    expect(/docs\/theory\/topic\.md:11: link to missing\.md/);
    expect(/docs\/theory\/topic\.md:11: .*no heading with anchor #nowhere/);
    expect(/core\/a\.cpp:7: "reference topic\.md"/);
    expect(/core\/a\.cpp:7: docs\/theory\/topic\.md has no section §9/);
    assert.equal(problems.filter((p) => /:1:|README|LICENSE/.test(p)).length, 0, problems.join('\n'));
    assert.equal(problems.length, 11, problems.join('\n'));
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});
