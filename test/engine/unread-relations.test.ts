// A bare Resource Graph export holds no diagnostic settings, locks or blob services (Resource Graph
// does not): "none of them" is not knowledge there, so rules that count them are unverified, not
// failed. An export that does have rows of the type (PSRule's Export-AzRuleData, a hand-made
// estate) is taken at its word.
import { describe, expect, it } from 'vitest';
import { JsonDocument } from '../../src/arm/json-document.js';
import type { Condition } from '../../src/engine/condition.js';
import { evaluateCondition } from '../../src/engine/evaluate-condition.js';
import { ResourceSet } from '../../src/model/resource-set.js';
import { readCsvSnapshot } from '../../src/resource-graph/read-csv-snapshot.js';
import { readSnapshot } from '../../src/resource-graph/read-snapshot.js';

const RG = '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg1/providers';
const vault = (name: string) => ({ id: `${RG}/Microsoft.KeyVault/vaults/${name}`, name, type: 'microsoft.keyvault/vaults', location: 'westeurope', properties: { enableRbacAuthorization: true } });
const diagnostic = (of: string) => ({ id: `${RG}/Microsoft.KeyVault/vaults/${of}/providers/Microsoft.Insights/diagnosticSettings/d`, name: 'd', type: 'microsoft.insights/diagnosticsettings', properties: { workspaceId: '/w' } });
const HAS_DIAGNOSTICS: Condition = { count: { related: 'extension', type: 'Microsoft.Insights/diagnosticSettings' }, greaterOrEquals: 1 } as Condition;
const HAS_PRIVATE_ENDPOINT: Condition = { count: { related: 'referencedBy', type: 'Microsoft.Network/privateEndpoints' }, greaterOrEquals: 1 } as Condition;

function truthOf(rows: unknown[], name: string, condition: Condition) {
  const { resources } = readSnapshot(JsonDocument.parse('estate.json', JSON.stringify(rows)).doc);
  const set = new ResourceSet(resources);
  const r = set.resources.find((x) => x.name === name)!;
  return evaluateCondition(condition, { resource: r, set, current: [], values: new Map() });
}

describe('relations over types Resource Graph does not hold, in an export of its rows', () => {
  it('are unknown when the export has no row of the type, with the way to know', () => {
    const e = truthOf([vault('kv1')], 'kv1', HAS_DIAGNOSTICS);
    expect(e.truth).toBe('unknown');
    expect(e.reason).toMatch(/Microsoft\.Insights\/diagnosticSettings resources are not in Azure Resource Graph and estate\.json has none.*azready audit/);
  });

  it('are counted when the export has rows of the type (it was made by something that reads them)', () => {
    expect(truthOf([vault('kv1'), diagnostic('kv1'), vault('kv2')], 'kv1', HAS_DIAGNOSTICS).truth).toBe('true');
    expect(truthOf([vault('kv1'), diagnostic('kv1'), vault('kv2')], 'kv2', HAS_DIAGNOSTICS).truth).toBe('false');
  });

  it('are judged per export file: rows of the type in another file say nothing about this one', () => {
    const bare = readSnapshot(JsonDocument.parse('bare.json', JSON.stringify([vault('kv1')])).doc).resources;
    const rich = readSnapshot(JsonDocument.parse('rich.json', JSON.stringify([vault('kv2'), diagnostic('kv2')])).doc).resources;
    const set = new ResourceSet([...bare, ...rich]);
    const truth = (name: string) => evaluateCondition(HAS_DIAGNOSTICS, { resource: set.resources.find((r) => r.name === name)!, set, current: [], values: new Map() }).truth;
    expect(truth('kv1')).toBe('unknown');
    expect(truth('kv2')).toBe('true');
  });

  it('leave types Resource Graph holds alone: no private endpoint in the export is none', () => {
    expect(truthOf([vault('kv1')], 'kv1', HAS_PRIVATE_ENDPOINT).truth).toBe('false');
  });

  it('apply to CSV exports too', () => {
    const { resources } = readCsvSnapshot('estate.csv', `id,name,type,properties\n${RG}/Microsoft.KeyVault/vaults/kv1,kv1,microsoft.keyvault/vaults,{}\n`);
    const set = new ResourceSet(resources);
    expect(evaluateCondition(HAS_DIAGNOSTICS, { resource: set.resources[0], set, current: [], values: new Map() }).truth).toBe('unknown');
  });
});
