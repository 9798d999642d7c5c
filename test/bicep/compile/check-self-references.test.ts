// A declaration that reads itself is an error (Bicep BCP079) at the reference; reading a parent
// from a nested child, or a loop item that reuses the name, is not.
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadBicepFile } from '../../../src/bicep/load-bicep.js';

function selfReferences(main: string) {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'azready-self-'));
  writeFileSync(path.join(dir, 'mod.bicep'), 'param p string\noutput o string = p\n');
  writeFileSync(path.join(dir, 'main.bicep'), main);
  return loadBicepFile(path.join(dir, 'main.bicep')).diagnostics.filter((d) => d.code === 'bicep/self-reference');
}

describe('bicep/self-reference', () => {
  it('reports a resource reading its own properties, at the reference', () => {
    const found = selfReferences("resource r 'Microsoft.Storage/storageAccounts@2023-01-01' = {\n  name: 'st'\n  location: 'westeurope'\n  properties: { x: r.properties.y }\n}\n");
    expect(found).toEqual([expect.objectContaining({ severity: 'error', message: expect.stringContaining("'r' reads itself"), location: expect.objectContaining({ startLine: 4, startColumn: 20 }) })]);
  });

  it('reports a module passing its own output to itself', () => {
    const found = selfReferences("module m 'mod.bicep' = {\n  name: 'n'\n  params: { p: m.outputs.o }\n}\n");
    expect(found).toEqual([expect.objectContaining({ location: expect.objectContaining({ startLine: 3, startColumn: 16 }) })]);
  });

  it('accepts a nested child reading its parent, keys and members named like the symbol, and shadowing loop items', () => {
    const found = selfReferences([
      "resource r 'Microsoft.Storage/storageAccounts@2023-01-01' = {",
      "  name: 'st'",
      "  location: 'westeurope'",
      '  tags: { r: \'key named r\' }',
      "  properties: { list: [for r in ['a', 'b']: r] }",
      "  resource blob 'blobServices' = {",
      "    name: 'default'",
      '    properties: { note: r.name }',
      '  }',
      '}',
      "output o string = r.properties.primaryEndpoints.blob",
    ].join('\n'));
    expect(found).toEqual([]);
  });

  it('checks a nested child whose parent never mentions itself, and names that only prefix or end other words', () => {
    const found = selfReferences([
      "resource st 'Microsoft.Storage/storageAccounts@2023-01-01' = {",
      "  name: 'account'",
      "  properties: { first: stx, second: xst }",
      "  resource blob 'blobServices' = {",
      "    name: 'default'",
      '    properties: { own: blob.properties.x }',
      '  }',
      '}',
    ].join('\n'));
    expect(found).toEqual([expect.objectContaining({ message: expect.stringContaining("'blob' reads itself"), location: expect.objectContaining({ startLine: 6, startColumn: 24 }) })]);
  });

  it('accepts a parent path whose nested resource shares the declaration’s name (vault::fabric::container)', () => {
    const found = selfReferences([
      "resource vault 'Microsoft.RecoveryServices/vaults@2025-08-01' existing = {",
      "  name: 'rsv'",
      "  resource fabric 'replicationFabrics' existing = {",
      "    name: 'fab'",
      "    resource container 'replicationProtectionContainers' existing = {",
      "      name: 'cont'",
      '    }',
      '  }',
      '}',
      "resource container 'Microsoft.RecoveryServices/vaults/replicationFabrics/replicationProtectionContainers/replicationProtectionContainerMappings@2025-08-01' = {",
      "  name: 'map'",
      '  parent: vault::fabric::container',
      '}',
    ].join('\n'));
    expect(found).toEqual([]);
  });
});
