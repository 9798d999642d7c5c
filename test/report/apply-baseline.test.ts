import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { RuleResult } from '../../src/engine/result.js';
import { evaluateGate } from '../../src/gate.js';
import { applyBaseline } from '../../src/report/apply-baseline.js';
import type { Report } from '../../src/report/report.js';

function result(ruleId: string, id: string, outcome: RuleResult['outcome'] = 'fail', severity: RuleResult['severity'] = 'high'): RuleResult {
  return { ruleId, outcome, severity, pillar: 'security', resource: { id, type: 'T', name: id.split('/').pop() ?? id }, message: '' };
}

const report = (results: RuleResult[], extra: Partial<Report> = {}) =>
  ({ generatedAt: '2026-01-01T00:00:00.000Z', results, summary: { score: 80 }, ...extra }) as unknown as Report;

describe('applyBaseline', () => {
  it('marks failures already failing in the baseline as existing (rule id + resource id, any case), the rest as new', () => {
    const before = report([result('a/x', '/S/RG/lake'), result('a/y', '/s/rg/lake', 'pass'), result('a/z', '/s/rg/vault')]);
    const now = [result('a/x', '/s/rg/lake'), result('a/y', '/s/rg/lake'), result('a/z', '/s/rg/vault', 'pass'), result('a/w', '/s/rg/lake', 'unknown')];
    const { results, info } = applyBaseline(now, before, 'main.json');
    expect(results.map((r) => r.baseline)).toEqual(['existing', 'new', undefined, undefined]);
    expect(info).toEqual({ file: 'main.json', generatedAt: '2026-01-01T00:00:00.000Z', existing: 1, new: 1 });
  });

  it('matches the parameters file however the scan spelled the paths (repository root, absolute, another folder, Windows)', () => {
    const at = (file: string, params: string): RuleResult => ({
      ...result('a/x', '/s/rg/lake'),
      resource: { id: '/s/rg/lake', type: 'T', name: 'lake', parameters: params },
      location: { file, startLine: 3, startColumn: 1, endLine: 3, endColumn: 2 },
    });
    const before = report([at('infra/main.bicep', 'infra/main.dev.bicepparam')]);
    const now = [
      at('/repo/infra/main.bicep', '/repo/infra/main.dev.bicepparam'),
      at('../infra/main.bicep', '../infra/main.dev.bicepparam'),
      at('main.bicep', 'main.dev.bicepparam'),
      at('infra\\main.bicep', 'infra\\main.dev.bicepparam'),
      at('/repo/infra/main.bicep', '/repo/infra/main.prod.bicepparam'),
      at('infra/main.bicep', path.resolve('infra/main.dev.bicepparam')),
    ];
    expect(applyBaseline(now, before, 'base.json').results.map((r) => r.baseline)).toEqual(['existing', 'existing', 'existing', 'existing', 'new', 'existing']);
  });

  it('keeps two folders whose parameters files have the same name apart', () => {
    const at = (params: string): RuleResult => ({
      ...result('a/x', '/s/rg/lake'),
      resource: { id: '/s/rg/lake', type: 'T', name: 'lake', parameters: params },
      location: { file: 'shared/main.bicep', startLine: 3, startColumn: 1, endLine: 3, endColumn: 2 },
    });
    const { results } = applyBaseline([at('dev/main.bicepparam'), at('prod/main.bicepparam')], report([at('dev/main.bicepparam')]), 'base.json');
    expect(results.map((r) => r.baseline)).toEqual(['existing', 'new']);
  });
});

describe('applyBaseline across template files', () => {
  const at = (file: string, id = '/s/rg/lake'): RuleResult => ({ ...result('a/x', id), location: { file, startLine: 3, startColumn: 1, endLine: 3, endColumn: 2 } });

  it('keeps two templates that name the same resource apart (dev/ and prod/ copies)', () => {
    const { results } = applyBaseline([at('dev/main.json'), at('prod/main.json')], report([at('dev/main.json')]), 'base.json');
    expect(results.map((r) => r.baseline)).toEqual(['existing', 'new']);
  });

  it('matches one file however the scans spelled it (absolute, from its folder, backslashes, another case)', () => {
    const { results } = applyBaseline(
      [at('/repo/dev/main.json'), at('main.json'), at('dev\\main.json'), at('Dev/main.json'), at('../dev/main.json'), at('C:\\repo\\dev\\main.json'), at('other/main.json')],
      report([at('dev/main.json')]),
      'base.json',
    );
    expect(results.map((r) => r.baseline)).toEqual(['existing', 'existing', 'existing', 'existing', 'existing', 'existing', 'new']);
  });

  it('matches a result without a location (a live resource) by rule and resource alone', () => {
    const live = result('a/x', '/s/rg/lake');
    expect(applyBaseline([live, at('dev/main.json')], report([live]), 'base.json').results.map((r) => r.baseline)).toEqual(['existing', 'existing']);
  });
});

describe('evaluateGate with a baseline', () => {
  it('fails only on new failures and says how many the baseline ignored', () => {
    const results = [{ ...result('a/x', '1', 'fail', 'critical'), baseline: 'existing' as const }, { ...result('a/y', '2', 'fail', 'low'), baseline: 'new' as const }];
    const withBaseline = report(results, { baseline: { file: 'base.json', generatedAt: '', existing: 1, new: 1 } });
    const high = evaluateGate(withBaseline, { failOn: 'high' });
    expect(high.passed).toBe(true);
    expect(high.messages).toEqual(['azready: 1 failed result(s) already in the baseline base.json are ignored by the gate; 1 new']);
    const low = evaluateGate(withBaseline, { failOn: 'low' });
    expect(low).toEqual({ passed: false, messages: [high.messages[0], 'azready: gate failed: 1 new failed result(s) of severity low or higher'] });
  });
});
