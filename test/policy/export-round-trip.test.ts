import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { evaluateRules } from '../../src/engine/evaluate-rules.js';
import { loadFixture } from '../../src/rules/run-rule-fixtures.js';
import { evaluatePolicy } from '../../src/policy/evaluate-policy.js';
import { exportRules } from '../../src/policy/export-rules.js';
import { parsePolicyDocument } from '../../src/policy/load-policies.js';
import type { PolicyDefinition } from '../../src/policy/policy-types.js';
import { builtinRulesDir, loadRulePacks } from '../../src/rules/load-rules.js';

const rules = loadRulePacks([builtinRulesDir()]).rules;
const exported = exportRules(rules, { profile: 'all', version: '1.0.0' });

describe('policy export', () => {
  it('exports the expressible rules and says why the others are not', () => {
    expect(exported.definitions.length + exported.notExportable.length).toBe(rules.length);
    expect(exported.definitions.length).toBeGreaterThan(5);
    for (const n of exported.notExportable) expect(n.reason).toMatch(/\S/);
    const tls = exported.definitions.find((d) => d.name === 'azready-storage-min-tls');
    expect(tls?.properties).toMatchObject({ mode: 'Indexed', metadata: { category: 'security' }, parameters: { effect: { allowedValues: ['Audit', 'Disabled'], defaultValue: 'Audit' } } });
    expect(exported.initiative.properties.policyDefinitionGroups).toEqual(expect.arrayContaining([expect.objectContaining({ name: 'security' })]));
  });

  it('round trip: each exported definition gives the rule outcome on every fixture of the rule', () => {
    let compared = 0;
    for (const file of exported.definitions) {
      const def = parsePolicyDocument(file, `${file.name}.json`) as PolicyDefinition;
      const ruleId = (file.properties.metadata as { azready: { ruleId: string } }).azready.ruleId;
      const rule = rules.find((r) => r.id === ruleId)!;
      const dir = path.join('test/rules', ...ruleId.split('/'));
      if (!existsSync(dir)) continue; // a rule still being written; the rule fixture suite reports it
      for (const f of readdirSync(dir).filter((x) => /^(pass|fail|unknown)/.test(x))) {
        const set = loadFixture(path.join(dir, f));
        const byRule = new Map(evaluateRules([rule], set).map((r) => [r.resource.id, r.outcome]));
        const byPolicy = new Map(evaluatePolicy({ definition: def, parameters: new Map([['effect', (def.parameters.effect.defaultValue as string)]]) }, set).results.map((r) => [r.resource.id, r.outcome]));
        for (const [id, outcome] of byRule) {
          // A policy cannot say not-applicable: a resource outside `when` is compliant.
          const want = outcome === 'not-applicable' ? 'pass' : outcome;
          expect(byPolicy.get(id) ?? 'pass', `${ruleId} ${f} ${id}`).toBe(want);
          compared++;
        }
      }
    }
    expect(compared).toBeGreaterThan(10);
  });
});
