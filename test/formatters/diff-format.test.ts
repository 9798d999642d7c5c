import { describe, it } from 'vitest';
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
});
