// docs/parameters.md is generated from the catalogue; this fails when it is stale.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { loadNodeEngine } from './load-node.mjs';
import { parametersMarkdown, parametersDocPath } from '../../scripts/generate-docs.mjs';

test('docs/parameters.md matches the catalogue (regenerate with node scripts/generate-docs.mjs)', async () => {
  const engine = await loadNodeEngine('scalar');
  assert.equal(readFileSync(parametersDocPath, 'utf8'), parametersMarkdown(engine.catalogue()));
});
