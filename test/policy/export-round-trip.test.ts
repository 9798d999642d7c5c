import { existsSync, mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
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

  it('names the [*] alias for a [*] path inside a count, not a shorter legacy alias for the whole array', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'azready-export-'));
    mkdirSync(path.join(dir, 'demo'));
    writeFileSync(path.join(dir, 'demo', 'vault-logs.yaml'), [
      'id: demo/vault-logs', 'title: Vaults send an enabled log', 'pillar: operations', 'severity: low',
      'resourceType: Microsoft.KeyVault/vaults', 'expect:', '  count:', '    related: extension', '    type: Microsoft.Insights/diagnosticSettings',
      '    where:', '      count:', "        field: 'properties.logs[*]'", '        where:', "          field: 'properties.logs[*].enabled'", '          equals: true',
      '      greaterOrEquals: 1', '  greaterOrEquals: 1', 'message: Vault {name} sends no log', 'rationale: Audit logs show who read which secret.', 'remediation:', '  text: Enable the AuditEvent log.', 'references: [https://learn.microsoft.com/azure/key-vault/general/logging]', 'frameworks: {}', 'tags: [baseline]', '',
    ].join('\n'));
    const { rules: rule, diagnostics } = loadRulePacks([dir]);
    expect(diagnostics).toEqual([]);
    expect(rule).toHaveLength(1);
    const text = JSON.stringify(exportRules(rule, { profile: 'demo', version: '1.0.0' }).definitions[0]);
    expect(text).toContain('Microsoft.Insights/diagnosticSettings/logs[*].enabled');
    expect(text).not.toContain('diagnosticSettings/logs.enabled');
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
