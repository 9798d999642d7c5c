// Classes of real-world Bicep that azready got wrong, each reduced to a minimal file written for
// this test.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileBicepFile, loadBicepFile, loadBicepParams } from '../../../src/bicep/load-bicep.js';
import { isUnknown } from '../../../src/core/unknown.js';

function project(files: Record<string, string>): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'azready-rw-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(path.join(dir, name), text);
  return dir;
}

const errorsOf = (out: ReturnType<typeof loadBicepFile>) => out.diagnostics.filter((d) => d.severity === 'error');

describe('real-world Bicep', () => {
  it('calls a function imported from another file', () => {
    const dir = project({
      'fns.bicep': "@export()\nfunc lastSegment(id string) string => last(split(id, '/'))\n",
      'main.bicep': [
        "import { lastSegment } from 'fns.bicep'",
        "param vnetId string = '/subscriptions/s/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/vnet1'",
        "resource nsg 'Microsoft.Network/networkSecurityGroups@2023-04-01' = {",
        "  name: 'nsg-${lastSegment(vnetId)}'",
        "  location: 'westus'",
        '}',
        '',
      ].join('\n'),
    });
    const out = loadBicepFile(path.join(dir, 'main.bicep'));
    expect(errorsOf(out)).toEqual([]);
    expect(out.resources.map((r) => r.name)).toEqual(['nsg-vnet1']);
  });

  it('drops a byte-order mark from loaded text and JSON, and base64-encodes the bytes of a file', () => {
    const dir = project({
      'script.ps1': '\ufeffWrite-Output 1\n',
      'settings.json': '\ufeff{ "sku": "Standard_LRS" }',
      'main.bicep': [
        "var settings = loadJsonContent('settings.json')",
        "resource st 'Microsoft.Storage/storageAccounts@2023-01-01' = {",
        "  name: 'stdemo'",
        "  location: 'westus'",
        '  sku: { name: settings.sku }',
        "  kind: 'StorageV2'",
        "  tags: { script: loadTextContent('script.ps1'), blob: loadFileAsBase64('blob.bin') }",
        '}',
        '',
      ].join('\n'),
    });
    writeFileSync(path.join(dir, 'blob.bin'), Buffer.from([0xff, 0x00, 0x80]));
    const out = loadBicepFile(path.join(dir, 'main.bicep'));
    expect(errorsOf(out)).toEqual([]);
    expect(out.resources[0]).toMatchObject({ sku: { name: 'Standard_LRS' }, tags: { script: 'Write-Output 1\n', blob: '/wCA' } });
  });

  it('loads JSON with comments and trailing commas, as Bicep does, and says where invalid JSON is wrong', () => {
    const dir = project({
      'rules.json': '{\n  "securityRules": [\n    { "name": "a" },\n    // other rules here\n    { "name": "b" },\n  ]\n}\n',
      'broken.json': '{\n  "a": [1 2]\n}\n',
      'main.bicep': [
        "var rules = loadJsonContent('rules.json', 'securityRules')",
        "resource nsg 'Microsoft.Network/networkSecurityGroups@2023-04-01' = {",
        "  name: 'nsg'",
        "  location: 'westus'",
        '  properties: { securityRules: rules }',
        '}',
        "var broken = loadJsonContent('broken.json')",
        'output b object = broken',
        '',
      ].join('\n'),
    });
    const out = loadBicepFile(path.join(dir, 'main.bicep'));
    expect(out.resources[0].properties).toEqual({ securityRules: [{ name: 'a' }, { name: 'b' }] });
    expect(errorsOf(out).map((d) => [d.code, d.message, d.location?.startLine])).toEqual([['bicep/load-file-failed', "loadJsonContent('broken.json'): invalid JSON at line 2, column 11: comma expected", 7]]);
  });

  it('reads members of a variable that holds one of two resources (Bicep inlines it)', () => {
    const dir = project({
      'main.bicep': [
        "param existingId string = ''",
        'var useExisting = !empty(existingId)',
        "var parts = split(existingId, '/')",
        "resource newOne 'Microsoft.Storage/storageAccounts@2023-01-01' = if (!useExisting) {",
        "  name: 'stnew'",
        "  location: 'westus'",
        "  sku: { name: 'Standard_LRS' }",
        "  kind: 'StorageV2'",
        '  properties: { minimumTlsVersion: \'TLS1_2\' }',
        '}',
        "resource oldOne 'Microsoft.Storage/storageAccounts@2023-01-01' existing = if (useExisting) {",
        '  name: parts[8]',
        '  scope: resourceGroup(parts[2], parts[4])',
        '}',
        'var chosen = useExisting ? oldOne : newOne',
        "resource lock 'Microsoft.Authorization/locks@2020-05-01' = {",
        "  name: 'lock-${chosen.name}'",
        '  properties: { level: \'CanNotDelete\', notes: chosen.properties.minimumTlsVersion }',
        '}',
        'output location string = chosen.location',
        'output key string = chosen.listKeys().keys[0].value',
        '',
      ].join('\n'),
    });
    const out = loadBicepFile(path.join(dir, 'main.bicep'));
    expect(errorsOf(out)).toEqual([]);
    expect(out.resources.find((r) => r.name === 'lock-stnew')?.properties).toEqual({ level: 'CanNotDelete', notes: 'TLS1_2' });
    expect(out.outputs.location).toBe('westus');
    expect(isUnknown(out.outputs.key)).toBe(true);
  });

  it('reads one element of a looped nested resource through its parent (profile::domains[i].id)', () => {
    const dir = project({
      'main.bicep': [
        "param domainNames array = ['a', 'b']",
        "resource profile 'Microsoft.Cdn/profiles@2024-02-01' existing = {",
        "  name: 'cdn'",
        "  resource domains 'customDomains@2024-02-01' existing = [for d in domainNames: {",
        '    name: d',
        '  }]',
        '}',
        "resource route 'Microsoft.Cdn/profiles/afdEndpoints/routes@2024-02-01' = {",
        "  name: 'cdn/ep/route'",
        '  properties: {',
        '    customDomains: [for i in range(0, length(domainNames)): { id: profile::domains[i].id }]',
        '  }',
        '}',
        '',
      ].join('\n'),
    });
    const out = loadBicepFile(path.join(dir, 'main.bicep'));
    expect(errorsOf(out)).toEqual([]);
    const ids = (out.resources[0].properties as { customDomains: { id: string }[] }).customDomains.map((d) => d.id.split('/providers/')[1]);
    expect(ids).toEqual(['Microsoft.Cdn/profiles/cdn/customDomains/a', 'Microsoft.Cdn/profiles/cdn/customDomains/b']);
  });

  it('checks each element of an array given for an @allowed parameter whose type azready does not resolve', () => {
    const dir = project({
      'route.bicep': "@allowed(['Http', 'Https'])\nparam protocols resourceInput<'Microsoft.Cdn/profiles/afdEndpoints/routes@2024-02-01'>.properties.supportedProtocols?\noutput p array = protocols ?? []\n",
      'main.bicep': [
        "module ok 'route.bicep' = {",
        "  name: 'ok'",
        "  params: { protocols: ['Http', 'Https'] }",
        '}',
        "module bad 'route.bicep' = {",
        "  name: 'bad'",
        "  params: { protocols: ['Ftp'] }",
        '}',
        '',
      ].join('\n'),
    });
    const out = loadBicepFile(path.join(dir, 'main.bicep'));
    expect(out.diagnostics.filter((d) => d.code === 'arm/parameter-constraint').map((d) => d.message)).toEqual([`the parameter 'protocols' is given ["Ftp"], but it must be one of "Http", "Https"`]);
  });

  it('calls a function that reads a variable of the file (allowed in Bicep and ARM since 2024)', () => {
    const dir = project({
      'main.bicep': [
        "param tags object = { Application: 'Shop', Environment: 'Prod' }",
        "var affix = toLower('${tags.Application}-${tags.Environment}')",
        "func name(prefix string, instance string) string => '${prefix}-${affix}-${instance}'",
        "resource vnet 'Microsoft.Network/virtualNetworks@2023-04-01' = {",
        "  name: name('vnet', '01')",
        "  location: 'westus'",
        '}',
        '',
      ].join('\n'),
    });
    const out = loadBicepFile(path.join(dir, 'main.bicep'));
    expect(errorsOf(out)).toEqual([]);
    expect(out.resources.map((r) => r.name)).toEqual(['vnet-shop-prod-01']);
  });

  it('reads a .bicepparam value that uses another parameter of the file', () => {
    const dir = project({
      'main.bicep': 'param addressPrefixes array\nparam subnets array\n',
      'dev.bicepparam': [
        "using 'main.bicep'",
        "param addressPrefixes = ['10.10.1.0/24', '10.10.10.0/24']",
        "param subnets = [{ name: 'GatewaySubnet', addressPrefix: cidrSubnet(addressPrefixes[1], 26, 0) }]",
        '',
      ].join('\n'),
    });
    const out = loadBicepParams(path.join(dir, 'dev.bicepparam'));
    expect(out.diagnostics.filter((d) => d.severity !== 'info')).toEqual([]);
    expect(out.values.get('subnets')?.value).toEqual([{ name: 'GatewaySubnet', addressPrefix: '10.10.10.0/26' }]);
  });

  it('reports a module parameter the module does not declare at the caller\'s line, as spelled there', () => {
    const dir = project({
      'mod.bicep': 'param name string\noutput n string = name\n',
      'main.bicep': "module m 'mod.bicep' = {\n  name: 'm'\n  params: {\n    name: 'x'\n    extraSetting: 'y'\n  }\n}\n",
    });
    const out = loadBicepFile(path.join(dir, 'main.bicep'));
    expect(out.diagnostics.map((d) => [d.code, d.message, path.basename(d.location?.file ?? ''), d.location?.startLine])).toEqual([
      ['arm/unknown-parameter', "a value is given for 'extraSetting', which the template does not declare", 'main.bicep', 5],
    ]);
  });

  it('reads an exported variable through a wildcard import, in a .bicep and a .bicepparam file', () => {
    const dir = project({
      'shared.bicep': "@export()\nvar resources = {\n  platform: { tier: 'Premium' }\n}\n@export()\nfunc prefix(n string) string => 'p-${n}'\n",
      'main.bicep': "import * as shared from 'shared.bicep'\nparam tier string = shared.resources.platform.tier\noutput t string = tier\n",
      'main.bicepparam': "import * as shared from 'shared.bicep'\nimport { prefix } from 'shared.bicep'\nusing 'main.bicep'\nparam tier = '${shared.resources.platform.tier}-${prefix('x')}'\n",
    });
    const out = loadBicepFile(path.join(dir, 'main.bicep'));
    expect(errorsOf(out)).toEqual([]);
    expect(out.outputs.t).toBe('Premium');
    const params = loadBicepParams(path.join(dir, 'main.bicepparam'));
    expect(params.diagnostics.filter((d) => d.severity !== 'info')).toEqual([]);
    expect(params.values.get('tier')?.value).toBe('Premium-p-x');
  });

  it('reads a looped resource or module whole as an array in map, toObject, reduce and length', () => {
    const dir = project({
      'mod.bicep': "param n string\noutput name string = 'st${n}'\n",
      'main.bicep': [
        "param names array = ['a', 'b']",
        "module stM 'mod.bicep' = [for n in names: {",
        "  name: 'm-${n}'",
        '  params: { n: n }',
        '}]',
        "resource sts 'Microsoft.Storage/storageAccounts@2023-01-01' = [for n in names: {",
        "  name: 'st${n}'",
        "  location: 'westus'",
        "  sku: { name: 'Standard_LRS' }",
        "  kind: 'StorageV2'",
        '}]',
        'output outputs array = map(stM, m => m.outputs.name)',
        'output names array = map(sts, (s, i) => \'${i}:${s.name}\')',
        'output byName object = toObject(stM, m => m.name, m => m.outputs.name)',
        'output count int = length(sts)',
        'output total int = reduce(sts, 0, (acc, s) => acc + length(s.name))',
        '',
      ].join('\n'),
    });
    const out = loadBicepFile(path.join(dir, 'main.bicep'));
    expect(out.diagnostics.filter((d) => d.severity !== 'info')).toEqual([]);
    expect(out.outputs).toEqual({ outputs: ['sta', 'stb'], names: ['0:sta', '1:stb'], byName: { 'm-a': 'sta', 'm-b': 'stb' }, count: 2, total: 6 });
  });

  it('reads a nested resource written at column 1 inside its parent (Bicep ignores indentation)', () => {
    const dir = project({
      'main.bicep': "resource vnet 'Microsoft.Network/virtualNetworks@2023-04-01' = {\n  name: 'vnet1'\n  location: 'westeurope'\n\nresource subnet 'subnets@2023-04-01' = {\n  name: 'default'\n  properties: {\n    addressPrefix: '10.0.0.0/24'\n  }\n}\n}\n\nresource after 'Microsoft.Storage/storageAccounts@2023-01-01' = {\n  name: 'stafter'\n  location: 'westeurope'\n}\n",
    });
    const out = loadBicepFile(path.join(dir, 'main.bicep'));
    expect(out.diagnostics).toEqual([]);
    expect(out.resources.map((r) => [r.type, r.name])).toEqual([
      ['Microsoft.Network/virtualNetworks', 'vnet1'],
      ['Microsoft.Network/virtualNetworks/subnets', 'vnet1/default'],
      ['Microsoft.Storage/storageAccounts', 'stafter'],
    ]);
  });

  it('gives a resource used whole as a value its full reference, as Bicep compiles it', () => {
    const dir = project({
      'main.bicep': [
        "resource sa 'Microsoft.Storage/storageAccounts@2023-01-01' = {",
        "  name: 'stwhole'",
        "  location: 'westus'",
        "  sku: { name: 'Standard_LRS' }",
        "  kind: 'StorageV2'",
        '}',
        'output account object = sa',
        'output list array = [sa]',
        '',
      ].join('\n'),
    });
    const compiled = JSON.parse(compileBicepFile(path.join(dir, 'main.bicep')).json);
    expect(compiled.outputs.account.value).toBe("[reference('sa', '2023-01-01', 'full')]");
    const out = loadBicepFile(path.join(dir, 'main.bicep'));
    expect(out.diagnostics).toEqual([]);
    expect(out.outputs.account).toMatchObject({ kind: 'unknown', known: { name: 'stwhole', location: 'westus', sku: expect.anything() } });
  });

  it('reads the declared members of a resource whose name is only known at deployment (by symbolic name, as Bicep does)', () => {
    const dir = project({
      'main.bicep': [
        'param registryName string',
        "resource registry 'Microsoft.ContainerRegistry/registries@2023-07-01' = {",
        '  name: registryName',
        "  location: 'westus'",
        "  sku: { name: 'Premium' }",
        '}',
        'output location string = registry.location',
        'output sku string = registry.sku.name',
        '',
      ].join('\n'),
    });
    const out = loadBicepFile(path.join(dir, 'main.bicep'));
    expect(out.outputs).toEqual({ location: 'westus', sku: 'Premium' });
  });

  it('imports an exported variable from an ARM template (JSON), evaluated', () => {
    const dir = project({
      'mod.json': JSON.stringify({
        $schema: 'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#',
        contentVersion: '1.0.0.0',
        metadata: { '__bicep_exported_variables!': [{ name: 'words' }] },
        variables: { base: ['bippity', 'abracadabra'], words: "[concat(variables('base'), createArray('boop'))]" },
        resources: [],
      }),
      'main.bicep': "import { words } from 'mod.json'\noutput magic string = words[1]\noutput all array = words\n",
    });
    const out = loadBicepFile(path.join(dir, 'main.bicep'));
    expect(errorsOf(out)).toEqual([]);
    expect(out.outputs).toEqual({ magic: 'abracadabra', all: ['bippity', 'abracadabra', 'boop'] });
  });

  it('scopes an extension resource to a resource whose name is only known at deployment (diagnostic settings on kv-${baseName})', () => {
    const dir = project({
      'main.bicep': [
        'param baseName string',
        "resource kv 'Microsoft.KeyVault/vaults@2023-07-01' = {",
        "  name: 'kv-${baseName}'",
        "  location: 'westus'",
        "  properties: { tenantId: subscription().tenantId, sku: { family: 'A', name: 'standard' } }",
        '}',
        "resource diag 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {",
        "  name: 'default'",
        '  scope: kv',
        "  properties: { workspaceId: '/subscriptions/s/resourceGroups/rg/providers/Microsoft.OperationalInsights/workspaces/law' }",
        '}',
        '',
      ].join('\n'),
    });
    const out = loadBicepFile(path.join(dir, 'main.bicep'));
    const [vault, setting] = out.resources;
    expect(vault.id).toContain("{unknown name: format('kv-\uff5b0\uff5d', parameters('baseName'))}");
    expect(setting.scope).toBe(vault.id);
    expect(setting.id).toBe(`${vault.id}/providers/Microsoft.Insights/diagnosticSettings/default`);
  });

  it('keeps a child named through variables (\'${peName}/default\') under its parent when the name is unknown', () => {
    const dir = project({
      'main.bicep': [
        'param baseName string',
        "var peName = 'pep-${baseName}'",
        "var groupName = '${peName}/default'",
        "resource pe 'Microsoft.Network/privateEndpoints@2024-05-01' = {",
        '  name: peName',
        "  location: 'westus'",
        '  properties: {}',
        '}',
        "resource group 'Microsoft.Network/privateEndpoints/privateDnsZoneGroups@2024-05-01' = {",
        '  name: groupName',
        '  properties: { privateDnsZoneConfigs: [] }',
        '  dependsOn: [pe]',
        '}',
        '',
      ].join('\n'),
    });
    const out = loadBicepFile(path.join(dir, 'main.bicep'));
    const [endpoint, zoneGroup] = out.resources;
    expect(zoneGroup.id).toBe(`${endpoint.id}/privateDnsZoneGroups/default`);
  });

  it('lists a folder\'s files with loadDirectoryFileInfo, filtered by a search pattern, as the Bicep docs show', () => {
    const dir = project({
      'main.bicep': "var bicepFiles = loadDirectoryFileInfo('./modules/', '*.bicep')\noutput files array = bicepFiles\noutput count int = length(loadDirectoryFileInfo('modules'))\n",
    });
    mkdirSync(path.join(dir, 'modules', 'sub'), { recursive: true });
    writeFileSync(path.join(dir, 'modules', 'appService.bicep'), '');
    writeFileSync(path.join(dir, 'modules', 'notes.txt'), '');
    writeFileSync(path.join(dir, 'modules', 'sub', 'deeper.bicep'), '');
    const out = loadBicepFile(path.join(dir, 'main.bicep'));
    expect(out.diagnostics).toEqual([]);
    expect(out.outputs).toEqual({ files: [{ relativePath: 'modules/appService.bicep', baseName: 'appService.bicep', extension: '.bicep' }], count: 2 });
  });

  it('evaluates the fallback of ?? only when the left side is null', () => {
    const dir = project({
      'main.bicep': [
        "param location string = 'westus'",
        "var shortNames = { east: 'e', west: 'w' }",
        "var known = { westus: 'wus' }",
        'var short = known[?location] ?? shortNames[substring(location, 0, 2)]',
        "resource st 'Microsoft.Storage/storageAccounts@2023-01-01' = {",
        "  name: 'st${short}'",
        '  location: location',
        "  sku: { name: 'Standard_LRS' }",
        "  kind: 'StorageV2'",
        '}',
        '',
      ].join('\n'),
    });
    const out = loadBicepFile(path.join(dir, 'main.bicep'));
    expect(out.diagnostics.filter((d) => d.severity !== 'info')).toEqual([]);
    expect(out.resources.map((r) => r.name)).toEqual(['stwus']);
  });

  it('reads a module that is an ARM template with comments (.jsonc)', () => {
    const dir = project({
      'nested.jsonc': [
        '{',
        '  // an ARM template as a module',
        '  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",',
        '  "contentVersion": "1.0.0.0",',
        '  "parameters": { "name": { "type": "string" } },',
        '  "resources": [',
        '    { "type": "Microsoft.Network/networkSecurityGroups", "apiVersion": "2023-04-01", "name": "[parameters(\'name\')]", "location": "westus" },',
        '  ]',
        '}',
      ].join('\n'),
      'main.bicep': "module m 'nested.jsonc' = {\n  name: 'm'\n  params: { name: 'nsg1' }\n}\n",
    });
    const out = loadBicepFile(path.join(dir, 'main.bicep'));
    expect(errorsOf(out)).toEqual([]);
    expect(out.resources.map((r) => r.name)).toEqual(['nsg1']);
  });

  it('does not take an object key for a reference to the resource of the same name', () => {
    const dir = project({
      'main.bicep': [
        "param items array = [ { name: 'a' } ]",
        "resource pip 'Microsoft.Network/publicIPAddresses@2023-04-01' = {",
        "  name: 'pip1'",
        "  location: 'westus'",
        '}',
        'var configs = [for item in items: {',
        '  name: item.name',
        "  properties: { pip: contains(item, 'x') ? { id: item.x } : null }",
        '}]',
        'output configs array = configs',
        '',
      ].join('\n'),
    });
    const out = loadBicepFile(path.join(dir, 'main.bicep'));
    expect(errorsOf(out)).toEqual([]);
    expect(out.outputs.configs).toEqual([{ name: 'a', properties: { pip: null } }]);
  });

  it('lets an existing resource take its name from a module output', () => {
    const dir = project({
      'vnet.bicep': "resource vnet 'Microsoft.Network/virtualNetworks@2023-04-01' = {\n  name: 'vnet1'\n  location: 'westus'\n}\noutput name string = vnet.name\n",
      'main.bicep': [
        "module net 'vnet.bicep' = {",
        "  name: 'net'",
        '}',
        "resource subnet 'Microsoft.Network/virtualNetworks/subnets@2023-04-01' existing = {",
        "  name: '${net.outputs.name}/default'",
        '}',
        'output subnetId string = subnet.id',
        '',
      ].join('\n'),
    });
    const out = loadBicepFile(path.join(dir, 'main.bicep'));
    expect(errorsOf(out)).toEqual([]);
    expect(out.resources.map((r) => r.name)).toEqual(['vnet1']);
  });

  it('loads a file whose path is a variable holding a literal', () => {
    const dir = project({
      'cert.txt': 'hello',
      'main.bicep': [
        "var certPath = 'cert.txt'",
        "resource st 'Microsoft.Storage/storageAccounts@2023-01-01' = {",
        "  name: 'stdemo'",
        "  location: 'westus'",
        "  sku: { name: 'Standard_LRS' }",
        "  kind: 'StorageV2'",
        '  tags: { cert: loadFileAsBase64(certPath), text: loadTextContent(certPath) }',
        '}',
        '',
      ].join('\n'),
    });
    const out = loadBicepFile(path.join(dir, 'main.bicep'));
    expect(out.diagnostics.filter((d) => d.severity !== 'info')).toEqual([]);
    expect(out.resources[0].tags).toEqual({ cert: 'aGVsbG8=', text: 'hello' });
  });

  it('reads a property of a non-Azure extension resource by its symbolic name', () => {
    const dir = project({
      'main.bicep': [
        'extension microsoftGraphV1',
        "resource app 'Microsoft.Graph/applications@v1.0' = {",
        "  uniqueName: 'app1'",
        "  displayName: 'Demo app'",
        '}',
        'output appName string = app.displayName',
        '',
      ].join('\n'),
    });
    const out = loadBicepFile(path.join(dir, 'main.bicep'));
    expect(errorsOf(out)).toEqual([]);
    expect(out.outputs.appName).toBe('Demo app');
  });

  it.each(['extension microsoftGraphV1', 'provider microsoftGraph'])('names Microsoft Graph resources by their key (%s)', (declaration) => {
    const dir = project({
      'main.bicep': [
        declaration,
        "resource app 'Microsoft.Graph/applications@v1.0' = {",
        "  uniqueName: 'app1'",
        "  displayName: 'Demo app'",
        "  resource fic 'federatedIdentityCredentials' = {",
        "    name: '${app.uniqueName}/github'",
        "    audiences: ['api://AzureADTokenExchange']",
        "    issuer: 'https://token.actions.githubusercontent.com'",
        "    subject: 'repo:o/r:ref:refs/heads/main'",
        '  }',
        '}',
        "resource sp 'Microsoft.Graph/servicePrincipals@v1.0' = {",
        '  appId: app.appId',
        '}',
        "resource grant 'Microsoft.Graph/oauth2PermissionGrants@v1.0' = {",
        '  clientId: sp.id',
        "  consentType: 'AllPrincipals'",
        '  resourceId: sp.id',
        "  scope: 'User.Read'",
        '}',
        '',
      ].join('\n'),
    });
    const out = loadBicepFile(path.join(dir, 'main.bicep'));
    expect(errorsOf(out)).toEqual([]);
    expect(out.resources.map((r) => [r.id, r.type, r.apiVersion, r.name])).toEqual([
      ['/providers/Microsoft.Graph/applications/app1', 'Microsoft.Graph/applications', 'v1.0', 'app1'],
      ['/providers/Microsoft.Graph/applications/app1/federatedIdentityCredentials/github', 'Microsoft.Graph/applications/federatedIdentityCredentials', 'v1.0', 'app1/github'],
      // Graph sets a service principal's appId at deployment; a grant has no key of its own.
      ["/providers/Microsoft.Graph/servicePrincipals/{unknown name: reference('app').appId}", 'Microsoft.Graph/servicePrincipals', 'v1.0', "{unknown name: reference('app').appId}"],
      ['/providers/Microsoft.Graph/oauth2PermissionGrants/grant', 'Microsoft.Graph/oauth2PermissionGrants', 'v1.0', 'grant'],
    ]);
    const grant = out.resources[3].properties as Record<string, unknown>;
    expect(grant.scope).toBe('User.Read');
    expect(isUnknown(grant.clientId)).toBe(true);
  });

  it('names Kubernetes resources by metadata.name', () => {
    const dir = project({
      'main.bicep': [
        '@secure()',
        'param kubeConfig string',
        "extension kubernetes with { namespace: 'default', kubeConfig: kubeConfig }",
        "resource web 'apps/Deployment@v1' = {",
        "  metadata: { name: 'web' }",
        '  spec: {}',
        '}',
        '',
      ].join('\n'),
    });
    const out = loadBicepFile(path.join(dir, 'main.bicep'));
    expect(errorsOf(out)).toEqual([]);
    expect(out.resources.map((r) => [r.id, r.type, r.apiVersion, r.name])).toEqual([['/providers/apps/Deployment/web', 'apps/Deployment', 'v1', 'web']]);
  });

  it('refuses a module call that leaves out a required parameter or reads an output the module does not declare', () => {
    const dir = project({
      'mod.bicep': ['param required string', "param optional string = 'x'", 'param maybe string?', 'output out1 string = required', ''].join('\n'),
      'arm.json': JSON.stringify({
        $schema: 'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#',
        contentVersion: '1.0.0.0',
        parameters: { needed: { type: 'string' }, given: { type: 'string', defaultValue: 'g' } },
        resources: [],
        outputs: { result: { type: 'string', value: "[parameters('needed')]" } },
      }),
      'main.bicep': [
        "module m 'mod.bicep' = {",
        "  name: 'm'",
        "  params: { optional: 'y' }",
        '}',
        "module many 'mod.bicep' = [for i in range(0, 2): {",
        "  name: 'many${i}'",
        "  params: { required: 'a' }",
        '}]',
        "module j 'arm.json' = {",
        "  name: 'j'",
        '}',
        'output a string = m.outputs.nope',
        "output b string = many[0].outputs['other']",
        'output c string = j.outputs.result',
        '',
      ].join('\n'),
    });
    const out = loadBicepFile(path.join(dir, 'main.bicep'));
    expect(errorsOf(out).map((d) => [d.code, d.location?.startLine, d.message])).toEqual([
      ['bicep/module-params-missing', 3, "the module 'm' needs the parameter 'required', which has no default; pass it in params"],
      ['bicep/module-params-missing', 9, "the module 'j' needs the parameter 'needed', which has no default; pass it in params"],
      ['bicep/module-output-undeclared', 12, "the module 'm' has no output 'nope'; it declares 'out1'"],
      ['bicep/module-output-undeclared', 13, "the module 'many' has no output 'other'; it declares 'out1'"],
    ]);
  });

  it('accepts module calls whose parameters cannot be checked one by one, and safe reads of outputs', () => {
    const dir = project({
      'mod.bicep': ['param required string', 'output out1 string = required', ''].join('\n'),
      'main.bicep': [
        "var shared = { required: 'a' }",
        "module spread 'mod.bicep' = {",
        "  name: 'spread'",
        '  params: { ...shared }',
        '}',
        "module whole 'mod.bicep' = {",
        "  name: 'whole'",
        '  params: shared',
        '}',
        'output a string? = spread.outputs.?other',
        'output b string = whole.outputs.out1',
        '',
      ].join('\n'),
    });
    expect(errorsOf(loadBicepFile(path.join(dir, 'main.bicep')))).toEqual([]);
  });

  it('places a resource scoped to tenant() at the tenant, and the child of an extension resource at its parent scope', () => {
    const dir = project({
      'main.bicep': [
        "targetScope = 'managementGroup'",
        "resource mg 'Microsoft.Management/managementGroups@2020-05-01' = {",
        '  scope: tenant()',
        "  name: 'one-mg'",
        '}',
        '',
      ].join('\n'),
      'child.bicep': [
        "resource vault 'Microsoft.KeyVault/vaults@2023-07-01' existing = {",
        "  name: 'kv1'",
        '}',
        "resource ext 'My.Rp/extensions@2020-06-01' = {",
        '  scope: vault',
        "  name: 'ext1'",
        '}',
        "resource extChild 'My.Rp/extensions/children@2020-06-01' = {",
        '  parent: ext',
        "  name: 'c1'",
        '}',
        "var config = { 'server-name': {} }",
        "output named string = nameof(config['server-name'])",
        'output childId string = extChild.id',
        '',
      ].join('\n'),
    });
    const mg = loadBicepFile(path.join(dir, 'main.bicep'));
    expect(errorsOf(mg)).toEqual([]);
    expect(mg.resources.map((r) => [r.id, r.scope])).toEqual([['/providers/Microsoft.Management/managementGroups/one-mg', undefined]]);
    const child = loadBicepFile(path.join(dir, 'child.bicep'));
    expect(errorsOf(child)).toEqual([]);
    const vault = '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/azready-rg/providers/Microsoft.KeyVault/vaults/kv1';
    expect(child.resources.map((r) => [r.id, r.scope])).toEqual([
      [`${vault}/providers/My.Rp/extensions/ext1`, vault],
      [`${vault}/providers/My.Rp/extensions/ext1/children/c1`, vault],
    ]);
    expect(child.outputs.named).toBe('server-name');
  });

  it('keeps the items of a property for-expression whose member fails for some values, with a warning', () => {
    const dir = project({
      'mod.bicep': ['param n string', 'output myOutput string = n', ''].join('\n'),
      'main.bicep': [
        "var regions = ['eastus', 'westus']",
        "module apim 'mod.bicep' = [for (region, i) in regions: {",
        "  name: 'apim-${region}-${i}'",
        '  params: { n: region }',
        '}]',
        "resource fd 'Microsoft.Network/frontDoors@2020-05-01' = {",
        "  name: 'fd'",
        "  location: 'global'",
        '  properties: {',
        '    backends: [for (index, i) in range(0, length(regions)): {',
        '      address: apim[index + i].outputs.myOutput',
        '      httpPort: 80',
        '    }]',
        '  }',
        '}',
        '',
      ].join('\n'),
    });
    const out = loadBicepFile(path.join(dir, 'main.bicep'));
    expect(errorsOf(out)).toEqual([]);
    expect(out.diagnostics.map((d) => d.code)).toEqual(['arm/evaluation-failed']);
    const backends = (out.resources.find((r) => r.type === 'Microsoft.Network/frontDoors')!.properties as { backends: { address: unknown; httpPort: number }[] }).backends;
    // The second item reads apim[2], out of range: only its address is unknown.
    expect(backends.map((b) => [isUnknown(b.address) ? 'unknown' : b.address, b.httpPort])).toEqual([['eastus', 80], ['unknown', 80]]);
  });
});
