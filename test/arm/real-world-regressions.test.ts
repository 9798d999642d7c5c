// Classes of real-world ARM templates that azready got wrong, each reduced to a minimal template
// written for this test.
import { describe, expect, it } from 'vitest';
import { expandTemplate } from '../../src/arm/expand-template.js';
import { JsonDocument } from '../../src/arm/json-document.js';
import { isUnknown } from '../../src/core/unknown.js';

function expand(text: string) {
  const { doc, diagnostics } = JsonDocument.parse('t.json', text);
  const out = expandTemplate(doc);
  return { ...out, errors: [...diagnostics, ...out.diagnostics].filter((d) => d.severity === 'error') };
}

const template = (body: string) => `{
  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
  "contentVersion": "1.0.0.0",
  ${body}
}`;

describe('real-world ARM templates', () => {
  it('accepts raw line breaks inside strings, as ARM does, and keeps them in literal values', () => {
    const out = expand(
      template(`"variables": { "note": "line one
line two" },
  "resources": [{
    "type": "Microsoft.Storage/storageAccounts", "apiVersion": "2023-01-01",
    "name": "[concat(
        'st',
        'demo')]",
    "location": "westus",
    "tags": { "note": "[variables('note')]" }
  }]`),
    );
    expect(out.errors).toEqual([]);
    expect(out.resources.map((r) => [r.name, r.tags])).toEqual([['stdemo', { note: 'line one\nline two' }]]);
  });

  it('keeps reporting real syntax errors when strings hold line breaks', () => {
    const out = expand(template(`"variables": { "a": "x
y", "b": }`));
    expect(out.errors.map((e) => e.code)).toContain('json/syntax-error');
  });

  it('ignores a trailing slash after the type in resourceId()', () => {
    const out = expand(
      template(`"resources": [{
    "type": "Microsoft.Storage/storageAccounts", "apiVersion": "2023-01-01", "name": "stdemo", "location": "westus",
    "properties": { "other": "[resourceId('Microsoft.Storage/storageAccounts/', 'stother')]" }
  }]`),
    );
    expect(out.errors).toEqual([]);
    expect(out.resources[0].properties).toEqual({
      other: '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/azready-rg/providers/Microsoft.Storage/storageAccounts/stother',
    });
  });

  it('calls a user function whose member name holds a dot (Bicep names indirect imports _1.fn)', () => {
    const out = expand(
      template(`"functions": [{ "namespace": "__bicep", "members": { "_1.prefixed": {
    "parameters": [{ "name": "n", "type": "string" }],
    "output": { "type": "string", "value": "[concat('st', parameters('n'))]" } } } }],
  "resources": [{
    "type": "Microsoft.Storage/storageAccounts", "apiVersion": "2023-01-01", "name": "[__bicep._1.prefixed('demo')]", "location": "westus"
  }]`),
    );
    expect(out.errors).toEqual([]);
    expect(out.resources.map((r) => r.name)).toEqual(['stdemo']);
  });

  it('evaluates an apiVersion written as an expression', () => {
    const out = expand(
      template(`"variables": { "api": { "storage": "2023-01-01" } },
  "resources": [{
    "type": "Microsoft.Storage/storageAccounts", "apiVersion": "[variables('api').storage]", "name": "stdemo", "location": "westus"
  }]`),
    );
    expect(out.errors).toEqual([]);
    expect(out.resources[0].apiVersion).toBe('2023-01-01');
  });

  it('does not evaluate the arguments of and()/or() after the one that decides', () => {
    const out = expand(
      template(`"parameters": { "names": { "type": "object", "defaultValue": {} } },
  "variables": {
    "name": "[if(and(contains(parameters('names'), 'st'), not(empty(parameters('names').st))), parameters('names').st, 'stdefault')]",
    "guarded": "[or(empty(parameters('names')), parameters('names').st)]"
  },
  "resources": [{
    "type": "Microsoft.Storage/storageAccounts", "apiVersion": "2023-01-01", "name": "[variables('name')]", "location": "westus",
    "tags": { "guarded": "[string(variables('guarded'))]" }
  }]`),
    );
    expect(out.diagnostics.filter((d) => d.severity !== 'info')).toEqual([]);
    expect(out.resources.map((r) => [r.name, r.tags])).toEqual([['stdefault', { guarded: 'True' }]]);
  });

  it("treats members Azure adds to a declared identity (principalId) as unknown, not missing", () => {
    const out = expand(
      template(`"resources": [
    { "type": "Microsoft.Web/sites", "apiVersion": "2023-01-01", "name": "app", "location": "westus", "identity": { "type": "SystemAssigned" } },
    { "type": "Microsoft.Authorization/roleAssignments", "apiVersion": "2022-04-01", "name": "[guid('app')]",
      "properties": {
        "principalId": "[reference(resourceId('Microsoft.Web/sites', 'app'), '2023-01-01', 'full').identity.principalId]",
        "identityType": "[reference(resourceId('Microsoft.Web/sites', 'app'), '2023-01-01', 'full').identity.type]"
      } }
  ]`),
    );
    expect(out.diagnostics.filter((d) => d.severity !== 'info')).toEqual([]);
    const props = out.resources[1].properties as Record<string, unknown>;
    expect(isUnknown(props.principalId)).toBe(true);
    expect(props.identityType).toBe('SystemAssigned');
  });

  it('json() reads text with comments and trailing commas, as ARM does', () => {
    const out = expand(
      template(`"variables": { "text": "{\\n // abbreviations\\n \\"st\\": \\"stdemo\\",\\n}" },
  "resources": [{
    "type": "Microsoft.Storage/storageAccounts", "apiVersion": "2023-01-01", "name": "[json(variables('text')).st]", "location": "westus"
  }]`),
    );
    expect(out.errors).toEqual([]);
    expect(out.resources.map((r) => r.name)).toEqual(['stdemo']);
  });

  it('reads a nested deployment parameter given as an expression that yields { value }', () => {
    const out = expand(
      template(`"parameters": { "useDefault": { "type": "bool", "defaultValue": false } },
  "resources": [{
    "type": "Microsoft.Resources/deployments", "apiVersion": "2022-09-01", "name": "inner",
    "properties": {
      "mode": "Incremental",
      "expressionEvaluationOptions": { "scope": "inner" },
      "parameters": { "stName": "[if(parameters('useDefault'), createObject('value', 'stdefault'), createObject('value', 'stchosen'))]" },
      "template": {
        "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
        "contentVersion": "1.0.0.0",
        "parameters": { "stName": { "type": "string", "defaultValue": "" } },
        "resources": [{ "condition": "[not(empty(parameters('stName')))]", "type": "Microsoft.Storage/storageAccounts", "apiVersion": "2023-01-01", "name": "[parameters('stName')]", "location": "westus" }]
      }
    }
  }]`),
    );
    expect(out.errors).toEqual([]);
    expect(out.resources.map((r) => r.name)).toEqual(['stchosen']);
  });

  it('reads a nested deployment parameter whose value is a property loop (Bicep: param: [for …])', () => {
    const out = expand(
      template(`"parameters": { "nics": { "type": "array", "defaultValue": [{ "name": "nic-a" }, { "name": "nic-b" }] } },
  "resources": [{
    "type": "Microsoft.Resources/deployments", "apiVersion": "2022-09-01", "name": "inner",
    "properties": {
      "mode": "Incremental",
      "expressionEvaluationOptions": { "scope": "inner" },
      "parameters": {
        "nicConfigurations": { "copy": [{ "name": "value", "count": "[length(parameters('nics'))]", "input": "[createObject('name', parameters('nics')[copyIndex('value')].name)]" }] }
      },
      "template": {
        "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
        "contentVersion": "1.0.0.0",
        "parameters": { "nicConfigurations": { "type": "array" } },
        "resources": [{
          "copy": { "name": "nic", "count": "[length(parameters('nicConfigurations'))]" },
          "type": "Microsoft.Network/networkInterfaces", "apiVersion": "2023-04-01", "name": "[parameters('nicConfigurations')[copyIndex()].name]", "location": "westus"
        }]
      }
    }
  }]`),
    );
    expect(out.errors).toEqual([]);
    expect(out.diagnostics.filter((d) => d.severity !== 'info')).toEqual([]);
    expect(out.resources.map((r) => r.name)).toEqual(['nic-a', 'nic-b']);
  });

  it('reads one copy of a looped resource by symbolic name and index (reference(\'nsgs[1]\'), languageVersion 2.0)', () => {
    const out = expand(`{
  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
  "languageVersion": "2.0",
  "contentVersion": "1.0.0.0",
  "variables": { "subnets": [{ "name": "web", "nsg": true }, { "name": "data", "nsg": false }, { "name": "app", "nsg": true }] },
  "resources": {
    "nsgs": {
      "copy": { "name": "nsgs", "count": "[length(variables('subnets'))]" },
      "condition": "[variables('subnets')[copyIndex()].nsg]",
      "type": "Microsoft.Network/networkSecurityGroups", "apiVersion": "2023-04-01", "name": "[format('nsg-{0}', variables('subnets')[copyIndex()].name)]", "location": "westus"
    },
    "vnet": {
      "type": "Microsoft.Network/virtualNetworks", "apiVersion": "2023-04-01", "name": "vnet", "location": "westus",
      "properties": {
        "copy": [{ "name": "subnets", "count": "[length(variables('subnets'))]", "input": {
          "name": "[variables('subnets')[copyIndex('subnets')].name]",
          "nsg": "[if(variables('subnets')[copyIndex('subnets')].nsg, resourceInfo(format('nsgs[{0}]', copyIndex('subnets'))).name, null())]"
        } }]
      }
    }
  }
}`);
    expect(out.errors).toEqual([]);
    const vnet = out.resources.find((r) => r.name === 'vnet');
    expect((vnet?.properties as { subnets: unknown[] }).subnets).toEqual([{ name: 'web', nsg: 'nsg-web' }, { name: 'data', nsg: null }, { name: 'app', nsg: 'nsg-app' }]);
  });

  it('reads nullable, type and constraints of a parameter from the definition its $ref names (Bicep user-defined types)', () => {
    const out = expand(`{
  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
  "languageVersion": "2.0",
  "contentVersion": "1.0.0.0",
  "definitions": {
    "diagnosticSettingType": { "type": "array", "nullable": true },
    "skuType": { "$ref": "#/definitions/skuName" },
    "skuName": { "type": "string", "allowedValues": ["Standard_LRS", "Standard_ZRS"] }
  },
  "parameters": {
    "diagnosticSettings": { "$ref": "#/definitions/diagnosticSettingType" },
    "sku": { "$ref": "#/definitions/skuType", "defaultValue": "Premium_LRS" }
  },
  "resources": {
    "st": { "type": "Microsoft.Storage/storageAccounts", "apiVersion": "2023-01-01", "name": "st", "location": "westus", "sku": { "name": "[parameters('sku')]" } },
    "diag": {
      "copy": { "name": "diag", "count": "[length(coalesce(parameters('diagnosticSettings'), createArray()))]" },
      "type": "Microsoft.Insights/diagnosticSettings", "apiVersion": "2021-05-01-preview", "scope": "st", "name": "[format('d{0}', copyIndex())]", "properties": {}
    }
  }
}`);
    expect(out.diagnostics.filter((d) => d.code === 'arm/parameter-without-value' || d.code === 'arm/copy-count-unknown')).toEqual([]);
    expect(out.resources.map((r) => r.name)).toEqual(['st']);
    expect(out.diagnostics.find((d) => d.code === 'arm/parameter-constraint')?.message).toContain("'sku' defaults to \"Premium_LRS\"");
  });

  it('expands the generic role-assignment template: outer scope, its own parameters passed, given inline or through json()', () => {
    const generic = {
      $schema: 'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#',
      contentVersion: '1.0.0.0',
      parameters: { scope: { type: 'string' }, name: { type: 'string' }, principalId: { type: 'string' } },
      resources: [{ type: 'Microsoft.Authorization/roleAssignments', apiVersion: '2022-04-01', scope: "[parameters('scope')]", name: "[parameters('name')]", properties: { principalId: "[parameters('principalId')]" } }],
      outputs: { roleAssignmentId: { type: 'string', value: "[extensionResourceId(parameters('scope'), 'Microsoft.Authorization/roleAssignments', parameters('name'))]" } },
    };
    const deployment = (inner: string) => `{
      "type": "Microsoft.Resources/deployments", "apiVersion": "2021-04-01", "name": "ra",
      "properties": {
        "mode": "Incremental",
        "expressionEvaluationOptions": { "scope": "Outer" },
        "template": ${inner},
        "parameters": { "scope": { "value": "[parameters('target')]" }, "name": { "value": "00000000-0000-0000-0000-0000000000aa" }, "principalId": { "value": "p-1" } }
      }
    }`;
    for (const inner of [JSON.stringify(generic), JSON.stringify(`[json('${JSON.stringify(generic).replace(/'/g, "''")}')]`)]) {
      const out = expand(
        template(`"parameters": { "target": { "type": "string", "defaultValue": "/subscriptions/s/resourceGroups/rg/providers/Microsoft.Storage/storageAccounts/st" } },
  "resources": [${deployment(inner)}],
  "outputs": { "id": { "type": "string", "value": "[reference('ra').outputs.roleAssignmentId.value]" } }`),
      );
      expect(out.diagnostics.filter((d) => d.severity !== 'info')).toEqual([]);
      expect(out.resources.map((r) => [r.type, r.name, r.scope, r.properties])).toEqual([
        ['Microsoft.Authorization/roleAssignments', '00000000-0000-0000-0000-0000000000aa', '/subscriptions/s/resourceGroups/rg/providers/Microsoft.Storage/storageAccounts/st', { principalId: 'p-1' }],
      ]);
      expect(out.outputs.id).toBe('/subscriptions/s/resourceGroups/rg/providers/Microsoft.Storage/storageAccounts/st/providers/Microsoft.Authorization/roleAssignments/00000000-0000-0000-0000-0000000000aa');
    }
  });

  it('expands a nested deployment whose properties are one expression (Bicep properties: someVariable)', () => {
    const out = expand(
      template(`"variables": {
    "nestedProps": { "mode": "Incremental", "template": {
      "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#", "contentVersion": "1.0.0.0",
      "resources": [{ "type": "Microsoft.Storage/storageAccounts", "apiVersion": "2023-01-01", "name": "stnested", "location": "westus" }]
    } }
  },
  "resources": [{ "type": "Microsoft.Resources/deployments", "apiVersion": "2022-09-01", "name": "nested", "properties": "[variables('nestedProps')]" }]`),
    );
    expect(out.diagnostics.filter((d) => d.severity !== 'info')).toEqual([]);
    expect(out.resources.map((r) => r.name)).toEqual(['stnested']);
    expect(out.resources[0].sourceMap?.rangeOf('')?.startLine).toBe(10);
  });

  it('scopes an extension resource to the resource its unknown-named scope expression names (classic relative form)', () => {
    const out = expand(
      template(`"parameters": { "vaultName": { "type": "string" } },
  "resources": [
    { "type": "Microsoft.KeyVault/vaults", "apiVersion": "2023-07-01", "name": "[parameters('vaultName')]", "location": "westus", "properties": {} },
    { "type": "Microsoft.Insights/diagnosticSettings", "apiVersion": "2021-05-01-preview", "name": "default", "scope": "[format('Microsoft.KeyVault/vaults/{0}', parameters('vaultName'))]", "properties": {} }
  ]`),
    );
    const [vault, setting] = out.resources;
    expect(setting.scope).toBe(vault.id);
    expect(setting.id).toBe(`${vault.id}/providers/Microsoft.Insights/diagnosticSettings/default`);
  });

  it('scopes an extension resource to a child resource named by an expression (blobServices of an unknown account)', () => {
    const out = expand(
      template(`"parameters": { "account": { "type": "string" } },
  "resources": [
    { "type": "Microsoft.Storage/storageAccounts", "apiVersion": "2023-01-01", "name": "[parameters('account')]", "location": "westus" },
    { "type": "Microsoft.Storage/storageAccounts/blobServices", "apiVersion": "2023-01-01", "name": "[format('{0}/{1}', parameters('account'), 'default')]" },
    { "type": "Microsoft.Insights/diagnosticSettings", "apiVersion": "2021-05-01-preview", "name": "blobs", "scope": "[resourceId('Microsoft.Storage/storageAccounts/blobServices', parameters('account'), 'default')]", "properties": {} }
  ]`),
    );
    const [, blobs, setting] = out.resources;
    expect(setting.scope).toBe(blobs.id);
  });

  it('names a child resource segment by segment when only some segments are unknown, so it stays under its parent', () => {
    const out = expand(
      template(`"parameters": { "account": { "type": "string" } },
  "resources": [
    { "type": "Microsoft.Storage/storageAccounts", "apiVersion": "2023-01-01", "name": "[parameters('account')]", "location": "westus" },
    { "type": "Microsoft.Storage/storageAccounts/blobServices", "apiVersion": "2023-01-01", "name": "[format('{0}/{1}', parameters('account'), 'default')]" },
    { "type": "Microsoft.Storage/storageAccounts/blobServices/containers", "apiVersion": "2023-01-01", "name": "[format('{0}/{1}', format('{0}/default', parameters('account')), 'logs')]" }
  ]`),
    );
    const [account, blobs, container] = out.resources;
    expect(blobs.id).toBe(`${account.id}/blobServices/default`);
    expect(container.id).toBe(`${account.id}/blobServices/default/containers/logs`);
    expect(container.name).toBe("{unknown name: parameters('account')}/default/logs");
  });

  it('reports a string left open across a line break, or holding another control character, as a syntax error instead of throwing', () => {
    for (const text of ['{ "a": "unterminated\n}', '{ "variables": { "x": "line one\nline two\u0001" } }']) {
      const { diagnostics } = JsonDocument.parse('broken.json', text);
      expect(diagnostics.length).toBeGreaterThan(0);
      expect(new Set(diagnostics.map((d) => d.code))).toEqual(new Set(['json/syntax-error']));
    }
  });

  it('passes a Key Vault reference given as an expression (Bicep: cond ? kv.getSecret(x) : null) as a secret, not the default', () => {
    const out = expand(
      template(`"parameters": { "useKv": { "type": "bool", "defaultValue": true } },
  "resources": [{
    "type": "Microsoft.Resources/deployments", "apiVersion": "2022-09-01", "name": "m",
    "properties": {
      "mode": "Incremental",
      "expressionEvaluationOptions": { "scope": "inner" },
      "parameters": { "pw": "[if(parameters('useKv'), createObject('reference', createObject('keyVault', createObject('id', resourceId('Microsoft.KeyVault/vaults', 'kv1')), 'secretName', 'pw')), createObject('value', null()))]" },
      "template": {
        "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#", "contentVersion": "1.0.0.0",
        "parameters": { "pw": { "type": "securestring", "defaultValue": "" } },
        "resources": [{ "type": "Microsoft.Compute/virtualMachines/extensions", "apiVersion": "2023-03-01", "name": "vm1/DomainJoin", "location": "westus", "properties": { "protectedSettings": { "Password": "[parameters('pw')]" } } }]
      }
    }
  }]`),
    );
    const [extension] = out.resources;
    expect((extension.properties as { protectedSettings: { Password: unknown } }).protectedSettings.Password).toMatchObject({ kind: 'unknown', reason: "the parameter 'pw' is a Key Vault reference resolved at deployment" });
    expect(extension.secretPaths).toContain('properties.protectedSettings.Password');
  });

  it('gives deployment().name in a nested deployment of its own scope the nested deployment\'s name', () => {
    const out = expand(
      template(`"resources": [{
    "type": "Microsoft.Resources/deployments", "apiVersion": "2022-09-01", "name": "dep-inner",
    "properties": {
      "mode": "Incremental",
      "expressionEvaluationOptions": { "scope": "inner" },
      "template": {
        "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#", "contentVersion": "1.0.0.0",
        "resources": [{ "type": "Microsoft.Storage/storageAccounts", "apiVersion": "2023-01-01", "name": "[format('st{0}', deployment().name)]", "location": "westus" }]
      }
    }
  }],
  "outputs": { "outer": { "type": "string", "value": "[deployment().name]" } }`),
    );
    expect(out.resources.map((r) => r.name)).toEqual(['stdep-inner']);
    expect(out.outputs.outer).toBe('azready');
  });

  it('gives resourceGroup().location in a deployment into a group the template creates that group\'s location', () => {
    const out = expand(`{
  "$schema": "https://schema.management.azure.com/schemas/2018-05-01/subscriptionDeploymentTemplate.json#",
  "contentVersion": "1.0.0.0",
  "resources": [
    { "type": "Microsoft.Resources/resourceGroups", "apiVersion": "2022-09-01", "name": "rg-app", "location": "swedencentral" },
    {
      "type": "Microsoft.Resources/deployments", "apiVersion": "2022-09-01", "name": "app", "resourceGroup": "rg-app",
      "dependsOn": ["[subscriptionResourceId('Microsoft.Resources/resourceGroups', 'rg-app')]"],
      "properties": {
        "mode": "Incremental",
        "expressionEvaluationOptions": { "scope": "inner" },
        "template": {
          "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#", "contentVersion": "1.0.0.0",
          "resources": [{ "type": "Microsoft.Network/networkSecurityGroups", "apiVersion": "2023-04-01", "name": "nsg", "location": "[resourceGroup().location]" }]
        }
      }
    }
  ]
}`);
    expect(out.resources.find((r) => r.name === 'nsg')?.location).toBe('swedencentral');
  });

  it('reads the outputs of a deployment whose name is unknown through the same name expression', () => {
    const out = expand(
      template(`"parameters": { "suffix": { "type": "string", "defaultValue": "[utcNow()]" } },
  "resources": [
    {
      "type": "Microsoft.Resources/deployments", "apiVersion": "2022-09-01", "name": "[format('net-{0}', parameters('suffix'))]",
      "properties": {
        "mode": "Incremental",
        "expressionEvaluationOptions": { "scope": "inner" },
        "template": {
          "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
          "contentVersion": "1.0.0.0",
          "resources": [],
          "outputs": { "names": { "type": "array", "value": ["st1", "st2"] } }
        }
      }
    },
    {
      "type": "Microsoft.Storage/storageAccounts", "apiVersion": "2023-01-01", "location": "westus", "name": "stmain",
      "tags": { "peers": "[join(reference(resourceId('Microsoft.Resources/deployments', format('net-{0}', parameters('suffix'))), '2022-09-01').outputs.names.value, ',')]" }
    }
  ]`),
    );
    expect(out.diagnostics.filter((d) => d.severity !== 'info')).toEqual([]);
    expect(out.resources.map((r) => [r.name, r.tags])).toEqual([['stmain', { peers: 'st1,st2' }]]);
  });

  it('reads the outputs of a deployment into another resource group by its id there', () => {
    const nested = (rg: string, id: string) => `{
      "type": "Microsoft.Resources/deployments", "apiVersion": "2022-09-01", "name": "net", "resourceGroup": ${rg},
      "properties": {
        "mode": "Incremental",
        "expressionEvaluationOptions": { "scope": "inner" },
        "template": {
          "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
          "contentVersion": "1.0.0.0",
          "resources": [],
          "outputs": { "zone": { "type": "string", "value": "privatelink.blob.core.windows.net" } }
        }
      }
    },
    {
      "type": "Microsoft.Storage/storageAccounts", "apiVersion": "2023-01-01", "location": "westus", "name": "stmain",
      "tags": { "zone": "[reference(${id}, '2022-09-01').outputs.zone.value]" }
    }`;
    const known = expand(template(`"resources": [${nested('"rg-net"', "extensionResourceId(format('/subscriptions/{0}/resourceGroups/{1}', subscription().subscriptionId, 'rg-net'), 'Microsoft.Resources/deployments', 'net')")}]`));
    const unknownRg = expand(
      template(`"parameters": { "rg": { "type": "string" } },
  "resources": [${nested("\"[parameters('rg')]\"", "extensionResourceId(format('/subscriptions/{0}/resourceGroups/{1}', subscription().subscriptionId, parameters('rg')), 'Microsoft.Resources/deployments', 'net')")}]`),
    );
    for (const out of [known, unknownRg]) {
      expect(out.errors).toEqual([]);
      expect(out.resources.map((r) => r.tags)).toEqual([{ zone: 'privatelink.blob.core.windows.net' }]);
    }
  });

  it('types an extension resource of the <type>/providers/<extType> form even when its name is unknown', () => {
    const resource = (name: string) => `{
      "type": "Microsoft.Storage/storageAccounts/providers/roleAssignments", "apiVersion": "2022-04-01",
      "name": "${name}",
      "properties": { "principalId": "p", "roleDefinitionId": "r" }
    }`;
    const known = expand(template(`"resources": [${resource("[concat('stdemo', '/Microsoft.Authorization/', guid('x'))]")}]`));
    const unknown = expand(
      template(`"parameters": { "account": { "type": "string" } },
  "resources": [${resource("[concat(parameters('account'), '/Microsoft.Authorization/', guid('x'))]")}]`),
    );
    expect(known.resources.map((r) => [r.type, r.scope])).toEqual([
      ['Microsoft.Authorization/roleAssignments', '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/azready-rg/providers/Microsoft.Storage/storageAccounts/stdemo'],
    ]);
    expect(unknown.resources.map((r) => r.type)).toEqual(['Microsoft.Authorization/roleAssignments']);
    // The account's segment is unknown, the rest of the name known: the scope is the account's id
    // as an unknown-named account spells it.
    expect(unknown.resources[0].scope).toBe("/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/azready-rg/providers/Microsoft.Storage/storageAccounts/{unknown name: parameters('account')}");
  });

  it('flatten() of arrays one of which is unknown is unknown, not a failure', () => {
    const out = expand(
      template(`"parameters": { "later": { "type": "array" } },
  "variables": { "lists": ["[parameters('later')]", ["a"]] },
  "resources": [{
    "type": "Microsoft.Storage/storageAccounts", "apiVersion": "2023-01-01", "name": "stdemo", "location": "westus",
    "tags": { "all": "[string(flatten(variables('lists')))]" }
  }]`),
    );
    expect(out.diagnostics.filter((d) => d.severity !== 'info')).toEqual([]);
    expect(isUnknown((out.resources[0].tags as Record<string, unknown>).all)).toBe(true);
  });

  it('a nested deployment into a resource group named only at deployment has that group unknown in ids, not a placeholder', () => {
    const out = expand(
      template(`"parameters": { "rgNoValue": { "type": "string" } },
  "resources": [{
    "type": "Microsoft.Resources/deployments", "apiVersion": "2022-09-01", "name": "inner",
    "resourceGroup": "[parameters('rgNoValue')]",
    "properties": { "mode": "Incremental", "expressionEvaluationOptions": { "scope": "inner" },
      "template": {
        "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
        "contentVersion": "1.0.0.0",
        "resources": [
          { "type": "Microsoft.Storage/storageAccounts", "apiVersion": "2023-01-01", "name": "stdemo", "location": "westus",
            "properties": { "self": "[resourceId('Microsoft.Storage/storageAccounts', 'stdemo')]", "role": "[subscriptionResourceId('Microsoft.Authorization/roleDefinitions', 'r')]",
              "group": "[resourceGroup().name]", "groupLocation": "[resourceGroup().location]" } },
          { "type": "Microsoft.Authorization/locks", "apiVersion": "2020-05-01", "name": "lock", "scope": "[resourceId('Microsoft.Storage/storageAccounts', 'stdemo')]",
            "properties": { "level": "CanNotDelete" } }
        ],
        "outputs": { "rgId": { "type": "string", "value": "[resourceGroup().id]" } }
      } } }],
  "outputs": { "rgId": { "type": "string", "value": "[reference('inner').outputs.rgId.value]" } }`),
    );
    expect(out.errors).toEqual([]);
    const group = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/{unknown resource group: parameters('rgNoValue')}";
    const account = `${group}/providers/Microsoft.Storage/storageAccounts/stdemo`;
    expect(out.resources.map((r) => [r.id, r.scope])).toEqual([
      [account, undefined],
      [`${account}/providers/Microsoft.Authorization/locks/lock`, account],
    ]);
    const props = out.resources[0].properties as Record<string, unknown>;
    expect(props.self).toMatchObject({ reason: expect.stringContaining("'rgNoValue' has no value"), expression: account });
    expect(isUnknown(props.group)).toBe(true);
    // What does not depend on the group stays known.
    expect(props.role).toBe('/subscriptions/00000000-0000-0000-0000-000000000000/providers/Microsoft.Authorization/roleDefinitions/r');
    expect(props.groupLocation).toBe('westus');
    expect(isUnknown(out.outputs.rgId)).toBe(true);
    expect(JSON.stringify(out.resources)).not.toContain('azready-rg');
  });

  it('a deployment scoped to the id of a resource group named only at deployment targets that group', () => {
    const out = expand(
      template(`"parameters": { "sub": { "type": "string" }, "rg": { "type": "string" } },
  "resources": [{
    "type": "Microsoft.Resources/deployments", "apiVersion": "2022-09-01", "name": "inner",
    "scope": "[subscriptionResourceId(parameters('sub'), 'Microsoft.Resources/resourceGroups', parameters('rg'))]",
    "properties": { "mode": "Incremental", "expressionEvaluationOptions": { "scope": "inner" },
      "template": {
        "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
        "contentVersion": "1.0.0.0",
        "resources": [{ "type": "Microsoft.Storage/storageAccounts", "apiVersion": "2023-01-01", "name": "stdemo", "location": "westus" }]
      } } }]`).replace('2019-04-01/deploymentTemplate', '2018-05-01/subscriptionDeploymentTemplate'),
    );
    expect(out.errors).toEqual([]);
    expect(out.resources.map((r) => r.id)).toEqual([
      "/subscriptions/{unknown subscription: parameters('sub')}/resourceGroups/{unknown resource group: parameters('rg')}/providers/Microsoft.Storage/storageAccounts/stdemo",
    ]);
  });

  it('names the extension resources of a symbolic-name template by their key, read after every resource is known', () => {
    const out = expand(
      template(`"languageVersion": "2.0",
  "imports": { "graph": { "provider": "MicrosoftGraph", "version": "0.1.8-preview" } },
  "resources": {
    "app::fic": { "import": "graph", "type": "Microsoft.Graph/applications/federatedIdentityCredentials@v1.0",
      "properties": { "name": "[format('{0}/github', reference('app').uniqueName)]", "issuer": "i", "subject": "s", "audiences": ["a"] },
      "dependsOn": ["app"] },
    "app": { "import": "graph", "type": "Microsoft.Graph/applications@v1.0", "properties": { "uniqueName": "app1" } },
    "st": { "extension": "az", "type": "Microsoft.Storage/storageAccounts", "apiVersion": "2023-01-01", "name": "stdemo", "location": "westus" }
  }`),
    );
    expect(out.errors).toEqual([]);
    expect(out.resources.map((r) => [r.id, r.apiVersion])).toEqual([
      ['/providers/Microsoft.Graph/applications/app1/federatedIdentityCredentials/github', 'v1.0'],
      ['/providers/Microsoft.Graph/applications/app1', 'v1.0'],
      ['/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/azready-rg/providers/Microsoft.Storage/storageAccounts/stdemo', '2023-01-01'],
    ]);
  });

  it("json('') of an empty secure parameter default is unknown with a warning, not an error", () => {
    const out = expand(
      template(`"parameters": { "protectedParameters": { "type": "securestring", "defaultValue": "" } },
  "resources": [{
    "type": "Microsoft.Compute/virtualMachines/runCommands", "apiVersion": "2023-09-01", "name": "vm1/run", "location": "westus",
    "properties": { "protectedParameters": "[json(parameters('protectedParameters'))]", "parameters": "[json('[{\\"name\\": \\"a\\"}]')]" }
  }]`),
    );
    expect(out.errors).toEqual([]);
    expect(out.diagnostics.map((d) => [d.code, d.severity])).toEqual([['arm/evaluation-undocumented', 'warning']]);
    const props = out.resources[0].properties as Record<string, unknown>;
    expect(isUnknown(props.protectedParameters)).toBe(true);
    expect(props.parameters).toEqual([{ name: 'a' }]);
    expect(expand(template(`"variables": { "bad": "[json('{ not json')]" }, "outputs": { "o": { "type": "object", "value": "[variables('bad')]" } }`)).errors.map((e) => e.code)).toEqual(['arm/expression-error']);
  });

  it('an outer-scope nested deployment into another resource group puts its resources there, its expressions still outside', () => {
    const out = expand(
      template(`"parameters": { "vaultGroup": { "type": "string" } },
  "resources": [{
    "type": "Microsoft.Resources/deployments", "apiVersion": "2022-09-01", "name": "addPolicy",
    "resourceGroup": "[parameters('vaultGroup')]",
    "properties": { "mode": "Incremental",
      "template": {
        "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
        "contentVersion": "1.0.0.0",
        "resources": [{ "type": "Microsoft.KeyVault/vaults/accessPolicies", "apiVersion": "2019-09-01", "name": "kv1/add",
          "properties": { "lake": "[resourceId('Microsoft.DataLakeStore/accounts', 'lake1')]" } }]
      } } }]`),
    );
    expect(out.errors).toEqual([]);
    expect(out.resources.map((r) => [r.id, r.properties])).toEqual([[
      "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/{unknown resource group: parameters('vaultGroup')}/providers/Microsoft.KeyVault/vaults/kv1/accessPolicies/add",
      { lake: '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/azready-rg/providers/Microsoft.DataLakeStore/accounts/lake1' },
    ]]);
  });
});
