import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { expandTemplate } from '../../src/arm/expand-template.js';
import { JsonDocument } from '../../src/arm/json-document.js';
import { isUnknown, type Unknown } from '../../src/core/unknown.js';

const SCHEMA = 'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#';
const SUB_SCHEMA = 'https://schema.management.azure.com/schemas/2018-05-01/subscriptionDeploymentTemplate.json#';
const RG = '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/azready-rg';

function expand(template: object, file = 'main.json') {
  const { doc } = JsonDocument.parse(file, JSON.stringify({ $schema: SCHEMA, contentVersion: '1.0.0.0', ...template }, null, 2));
  return expandTemplate(doc);
}

function expandFile(file: string) {
  const { doc } = JsonDocument.parse(file, readFileSync(file, 'utf8'));
  return expandTemplate(doc);
}

const storage = (name: string, props: object = {}) => ({ type: 'Microsoft.Storage/storageAccounts', apiVersion: '2023-01-01', name, location: 'westeurope', properties: props });

describe('parameters', () => {
  it('evaluates defaults lazily, so a default may use a parameter declared after it', () => {
    const { resources, diagnostics } = expand({
      parameters: { full: { type: 'string', defaultValue: "[concat(parameters('prefix'), 'x')]" }, prefix: { type: 'string', defaultValue: 'ab' } },
      resources: [storage("[parameters('full')]")],
    });
    expect(diagnostics).toEqual([]);
    expect(resources[0].name).toBe('abx');
  });

  it.each([
    [{ type: 'string', defaultValue: 'Premium', allowedValues: ['Standard', 'Basic'] }, 'must be one of "Standard", "Basic"'],
    [{ type: 'int', defaultValue: 0, minValue: 1 }, 'the minimum is 1'],
    [{ type: 'int', defaultValue: 9, maxValue: 5 }, 'the maximum is 5'],
    [{ type: 'string', defaultValue: 'abcdef', maxLength: 3 }, 'the maximum length is 3'],
    [{ type: 'string', defaultValue: 'a', minLength: 3 }, 'the minimum length is 3'],
    [{ type: 'int', defaultValue: 'three' }, 'it must be an integer'],
  ])('reports a value that breaks its declaration: %j', (decl, message) => {
    const { diagnostics } = expand({ parameters: { p: decl }, resources: [] });
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]).toMatchObject({ code: 'arm/parameter-constraint', severity: 'warning' });
    expect(diagnostics[0].message).toContain(message);
  });

  it('compares string values with allowedValues ignoring case, as ARM does', () => {
    const { diagnostics } = expand({ parameters: { region: { type: 'string', defaultValue: 'eastus', allowedValues: ['EastUS', 'WestEurope'] }, skus: { type: 'array', defaultValue: ['standard_lrs'], allowedValues: ['Standard_LRS'] } }, resources: [] });
    expect(diagnostics).toEqual([]);
  });

  it('gives nullable parameters without a value null, not an Unknown', () => {
    const { resources } = expand({ parameters: { tags: { type: 'object', nullable: true } }, resources: [{ ...storage('st'), tags: "[parameters('tags')]" }] });
    expect(resources[0].tags).toBeNull();
  });
});

describe('symbolic names (languageVersion 2.0) and reference()', () => {
  const template = {
    languageVersion: '2.0',
    resources: {
      law: { type: 'Microsoft.OperationalInsights/workspaces', apiVersion: '2023-09-01', name: 'law1', location: 'westeurope', properties: { retentionInDays: 60 } },
      old: { existing: true, type: 'Microsoft.KeyVault/vaults', apiVersion: '2023-07-01', name: 'kv-old' },
      app: {
        type: 'Microsoft.Insights/components',
        apiVersion: '2020-02-02',
        name: 'appi',
        location: 'westeurope',
        kind: 'web',
        properties: {
          retention: "[reference('law').retentionInDays]",
          lawId: "[resourceInfo('law').id]",
          customerId: "[reference('law').customerId]",
          vaultUri: "[reference('old').vaultUri]",
        },
      },
      diag: { type: 'Microsoft.Insights/diagnosticSettings', apiVersion: '2021-05-01-preview', name: 'd', scope: "[format('Microsoft.OperationalInsights/workspaces/{0}', 'law1')]", properties: {} },
    },
  };

  it('reads declared properties, and only those, from the same deployment', () => {
    const { resources, diagnostics } = expand(template);
    expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(resources.map((r) => r.name)).toEqual(['law1', 'appi', 'd']);
    const props = resources[1].properties as Record<string, unknown>;
    expect(props.retention).toBe(60);
    expect(props.lawId).toBe(`${RG}/providers/Microsoft.OperationalInsights/workspaces/law1`);
    expect(isUnknown(props.customerId)).toBe(true);
    expect((props.customerId as Unknown).reason).toContain('values Azure sets at deployment');
    expect((props.vaultUri as Unknown).reason).toContain("existing resource 'kv-old'");
  });
});

describe('nested deployments', () => {
  it('expands an inner-scope inline template with passed parameters and reads its outputs', () => {
    const { resources, diagnostics, outputs } = expand({
      parameters: { env: { type: 'string', defaultValue: 'prod' } },
      resources: [
        {
          type: 'Microsoft.Resources/deployments',
          apiVersion: '2022-09-01',
          name: 'mod',
          properties: {
            mode: 'Incremental',
            expressionEvaluationOptions: { scope: 'inner' },
            parameters: { name: { value: "[concat('st', parameters('env'))]" } },
            template: {
              $schema: SCHEMA,
              parameters: { name: { type: 'string' } },
              resources: [storage("[parameters('name')]", { minimumTlsVersion: 'TLS1_2' })],
              outputs: { accountName: { type: 'string', value: "[parameters('name')]" } },
            },
          },
        },
        storage("[concat(reference('mod').outputs.accountName.value, 'copy')]"),
      ],
      outputs: { fromModule: { type: 'string', value: "[reference('mod').outputs.accountName.value]" } },
    });
    expect(diagnostics).toEqual([]);
    expect(resources.map((r) => r.name)).toEqual(['stprod', 'stprodcopy']);
    expect(outputs).toEqual({ fromModule: 'stprod' });
  });

  it('evaluates an outer-scope inline template with the outer parameters', () => {
    const { resources } = expand({
      parameters: { n: { type: 'string', defaultValue: 'outerst' } },
      resources: [{ type: 'Microsoft.Resources/deployments', apiVersion: '2022-09-01', name: 'o', properties: { mode: 'Incremental', template: { $schema: SCHEMA, resources: [storage("[parameters('n')]")] } } }],
    });
    expect(resources.map((r) => r.name)).toEqual(['outerst']);
  });

  it('deploys into the resource group the deployment names', () => {
    const { doc } = JsonDocument.parse('sub.json', JSON.stringify({
      $schema: SUB_SCHEMA,
      resources: [{ type: 'Microsoft.Resources/deployments', apiVersion: '2022-09-01', name: 'rgmod', resourceGroup: 'app-rg', properties: { mode: 'Incremental', expressionEvaluationOptions: { scope: 'inner' }, template: { $schema: SCHEMA, resources: [storage('inrg')] } } }],
    }));
    const { resources } = expandTemplate(doc);
    expect(resources[0].id).toBe('/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/app-rg/providers/Microsoft.Storage/storageAccounts/inrg');
  });

  it('reads templateLink.relativePath files relative to the template and maps resources to them', () => {
    const file = path.join('test', 'fixtures', 'arm', 'linked', 'main.json');
    const { resources, diagnostics } = expandFile(file);
    expect(diagnostics).toEqual([]);
    expect(resources[0]).toMatchObject({ name: 'linkedst', file: path.resolve('test/fixtures/arm/linked/modules/storage.json') });
    expect(resources[0].sourceMap?.rangeOf('properties.minimumTlsVersion')).toMatchObject({ startLine: 11 });
  });

  it('stops a template that links to itself', () => {
    const { diagnostics } = expandFile(path.join('test', 'fixtures', 'arm', 'linked', 'loop.json'));
    expect(diagnostics.map((d) => d.code)).toEqual(['arm/linked-template-cycle']);
  });

  it('says when a linked template is remote', () => {
    const { resources, diagnostics } = expand({ resources: [{ type: 'Microsoft.Resources/deployments', apiVersion: '2022-09-01', name: 'remote', properties: { mode: 'Incremental', templateLink: { uri: 'https://example.com/t.json' } } }] });
    expect(resources).toEqual([]);
    expect(diagnostics[0]).toMatchObject({ code: 'arm/linked-template-unavailable', severity: 'warning' });
  });
});

describe('user-defined functions, copy and limits', () => {
  it('calls namespaced user functions with only their own parameters in scope', () => {
    const { resources } = expand({
      functions: [{ namespace: 'naming', members: { account: { parameters: [{ name: 'env', type: 'string' }], output: { type: 'string', value: "[concat('st', parameters('env'))]" } } } }],
      resources: [storage("[naming.account('dev')]")],
    });
    expect(resources[0].name).toBe('stdev');
  });

  it('resolves copyIndex() inside a property loop to the resource loop', () => {
    const { resources } = expand({
      resources: [{
        type: 'Microsoft.Network/virtualNetworks', apiVersion: '2023-05-01', name: "[format('vnet{0}', copyIndex())]", copy: { name: 'nets', count: 2 },
        properties: { copy: [{ name: 'subnets', count: 2, input: { name: "[format('s{0}-{1}', copyIndex(), copyIndex('subnets'))]" } }] },
      }],
    });
    expect(resources.map((r) => (r.properties as { subnets: { name: string }[] }).subnets.map((s) => s.name))).toEqual([['s0-0', 's0-1'], ['s1-0', 's1-1']]);
  });

  it('refuses copy counts over the ARM limit', () => {
    const { resources, diagnostics } = expand({ resources: [{ ...storage("[concat('s', copyIndex())]"), copy: { name: 'l', count: 801 } }] });
    expect(resources).toEqual([]);
    expect(diagnostics.map((d) => d.code)).toContain('arm/copy-limit');
  });

  it('reports a variable that refers to itself instead of hanging', () => {
    const { diagnostics } = expand({ variables: { a: "[variables('b')]", b: "[variables('a')]" }, resources: [storage("[variables('a')]")] });
    expect(diagnostics.some((d) => d.message.includes('refers to itself'))).toBe(true);
  });

  it('turns a runtime failure under assumed values into a warning with an Unknown', () => {
    const { resources, diagnostics } = expand({ parameters: { subnet: { type: 'string', defaultValue: 'plain' } }, resources: [storage("[split(parameters('subnet'), '/')[1]]")] });
    expect(diagnostics[0]).toMatchObject({ code: 'arm/evaluation-failed', severity: 'warning' });
    expect(resources[0].name).toBe("{unknown name: split(parameters('subnet'), '\u2215')[1]}");
  });

  it('spells an unknown name the same however the template spaces it, so a resourceId() to it finds it', () => {
    const { resources } = expand({
      parameters: { prefix: { type: 'string' } },
      variables: { stName: "[concat( parameters('prefix'),'st' )]" },
      resources: [
        storage("[concat(parameters('prefix'),'st')]"),
        storage("[concat(parameters( 'prefix' ), 'other')]"),
        {
          type: 'Microsoft.Network/privateEndpoints',
          apiVersion: '2023-04-01',
          name: 'pe',
          location: 'westeurope',
          properties: { privateLinkServiceConnections: [{ name: 'c', properties: { privateLinkServiceId: "[resourceId('Microsoft.Storage/storageAccounts', variables( 'stName' ))]" } }] },
        },
      ],
    });
    expect(resources[0].name).toBe("{unknown name: concat(parameters('prefix'), 'st')}");
    expect(resources[1].name).toBe("{unknown name: concat(parameters('prefix'), 'other')}");
    const target = (resources[2].properties as { privateLinkServiceConnections: { properties: { privateLinkServiceId: Unknown } }[] }).privateLinkServiceConnections;
    expect(target[0].properties.privateLinkServiceId.expression).toBe(resources[0].id);
  });
});
