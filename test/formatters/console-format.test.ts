import { describe, expect, it } from 'vitest';
import { formatConsole } from '../../src/formatters/console-format.js';
import { formatHtml } from '../../src/formatters/html-format.js';
import { formatMarkdown } from '../../src/formatters/markdown-format.js';
import { e2eReport, liveReport } from './fixed-report.js';
import { expectGolden } from './golden.js';

describe('console format', () => {
  it('matches the golden files', () => {
    expectGolden('e2e.console.txt', formatConsole(e2eReport('full'), { color: false, cwd: process.cwd() }));
    expectGolden('e2e-mixed.console.txt', formatConsole(e2eReport('mixed'), { color: false, cwd: process.cwd() }));
  });
});

describe('a run where nothing could be checked', () => {
  // Every module in a registry cache that is not there: no score, and no "Coverage 100%" beside it.
  const empty = () => {
    const report = e2eReport('full');
    report.results = [];
    report.summary = { ...report.summary, score: null, level: 'unverified', coverage: 1, counts: { pass: 0, fail: 0, unknown: 0, suppressed: 0, notApplicable: 0 } };
    return report;
  };

  it('shows no coverage figure in the console, Markdown and HTML', () => {
    expect(formatConsole(empty(), { color: false })).toContain('Score no score (nothing could be verified)   Level unverified   Coverage – (0 verified, 0 unverified)');
    expect(formatMarkdown(empty(), {})).toContain('**Coverage** – (0 verified, 0 unverified)');
    const html = formatHtml(empty(), {});
    expect(html).toContain('<meter id="coverage-meter" min="0" max="100" value="0">–</meter> – (0 verified, 0 unverified)');
    expect(html).not.toContain('100%');
  });

  it('keeps the percentage when results were checked', () => {
    expect(formatConsole(e2eReport('full'), { color: false })).toContain('Coverage 100% (12 verified, 0 unverified)');
  });
});

describe('a live audit in the console', () => {
  it('names the audited scopes where a scan counts its input files', () => {
    const report = liveReport();
    report.inputs = ['1', '2', '3', '4'].map((n) => ({ path: `/subscriptions/1111111${n}-0000-0000-0000-000000000000`, kind: 'live-scope' as const }));
    expect(formatConsole(report, { color: false }).split('\n')[1]).toBe(
      `${report.summary.resources} resource(s) from 4 audited scope(s): /subscriptions/11111111-0000-0000-0000-000000000000, /subscriptions/11111112-0000-0000-0000-000000000000, /subscriptions/11111113-0000-0000-0000-000000000000 and 1 more`,
    );
  });
});
