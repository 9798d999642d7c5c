// When a front end fails in a way that is azready's own (a bug, a stack overflow), the scan names
// the file in an error and still evaluates the other inputs.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';

vi.mock('../src/bicep/load-bicep.js', async (original) => {
  const real = await original<typeof import('../src/bicep/load-bicep.js')>();
  return {
    ...real,
    loadBicepFile: (file: string, ...rest: Parameters<typeof real.loadBicepFile> extends [string, ...infer R] ? R : never) => {
      if (file.endsWith('broken.bicep')) throw new RangeError('Maximum call stack size exceeded');
      return real.loadBicepFile(file, ...rest);
    },
    loadBicepParams: (file: string, ...rest: Parameters<typeof real.loadBicepParams> extends [string, ...infer R] ? R : never) => {
      if (file.endsWith('broken.bicepparam')) throw new TypeError('cannot read properties of undefined');
      return real.loadBicepParams(file, ...rest);
    },
  };
});

const { loadInputs } = await import('../src/load-inputs.js');
const { JsonDocument } = await import('../src/arm/json-document.js');

describe('a front end that fails on one input', () => {
  it('reports the file and keeps the others', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'azready-abort-'));
    const account = (name: string) => `resource st 'Microsoft.Storage/storageAccounts@2023-01-01' = {\n  name: '${name}'\n  location: 'westeurope'\n}\n`;
    writeFileSync(path.join(dir, 'broken.bicep'), account('stbroken'));
    writeFileSync(path.join(dir, 'fine.bicep'), account('stfine'));
    writeFileSync(path.join(dir, 'broken.bicepparam'), "using 'fine.bicep'\n");
    const set = loadInputs([dir]);
    expect(set.resources.map((r) => r.name)).toEqual(['stfine']);
    expect(set.diagnostics).toContainEqual(expect.objectContaining({ code: 'input/evaluation-aborted', message: expect.stringMatching(/broken\.bicepparam: azready could not evaluate this file \(internal error: cannot read properties of undefined\)/) }));
    expect(set.diagnostics).toContainEqual(expect.objectContaining({ code: 'input/evaluation-aborted', severity: 'error', message: expect.stringMatching(/broken\.bicep: azready could not evaluate this file \(it nests or refers to itself too deeply\)/) }));
  });

  it('reads JSON nested deeper than the stack allows as an error, not an exception', () => {
    const depth = 200_000;
    const { doc, diagnostics } = JsonDocument.parse('deep.json', `{"a": ${'['.repeat(depth)}${']'.repeat(depth)}}`);
    expect(doc.root).toBeUndefined();
    expect(diagnostics).toEqual([expect.objectContaining({ code: 'json/too-deep', severity: 'error', location: expect.objectContaining({ file: 'deep.json', startLine: 1, startColumn: 1 }) })]);
  });
});
