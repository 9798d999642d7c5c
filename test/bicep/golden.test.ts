// Per-stage golden files of the Bicep front end for small handwritten inputs in test/fixtures/bicep:
// tokens, syntax tree and diagnostics-under-source. AZREADY_UPDATE_GOLDEN=1 rewrites them; review the diff.
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseBicep } from '../../src/bicep/parse-bicep.js';
import { printDiagnostics, printTokens, printTree } from '../../src/bicep/syntax/print-tree.js';

const FIXTURES = path.join(path.dirname(fileURLToPath(import.meta.url)), '../fixtures/bicep');
const GOLDEN = path.join(FIXTURES, 'golden');

function expectGolden(name: string, actual: string): void {
  const file = path.join(GOLDEN, name);
  if (process.env.AZREADY_UPDATE_GOLDEN === '1') {
    mkdirSync(GOLDEN, { recursive: true });
    writeFileSync(file, actual);
    return;
  }
  if (!existsSync(file)) throw new Error(`missing golden file ${name}; run with AZREADY_UPDATE_GOLDEN=1 to create it`);
  expect(actual, `differs from golden/${name} (AZREADY_UPDATE_GOLDEN=1 rewrites it)`).toBe(readFileSync(file, 'utf8'));
}

const inputs = readdirSync(FIXTURES).filter((f) => f.endsWith('.bicep') || f.endsWith('.bicepparam'));

describe('Bicep golden files', () => {
  for (const input of inputs) {
    it(input, () => {
      const text = readFileSync(path.join(FIXTURES, input), 'utf8');
      const tree = parseBicep(input, text);
      expectGolden(`${input}.tokens.txt`, printTokens(text, tree.lineMap));
      expectGolden(`${input}.tree.txt`, printTree(tree));
      expectGolden(`${input}.diagnostics.txt`, printDiagnostics(text, tree.diagnostics));
      if (!input.startsWith('errors')) expect(tree.diagnostics).toEqual([]);
    });
  }
});
