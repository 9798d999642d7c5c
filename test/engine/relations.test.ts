// Relations between resources deployed into a resource group named only at deployment: their ids
// spell the unknown group the same way, so links between them stay definite.
import { describe, expect, it } from 'vitest';
import { expandTemplate } from '../../src/arm/expand-template.js';
import { JsonDocument } from '../../src/arm/json-document.js';
import type { Condition } from '../../src/engine/condition.js';
import { evaluateCondition } from '../../src/engine/evaluate-condition.js';
import { scopesAbove } from '../../src/engine/relations.js';
import { ResourceSet } from '../../src/model/resource-set.js';

const SCHEMA = 'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#';

/** A storage account, a private endpoint and a diagnostic setting for it, in the resource group `rg`. */
function deployInto(rg: string): ResourceSet {
  const text = JSON.stringify({
    $schema: SCHEMA,
    contentVersion: '1.0.0.0',
    parameters: { rg: { type: 'string' } },
    resources: [{
      type: 'Microsoft.Resources/deployments', apiVersion: '2022-09-01', name: 'inner', resourceGroup: rg,
      properties: {
        mode: 'Incremental', expressionEvaluationOptions: { scope: 'inner' },
        template: {
          $schema: SCHEMA, contentVersion: '1.0.0.0',
          resources: [
            { type: 'Microsoft.Storage/storageAccounts', apiVersion: '2023-01-01', name: 'stdemo', location: 'westus' },
            { type: 'Microsoft.OperationalInsights/workspaces', apiVersion: '2022-10-01', name: 'law', location: 'westus' },
            {
              type: 'Microsoft.Network/privateEndpoints', apiVersion: '2023-04-01', name: 'pe', location: 'westus',
              properties: { privateLinkServiceConnections: [{ name: 'c', properties: { privateLinkServiceId: "[resourceId('Microsoft.Storage/storageAccounts', 'stdemo')]" } }] },
            },
            {
              type: 'Microsoft.Insights/diagnosticSettings', apiVersion: '2021-05-01-preview', name: 'diag',
              scope: "[resourceId('Microsoft.Storage/storageAccounts', 'stdemo')]",
              properties: { workspaceId: "[resourceId('Microsoft.OperationalInsights/workspaces', 'law')]" },
            },
          ],
        },
      },
    }],
  });
  const out = expandTemplate(JsonDocument.parse('t.json', text).doc);
  return new ResourceSet(out.resources);
}

const HAS_PRIVATE_ENDPOINT: Condition = {
  count: { related: 'referencedBy', type: 'Microsoft.Network/privateEndpoints', via: 'properties.privateLinkServiceConnections[*].properties.privateLinkServiceId' },
  greaterOrEquals: 1,
};
const SENDS_TO_WORKSPACE: Condition = {
  count: { related: 'extension', type: 'Microsoft.Insights/diagnosticSettings', where: { field: 'properties.workspaceId', exists: true } },
  greaterOrEquals: 1,
};

describe('relations in a resource group named only at deployment', () => {
  it.each([
    ['a named group', 'rg-data'],
    ['a group named only at deployment', "[parameters('rg')]"],
  ])('finds the private endpoint and the diagnostic setting of a storage account in %s', (_, rg) => {
    const set = deployInto(rg);
    const account = set.ofType('Microsoft.Storage/storageAccounts')[0];
    const ctx = { resource: account, set, current: [], values: new Map() };
    expect(evaluateCondition(HAS_PRIVATE_ENDPOINT, ctx).truth).toBe('true');
    expect(evaluateCondition(SENDS_TO_WORKSPACE, ctx).truth).toBe('true');
  });

  it('still cannot compare such an id with a value', () => {
    const set = deployInto("[parameters('rg')]");
    const diag = set.ofType('Microsoft.Insights/diagnosticSettings')[0];
    const ctx = { resource: diag, set, current: [], values: new Map() };
    expect(evaluateCondition({ field: 'properties.workspaceId', like: '*/workspaces/law' }, ctx).truth).toBe('unknown');
  });
});

describe('referencedBy with a target whose name is a parameter without value', () => {
  const expanded = (withOther: boolean) => {
    const text = JSON.stringify({
      $schema: SCHEMA,
      contentVersion: '1.0.0.0',
      parameters: { acrName: { type: 'string' }, kvName: { type: 'string' } },
      resources: [
        { type: 'Microsoft.ContainerRegistry/registries', apiVersion: '2023-07-01', name: "[parameters('acrName')]", location: 'westus', sku: { name: 'Premium' } },
        { type: 'Microsoft.KeyVault/vaults', apiVersion: '2023-07-01', name: "[parameters('kvName')]", location: 'westus' },
        {
          type: 'Microsoft.Network/privateEndpoints', apiVersion: '2023-04-01', name: 'pe-acr', location: 'westus',
          properties: { privateLinkServiceConnections: [{ name: 'c', properties: { privateLinkServiceId: "[resourceId('Microsoft.ContainerRegistry/registries', parameters('acrName'))]", groupIds: ['registry'] } }] },
        },
        ...(withOther ? [{ type: 'Microsoft.Network/privateEndpoints', apiVersion: '2023-04-01', name: 'pe-other', location: 'westus', properties: { privateLinkServiceConnections: [{ name: 'c', properties: { privateLinkServiceId: '/subscriptions/s/resourceGroups/rg/providers/Microsoft.Sql/servers/sql1' } }] } }] : []),
      ],
    });
    const { doc } = JsonDocument.parse('pe.json', text);
    return new ResourceSet(expandTemplate(doc, {}).resources);
  };
  const HAS_ENDPOINT = { count: { related: 'referencedBy', type: 'Microsoft.Network/privateEndpoints' }, greaterOrEquals: 1 } as Condition;
  const truthFor = (set: ResourceSet, type: string) => evaluateCondition(HAS_ENDPOINT, { resource: set.ofType(type)[0], set, current: [], values: new Map() });

  it('is the resource whose name is that very expression (the id is spelled as the resource spells its own)', () => {
    expect(truthFor(expanded(false), 'Microsoft.ContainerRegistry/registries').truth).toBe('true');
  });

  /** A registry named `registryName` and an endpoint to `resourceId(…registries, linkName)`, with `variables('acr')` standing for the acrName parameter. */
  const registryAndEndpoint = (registryName: string, linkName: string) => {
    const text = JSON.stringify({
      $schema: SCHEMA,
      contentVersion: '1.0.0.0',
      parameters: { acrName: { type: 'string' }, otherName: { type: 'string' } },
      variables: { acr: "[parameters('acrName')]" },
      resources: [
        { type: 'Microsoft.ContainerRegistry/registries', apiVersion: '2023-07-01', name: `[${registryName}]`, location: 'westus', sku: { name: 'Premium' } },
        {
          type: 'Microsoft.Network/privateEndpoints', apiVersion: '2023-04-01', name: 'pe-acr', location: 'westus',
          properties: { privateLinkServiceConnections: [{ name: 'c', properties: { privateLinkServiceId: `[resourceId('Microsoft.ContainerRegistry/registries', ${linkName})]` } }] },
        },
      ],
    });
    return new ResourceSet(expandTemplate(JsonDocument.parse('pe2.json', text).doc, {}).resources);
  };

  it('is found through a variable that stands for the name expression', () => {
    expect(truthFor(registryAndEndpoint("parameters('acrName')", "variables('acr')"), 'Microsoft.ContainerRegistry/registries').truth).toBe('true');
  });

  it('may be another resource of that type whose name is unknown: unverified, not failed', () => {
    const e = truthFor(registryAndEndpoint("parameters('otherName')", "variables('acr')"), 'Microsoft.ContainerRegistry/registries');
    expect(e.truth).toBe('unknown');
    expect(e.reason).toMatch(/pe-acr/);
  });

  it('is not a resource of another type: a vault without an endpoint still fails', () => {
    expect(truthFor(expanded(true), 'Microsoft.KeyVault/vaults').truth).toBe('false');
  });
});

describe('resources deployed under a condition that is unknown', () => {
  const set = (() => {
    const text = JSON.stringify({
      $schema: SCHEMA,
      contentVersion: '1.0.0.0',
      parameters: { zoneId: { type: 'string' } },
      resources: [
        { type: 'Microsoft.Network/privateEndpoints', apiVersion: '2023-04-01', name: 'pe', location: 'westus', properties: {} },
        { condition: "[not(empty(parameters('zoneId')))]", type: 'Microsoft.Network/privateEndpoints/privateDnsZoneGroups', apiVersion: '2023-04-01', name: 'pe/default', properties: { privateDnsZoneConfigs: [] } },
        { condition: "[not(empty(parameters('zoneId')))]", type: 'Microsoft.OperationalInsights/workspaces', apiVersion: '2022-10-01', name: 'law', location: 'westus' },
      ],
    });
    return new ResourceSet(expandTemplate(JsonDocument.parse('cond.json', text).doc, {}).resources);
  })();
  const ctx = (type?: string) => ({ resource: type ? set.ofType(type)[0] : undefined, set, current: [], values: new Map() });

  it('may or may not be there for a relation count: unverified, with the reason', () => {
    const e = evaluateCondition({ count: { related: 'child', type: 'Microsoft.Network/privateEndpoints/privateDnsZoneGroups' }, greaterOrEquals: 1 } as Condition, ctx('Microsoft.Network/privateEndpoints'));
    expect(e.truth).toBe('unknown');
    expect(e.reason).toMatch(/pe\/default: whether it is deployed is unknown \(the parameter 'zoneId' has no value/);
  });

  it('may or may not be there for a count of the deployment\'s resources', () => {
    expect(evaluateCondition({ count: { resources: { type: ['Microsoft.OperationalInsights/workspaces'] } }, greaterOrEquals: 1 } as Condition, ctx()).truth).toBe('unknown');
    expect(evaluateCondition({ count: { resources: { type: ['Microsoft.OperationalInsights/workspaces'] } }, less: 2 } as Condition, ctx()).truth).toBe('true');
  });
});

describe('scopesAbove', () => {
  it('walks from a child resource up through its parent, resource group and subscription', () => {
    expect(scopesAbove('/subscriptions/s/resourceGroups/rg/providers/Microsoft.Storage/storageAccounts/st/blobServices/default')).toEqual([
      '/subscriptions/s/resourceGroups/rg/providers/Microsoft.Storage/storageAccounts/st/blobServices/default',
      '/subscriptions/s/resourceGroups/rg/providers/Microsoft.Storage/storageAccounts/st',
      '/subscriptions/s/resourceGroups/rg',
      '/subscriptions/s',
    ]);
  });

  it('goes through the resource an extension resource extends', () => {
    expect(scopesAbove('/subscriptions/s/resourceGroups/rg/providers/Microsoft.Storage/storageAccounts/st/providers/Microsoft.Insights/diagnosticSettings/d')).toEqual([
      '/subscriptions/s/resourceGroups/rg/providers/Microsoft.Storage/storageAccounts/st/providers/Microsoft.Insights/diagnosticSettings/d',
      '/subscriptions/s/resourceGroups/rg/providers/Microsoft.Storage/storageAccounts/st',
      '/subscriptions/s/resourceGroups/rg',
      '/subscriptions/s',
    ]);
  });

  it('stops at a management group', () => {
    expect(scopesAbove('/providers/Microsoft.Management/managementGroups/mg')).toEqual(['/providers/Microsoft.Management/managementGroups/mg']);
  });
});
