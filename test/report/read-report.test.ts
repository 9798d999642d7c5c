import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatSarif } from '../../src/formatters/sarif-format.js';
import { diffReports } from '../../src/report/diff-reports.js';
import { readReport } from '../../src/report/read-report.js';
import { reportTrend } from '../../src/report/report-trend.js';
import { e2eReport } from '../formatters/fixed-report.js';

const dir = mkdtempSync(path.join(tmpdir(), 'azready-read-'));
const write = (name: string, text: string) => {
  const file = path.join(dir, name);
  writeFileSync(file, text);
  return file;
};

describe('readReport', () => {
  it('reads a report the scan wrote', () => {
    const r = readReport(write('ok.json', JSON.stringify(e2eReport())));
    expect(r.ok && r.report.summary.score).toBe(47.2);
  });

  it('says why a file is not a report', () => {
    expect(readReport(path.join(dir, 'missing.json'))).toEqual({ ok: false, message: expect.stringMatching(/missing\.json: cannot read the file \(ENOENT\)/) });
    expect(readReport(write('bad.json', '{ nope'))).toEqual({ ok: false, message: expect.stringMatching(/bad\.json: not JSON/) });
    const broken = { ...e2eReport(), summary: undefined, schemaVersion: '9' };
    const r = readReport(write('other.json', JSON.stringify(broken)));
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.message).toContain('not an azready report (reports/schema/report.schema.json)');
      expect(r.message).toContain("/ must have required property 'summary'");
      expect(r.message).toContain('/schemaVersion must be equal to constant');
    }
  });

  it('names the azready output given in place of the JSON report (a SARIF log for --baseline)', () => {
    const sarif = write('azready.sarif', formatSarif(e2eReport()));
    expect(readReport(sarif)).toEqual({ ok: false, message: `${sarif}: a SARIF 2.1.0 log, not an azready report; give the JSON report (azready scan --format json --output FILE)` });
    const diff = write('diff.json', JSON.stringify(diffReports(e2eReport(), e2eReport())));
    expect(readReport(diff)).toMatchObject({ ok: false, message: expect.stringContaining('diff.json: the output of azready report diff, not an azready report') });
    const trend = write('trend.json', JSON.stringify(reportTrend([{ file: 'a.json', report: e2eReport() }])));
    expect(readReport(trend)).toMatchObject({ ok: false, message: expect.stringContaining('trend.json: the output of azready report trend, not an azready report') });
  });
});
