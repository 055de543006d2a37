// Writes docs/parameters.md from the catalogue, so the reference of every key, symbol, range and source is
// generated from the one definition in C++. tests/js/docs.test.mjs fails when the committed file is stale:
// run `node scripts/generate-docs.mjs` after changing the catalogue.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadNodeEngine } from '../tests/js/load-node.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const parametersDocPath = path.join(root, 'docs/parameters.md');

const cell = (text) => String(text).replaceAll('|', '\\|');

function range(p) {
  if (p.type === 'choice') return p.choices.map((c) => `\`${c}\``).join(', ');
  return `${p.min} … ${p.max}${p.scale === 'log' ? ' (log scale)' : ''}`;
}

export function parametersMarkdown(catalogue) {
  const lines = [
    '# Parameters',
    '',
    `Generated from the catalogue of collapse-lab ${catalogue.version} by \`node scripts/generate-docs.mjs\`; do not edit by hand.`,
    'Keys are identical in C++, the CLI (`--key value`), the JS API (`config.key`), the URL hash and Result JSON.',
    '',
  ];
  for (const e of catalogue.experiments) {
    lines.push(`## \`${e.key}\` — ${e.title}`, '', e.summary, '', `Sources: ${e.source}.`, '');
    lines.push(`Natural x axis: \`${e.x.key}\` (${e.x.label}). Metric: \`${e.metric.key}\` (${e.metric.label}).` +
      (e.naturalSeries ? ` By default one series per \`${e.naturalSeries}\`.` : ''), '');
    lines.push('| key | symbol | meaning | type | default | allowed | description |', '|---|---|---|---|---|---|---|');
    for (const p of e.parameters)
      lines.push(`| \`${p.key}\` | ${cell(p.symbol)} | ${cell(p.label)}${p.unit ? ` (${cell(p.unit)})` : ''} | ${p.type} | \`${p.default}\` | ${cell(range(p))} | ${cell(p.description)} |`);
    lines.push('', '### Presets', '');
    for (const preset of e.presets) {
      lines.push(`* **${preset.title}** (\`${preset.key}\`; ${preset.citation}). ${preset.claim}`);
      lines.push(`  \`collapse-lab run ${e.key} --preset ${preset.key}\``);
    }
    lines.push('');
  }
  return lines.join('\n');
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const engine = await loadNodeEngine('scalar');
  writeFileSync(parametersDocPath, parametersMarkdown(engine.catalogue()));
  console.log(`wrote ${path.relative(root, parametersDocPath)}`);
}
