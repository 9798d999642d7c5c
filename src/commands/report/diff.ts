// `azready report diff BEFORE.json AFTER.json`: what a change fixed, broke and left failing.
import { Args, Command, Flags } from '@oclif/core';
import { summaryFormatOfFile } from '../../cli/report-output.js';
import { writeFailed, writeOutput } from '../../cli/write-output.js';
import { formatDiffConsole, formatDiffMarkdown } from '../../formatters/diff-format.js';
import { diffReports } from '../../report/diff-reports.js';
import { readReport } from '../../report/read-report.js';

export default class ReportDiff extends Command {
  static override summary = 'Compare two saved JSON reports: fixed, new and still-failing results, and the score change.';
  static override description = `Results are matched by rule id and resource id. A failure is "fixed" when the later report no longer fails it (it passes, is unverified, or the resource is gone: the output says which).

Exit codes: 0 ok; 2 a file is missing, not JSON or not an azready report.`;
  static override examples = [
    '<%= config.bin %> report diff main.json pr.json',
    '<%= config.bin %> report diff main.json pr.json --format markdown > diff.md',
  ];
  static override args = {
    before: Args.string({ description: 'the earlier report (azready scan --format json)', required: true }),
    after: Args.string({ description: 'the later report', required: true }),
  };
  static override flags = {
    format: Flags.string({ char: 'f', options: ['console', 'markdown', 'json'], description: 'output format (default: markdown or json when --output ends in .md or .json, else console)' }),
    output: Flags.string({ char: 'o', description: 'write to this file instead of stdout' }),
  };

  async run(): Promise<void> {
    const { args, flags } = await this.parse(ReportDiff);
    const before = readReport(args.before);
    const after = readReport(args.after);
    const problems = [before, after].filter((r) => !r.ok).map((r) => (r.ok ? '' : r.message));
    if (!before.ok || !after.ok) {
      for (const m of problems) process.stderr.write(`azready: ${m}\n`);
      process.exitCode = 2;
      return;
    }
    // Swapped arguments turn every fix into a new failure: say so rather than guess.
    if (before.report.generatedAt > after.report.generatedAt) {
      process.stderr.write(`azready: note: ${args.before} (${before.report.generatedAt}) was generated after ${args.after} (${after.report.generatedAt}); report diff takes the earlier report first, so "fixed" and "new" may be swapped\n`);
    }
    const diff = diffReports(before.report, after.report);
    const options = { cwd: process.cwd() };
    const format = flags.format ?? summaryFormatOfFile(flags.output);
    const text = format === 'json' ? JSON.stringify(diff, null, 2) + '\n' : format === 'markdown' ? formatDiffMarkdown(diff, options) : formatDiffConsole(diff, options);
    writeFailed(writeOutput(text, flags.output));
  }
}
