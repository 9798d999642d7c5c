import { describe, expect, it } from 'vitest';
import { diffReports } from '../../src/report/diff-reports.js';
import { e2eReport } from '../formatters/fixed-report.js';

describe('diffReports', () => {
  it('finds fixed, new and still-failing results by rule id and resource id, and the score change', () => {
    const before = e2eReport('full');
    const after = structuredClone(before);
    // Fix contosolake's TLS, remove prodold, break contosolake's public access.
    after.results = after.results
      .filter((r) => r.resource.name !== 'prodold')
      .map((r) => {
        if (r.ruleId === 'e2e/tls' && r.resource.name === 'contosolake') return { ...r, outcome: 'pass' as const };
        if (r.ruleId === 'e2e/public-blob' && r.resource.name === 'contosolake') return { ...r, outcome: 'fail' as const, resource: { ...r.resource, id: r.resource.id.toUpperCase() } };
        return r;
      });
    after.summary = { ...after.summary, score: 52.5, pillars: { ...after.summary.pillars, security: { ...after.summary.pillars.security, score: 66.7 } } };
    const diff = diffReports(before, after);
    expect(diff.fixed.map((e) => [e.ruleId, e.resource.name, e.now])).toEqual([
      ['e2e/tls', 'contosolake', 'pass'],
      ['e2e/tls', 'prodold', 'absent'],
      ['e2e/diagnostics', 'prodold', 'absent'],
    ]);
    expect(diff.new.map((e) => [e.ruleId, e.resource.name])).toEqual([['e2e/public-blob', 'contosolake']]);
    expect(diff.stillFailing.map((e) => [e.ruleId, e.resource.name])).toEqual([
      ['e2e/public-blob', 'contosologs'],
      ['e2e/tls', 'contosologs'],
      ['e2e/diagnostics', 'contosologs'],
      ['e2e/diagnostics', 'prodlake'],
    ]);
    expect(diff.score).toEqual({ before: 47.2, after: 52.5, delta: 5.3 });
    expect(diff.pillars.security).toEqual({ before: 58.3, after: 66.7, delta: 8.4 });
    expect(diff.pillars.cost).toEqual({ before: null, after: null, delta: null });
  });

  it('keeps two templates that name the same resource apart, and lists each pair once', () => {
    const before = e2eReport('full');
    const failing = before.results.find((r) => r.outcome === 'fail' && r.location)!;
    const resource = { id: failing.resource.id, type: failing.resource.type, name: failing.resource.name };
    const at = (file: string, outcome: 'fail' | 'pass') => ({ ...failing, resource, outcome, location: { ...failing.location!, file } });
    before.results = [at('dev/main.json', 'fail'), at('dev/main.json', 'fail'), at('prod/main.json', 'pass')];
    const after = structuredClone(before);
    after.results = [at('/work/repo/dev/main.json', 'pass'), at('/work/repo/prod/main.json', 'fail')];
    const diff = diffReports(before, after);
    expect(diff.fixed.map((e) => [e.location?.file, e.now])).toEqual([['dev/main.json', 'pass']]);
    expect(diff.new.map((e) => e.location?.file)).toEqual(['/work/repo/prod/main.json']);
    expect(diff.stillFailing).toEqual([]);
  });

  it('reports no change between a report and itself', () => {
    const r = e2eReport();
    const diff = diffReports(r, r);
    expect(diff).toMatchObject({ fixed: [], new: [], score: { delta: 0 } });
    expect(diff.stillFailing.length).toBe(r.summary.counts.fail);
  });
});
