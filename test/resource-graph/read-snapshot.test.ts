import { describe, expect, it } from 'vitest';
import { JsonDocument } from '../../src/arm/json-document.js';
import { classifyDocument } from '../../src/discover/classify-file.js';
import { parseResourceId } from '../../src/resource-graph/normalize-row.js';
import { readSnapshot } from '../../src/resource-graph/read-snapshot.js';

const SUB = '/subscriptions/11111111-1111-1111-1111-111111111111/resourceGroups/prod';
const rows = [
  { id: `${SUB}/providers/Microsoft.Storage/storageAccounts/st1`, name: 'st1', type: 'microsoft.storage/storageaccounts', kind: 'StorageV2', managedBy: '', plan: {}, tags: {}, sku: { name: 'Standard_LRS' }, location: 'westeurope', properties: { minimumTlsVersion: 'TLS1_2' } },
  { id: `${SUB}/providers/Microsoft.Storage/storageAccounts/st1/blobServices/default`, name: 'default', type: 'microsoft.storage/storageaccounts/blobservices', properties: {} },
  { id: `${SUB}/providers/Microsoft.KeyVault/vaults/kv/providers/Microsoft.Insights/diagnosticSettings/d`, name: 'd', type: 'microsoft.insights/diagnosticsettings', properties: { workspaceId: '/w' } },
];

describe('Resource Graph snapshots', () => {
  it.each([
    ['a bare array', rows],
    ['az graph query output', { totalRecords: 3, count: 3, data: rows }],
  ])('reads %s', (_name, content) => {
    const { doc } = JsonDocument.parse('snap.json', JSON.stringify(content, null, 2));
    expect(classifyDocument(doc)).toBe('resource-graph-snapshot');
    const { resources, diagnostics } = readSnapshot(doc);
    expect(diagnostics).toEqual([]);
    expect(resources.map((r) => [r.type, r.name])).toEqual([
      ['Microsoft.Storage/storageAccounts', 'st1'],
      ['Microsoft.Storage/storageAccounts/blobServices', 'st1/default'],
      ['Microsoft.Insights/diagnosticSettings', 'd'],
    ]);
    expect(resources[0]).not.toHaveProperty('plan');
    expect(resources[0]).not.toHaveProperty('tags');
    expect(resources[0]).toMatchObject({ origin: 'snapshot', kind: 'StorageV2', sku: { name: 'Standard_LRS' } });
    expect(resources[2].scope).toBe(`${SUB}/providers/Microsoft.KeyVault/vaults/kv`);
    expect(resources[0].sourceMap?.rangeOf('properties.minimumTlsVersion')?.startLine).toBeGreaterThan(1);
  });

  it('reports rows without an id at their position', () => {
    const { doc } = JsonDocument.parse('snap.json', JSON.stringify([rows[0], { name: 'x', type: 't' }], null, 2));
    const { resources, diagnostics } = readSnapshot(doc);
    expect(resources).toHaveLength(1);
    expect(diagnostics[0]).toMatchObject({ code: 'snapshot/invalid-row', location: { file: 'snap.json' } });
  });

  it('reads what a query projected away (no properties column) as unknown, not absent, and says so once', () => {
    const projected = [
      { id: `${SUB}/providers/Microsoft.Storage/storageAccounts/st2`, name: 'st2', type: 'microsoft.storage/storageaccounts', location: 'westeurope' },
      { id: `${SUB}/providers/Microsoft.Storage/storageAccounts/st3`, name: 'st3', type: 'microsoft.storage/storageaccounts', sku: null },
    ];
    const { doc } = JsonDocument.parse('projected.json', JSON.stringify(projected, null, 2));
    const { resources, diagnostics } = readSnapshot(doc);
    expect(resources[0].location).toBe('westeurope');
    expect(resources[0].properties).toMatchObject({ kind: 'unknown', reason: 'the snapshot has no "properties" column: its query projected it away' });
    expect(resources[0].sku).toMatchObject({ kind: 'unknown' });
    // A column the query kept, even empty, is what Azure holds.
    expect(resources[1]).not.toHaveProperty('sku');
    expect(resources[1].location).toMatchObject({ kind: 'unknown' });
    expect(diagnostics.map((d) => [d.code, d.severity, d.location?.startLine])).toEqual([['snapshot/projected-columns', 'warning', 2]]);
  });

  it('reads az resource list output (properties null for every resource) with unknown properties, and says how to export them', () => {
    const listed = [{ id: `${SUB}/providers/Microsoft.Storage/storageAccounts/st4`, name: 'st4', type: 'Microsoft.Storage/storageAccounts', location: 'westeurope', kind: 'StorageV2', sku: { name: 'Standard_LRS', tier: 'Standard' }, properties: null, provisioningState: 'Succeeded', createdTime: '2024-01-01T00:00:00Z', changedTime: '2024-01-02T00:00:00Z', tags: null }];
    const { doc } = JsonDocument.parse('list.json', JSON.stringify(listed, null, 2));
    const { resources, diagnostics } = readSnapshot(doc);
    expect(resources[0].sku).toEqual({ name: 'Standard_LRS', tier: 'Standard' });
    expect(resources[0].properties).toMatchObject({ kind: 'unknown', reason: 'az resource list does not export resource properties' });
    expect(diagnostics.map((d) => d.code)).toEqual(['snapshot/no-properties']);
    expect(diagnostics[0].message).toContain('az graph query');
  });

  it('splits ids into type, full name and extension scope', () => {
    expect(parseResourceId(`${SUB}/providers/Microsoft.Sql/servers/s/databases/db`)).toEqual({ type: 'Microsoft.Sql/servers/databases', name: 's/db' });
    expect(parseResourceId(SUB)).toEqual({ type: 'Microsoft.Resources/resourceGroups', name: 'prod' });
  });
});

describe('snapshots exported with PowerShell ConvertTo-Json at its default depth', () => {
  const truncated = [{
    id: `${SUB}/providers/Microsoft.Storage/storageAccounts/st1`, name: 'st1', type: 'microsoft.storage/storageaccounts', location: 'westeurope',
    sku: '@{name=Standard_LRS; tier=Standard}',
    properties: { minimumTlsVersion: 'TLS1_2', networkAcls: '@{bypass=AzureServices; defaultAction=Deny; ipRules=System.Object[]}', ipList: ['System.Object[]'] },
  }];
  const { doc } = JsonDocument.parse('ps.json', JSON.stringify(truncated, null, 2));
  const { resources, diagnostics } = readSnapshot(doc);

  it('turns each cut-off value into an unknown that says how to export again, keeping the rest', () => {
    const r = resources[0];
    expect(r.properties).toMatchObject({ minimumTlsVersion: 'TLS1_2', networkAcls: { kind: 'unknown', reason: expect.stringContaining('ConvertTo-Json -Depth 100') } });
    expect(r.sku).toMatchObject({ kind: 'unknown', reason: expect.stringContaining('sku is PowerShell text') });
    expect((r.properties as { ipList: unknown[] }).ipList[0]).toMatchObject({ kind: 'unknown' });
  });

  it('recognises a cut-off array of objects or arrays: its elements\' type names joined by spaces', () => {
    const row = { ...truncated[0], sku: { name: 'Standard_LRS' }, properties: { a: 'System.Object[] System.Object[]', b: 'System.Collections.Hashtable System.Collections.Hashtable', c: 'System.Object[] and more' } };
    const read = readSnapshot(JsonDocument.parse('ps2.json', JSON.stringify([row])).doc);
    expect(read.resources[0].properties).toMatchObject({ a: { kind: 'unknown' }, b: { kind: 'unknown' }, c: 'System.Object[] and more' });
    expect(read.diagnostics[0].message).toContain('properties.a, properties.b)');
  });

  it('reports the file once, at the first cut-off row', () => {
    expect(diagnostics).toEqual([expect.objectContaining({ code: 'snapshot/truncated-values', severity: 'error', location: expect.objectContaining({ file: 'ps.json', startLine: 2 }) })]);
    expect(diagnostics[0].message).toContain('sku, properties.networkAcls');
  });
});

describe('az graph query output with more pages than exported', () => {
  it('warns that the estate is partial', () => {
    const { doc } = JsonDocument.parse('page1.json', JSON.stringify({ count: 3, data: rows, skip_token: 'ew0KICAiJGlkIjogIjEiLA0K', total_records: 2500 }, null, 2));
    const { resources, diagnostics } = readSnapshot(doc);
    expect(resources).toHaveLength(3);
    expect(diagnostics).toEqual([expect.objectContaining({ code: 'snapshot/partial', severity: 'warning', message: expect.stringContaining('holds 3 of 2500 rows') })]);
  });

  it('reads the SkipToken of a PowerShell Search-AzGraph response too', () => {
    const { doc } = JsonDocument.parse('ps-page.json', JSON.stringify({ Data: rows, SkipToken: 'ew0KICAiJGlkIjogIjEiLA0K', Count: 3 }));
    const { resources, diagnostics } = readSnapshot(doc);
    expect(resources).toHaveLength(3);
    expect(diagnostics).toEqual([expect.objectContaining({ code: 'snapshot/partial', message: expect.stringContaining('holds 3 rows and a skip token') })]);
  });

  it('says nothing when every row is there', () => {
    const { doc } = JsonDocument.parse('all.json', JSON.stringify({ count: 3, data: rows, skip_token: null, total_records: 3 }));
    expect(readSnapshot(doc).diagnostics).toEqual([]);
  });
});

describe('PowerShell Get-AzResource exports (and PSRule Export-AzRuleData)', () => {
  const vault = `${SUB}/providers/Microsoft.KeyVault/vaults/kv-a`;
  const psRow = (extra: Record<string, unknown>) => ({ ResourceId: vault, Id: vault, Name: 'kv-a', ResourceName: 'kv-a', ResourceType: 'Microsoft.KeyVault/vaults', Type: 'Microsoft.KeyVault/vaults', Kind: null, Location: 'westeurope', Sku: null, Tags: { env: 'prod' }, Identity: null, ResourceGroupName: 'prod', ...extra });

  it('reads PascalCase rows, and the sub-resources nested under resources with their own type', () => {
    const diag = `${SUB.toLowerCase()}/providers/microsoft.keyvault/vaults/kv-a/providers/microsoft.insights/diagnosticSettings/monitor`;
    const rowsIn = [psRow({ Properties: { enablePurgeProtection: false }, resources: [{ ResourceId: diag, Id: diag, Name: 'monitor', Properties: { workspaceId: '/w' }, Type: 'microsoft.keyvault/vaults', ResourceType: 'microsoft.keyvault/vaults', ExtensionResourceType: 'microsoft.insights/diagnosticSettings' }] })];
    const text = JSON.stringify(rowsIn, null, 2);
    const { doc } = JsonDocument.parse('ps.json', text);
    expect(classifyDocument(doc)).toBe('resource-graph-snapshot');
    const { resources, diagnostics } = readSnapshot(doc);
    expect(diagnostics).toEqual([]);
    expect(resources.map((r) => [r.type, r.name, r.scope ?? ''])).toEqual([
      ['Microsoft.KeyVault/vaults', 'kv-a', ''],
      // Get-AzResource names the extended resource's type in ResourceType; the id says what it is.
      ['Microsoft.Insights/diagnosticSettings', 'monitor', `${SUB.toLowerCase()}/providers/microsoft.keyvault/vaults/kv-a`],
    ]);
    expect(resources[0]).toMatchObject({ location: 'westeurope', tags: { env: 'prod' }, properties: { enablePurgeProtection: false } });
    expect(resources[0]).not.toHaveProperty('sku');
    expect(resources[0].sourceMap?.rangeOf('properties.enablePurgeProtection')).toMatchObject({ file: 'ps.json', startLine: text.split('\n').findIndex((l) => l.includes('"enablePurgeProtection"')) + 1 });
  });

  it('leaves properties unverified, with a warning, for rows exported without -ExpandProperties', () => {
    const { doc } = JsonDocument.parse('ps.json', JSON.stringify([psRow({ Properties: null })]));
    const { resources, diagnostics } = readSnapshot(doc);
    expect(resources[0].properties).toMatchObject({ kind: 'unknown' });
    expect(diagnostics).toEqual([expect.objectContaining({ code: 'snapshot/no-properties', severity: 'warning', message: expect.stringMatching(/-ExpandProperties/) })]);
  });
});
