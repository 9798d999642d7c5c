import { describe, expect, it } from 'vitest';
import { formatDiffConsole, formatDiffMarkdown } from '../../src/formatters/diff-format.js';
import { diffReports } from '../../src/report/diff-reports.js';
import { e2eReport } from './fixed-report.js';
import { expectGolden } from './golden.js';

describe('report diff formats', () => {
  it('match the golden files', () => {
    // full → mixed: one failure suppressed (fixed, "now suppressed"), the rest still failing, scores change.
    const diff = diffReports(e2eReport('full'), e2eReport('mixed'));
    expectGolden('diff.console.txt', formatDiffConsole(diff, { cwd: process.cwd() }));
    expectGolden('diff.md', formatDiffMarkdown(diff, { cwd: process.cwd() }));
  });

  it('say so when the two reports use different profiles', () => {
    const after = e2eReport('mixed');
    after.profile = { ...after.profile, name: 'data-lakehouse' };
    const diff = diffReports(e2eReport('full'), after);
    const note = 'The reports use different profiles (e2e → data-lakehouse): their scores weigh different rules, and failures of rules only one profile selects show as fixed or new.';
    expect(formatDiffConsole(diff).split('\n')[1]).toBe(note);
    expect(formatDiffMarkdown(diff)).toContain(`> ${note}\n`);
    expect(formatDiffConsole(diffReports(e2eReport('full'), e2eReport('mixed')))).not.toContain('different profiles');
  });
});
