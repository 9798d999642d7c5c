// Every bundled rule runs on its fixtures; a rule without a passing and a failing fixture fails.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { builtinRulesDir, loadRulePacks } from '../../src/rules/load-rules.js';
import { runRuleFixtures } from '../../src/rules/run-rule-fixtures.js';

const { rules, diagnostics } = loadRulePacks([builtinRulesDir()]);
const fixtures = path.join(builtinRulesDir(), '..', 'test', 'rules');

describe('the bundled rule pack', () => {
  it('loads without diagnostics', () => {
    expect(diagnostics).toEqual([]);
    expect(rules.length).toBeGreaterThanOrEqual(20);
  });

  it('covers all five pillars', () => {
    expect(new Set(rules.map((r) => r.pillar))).toEqual(new Set(['security', 'reliability', 'cost', 'disaster-recovery', 'operations']));
  });
});

describe.each(rules.map((r) => [r.id, r] as const))('rule %s', (_id, rule) => {
  const report = runRuleFixtures(rule, fixtures);
  it('has a passing and a failing fixture', () => {
    expect(report.missing).toEqual([]);
  });
  it.each(report.checks.map((c) => [path.basename(c.fixture), c] as const))('%s', (_name, c) => {
    expect(c.problems).toEqual([]);
  });
});
