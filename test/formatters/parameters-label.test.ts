// A template evaluated with two parameters files: every format names the parameters file as it
// prints file paths, relative to the working folder, also when the scan was given absolute paths.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatConsole } from '../../src/formatters/console-format.js';
import { formatCsv } from '../../src/formatters/csv-format.js';
import { formatHtml } from '../../src/formatters/html-format.js';
import { formatJunit } from '../../src/formatters/junit-format.js';
import { formatMarkdown } from '../../src/formatters/markdown-format.js';
import { formatSarif } from '../../src/formatters/sarif-format.js';
import type { Report } from '../../src/report/report.js';
import { e2eReport } from './fixed-report.js';

const cwd = path.resolve('/repo');

function twoEnvironments(): Report {
  const report = e2eReport();
  const failed = report.results.find((r) => r.outcome === 'fail' && r.location)!;
  const at = (env: string) => ({
    ...failed,
    resource: { ...failed.resource, parameters: path.join(cwd, 'infra', `main.${env}.bicepparam`) },
    location: { ...failed.location!, file: path.join(cwd, 'infra', 'main.bicep') },
  });
  return { ...report, results: [at('dev'), at('prod')] };
}

describe('the parameters file in every format', () => {
  const report = twoEnvironments();
  const outputs = {
    console: formatConsole(report, { cwd, color: false }),
    markdown: formatMarkdown(report, { cwd }),
    sarif: formatSarif(report, { cwd }),
    junit: formatJunit(report, { cwd }),
    csv: formatCsv(report, { cwd }),
    html: formatHtml(report, { cwd }),
  };

  it.each(Object.keys(outputs))('%s prints it relative to the working folder', (format) => {
    const text = outputs[format as keyof typeof outputs];
    expect(text).toContain('infra/main.dev.bicepparam'.split('/').join(format === 'console' ? path.sep : '/'));
    expect(text).not.toContain(path.join(cwd, 'infra', 'main.dev.bicepparam'));
  });
});

describe('the HTML report\'s next fixes', () => {
  it('name the parameters file where the same rule fails on one resource with two', () => {
    const html = formatHtml(twoEnvironments(), { cwd });
    const fixes = html.slice(html.indexOf('<ol class="fixes">'), html.indexOf('</ol>', html.indexOf('<ol class="fixes">')));
    expect(fixes).toContain('[infra/main.dev.bicepparam]</strong>');
    expect(fixes).toContain('[infra/main.prod.bicepparam]</strong>');
  });
});
