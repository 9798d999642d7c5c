import { describe, expect, it } from 'vitest';
import { formatMarkdown, MARKDOWN_LIMIT } from '../../src/formatters/markdown-format.js';
import { e2eReport } from './fixed-report.js';
import { expectGolden } from './golden.js';

describe('markdown format', () => {
  it('matches the golden files', () => {
    expectGolden('e2e.md', formatMarkdown(e2eReport('full')));
    expectGolden('e2e-mixed.md', formatMarkdown(e2eReport('mixed')));
  });

  it('shows score and level per pillar, and failures grouped by severity with file:line links', () => {
    const text = formatMarkdown(e2eReport());
    expect(text).toContain('| security | 58.3 | partial | 4 | 4 | 0 |');
    expect(text).toContain('| operations | 25.0 | not-ready | 1 | 3 | 0 |');
    expect(text.indexOf('<strong>Critical</strong> (1)')).toBeLessThan(text.indexOf('<strong>High</strong> (3)'));
    expect(text).toContain('[test/fixtures/e2e/inputs/storage.json:18](test/fixtures/e2e/inputs/storage.json#L18)');
    expect(text).not.toMatch(/<details open/);
  });

  it('with a baseline, marks the new failures and lists them first in each severity', () => {
    const report = e2eReport();
    const high = report.results.filter((r) => r.outcome === 'fail' && r.severity === 'high');
    expect(high.length).toBeGreaterThan(1);
    const fresh = high[high.length - 1];
    report.results = report.results.map((r) => (r.outcome !== 'fail' ? r : { ...r, baseline: r === fresh ? 'new' : 'existing' }));
    const failed = report.results.filter((r) => r.outcome === 'fail').length;
    report.baseline = { file: 'azready-baseline.json', generatedAt: '2026-01-01T00:00:00.000Z', existing: failed - 1, new: 1 };
    const text = formatMarkdown(report);
    expect(text).toContain(`<summary><strong>High</strong> (${high.length}, 1 new)</summary>`);
    expect(text).toContain('<summary><strong>Critical</strong> (1, 0 new)</summary>');
    const rows = text.split('\n').filter((l) => l.startsWith('| `e2e/tls`') || l.startsWith('| `e2e/diagnostics`') || l.startsWith('| `e2e/public-blob`'));
    const highRows = text.slice(text.indexOf('<strong>High</strong>')).split('\n').filter((l) => l.startsWith('| `'));
    expect(highRows[0]).toMatch(new RegExp(`^\\| \`${fresh.ruleId}\` \\| ${fresh.resource.name} \\| .* \\| \\*\\*New:\\*\\* `));
    expect(rows.filter((l) => l.includes('**New:**'))).toHaveLength(1);
  });

  it('prefixes links with a blob URL when given one', () => {
    const text = formatMarkdown(e2eReport(), { linkBase: 'https://github.com/o/r/blob/abc/' });
    expect(text).toContain('(https://github.com/o/r/blob/abc/test/fixtures/e2e/inputs/storage.json#L18)');
  });

  it('names files outside the working folder without a link', () => {
    const r = e2eReport();
    const f = r.results.findIndex((x) => x.outcome === 'fail');
    r.results[f] = { ...r.results[f], location: { file: '/elsewhere/main.json', startLine: 3, startColumn: 1, endLine: 3, endColumn: 9 } };
    expect(formatMarkdown(r, { cwd: process.cwd() })).toContain('| `/elsewhere/main.json:3` |');
  });

  it('escapes table-breaking and HTML characters in user data', () => {
    const r = e2eReport();
    r.results[0] = { ...r.results[0], message: 'a | b <img src=x onerror=alert(1)>\nnext', resource: { ...r.results[0].resource, name: 'x|y' } };
    const text = formatMarkdown(r);
    expect(text).toContain('a \\| b &lt;img src=x onerror=alert(1)&gt;<br>next');
    expect(text).toContain('x\\|y');
    expect(text).not.toContain('<img');
  });

  it('stays under the limit with a note, and keeps its <details> balanced, on a huge report', () => {
    const r = e2eReport();
    const fail = r.results.find((x) => x.outcome === 'fail');
    if (!fail) throw new Error('no failure in the fixture');
    r.results = Array.from({ length: 3000 }, (_, i) => ({ ...fail, resource: { ...fail.resource, id: `${fail.resource.id}-${i}`, name: `account${i}` } }));
    const text = formatMarkdown(r);
    expect(text.length).toBeLessThanOrEqual(MARKDOWN_LIMIT);
    expect(text).toMatch(/\*\*Truncated:\*\* \d+ more result\(s\) did not fit in 65,000 characters/);
    expect(text.match(/<details>/g)?.length).toBe(text.match(/<\/details>/g)?.length);
    // Every section still closes, even when later sections (unverified, diagnostics) are dropped whole.
    r.results.push(...Array.from({ length: 500 }, (_, i) => ({ ...fail, outcome: 'unknown' as const, reason: 'x'.repeat(2000), resource: { ...fail.resource, id: `u${i}`, name: `u${i}` } })));
    r.diagnostics = Array.from({ length: 500 }, (_, i) => ({ code: 'arm/x', severity: 'warning' as const, message: `warning ${i} `.repeat(50) }));
    for (const max of [65_000, 20_000, 5000]) {
      const cut = formatMarkdown(r, { maxLength: max });
      expect(cut.length).toBeLessThanOrEqual(max);
      expect(cut.match(/<details>/g)?.length).toBe(cut.match(/<\/details>/g)?.length);
      expect(cut).toContain('**Truncated:**');
    }
  });
});
