import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readReport } from '../../src/report/read-report.js';
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
});
