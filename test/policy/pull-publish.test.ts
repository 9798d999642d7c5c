import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { resolveArmEndpoint } from '../../src/live/arm-endpoint.js';
import { staticTokenCredential } from '../../src/live/credential.js';
import { exportRules } from '../../src/policy/export-rules.js';
import { loadPolicies } from '../../src/policy/load-policies.js';
import { planPolicies } from '../../src/policy/plan-policies.js';
import { policyClient } from '../../src/policy/policy-client.js';
import { publishPolicies } from '../../src/policy/publish-policies.js';
import { pullPolicies } from '../../src/policy/pull-policies.js';
import { writeExport } from '../../src/policy/read-export.js';
import { builtinRulesDir, loadRulePacks } from '../../src/rules/load-rules.js';
import { startFakePolicyServer, type FakePolicyServer } from './fake-policy-server.js';

const SUB = '11111111-1111-1111-1111-111111111111';
const TLS_ID = '/providers/Microsoft.Authorization/policyDefinitions/fe83a0eb-a853-422d-aac2-1bffd182c5d0';
let server: FakePolicyServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

function client(sub?: string) {
  const arm = resolveArmEndpoint('AzureCloud', server!.url);
  if ('error' in arm) throw new Error(arm.error);
  return policyClient(staticTokenCredential('t0ken'), arm, sub);
}

describe('policy pull and publish through @azure/arm-policy against a local server', () => {
  it('pull: assignments (paged), built-in and custom definitions, initiatives; --policy uses the assigned parameters', async () => {
    const builtin = JSON.parse(readFileSync('/work/shared/corpus/azure-policy/built-in-policies/policyDefinitions/Storage/StorageAccountMinimumTLSVersion_Audit.json', 'utf8'));
    const customId = `/subscriptions/${SUB}/providers/Microsoft.Authorization/policyDefinitions/custom1`;
    const setId = `/subscriptions/${SUB}/providers/Microsoft.Authorization/policySetDefinitions/set1`;
    const a = (name: string, policyDefinitionId: string, parameters: object) => ({ id: `/subscriptions/${SUB}/providers/Microsoft.Authorization/policyAssignments/${name}`, name, type: 'Microsoft.Authorization/policyAssignments', properties: { policyDefinitionId, parameters } });
    server = await startFakePolicyServer({
      [TLS_ID]: { ...builtin, type: 'Microsoft.Authorization/policyDefinitions' },
      [customId]: { id: customId, name: 'custom1', properties: { displayName: 'Custom', mode: 'All', policyRule: { if: { field: 'type', equals: 'Microsoft.KeyVault/vaults' }, then: { effect: 'audit' } } } },
      [setId]: { id: setId, name: 'set1', properties: { displayName: 'Set', policyDefinitions: [{ policyDefinitionId: customId }] } },
      [a('a1', TLS_ID, {}).id]: a('a1', TLS_ID, { effect: { value: 'Deny' }, minimumTlsVersion: { value: 'TLS1_2' } }),
      [a('a2', setId, {}).id]: a('a2', setId, {}),
    });
    const out = mkdtempSync(path.join(tmpdir(), 'azready-pull-'));
    const summary = await pullPolicies(client(SUB), { subscription: SUB }, out);
    expect(summary).toMatchObject({ assignments: 2, definitions: 2, initiatives: 1, problems: [] });
    expect(server.requests.filter((r) => r.path.endsWith('/policyAssignments'))).toHaveLength(2); // two pages via nextLink
    expect(server.requests.every((r) => r.auth)).toBe(true);
    const bundle = loadPolicies([out]);
    expect(bundle.diagnostics).toEqual([]);
    const plan = planPolicies(bundle);
    expect(plan.units.map((u) => [u.definition.name, u.assignment, u.parameters.get('effect')])).toEqual([
      ['fe83a0eb-a853-422d-aac2-1bffd182c5d0', 'a1', 'Deny'],
      ['custom1', 'a2', undefined],
    ]);
  });

  it('pull at a management group: listForManagementGroup and definitions at the management group', async () => {
    const mg = '/providers/Microsoft.Management/managementGroups/contoso';
    const defId = `${mg}/providers/Microsoft.Authorization/policyDefinitions/mgdef`;
    server = await startFakePolicyServer({
      [defId]: { id: defId, name: 'mgdef', properties: { displayName: 'MG def', mode: 'Indexed', parameters: { effect: { type: 'String', defaultValue: 'Audit' } }, policyRule: { if: { field: 'type', equals: 'Microsoft.Storage/storageAccounts' }, then: { effect: "[parameters('effect')]" } } } },
      [`${mg}/providers/Microsoft.Authorization/policyAssignments/mga`]: { id: `${mg}/providers/Microsoft.Authorization/policyAssignments/mga`, name: 'mga', properties: { policyDefinitionId: defId, parameters: { effect: { value: 'Disabled' } } } },
    });
    const out = mkdtempSync(path.join(tmpdir(), 'azready-pull-'));
    expect(await pullPolicies(client(), { managementGroup: 'contoso' }, out)).toMatchObject({ assignments: 1, definitions: 1, problems: [] });
    expect(planPolicies(loadPolicies([out])).units.map((u) => [u.definition.name, u.parameters.get('effect')])).toEqual([['mgdef', 'Disabled']]);
  });

  it('publish: created, then unchanged, then updated after a change; --what-if writes nothing; management groups too', async () => {
    server = await startFakePolicyServer();
    const rules = loadRulePacks([builtinRulesDir()]).rules.filter((r) => r.id.startsWith('storage/'));
    const dir = mkdtempSync(path.join(tmpdir(), 'azready-export-'));
    const result = exportRules(rules, { profile: 'test', version: '1.0.0' });
    writeExport(result, dir);
    const n = result.definitions.length + 1;
    const whatIf = await publishPolicies(client(SUB), { subscription: SUB }, dir, true);
    expect(whatIf.filter((i) => i.status === 'created')).toHaveLength(n);
    expect(server.requests.filter((r) => r.method === 'PUT')).toHaveLength(0);
    const first = await publishPolicies(client(SUB), { subscription: SUB }, dir);
    expect(first.map((i) => i.status)).toEqual(Array(n).fill('created'));
    const stored = server.store.get(`/subscriptions/${SUB}/providers/microsoft.authorization/policysetdefinitions/azready-test`) as { properties: { policyDefinitions: { policyDefinitionId: string }[] } };
    expect(stored.properties.policyDefinitions[0].policyDefinitionId).toMatch(new RegExp(`^/subscriptions/${SUB}/providers/Microsoft.Authorization/policyDefinitions/azready-storage-`));
    const second = await publishPolicies(client(SUB), { subscription: SUB }, dir);
    expect(second.map((i) => i.status)).toEqual(Array(n).fill('unchanged'));
    result.definitions[0].properties.displayName = 'Changed';
    writeExport(result, dir);
    const third = await publishPolicies(client(SUB), { subscription: SUB }, dir);
    expect(third.filter((i) => i.status === 'updated').map((i) => i.name)).toEqual([result.definitions[0].name]);
    const mg = await publishPolicies(client(), { managementGroup: 'contoso' }, dir);
    expect(mg.map((i) => i.status)).toEqual(Array(n).fill('created'));
    expect(server.store.has(`/providers/microsoft.management/managementgroups/contoso/providers/microsoft.authorization/policydefinitions/${result.definitions[0].name}`)).toBe(true);
  });
});
