// CSV for auditors' spreadsheets: one row per result, RFC 4180 quoting and CRLF line ends, with
// cells that a spreadsheet would read as a formula (= + - @, tab, CR) prefixed by an apostrophe.
import { resultReason } from '../engine/result.js';
import type { Report } from '../report/report.js';
import { evidenceText } from './evidence-text.js';
import { relativeParameters, relativePath } from './relative-path.js';

export interface CsvOptions {
  /** Paths are shown relative to this folder. */
  cwd?: string;
}

export const CSV_COLUMNS = [
  'ruleId', 'outcome', 'severity', 'pillar', 'resourceId', 'resourceType', 'resourceName', 'message',
  'evidencePath', 'evidenceActual', 'file', 'line', 'column', 'reason', 'parameters',
] as const;

export function formatCsv(report: Report, options: CsvOptions = {}): string {
  const rows: string[] = [CSV_COLUMNS.join(',')];
  for (const r of report.results) {
    const cells = [
      r.ruleId, r.outcome, r.severity, r.pillar, r.resource.id, r.resource.type, r.resource.name, r.message,
      r.evidence?.path ?? '', r.evidence ? evidenceText(r.evidence.actual) : '',
      r.location ? relativePath(r.location.file, options.cwd) : '', r.location?.startLine ?? '', r.location?.startColumn ?? '',
      resultReason(r) ?? '', r.resource.parameters !== undefined ? relativeParameters(r.resource.parameters, options.cwd) : '',
    ];
    rows.push(cells.map((c) => csvCell(String(c))).join(','));
  }
  return rows.join('\r\n') + '\r\n';
}

/** One RFC 4180 field, neutralised against formula injection (OWASP: = + - @ tab CR). */
export function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}
