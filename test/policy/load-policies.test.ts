import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadPolicies, readPolicyParams } from '../../src/policy/load-policies.js';
import { planPolicies } from '../../src/policy/plan-policies.js';

export const CORPUS = '/work/shared/corpus/azure-policy/built-in-policies';

describe('loadPolicies', () => {
  it('loads every built-in definition and initiative of the corpus without an error', () => {
    const b = loadPolicies([CORPUS]);
    expect(b.diagnostics.filter((d) => d.severity !== 'info')).toEqual([]);
    expect(b.definitions.length + b.sets.length).toBe(651);
    expect(b.sets.length).toBe(1);
    const tls = b.definitions.find((d) => d.name === 'fe83a0eb-a853-422d-aac2-1bffd182c5d0');
    expect(tls).toMatchObject({ mode: 'indexed', category: 'Storage', parameters: { effect: { defaultValue: 'Audit' } } });
  });

  it('normalizes the case of condition keys (allof, Equals) and reads flat SDK-shaped files', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'azready-policy-'));
    writeFileSync(path.join(dir, 'a.json'), JSON.stringify({ name: 'flat', mode: 'All', policyRule: { if: { AllOf: [{ Field: 'type', Equals: 'X/y' }] }, then: { Effect: 'audit' } } }));
    writeFileSync(path.join(dir, 'b.json'), JSON.stringify({ hello: 1 }));
    writeFileSync(path.join(dir, 'c.json'), '{ nope');
    const b = loadPolicies([dir]);
    expect(b.definitions[0]).toMatchObject({ name: 'flat', mode: 'all', policyRule: { if: { allOf: [{ field: 'type', equals: 'X/y' }] }, then: { effect: 'audit' } } });
    expect(b.diagnostics.map((d) => [d.code, d.severity])).toEqual([['policy/skipped-file', 'info'], ['policy/invalid-json', 'error']]);
  });

  it('plans assignments with their parameters, and --policy-params over them', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'azready-policy-'));
    const def = { properties: { displayName: 'D', mode: 'Indexed', parameters: { effect: { type: 'String', defaultValue: 'Audit' }, x: { type: 'String' } }, policyRule: { if: { field: 'type', equals: 'A/b' }, then: { effect: "[parameters('effect')]" } } }, id: '/subscriptions/s/providers/Microsoft.Authorization/policyDefinitions/d1', name: 'd1' };
    const set = { properties: { displayName: 'S', parameters: { e: { type: 'String', defaultValue: 'Deny' } }, policyDefinitions: [{ policyDefinitionId: def.id, parameters: { effect: { value: "[parameters('e')]" } } }] }, id: '/subscriptions/s/providers/Microsoft.Authorization/policySetDefinitions/s1', name: 's1' };
    const asg = { properties: { policyDefinitionId: set.id, parameters: { e: { value: 'Disabled' } } }, id: '/subscriptions/s/providers/Microsoft.Authorization/policyAssignments/a1', name: 'a1' };
    writeFileSync(path.join(dir, 'def.json'), JSON.stringify(def));
    writeFileSync(path.join(dir, 'set.json'), JSON.stringify(set));
    const noAssignment = planPolicies(loadPolicies([dir]));
    expect(noAssignment.units).toHaveLength(1);
    expect(noAssignment.units[0].parameters.get('effect')).toBe('Deny');
    expect((noAssignment.units[0].parameters.get('x') as { reason: string }).reason).toMatch(/has no value/);
    writeFileSync(path.join(dir, 'asg.json'), JSON.stringify(asg));
    const assigned = planPolicies(loadPolicies([dir]));
    expect(assigned.units[0]).toMatchObject({ assignment: 'a1' });
    expect(assigned.units[0].parameters.get('effect')).toBe('Disabled');
    writeFileSync(path.join(dir, 'params.json'), JSON.stringify({ parameters: { e: { value: 'Audit' } } }));
    const read = readPolicyParams(path.join(dir, 'params.json'));
    if ('error' in read) throw new Error(read.error);
    expect(planPolicies(loadPolicies([path.join(dir, 'def.json'), path.join(dir, 'set.json'), path.join(dir, 'asg.json')]), read.values).units[0].parameters.get('effect')).toBe('Audit');
  });
});
