// Progress over saved reports: ordered by date, with what each fixed and broke since the last.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatTrendConsole, formatTrendMarkdown } from '../../src/formatters/trend-format.js';
import { reportTrend } from '../../src/report/report-trend.js';
import type { Report } from '../../src/report/report.js';
import { runCli } from '../cli/run-cli.js';
import { e2eReport } from '../formatters/fixed-report.js';

const at = (r: Report, generatedAt: string): Report => ({ ...r, generatedAt });
const week1 = at(e2eReport('full'), '2026-01-01T09:00:00.000Z');
const week2 = at(e2eReport('mixed'), '2026-01-08T09:00:00.000Z');

describe('reportTrend', () => {
  it('orders the reports by date and counts what each fixed since the one before', () => {
    const trend = reportTrend([{ file: 'b.json', report: week2 }, { file: 'a.json', report: week1 }]);
    expect(trend.points.map((p) => p.file)).toEqual(['a.json', 'b.json']);
    expect(trend.points[0]).not.toHaveProperty('fixed');
    // The mixed report suppresses one failure and turns one pass unverified.
    expect(trend.points[1]).toMatchObject({ fixed: 1, new: 0, failed: week1.summary.counts.fail - 1 });
    expect(trend.change).toBe(Math.round(((week2.summary.score ?? 0) - (week1.summary.score ?? 0)) * 10) / 10);
    expect(trend.mixedProfiles).toBe(false);
  });

  it('renders a line per report, oldest first, in console and markdown', () => {
    const trend = reportTrend([{ file: 'a.json', report: week1 }, { file: 'b.json', report: week2 }]);
    const text = formatTrendConsole(trend);
    expect(text.split('\n')[0]).toMatch(/^2 reports from 2026-01-01 09:00 to 2026-01-08 09:00: score /);
    expect(text).toMatch(/\n2026-01-01 09:00 .* a\.json\n2026-01-08 09:00 .* b\.json\n$/);
    expect(formatTrendMarkdown(trend)).toContain('| 2026-01-08 09:00 |');
  });

  it('shows "–" as the coverage of a run where nothing was checked, as the reports do', () => {
    const empty = at(e2eReport('full'), '2026-01-15T09:00:00.000Z');
    empty.results = [];
    empty.summary = { ...empty.summary, score: null, level: 'unverified', coverage: 1, counts: { pass: 0, fail: 0, unknown: 0, suppressed: 0, notApplicable: 0 } };
    const trend = reportTrend([{ file: 'a.json', report: week1 }, { file: 'c.json', report: empty }]);
    const lines = formatTrendConsole(trend).split('\n');
    expect(lines.find((l) => l.endsWith('a.json'))).toMatch(/ 100% /);
    expect(lines.find((l) => l.endsWith('c.json'))).toMatch(/^2026-01-15 09:00 {2}– +unverified +– /);
    expect(formatTrendMarkdown(trend)).toContain('| 2026-01-15 09:00 | – | unverified | – |');
  });

  it('warns when the reports were scored with different profiles', () => {
    const other = { ...week2, profile: { ...week2.profile, name: 'data-lakehouse' } };
    const trend = reportTrend([{ file: 'a.json', report: week1 }, { file: 'b.json', report: other }]);
    expect(trend.mixedProfiles).toBe(true);
    expect(formatTrendConsole(trend)).toContain('different profiles');
  });
});

describe('azready report trend', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'azready-trend-'));
  writeFileSync(path.join(dir, 'week1.json'), JSON.stringify(week1));
  writeFileSync(path.join(dir, 'week2.json'), JSON.stringify(week2));
  writeFileSync(path.join(dir, 'package.json'), '{"name":"not-a-report"}');

  it('reads a folder of reports, skipping other JSON files with a note', () => {
    const r = runCli(['report', 'trend', dir, '--format', 'json']);
    expect(r.status).toBe(0);
    expect((JSON.parse(r.stdout) as { points: { file: string }[] }).points.map((p) => path.basename(p.file))).toEqual(['week1.json', 'week2.json']);
    expect(r.stderr).toContain('skipped');
    expect(r.stderr).toContain('package.json');
  });

  it('exits 2 naming a file that is not a report', () => {
    const r = runCli(['report', 'trend', path.join(dir, 'week1.json'), path.join(dir, 'package.json')]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('package.json: not an azready report');
  });
});
