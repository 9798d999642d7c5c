import { describe, expect, it } from 'vitest';
import { readCsvSnapshot } from '../../src/resource-graph/read-csv-snapshot.js';

const SUB = '/subscriptions/11111111-1111-1111-1111-111111111111/resourceGroups/prod';
const HEADER = 'id,name,type,tenantId,kind,location,resourceGroup,subscriptionId,managedBy,sku,plan,properties,tags,identity,zones,extendedLocation';
/** A cell as Resource Graph Explorer writes a JSON column: quoted, quotes doubled. */
const json = (v: unknown) => `"${JSON.stringify(v).replaceAll('"', '""')}"`;

describe('Resource Graph CSV exports', () => {
  it('reads rows as resources, JSON columns parsed, each value located in its cell', () => {
    const row = [`${SUB}/providers/Microsoft.Storage/storageAccounts/st1`, 'st1', 'microsoft.storage/storageaccounts', 't', 'StorageV2', 'westeurope', 'prod', 's', '', json({ name: 'Standard_LRS' }), '', json({ minimumTlsVersion: 'TLS1_0', networkAcls: { defaultAction: 'Allow' } }), '', '', '', ''];
    const text = `${HEADER}\r\n${row.join(',')}\r\n`;
    const { resources, diagnostics } = readCsvSnapshot('export.csv', text);
    expect(diagnostics).toEqual([]);
    expect(resources).toHaveLength(1);
    const r = resources[0];
    expect(r).toMatchObject({ type: 'Microsoft.Storage/storageAccounts', name: 'st1', kind: 'StorageV2', location: 'westeurope', sku: { name: 'Standard_LRS' }, properties: { minimumTlsVersion: 'TLS1_0', networkAcls: { defaultAction: 'Allow' } }, origin: 'snapshot', file: 'export.csv' });
    // Empty columns stay absent, as in a JSON export.
    expect(r).not.toHaveProperty('tags');
    expect(r).not.toHaveProperty('identity');
    const at = r.sourceMap!.rangeOf('properties.minimumTlsVersion')!;
    const line = text.split('\r\n')[1];
    expect(at).toMatchObject({ file: 'export.csv', startLine: 2 });
    // The range is that of the JSON value inside the cell ("TLS1_0" with its doubled quotes).
    expect(line.slice(at.startColumn - 1, at.endColumn - 1)).toBe('""TLS1_0""');
    expect(r.sourceMap!.rangeOf('')).toMatchObject({ startLine: 2, startColumn: 1 });
  });

  it('reports a JSON cell that a spreadsheet cut or broke, at the cell, and leaves that column unknown', () => {
    const row = [`${SUB}/providers/Microsoft.KeyVault/vaults/kv`, 'kv', 'microsoft.keyvault/vaults', '', '', 'westeurope', '', '', '', '', '', '"{""enableSoftDelete"":tr"', '', '', '', ''];
    const { resources, diagnostics } = readCsvSnapshot('cut.csv', `${HEADER}\n${row.join(',')}\n`);
    expect(diagnostics).toEqual([expect.objectContaining({ code: 'snapshot/invalid-cell', severity: 'error', message: expect.stringMatching(/the properties cell is not valid JSON .*32,767/), location: expect.objectContaining({ file: 'cut.csv', startLine: 2 }) })]);
    expect(resources[0].properties).toMatchObject({ kind: 'unknown' });
  });

  it('reports rows whose cell count does not match the header', () => {
    const { resources, diagnostics } = readCsvSnapshot('bad.csv', `id,type,properties\n${SUB}/providers/Microsoft.Web/sites/a,microsoft.web/sites,{},extra\n`);
    expect(resources).toEqual([]);
    expect(diagnostics).toEqual([expect.objectContaining({ code: 'snapshot/invalid-row', message: expect.stringMatching(/4 cells but the header names 3 columns/), location: expect.objectContaining({ startLine: 2, startColumn: 1 }) })]);
  });

  it('reads headers in any case and semicolon-separated files a spreadsheet saved again', () => {
    const { resources, diagnostics } = readCsvSnapshot('semi.csv', `ID;Name;Type;Properties\n${SUB}/providers/Microsoft.Web/sites/a;a;microsoft.web/sites;${json({ httpsOnly: true })}\n`);
    expect(diagnostics).toEqual([]);
    expect(resources[0]).toMatchObject({ type: 'Microsoft.Web/sites', properties: { httpsOnly: true } });
  });

  it('leaves what a projected query dropped unverified, with a warning', () => {
    const { resources, diagnostics } = readCsvSnapshot('proj.csv', `id,name,type,location\n${SUB}/providers/Microsoft.Web/sites/a,a,microsoft.web/sites,westeurope\n`);
    expect(resources[0].properties).toMatchObject({ kind: 'unknown' });
    expect(resources[0].location).toBe('westeurope');
    expect(diagnostics).toEqual([expect.objectContaining({ code: 'snapshot/projected-columns', severity: 'warning' })]);
  });
});
