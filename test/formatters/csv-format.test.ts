import { describe, expect, it } from 'vitest';
import { CSV_COLUMNS, formatCsv } from '../../src/formatters/csv-format.js';
import { e2eReport } from './fixed-report.js';

/** A strict RFC 4180 reader: quoted fields, doubled quotes, CRLF records. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let i = 0;
  let quoted = false;
  while (i < text.length) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') { cell += '"'; i += 2; continue; }
      if (ch === '"') { quoted = false; i++; continue; }
      cell += ch; i++; continue;
    }
    if (ch === '"' && cell === '') { quoted = true; i++; continue; }
    if (ch === ',') { row.push(cell); cell = ''; i++; continue; }
    if (ch === '\r' && text[i + 1] === '\n') { row.push(cell); rows.push(row); row = []; cell = ''; i += 2; continue; }
    if (ch === '"' || ch === '\n' || ch === '\r') throw new Error(`bare ${JSON.stringify(ch)} at ${i}`);
    cell += ch; i++;
  }
  if (cell !== '' || row.length) throw new Error('last record lacks CRLF');
  return rows;
}

describe('csv format', () => {
  it('has a header and one row per result that parse back', () => {
    const report = e2eReport('mixed');
    const rows = parseCsv(formatCsv(report));
    expect(rows[0]).toEqual([...CSV_COLUMNS]);
    expect(rows.length).toBe(report.results.length + 1);
    const records = rows.slice(1).map((r) => Object.fromEntries(CSV_COLUMNS.map((c, i) => [c, r[i]])));
    expect(records.every((r) => Object.keys(r).length === CSV_COLUMNS.length)).toBe(true);
    expect(records.find((r) => r.ruleId === 'e2e/tls' && r.resourceName === 'contosolake')).toMatchObject({
      outcome: 'fail', severity: 'high', pillar: 'security', resourceType: 'Microsoft.Storage/storageAccounts',
      message: 'Storage accounts require TLS 1.2 or newer: contosolake: properties.minimumTlsVersion is "TLS1_0"',
      evidencePath: 'properties.minimumTlsVersion', evidenceActual: 'TLS1_0',
      file: 'test/fixtures/e2e/inputs/storage.json', line: '18', column: '9', reason: '',
    });
    expect(records.find((r) => r.outcome === 'unknown')?.reason).toMatch(/known only after deployment/);
  });

  it('quotes separators and line breaks, and neutralises formulas', () => {
    const r = e2eReport();
    r.results = [
      { ...r.results[0], message: '=HYPERLINK("http://evil","x")', resource: { ...r.results[0].resource, name: '+cmd|x' }, reason: 'a,b\r\nc' },
      { ...r.results[1], message: '@SUM(1)', resource: { ...r.results[1].resource, name: '-2+3' }, evidence: { path: 'p', actual: { a: [1, 'x,y'] } } },
    ];
    const rows = parseCsv(formatCsv(r)).slice(1);
    expect(rows[0][7]).toBe(`'=HYPERLINK("http://evil","x")`);
    expect(rows[0][6]).toBe("'+cmd|x");
    expect(rows[0][13]).toBe('a,b\r\nc');
    expect(rows[1][7]).toBe("'@SUM(1)");
    expect(rows[1][6]).toBe("'-2+3");
    expect(rows[1][9]).toBe('{"a":[1,"x,y"]}');
  });
});
