// `azready report trend REPORT... | FOLDER`: progress over many saved reports, oldest first.
import path from 'node:path';
import { Command, Flags } from '@oclif/core';
import { summaryFormatOfFile } from '../../cli/report-output.js';
import { writeFailed, writeOutput } from '../../cli/write-output.js';
import { isFolder, jsonFilesUnder } from '../../core/file-system.js';
import { formatTrendConsole, formatTrendMarkdown } from '../../formatters/trend-format.js';
import { readReport } from '../../report/read-report.js';
import type { Report } from '../../report/report.js';
import { reportTrend } from '../../report/report-trend.js';

export default class ReportTrend extends Command {
  static override summary = 'Show the progress over saved JSON reports: score, level, coverage and pillars of each, oldest first.';
  static override description = `Give report files, or folders of them (every .json file there or in a subfolder that is an azready report, such as one --output-dir per run; other JSON files are skipped with a note). Reports are ordered by when they were generated; "fixed" and "new" count the failures each one fixed or added since the one before, matched as report diff matches them.

Exit codes: 0 ok; 2 a named file is missing, not JSON or not an azready report, or no report was found.`;
  static override examples = [
    '<%= config.bin %> report trend reports/',
    '<%= config.bin %> report trend week1.json week2.json week3.json --format markdown > progress.md',
  ];
  static override strict = false;
  static override flags = {
    format: Flags.string({ char: 'f', options: ['console', 'markdown', 'json'], description: 'output format (default: markdown or json when --output ends in .md or .json, else console)' }),
    output: Flags.string({ char: 'o', description: 'write to this file instead of stdout' }),
  };

  async run(): Promise<void> {
    const { argv, flags } = await this.parse(ReportTrend);
    const paths = argv as string[];
    if (!paths.length) {
      process.stderr.write('azready: give the saved reports (azready scan --format json --output FILE), or a folder of them\n');
      process.exitCode = 2;
      return;
    }
    const reports: { file: string; report: Report }[] = [];
    // A report named directly and through its folder counts once.
    const seen = new Set<string>();
    const fresh = (file: string) => !seen.has(path.resolve(file)) && !!seen.add(path.resolve(file));
    let failed = false;
    for (const p of paths) {
      if (isFolder(p)) {
        for (const file of jsonFilesUnder(p)) {
          if (!fresh(file)) continue;
          const read = readReport(file);
          if (read.ok) reports.push({ file, report: read.report });
          else process.stderr.write(`azready: skipped ${file}: not an azready report\n`);
        }
        continue;
      }
      if (!fresh(p)) continue;
      const read = readReport(p);
      if (read.ok) reports.push({ file: p, report: read.report });
      else {
        process.stderr.write(`azready: ${read.message}\n`);
        failed = true;
      }
    }
    if (failed || !reports.length) {
      if (!reports.length && !failed) process.stderr.write(`azready: no azready report found in ${paths.join(', ')}\n`);
      process.exitCode = 2;
      return;
    }
    const trend = reportTrend(reports);
    const options = { cwd: process.cwd() };
    const format = flags.format ?? summaryFormatOfFile(flags.output);
    const text = format === 'json' ? JSON.stringify(trend, null, 2) + '\n' : format === 'markdown' ? formatTrendMarkdown(trend, options) : formatTrendConsole(trend, options);
    writeFailed(writeOutput(text, flags.output));
  }
}
