// `azready report convert REPORT.json`: re-render a saved JSON report in another format.
import { Args, Command, Flags } from '@oclif/core';
import { writeFailed, writeOutput } from '../../cli/write-output.js';
import { FORMATS, formatOfFile, githubLinkBase, renderReport, type FormatName } from '../../formatters/render-report.js';
import { useColor } from '../../formatters/style.js';
import { readReport } from '../../report/read-report.js';

export default class ReportConvert extends Command {
  static override summary = 'Render a saved JSON report as console, markdown, html, sarif, junit or csv.';
  static override description = `The report is checked against reports/schema/report.schema.json first. Paths in the output are relative to the current folder, as in azready scan.

Exit codes: 0 ok; 2 the file is missing, not JSON or not an azready report.`;
  static override examples = [
    '<%= config.bin %> report convert report.json --format html --output report.html',
    '<%= config.bin %> report convert report.json --format markdown >> "$GITHUB_STEP_SUMMARY"',
  ];
  static override args = { report: Args.string({ description: 'a report written by azready scan --format json', required: true }) };
  static override flags = {
    format: Flags.string({ char: 'f', options: [...FORMATS], description: 'output format (default: the one --output names by its extension, .sarif, .json, .md, .html, .xml or .csv, else console)' }),
    output: Flags.string({ char: 'o', description: 'write to this file instead of stdout' }),
  };

  async run(): Promise<void> {
    const { args, flags } = await this.parse(ReportConvert);
    const read = readReport(args.report);
    if (!read.ok) {
      process.stderr.write(`azready: ${read.message}\n`);
      process.exitCode = 2;
      return;
    }
    const format = (flags.format ?? ((flags.output && formatOfFile(flags.output)) || 'console')) as FormatName;
    const text = renderReport(read.report, format, {
      cwd: process.cwd(),
      color: !flags.output && useColor(process.stdout),
      linkBase: githubLinkBase(),
    });
    writeFailed(writeOutput(text, flags.output));
  }
}
