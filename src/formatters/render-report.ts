// The format registry: every output format renders the one Report (design §8) and has a file
// extension for `--output-dir` (azready.<ext>).
import type { Report } from '../report/report.js';
import { formatConsole } from './console-format.js';
import { formatCsv } from './csv-format.js';
import { formatHtml } from './html-format.js';
import { formatJson } from './json-format.js';
import { formatJunit } from './junit-format.js';
import { formatMarkdown } from './markdown-format.js';
import { formatSarif } from './sarif-format.js';

export const FORMATS = ['console', 'json', 'markdown', 'html', 'sarif', 'junit', 'csv'] as const;
export type FormatName = (typeof FORMATS)[number];

/** File name extension per format: `--output-dir out` writes out/azready.<ext>. */
export const FORMAT_EXTENSIONS: Record<FormatName, string> = {
  console: 'txt',
  json: 'json',
  markdown: 'md',
  html: 'html',
  sarif: 'sarif',
  junit: 'xml',
  csv: 'csv',
};

/** The format a file name asks for by its extension (`report.sarif` → sarif), if it names one. */
export function formatOfFile(file: string): FormatName | undefined {
  const ext = /\.([A-Za-z]+)$/.exec(file)?.[1]?.toLowerCase();
  if (ext === 'htm') return 'html';
  return (Object.keys(FORMAT_EXTENSIONS) as FormatName[]).find((f) => FORMAT_EXTENSIONS[f] === ext);
}

export interface RenderOptions {
  /** Paths are printed relative to this folder. */
  cwd?: string;
  /** Console only: ANSI colours. */
  color?: boolean;
  /** Markdown only: prefix of file links (e.g. a GitHub blob URL). */
  linkBase?: string;
}

export function renderReport(report: Report, format: FormatName, options: RenderOptions = {}): string {
  switch (format) {
    case 'console':
      return formatConsole(report, { color: options.color ?? false, cwd: options.cwd });
    case 'json':
      return formatJson(report);
    case 'markdown':
      return formatMarkdown(report, { cwd: options.cwd, linkBase: options.linkBase });
    case 'html':
      return formatHtml(report, { cwd: options.cwd });
    case 'sarif':
      return formatSarif(report, { cwd: options.cwd });
    case 'junit':
      return formatJunit(report, { cwd: options.cwd });
    case 'csv':
      return formatCsv(report, { cwd: options.cwd });
  }
}

/** A GitHub Actions run's blob URL for the checked-out commit, so Markdown file links resolve in PR comments. */
export function githubLinkBase(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const { GITHUB_SERVER_URL: server, GITHUB_REPOSITORY: repo, GITHUB_SHA: sha } = env;
  return server && repo && sha ? `${server}/${repo}/blob/${sha}/` : undefined;
}
