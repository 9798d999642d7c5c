// The report flags `scan` and `audit` share (--format repeatable, --output, --output-dir) and the
// writing of the chosen formats, so the two commands cannot drift apart.
import path from 'node:path';
import { Flags } from '@oclif/core';
import { FORMAT_EXTENSIONS, FORMATS, formatOfFile, githubLinkBase, renderReport, type FormatName } from '../formatters/render-report.js';
import { useColor } from '../formatters/style.js';
import type { Report } from '../report/report.js';
import { writeFailed, writeOutput } from './write-output.js';

export const reportOutputFlags = {
  format: Flags.string({ char: 'f', options: [...FORMATS], multiple: true, multipleNonGreedy: true, delimiter: ',', description: 'report format (default: the one --output names by its extension, .sarif, .json, .md, .html, .xml or .csv, else console); repeat it (or separate with commas) to write several with --output-dir' }),
  output: Flags.string({ char: 'o', description: 'write the report (one format) to this file instead of stdout', exclusive: ['output-dir'] }),
  'output-dir': Flags.string({ description: 'write each format to DIR/azready.<ext>', helpValue: 'DIR' }),
};

export interface ReportOutput {
  formats: FormatName[];
  output?: string;
  outputDir?: string;
  /** Nothing goes to a file: the report is on stdout. */
  toStdout: boolean;
}

/** The formats and destinations the flags ask for; undefined (exit code 2, message printed) when they contradict. */
export function reportOutput(flags: { format?: string[]; output?: string; 'output-dir'?: string }): ReportOutput | undefined {
  // `-o azready.sarif` without --format: console text under a .sarif name would fail the upload.
  const formats = [...new Set(flags.format ?? [(flags.output && formatOfFile(flags.output)) || 'console'])] as FormatName[];
  if (formats.length > 1 && !flags['output-dir']) {
    process.stderr.write(`azready: ${formats.length} formats (${formats.join(', ')}) need --output-dir DIR; --output and stdout take one\n`);
    process.exitCode = 2;
    return undefined;
  }
  return { formats, output: flags.output, outputDir: flags['output-dir'], toStdout: !flags.output && !flags['output-dir'] };
}

/** `report diff` and `report trend` (console, markdown or json): the one `--output` names by its extension. */
export function summaryFormatOfFile(output: string | undefined): 'console' | 'markdown' | 'json' {
  const format = output ? formatOfFile(output) : undefined;
  return format === 'markdown' || format === 'json' ? format : 'console';
}

/** Renders and writes every format; false (exit code 2, message printed) when a file cannot be written. */
export function writeReports(report: Report, out: ReportOutput): boolean {
  const options = { cwd: process.cwd(), color: out.toStdout && useColor(process.stdout), linkBase: githubLinkBase() };
  for (const format of out.formats) {
    const text = renderReport(report, format, options);
    if (out.outputDir) {
      const file = path.join(out.outputDir, `azready.${FORMAT_EXTENSIONS[format]}`);
      if (writeFailed(writeOutput(text, file))) return false;
      process.stderr.write(`azready: wrote ${file}\n`);
    } else if (writeFailed(writeOutput(text, out.output))) return false;
  }
  if (out.formats.includes('sarif') && report.inputs.length > 0 && report.inputs.every((i) => i.kind === 'live-scope')) {
    process.stderr.write('azready: note: the SARIF of an audit locates resources by id, not in a file; GitHub code scanning rejects such results, so upload the SARIF of a template scan there\n');
  }
  return true;
}
