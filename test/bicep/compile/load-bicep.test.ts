import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileBicepFile, loadBicepFile, loadBicepParams } from '../../../src/bicep/load-bicep.js';
import { isUnknown } from '../../../src/core/unknown.js';

const DIR = path.join('test', 'fixtures', 'bicep-scan');
const MAIN = path.join(DIR, 'main.bicep');
const RG = '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/azready-rg';
const source = readFileSync(MAIN, 'utf8');
const lineOf = (needle: string) => source.slice(0, source.indexOf(needle)).split('\n').length;

describe('the Bicep front end', () => {
  const out = loadBicepFile(MAIN);

  it('compiles and expands without errors', () => {
    expect(out.diagnostics.filter((d) => d.severity !== 'info')).toEqual([]);
  });

  it('yields the resources Azure would deploy, modules and loops included', () => {
    expect(out.resources.map((r) => [r.type, r.name])).toEqual([
      ['Microsoft.OperationalInsights/workspaces', 'law-dev'],
      ['Microsoft.Storage/storageAccounts', 'stdevlake'],
      ['Microsoft.Storage/storageAccounts/blobServices', 'stdevlake/default'],
      ['Microsoft.KeyVault/vaults', 'kv0-dev'],
      ['Microsoft.KeyVault/vaults', 'kv1-dev'],
      ['Microsoft.Insights/diagnosticSettings', 'to-law'],
    ]);
    expect(out.resources.every((r) => r.origin === 'bicep')).toBe(true);
  });

  it('evaluates expressions, conditions in loops and module outputs', () => {
    const lake = out.resources[1];
    expect(lake).toMatchObject({ location: 'westus', sku: { name: 'Standard_LRS' }, properties: { minimumTlsVersion: 'TLS1_0' } });
    expect(out.resources[3].properties).toMatchObject({ enablePurgeProtection: null });
    expect(out.resources[4].properties).toMatchObject({ enablePurgeProtection: true });
    const diag = out.resources[5];
    expect(diag.scope).toBe(`${RG}/providers/Microsoft.KeyVault/vaults/kv0-dev`);
    expect(diag.properties).toEqual({ workspaceId: `${RG}/providers/Microsoft.OperationalInsights/workspaces/law-dev` });
  });

  it('points every property at its Bicep line and column', () => {
    const lake = out.resources[1];
    expect(lake.file).toBe(MAIN);
    expect(lake.sourceMap?.rangeOf('properties.minimumTlsVersion')).toMatchObject({ file: MAIN, startLine: lineOf("minimumTlsVersion: 'TLS1_0'"), startColumn: 24 });
    // Absent property: the closest present ancestor.
    expect(lake.sourceMap?.rangeOf('properties.networkAcls.defaultAction')?.startLine).toBe(lineOf('  properties: {\n    minimumTlsVersion'));
    // A resource from a module points into the module file.
    const law = out.resources[0];
    expect(law.sourceMap?.rangeOf('properties.retentionInDays')).toMatchObject({ file: path.join(DIR, 'modules', 'logs.bicep'), startLine: 8 });
    // Loop copies point at the loop body.
    expect(out.resources[4].sourceMap?.rangeOf('properties.enablePurgeProtection')?.startLine).toBe(lineOf('enablePurgeProtection'));
  });

  it('keeps a parameter without value unknown and never prints it', () => {
    expect(out.diagnostics.some((d) => d.code === 'arm/parameter-without-value' && d.message.includes('sqlPassword'))).toBe(true);
  });

  it('emits the symbolic-name ARM template the official compiler would', () => {
    const { json } = compileBicepFile(MAIN);
    const t = JSON.parse(json);
    expect(t).toMatchObject({ languageVersion: '2.0', parameters: { env: { type: 'string', allowedValues: ['dev', 'prod'] }, sqlPassword: { type: 'securestring' } } });
    expect(t.resources.vaults.copy).toEqual({ name: 'vaults', count: '[length(range(0, 2))]' });
    expect(t.resources['lake::blob']).toMatchObject({ type: 'Microsoft.Storage/storageAccounts/blobServices', name: "[format('{0}/{1}', format('{0}lake', variables('prefix')), 'default')]" });
    expect(t.resources.logs).toMatchObject({ type: 'Microsoft.Resources/deployments', properties: { expressionEvaluationOptions: { scope: 'inner' }, parameters: { retention: { value: 30 } } } });
  });

  it('reads .bicepparam values and finds the template through using', () => {
    const params = loadBicepParams(path.join(DIR, 'main.bicepparam'));
    expect(params.using).toBe(MAIN);
    expect(params.values.get('env')?.value).toBe('prod');
    expect(params.values.get('sqlpassword')?.value).toBe(process.env.AZREADY_TEST_SQL_PASSWORD ?? 'n0t-a-real-secret');
    const prod = loadBicepFile(MAIN, { parameters: params.values });
    expect(prod.resources[1].sku).toEqual({ name: 'Standard_GZRS' });
  });

  it('reports undeclared names and cycles with positions, and never throws', () => {
    const bad = loadBicepFile('bad.bicep', {}, "resource a 'Microsoft.Storage/storageAccounts@2023-01-01' = {\n  name: missingThing\n  scope: a\n}\n");
    expect(bad.diagnostics.map((d) => [d.code, d.location?.startLine])).toEqual(expect.arrayContaining([['bicep/undefined-symbol', 2]]));
    const cyc = loadBicepFile('cyc.bicep', {}, "resource a 'Microsoft.Storage/storageAccounts@2023-01-01' = {\n  name: a.name\n}\n");
    expect(cyc.diagnostics.map((d) => d.code)).toContain('bicep/cycle');
  });

  it('says which registry module is missing and still evaluates the rest', () => {
    const r = loadBicepFile(path.join(DIR, 'registry.bicep'), { moduleCache: path.join(DIR, 'no-cache') }, "module pe 'br/public:avm/res/network/private-endpoint:0.7.0' = {\n  name: 'pe'\n  params: { name: 'x' }\n}\nresource st 'Microsoft.Storage/storageAccounts@2023-01-01' = {\n  name: 'st${pe.outputs.name}'\n  location: 'westeurope'\n}\n");
    expect(r.diagnostics.find((d) => d.code === 'bicep/module-unavailable')).toMatchObject({ severity: 'warning', location: { startLine: 1 } });
    expect(r.diagnostics.find((d) => d.code === 'bicep/module-unavailable')?.message).toContain("br/public:avm/res/network/private-endpoint:0.7.0");
    expect(r.resources).toHaveLength(1);
    expect(isUnknown(r.resources[0].name) || r.resources[0].name.startsWith('{unknown')).toBe(true);
  });
});

describe('values needed at the start of the deployment', () => {
  const src = (body: string) => `resource st 'Microsoft.Storage/storageAccounts@2023-01-01' = {\n  name: 'st1'\n  location: 'westeurope'\n}\n${body}`;
  it.each([
    ["resource c 'Microsoft.Storage/storageAccounts@2023-01-01' = {\n  name: st.properties.primaryEndpoints.blob\n}\n", 'the name of resource', 6],
    ["var names = [for i in range(0, 2): st.properties.accessTier]\n", "the loop body of variable 'names'", 5],
  ])('rejects runtime state in %#', (body, where, line) => {
    const out = loadBicepFile('x.bicep', {}, src(body));
    const d = out.diagnostics.find((x) => x.code === 'bicep/runtime-value');
    expect(d?.message).toContain(where);
    expect(d?.location?.startLine).toBe(line);
  });

  it('accepts lambda parameters and loop items that reuse a resource symbol\'s name', () => {
    const out = loadBicepFile('x.bicep', {}, src("param apps array = [{ group: 'a' }]\nresource groups 'Microsoft.Storage/storageAccounts@2023-01-01' = [for st in union(map(apps, st => st.group), []): {\n  name: st\n}]\n"));
    expect(out.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(out.resources.map((r) => r.name)).toEqual(['st1', 'a']);
  });

  it('accepts id, name, type and apiVersion, also through constant keys', () => {
    const out = loadBicepFile('x.bicep', {}, src("var key = 'id'\nvar ids = [for i in range(0, 2): '${st.id}-${st['name']}-${st[key]}']\n"));
    expect(out.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  });

  it('rejects two modules deployed under the same name at the same scope', () => {
    const out = loadBicepFile(path.join(DIR, 'dup.bicep'), {}, "module a 'modules/logs.bicep' = {\n  name: 'same'\n  params: { name: 'a', retention: 30 }\n}\nmodule b 'modules/logs.bicep' = {\n  name: 'same'\n  params: { name: 'b', retention: 30 }\n}\n");
    expect(out.diagnostics.find((d) => d.code === 'bicep/duplicate-module-name')?.location?.startLine).toBe(6);
  });

  it('accepts two conditional modules under one name (alternatives, as Bicep does)', () => {
    const out = loadBicepFile(path.join(DIR, 'dup.bicep'), {}, "param zoned bool = true\nmodule a 'modules/logs.bicep' = if (zoned) {\n  name: 'same'\n  params: { name: 'a', retention: 30 }\n}\nmodule b 'modules/logs.bicep' = if (!zoned) {\n  name: 'same'\n  params: { name: 'b', retention: 30 }\n}\n");
    expect(out.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(out.resources.map((r) => r.name)).toEqual(['a']);
  });
});
