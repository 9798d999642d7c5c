// A loop source or a module name that reads its own declaration (found by fuzzing: it recursed
// until the stack overflowed) is a cycle error, and the rest of the file is still compiled.
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadBicepFile } from '../../../src/bicep/load-bicep.js';

function load(main: string) {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'azready-loop-'));
  writeFileSync(path.join(dir, 'mod.bicep'), 'param p string\noutput o string = p\n');
  writeFileSync(path.join(dir, 'main.bicep'), main);
  return loadBicepFile(path.join(dir, 'main.bicep'));
}

const OTHER = "\nresource other 'Microsoft.Storage/storageAccounts@2023-01-01' = {\n  name: 'stother'\n  location: 'westeurope'\n}\n";

describe('loops that read their own declaration', () => {
  it.each([
    ['a module loop over its own outputs', "module m 'mod.bicep' = [for i in m[0].outputs.o: {\n  name: 'n${i}'\n  params: { p: 'x' }\n}]\n", "module 'm'"],
    ['a module loop over its own length', "module m 'mod.bicep' = [for i in range(0, length(m)): {\n  name: 'n${i}'\n  params: { p: 'x' }\n}]\n", "module 'm'"],
    ['a module named after itself', "module m 'mod.bicep' = {\n  name: 'n-${m.name}'\n  params: { p: 'x' }\n}\n", "module 'm'"],
    ['a looped module named after an element of itself', "module m 'mod.bicep' = [for i in range(0, 2): {\n  name: 'n-${m[i].name}'\n  params: { p: 'x' }\n}]\n", "module 'm'"],
    ['a resource loop over itself', "resource r 'Microsoft.Storage/storageAccounts@2023-01-01' = [for x in r: {\n  name: 'st${x}'\n  location: 'westeurope'\n}]\n", "'r'"],
  ])('%s: a bicep/cycle error, and the other resources', (_, main, what) => {
    const out = load(main + OTHER);
    expect(out.diagnostics).toContainEqual(expect.objectContaining({ code: 'bicep/cycle', severity: 'error', message: expect.stringContaining(what) }));
    expect(out.resources.map((r) => r.name)).toContain('stother');
  });
});
