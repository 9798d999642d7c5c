// The reference architectures score as the docs promise: the well-architected deployment of each
// scenario reaches its profile's top level with at least 90, the learner's starter scores below
// 60 and fails in at least four pillars, each failure with a remediation.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { scan } from '../../src/scan.js';

const SCENARIOS = ['data-lakehouse', 'ml-scoring', 'cross-region', 'hybrid'];
const has = (scenario: string, variant: string) => existsSync(path.join('examples', scenario, variant, 'main.bicep'));

describe.each(SCENARIOS)('examples/%s', (scenario) => {
  it.runIf(has(scenario, 'well-architected'))('well-architected scores at least 90 and reaches the top level', () => {
    const out = scan({ paths: [path.join('examples', scenario, 'well-architected')], profile: scenario });
    if (!out.ok) throw new Error(JSON.stringify(out.diagnostics));
    const failures = out.report.results.filter((r) => r.outcome === 'fail').map((r) => `${r.ruleId} ${r.resource.name}`);
    expect(out.report.summary.score, failures.join('\n')).toBeGreaterThanOrEqual(90);
    expect(out.report.summary.level).toBe(out.profile.levels[0].name);
    expect(out.report.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  });

  it.runIf(has(scenario, 'starter'))('starter scores below 60 and fails in at least four pillars, with remediation', () => {
    const out = scan({ paths: [path.join('examples', scenario, 'starter')], profile: scenario });
    if (!out.ok) throw new Error(JSON.stringify(out.diagnostics));
    expect(out.report.summary.score).toBeLessThan(60);
    const failed = out.report.results.filter((r) => r.outcome === 'fail');
    expect(new Set(failed.map((r) => r.pillar)).size).toBeGreaterThanOrEqual(4);
    const rules = new Map(out.report.rules.map((r) => [r.id, r]));
    expect(failed.every((r) => rules.get(r.ruleId)?.remediation.text)).toBe(true);
  });
});
