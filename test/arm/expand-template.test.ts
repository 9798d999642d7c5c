import { describe, expect, it } from 'vitest';
import { expandTemplate } from '../../src/arm/expand-template.js';
import { JsonDocument } from '../../src/arm/json-document.js';
import { readParametersFile } from '../../src/arm/parameters-file.js';
import { isUnknown } from '../../src/core/unknown.js';

const SCHEMA = 'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#';
const RG = '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/azready-rg';

function expand(template: object, params?: object) {
  const text = JSON.stringify({ $schema: SCHEMA, contentVersion: '1.0.0.0', ...template }, null, 2);
  const { doc } = JsonDocument.parse('main.json', text);
  const parameters = params ? readParametersFile(JsonDocument.parse('p.json', JSON.stringify({ $schema: 'x/deploymentParameters.json#', parameters: params })).doc).values : undefined;
  return { ...expandTemplate(doc, { parameters }), text };
}

function lineOf(text: string, needle: string): number {
  return text.slice(0, text.indexOf(needle)).split('\n').length;
}

describe('expandTemplate', () => {
  it('resolves parameters, variables and resource ids', () => {
    const { resources, diagnostics } = expand({
      parameters: { name: { type: 'string', defaultValue: 'st1' }, sku: { type: 'string' } },
      variables: { full: "[concat(parameters('name'), 'data')]" },
      resources: [{ type: 'Microsoft.Storage/storageAccounts', apiVersion: '2023-01-01', name: "[variables('full')]", location: '[resourceGroup().location]', sku: { name: "[parameters('sku')]" } }],
    }, { sku: { value: 'Standard_ZRS' } });
    expect(diagnostics).toEqual([]);
    expect(resources).toHaveLength(1);
    expect(resources[0]).toMatchObject({
      id: `${RG}/providers/Microsoft.Storage/storageAccounts/st1data`,
      name: 'st1data',
      type: 'Microsoft.Storage/storageAccounts',
      apiVersion: '2023-01-01',
      location: 'westus',
      sku: { name: 'Standard_ZRS' },
      origin: 'arm',
    });
  });

  it('maps every property path back to its line', () => {
    const { resources, text } = expand({
      resources: [{ type: 'Microsoft.Storage/storageAccounts', apiVersion: '2023-01-01', name: 'st1', properties: { networkAcls: { ipRules: [{ value: '1.2.3.4' }, { value: '0.0.0.0/0' }] } } }],
    });
    const map = resources[0].sourceMap!;
    expect(map.rangeOf('properties.networkAcls.ipRules[1].value')).toMatchObject({ startLine: lineOf(text, '"0.0.0.0/0"') });
    expect(map.rangeOf('properties.networkAcls.ipRules[1].value')?.startColumn).toBeGreaterThan(1);
    // Absent paths fall back to the closest ancestor.
    expect(map.rangeOf('properties.minimumTlsVersion')).toMatchObject({ startLine: lineOf(text, '"properties"') });
    expect(map.rangeOf('')).toMatchObject({ startLine: lineOf(text, '"type"') - 1 });
  });

  it('turns unevaluable expressions into Unknowns with reasons, never raw strings', () => {
    const { resources, diagnostics } = expand({
      parameters: { noValue: { type: 'string' } },
      resources: [{ type: 'Microsoft.KeyVault/vaults', apiVersion: '2023-07-01', name: 'kv', properties: { a: "[reference('x').y]", b: "[parameters('noValue')]", c: '[[literal]' } }],
    });
    const props = resources[0].properties as Record<string, unknown>;
    expect(isUnknown(props.a)).toBe(true);
    expect(isUnknown(props.b)).toBe(true);
    expect((props.b as { reason: string }).reason).toContain("'noValue' has no value");
    expect(props.c).toBe('[literal]');
    expect(diagnostics.map((d) => d.code)).toContain('arm/parameter-without-value');
  });

  it('reports a malformed expression at the string with a clear message', () => {
    const { diagnostics, text } = expand({ resources: [{ type: 'Microsoft.KeyVault/vaults', apiVersion: '2023-07-01', name: "[concat('a', ]" }] });
    expect(diagnostics[0]).toMatchObject({ code: 'arm/invalid-expression', severity: 'error', location: { file: 'main.json', startLine: lineOf(text, "[concat('a', ]") } });
  });

  it('expands copy loops with copyIndex() and skips false conditions', () => {
    const { resources } = expand({
      resources: [
        { type: 'Microsoft.Storage/storageAccounts', apiVersion: '2023-01-01', name: "[concat('st', copyIndex(1))]", copy: { name: 'loop', count: 3 } },
        { condition: false, type: 'Microsoft.Storage/storageAccounts', apiVersion: '2023-01-01', name: 'never' },
      ],
    });
    expect(resources.map((r) => r.name)).toEqual(['st1', 'st2', 'st3']);
  });

  it('expands property copy loops', () => {
    const { resources } = expand({
      resources: [{ type: 'Microsoft.Network/virtualNetworks', apiVersion: '2023-05-01', name: 'vnet', properties: { copy: [{ name: 'subnets', count: 2, input: { name: "[format('s{0}', copyIndex('subnets'))]" } }] } }],
    });
    expect(resources[0].properties).toEqual({ subnets: [{ name: 's0' }, { name: 's1' }] });
  });

  it('gives nested child resources full names and types', () => {
    const { resources } = expand({
      resources: [{ type: 'Microsoft.Storage/storageAccounts', apiVersion: '2023-01-01', name: 'st1', resources: [{ type: 'blobServices', apiVersion: '2023-01-01', name: 'default', properties: {} }] }],
    });
    expect(resources[1]).toMatchObject({ type: 'Microsoft.Storage/storageAccounts/blobServices', name: 'st1/default', id: `${RG}/providers/Microsoft.Storage/storageAccounts/st1/blobServices/default` });
  });

  it('places extension resources on their scope, in both forms', () => {
    const { resources } = expand({
      resources: [
        { type: 'Microsoft.Insights/diagnosticSettings', apiVersion: '2021-05-01-preview', name: 'd1', scope: 'Microsoft.KeyVault/vaults/kv', properties: {} },
        { type: 'Microsoft.KeyVault/vaults/providers/diagnosticSettings', apiVersion: '2021-05-01-preview', name: 'kv/Microsoft.Insights/d2', properties: {} },
      ],
    });
    const kv = `${RG}/providers/Microsoft.KeyVault/vaults/kv`;
    expect(resources.map((r) => [r.type, r.name, r.scope, r.id])).toEqual([
      ['Microsoft.Insights/diagnosticSettings', 'd1', kv, `${kv}/providers/Microsoft.Insights/diagnosticSettings/d1`],
      ['Microsoft.Insights/diagnosticSettings', 'd2', kv, `${kv}/providers/Microsoft.Insights/diagnosticSettings/d2`],
    ]);
  });

  it('records the paths that carry secure parameters and Key Vault references', () => {
    const { resources } = expand({
      parameters: { pw: { type: 'securestring' }, kvpw: { type: 'string' } },
      resources: [{ type: 'Microsoft.Sql/servers', apiVersion: '2023-05-01-preview', name: 'sql', properties: { administratorLoginPassword: "[parameters('pw')]", other: "[parameters('kvpw')]" } }],
    }, { pw: { value: 'hunter2' }, kvpw: { reference: { keyVault: { id: '/x' }, secretName: 'pw' } } });
    expect(resources[0].secretPaths).toEqual(['properties.administratorLoginPassword', 'properties.other']);
    expect(isUnknown((resources[0].properties as Record<string, unknown>).other)).toBe(true);
  });

  it('reports a function it does not evaluate once, even inside a lambda run per element', () => {
    const { diagnostics, outputs } = expand({
      outputs: { o: { type: 'array', value: "[map(createArray(1, 2, 3), lambda('x', noSuchFunction(lambdaVariables('x'))))]" } },
    });
    expect(diagnostics.filter((d) => d.code === 'arm/unsupported-function')).toHaveLength(1);
    expect((outputs.o as unknown[]).every(isUnknown)).toBe(true);
  });
});
