// A live audit has no files: every format must render its report (resource ids, no locations).
import { describe, expect, it } from 'vitest';
import { FORMATS, renderReport } from '../../src/formatters/render-report.js';
import { liveReport } from './fixed-report.js';

describe('every format on a live-only report', () => {
  const report = liveReport();

  it.each(FORMATS)('%s renders without a location', (format) => {
    expect(report.results.some((r) => r.location)).toBe(false);
    const text = renderReport(report, format, { cwd: process.cwd() });
    expect(text.length).toBeGreaterThan(100);
    expect(text).not.toContain('undefined');
    expect(text).not.toContain('test/fixtures');
  });

  it('names the resources by id where a file would be', () => {
    expect(renderReport(report, 'html')).toContain('/subscriptions/11111111-1111-1111-1111-111111111111/resourceGroups/prod/providers/Microsoft.Storage/storageAccounts/prodold');
    expect(renderReport(report, 'markdown')).toMatch(/\| `e2e\/tls` \| prodold \| – \|/);
  });
});
