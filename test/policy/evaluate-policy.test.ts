import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadInputs } from '../../src/load-inputs.js';
import { ResourceSet } from '../../src/model/resource-set.js';
import { evaluatePolicies, evaluatePolicy } from '../../src/policy/evaluate-policy.js';
import { loadPolicies, parsePolicyDocument } from '../../src/policy/load-policies.js';
import { planPolicies, type PolicyUnit } from '../../src/policy/plan-policies.js';
import type { PolicyDefinition } from '../../src/policy/policy-types.js';
import { res } from '../helpers.js';
import { CORPUS } from './load-policies.test.js';

function unit(props: Record<string, unknown>, params: Record<string, unknown> = {}): PolicyUnit {
  const def = parsePolicyDocument({ properties: { mode: 'Indexed', ...props }, id: '/providers/Microsoft.Authorization/policyDefinitions/p1', name: 'p1' }, 'p1.json') as PolicyDefinition;
  return { definition: def, parameters: new Map(Object.entries(params).map(([k, v]) => [k.toLowerCase(), v])) };
}

const TLS = { displayName: 'TLS', metadata: { category: 'Storage' }, parameters: { effect: { type: 'String', defaultValue: 'Audit' } }, policyRule: { if: { allOf: [{ field: 'type', equals: 'Microsoft.Storage/storageAccounts' }, { anyOf: [{ field: 'Microsoft.Storage/storageAccounts/minimumTlsVersion', notEquals: 'TLS1_2' }, { field: 'Microsoft.Storage/storageAccounts/minimumTlsVersion', exists: false }] }] }, then: { effect: "[parameters('effect')]" } } };

describe('evaluatePolicy', () => {
  const sa = (tls?: string) => res({ type: 'Microsoft.Storage/storageAccounts', name: `sa${tls ?? 'none'}`, properties: tls ? { minimumTlsVersion: tls } : {} });
  const set = new ResourceSet([sa('TLS1_2'), sa('TLS1_0'), sa(), res({ type: 'Microsoft.KeyVault/vaults', name: 'kv' })]);

  it('audit: fail when if matches, pass otherwise, only for the targeted type; parameterized effect', () => {
    const r = evaluatePolicy(unit(TLS, { effect: 'Audit' }), set);
    expect(r.results.map((x) => [x.resource.name, x.outcome])).toEqual([['saTLS1_2', 'pass'], ['saTLS1_0', 'fail'], ['sanone', 'fail']]);
    expect(r.rule).toMatchObject({ id: 'policy/p1', pillar: 'security', policy: { effect: 'audit', displayName: 'TLS' } });
    expect(evaluatePolicy(unit(TLS, { effect: 'disabled' }), set).results).toEqual([]);
    expect(evaluatePolicy(unit({ ...TLS, policyRule: { ...TLS.policyRule, then: { effect: 'Modify' } } }), set).results.map((x) => x.outcome)).toEqual(['not-applicable', 'not-applicable']);
  });

  it('auditIfNotExists finds diagnostic settings by scope and evaluates the existence condition on them', () => {
    const kv = res({ type: 'Microsoft.KeyVault/vaults', name: 'kv' });
    const kv2 = res({ type: 'Microsoft.KeyVault/vaults', name: 'kv2' });
    const diag = res({ type: 'Microsoft.Insights/diagnosticSettings', name: 'd', id: `${kv.id}/providers/Microsoft.Insights/diagnosticSettings/d`, scope: kv.id, properties: { workspaceId: 'w', logs: [{ enabled: true }] } });
    const aine = unit({ displayName: 'diag', metadata: { category: 'Monitoring' }, policyRule: { if: { field: 'type', equals: 'Microsoft.KeyVault/vaults' }, then: { effect: 'AuditIfNotExists', details: { type: 'Microsoft.Insights/diagnosticSettings', existenceCondition: { allOf: [{ field: 'Microsoft.Insights/diagnosticSettings/logs.enabled', equals: 'true' }, { field: 'Microsoft.Insights/diagnosticSettings/workspaceId', exists: true }] } } } } });
    const r = evaluatePolicy(aine, new ResourceSet([kv, kv2, diag]));
    expect(r.results.map((x) => [x.resource.name, x.outcome, x.pillar])).toEqual([['kv', 'pass', 'operations'], ['kv2', 'fail', 'operations']]);
  });

  it('auditIfNotExists on a child type looks under the resource, with details.name', () => {
    const sa = res({ type: 'Microsoft.Storage/storageAccounts', name: 'sa' });
    const blob = res({ type: 'Microsoft.Storage/storageAccounts/blobServices', name: 'sa/default', id: `${sa.id}/blobServices/default`, properties: { deleteRetentionPolicy: { enabled: false } } });
    const u = unit({ policyRule: { if: { field: 'type', equals: 'Microsoft.Storage/storageAccounts' }, then: { effect: 'auditIfNotExists', details: { type: 'Microsoft.Storage/storageAccounts/blobServices', name: 'default', existenceCondition: { field: 'Microsoft.Storage/storageAccounts/blobServices/deleteRetentionPolicy.enabled', equals: true } } } } });
    expect(evaluatePolicy(u, new ResourceSet([sa, blob])).results[0].outcome).toBe('fail');
    (blob.properties as { deleteRetentionPolicy: { enabled: boolean } }).deleteRetentionPolicy.enabled = true;
    expect(evaluatePolicy(u, new ResourceSet([sa, { ...blob }])).results[0].outcome).toBe('pass');
  });

  it('indexed mode skips child types; all mode evaluates them', () => {
    const subnet = res({ type: 'Microsoft.Network/virtualNetworks/subnets', name: 'v/s', properties: {} });
    const p = { policyRule: { if: { allOf: [{ field: 'type', equals: 'Microsoft.Network/virtualNetworks/subnets' }, { field: 'Microsoft.Network/virtualNetworks/subnets/networkSecurityGroup.id', exists: false }] }, then: { effect: 'audit' } } };
    expect(evaluatePolicy(unit(p), new ResourceSet([subnet])).results).toEqual([]);
    expect(evaluatePolicy(unit({ ...p, mode: 'All' }), new ResourceSet([subnet])).results.map((x) => x.outcome)).toEqual(['fail']);
  });

  it('an alias missing from the alias table is a diagnostic and an unverified result', () => {
    const p = { policyRule: { if: { allOf: [{ field: 'type', equals: 'Microsoft.Storage/storageAccounts' }, { field: 'Microsoft.Storage/storageAccounts/noSuchProperty', exists: false }] }, then: { effect: 'audit' } } };
    const r = evaluatePolicy(unit(p), new ResourceSet([sa('TLS1_2')]));
    expect(r.results[0]).toMatchObject({ outcome: 'unknown', reason: expect.stringMatching(/noSuchProperty is not in azready's alias table/) });
    expect(r.diagnostics[0]).toMatchObject({ code: 'policy/unknown-alias', severity: 'warning' });
  });

  it('an unknown alias in an existenceCondition makes the result unverified', () => {
    const kv = res({ type: 'Microsoft.KeyVault/vaults', name: 'kv' });
    const diag = res({ type: 'Microsoft.Insights/diagnosticSettings', name: 'd', scope: kv.id, properties: {} });
    const u = unit({ policyRule: { if: { field: 'type', equals: 'Microsoft.KeyVault/vaults' }, then: { effect: 'auditIfNotExists', details: { type: 'Microsoft.Insights/diagnosticSettings', existenceCondition: { field: 'Microsoft.Insights/diagnosticSettings/noSuchThing', exists: true } } } } });
    expect(evaluatePolicy(u, new ResourceSet([kv, diag])).results[0]).toMatchObject({ outcome: 'unknown', reason: expect.stringMatching(/noSuchThing/) });
  });
});

describe('built-in definitions over the examples and rule fixtures', () => {
  const units = planPolicies(loadPolicies([CORPUS])).units;
  const inputs = ['examples/quickstart', 'examples/data-lakehouse', 'examples/ml-scoring', 'test/rules/storage', 'test/rules/key-vault', 'test/rules/event-hubs', 'test/rules/synapse'].map((p) => path.resolve(p));

  it('every result is definite, or unverified with a reason', () => {
    const set = loadInputs(inputs);
    const { results } = evaluatePolicies(units, set);
    expect(results.length).toBeGreaterThan(500);
    for (const r of results) {
      expect(['pass', 'fail', 'unknown', 'not-applicable']).toContain(r.outcome);
      if (r.outcome === 'unknown') expect(r.reason, `${r.ruleId} ${r.resource.id}`).toMatch(/\S/);
      expect(r.ruleId).toMatch(/^policy\//);
    }
    const definite = results.filter((r) => r.outcome === 'pass' || r.outcome === 'fail').length;
    expect(definite / results.length).toBeGreaterThan(0.45);
  });
});
