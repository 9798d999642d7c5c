import { describe, expect, it } from 'vitest';
import { JsonDocument } from '../../src/arm/json-document.js';
import { classifyDocument } from '../../src/discover/classify-file.js';
import { Progress } from '../../src/live/progress.js';
import { readSnapshot } from '../../src/resource-graph/read-snapshot.js';

const sink = (isTTY: boolean) => {
  const out: string[] = [];
  return { out, stream: { isTTY, write: (t: string) => out.push(t) } };
};

describe('audit progress on stderr', () => {
  it('rewrites one line on a terminal, then prints the count line', () => {
    const { out, stream } = sink(true);
    const p = new Progress(stream, 0);
    p.update('page 1');
    p.update('page 2');
    p.done('azready: audited 2 resources');
    expect(out).toEqual(['\r\x1b[2Kpage 1', '\r\x1b[2Kpage 2', '\r\x1b[2K', 'azready: audited 2 resources\n']);
  });

  it('is quiet in CI except for the count line', () => {
    const { out, stream } = sink(false);
    const p = new Progress(stream, 0);
    p.update('page 1');
    p.done('azready: audited 2 resources');
    expect(out).toEqual(['azready: audited 2 resources\n']);
  });
});

describe('audit snapshots read by scan', () => {
  const header = { formatVersion: 1, tool: 'azready', toolVersion: '0.1.0', collectedAt: '2026-01-01T00:00:00.000Z', endpoint: 'https://management.azure.com', scopes: { subscriptions: ['s'], managementGroups: [], resourceGroups: [] }, query: 'Resources' };
  const kv = '/subscriptions/s/resourceGroups/rg/providers/Microsoft.KeyVault/vaults/kv';

  it('reads rows and extras, unreadable extras as Unknown, without file locations', () => {
    const file = {
      ...header,
      data: [{ id: kv, type: 'microsoft.keyvault/vaults', name: 'kv', kind: '', properties: { enableSoftDelete: true } }],
      extras: [{ id: `${kv}/providers/Microsoft.Insights/diagnosticSettings/(unreadable)`, type: 'Microsoft.Insights/diagnosticSettings', error: { status: 403, code: 'AuthorizationFailed', message: 'no' } }],
      diagnostics: [{ code: 'live/scope-unreadable', severity: 'error', message: 'subscription t: could not be queried' }],
    };
    const { doc } = JsonDocument.parse('estate.json', JSON.stringify(file, null, 2));
    expect(classifyDocument(doc)).toBe('resource-graph-snapshot');
    const { resources, diagnostics } = readSnapshot(doc);
    expect(resources.map((r) => [r.type, r.name, r.origin, r.sourceMap])).toEqual([
      ['Microsoft.KeyVault/vaults', 'kv', 'snapshot', undefined],
      ['Microsoft.Insights/diagnosticSettings', '(unreadable)', 'snapshot', undefined],
    ]);
    expect(resources[1]).toMatchObject({ scope: kv, properties: { reason: 'diagnosticSettings of kv could not be read (403 AuthorizationFailed)' } });
    expect(diagnostics).toEqual([expect.objectContaining({ code: 'live/scope-unreadable', severity: 'error', message: 'recorded by the audit: subscription t: could not be queried' })]);
  });

  it('refuses a newer format', () => {
    const { doc } = JsonDocument.parse('estate.json', JSON.stringify({ ...header, formatVersion: 2, data: [], extras: [] }));
    expect(readSnapshot(doc).diagnostics).toEqual([expect.objectContaining({ code: 'snapshot/unsupported-format', severity: 'error' })]);
  });
});
