// Folder scans of Bicep: two files calling one module each get the module's resources, with the
// module's Bicep lines and their own lines (the module is compiled once for the scan).
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { evaluateRule } from '../src/engine/evaluate-rules.js';
import { loadInputs } from '../src/load-inputs.js';
import { loadRuleFile } from '../src/rules/load-rules.js';

const MODULE = `param name string
param tls string

resource st 'Microsoft.Storage/storageAccounts@2023-01-01' = {
  name: name
  location: 'westeurope'
  properties: {
    minimumTlsVersion: tls
  }
}
`;

const caller = (sym: string, name: string, tls: string, pad: string) =>
  `${pad}module ${sym} 'modules/st.bicep' = {\n  name: '${sym}'\n  params: { name: '${name}', tls: '${tls}' }\n}\n\nresource own${sym} 'Microsoft.Storage/storageAccounts@2023-01-01' = {\n  name: 'own${name}'\n  location: 'westeurope'\n  properties: {\n    minimumTlsVersion: '${tls}'\n  }\n}\n`;

describe('loadInputs on a folder of Bicep files sharing a module', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'azready-scan-'));
  mkdirSync(path.join(dir, 'modules'));
  writeFileSync(path.join(dir, 'modules', 'st.bicep'), MODULE);
  writeFileSync(path.join(dir, 'a.bicep'), caller('one', 'stone', 'TLS1_0', ''));
  writeFileSync(path.join(dir, 'b.bicep'), caller('two', 'sttwo', 'TLS1_1', '// b\n\n\n\n'));
  const set = loadInputs([dir]);
  const tls = (name: string) => {
    const r = set.resources.find((x) => x.name === name);
    return [r?.properties, r?.sourceMap?.rangeOf('properties.minimumTlsVersion')];
  };

  it('evaluates the module once per caller, with the caller’s parameters and the module’s lines', () => {
    expect(set.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const mod = path.join(dir, 'modules', 'st.bicep');
    expect(tls('stone')).toEqual([{ minimumTlsVersion: 'TLS1_0' }, expect.objectContaining({ file: mod, startLine: 8, startColumn: 24 })]);
    expect(tls('sttwo')).toEqual([{ minimumTlsVersion: 'TLS1_1' }, expect.objectContaining({ file: mod, startLine: 8, startColumn: 24 })]);
  });

  it('keeps each caller’s own resources at its own lines', () => {
    expect(tls('ownstone')).toEqual([{ minimumTlsVersion: 'TLS1_0' }, expect.objectContaining({ file: path.join(dir, 'a.bicep'), startLine: 10 })]);
    expect(tls('ownsttwo')).toEqual([{ minimumTlsVersion: 'TLS1_1' }, expect.objectContaining({ file: path.join(dir, 'b.bicep'), startLine: 14 })]);
  });

  it('does not evaluate the module file again on its own', () => {
    expect(set.resources.map((r) => r.name).sort()).toEqual(['ownstone', 'ownsttwo', 'stone', 'sttwo']);
    expect(set.diagnostics.some((d) => d.code === 'input/bicep-module')).toBe(true);
  });
});

describe('loadInputs on separate deployments declaring the same resource', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'azready-scan-'));
  const account = (tls: string) =>
    `resource st 'Microsoft.Storage/storageAccounts@2023-01-01' = {\n  name: 'stshared'\n  location: 'westeurope'\n  properties: {\n    minimumTlsVersion: '${tls}'\n  }\n}\n`;
  mkdirSync(path.join(dir, 'dev'));
  mkdirSync(path.join(dir, 'prod'));
  writeFileSync(path.join(dir, 'dev', 'main.bicep'), account('TLS1_0'));
  writeFileSync(path.join(dir, 'prod', 'main.bicep'), account('TLS1_2'));
  const snapshot = (tls: string) =>
    JSON.stringify([{ id: '/subscriptions/s/resourceGroups/rg/providers/Microsoft.Storage/storageAccounts/live1', name: 'live1', type: 'microsoft.storage/storageaccounts', location: 'westeurope', properties: { minimumTlsVersion: tls } }]);
  writeFileSync(path.join(dir, 'estate-a.json'), snapshot('TLS1_2'));
  writeFileSync(path.join(dir, 'estate-b.json'), snapshot('TLS1_0'));
  const set = loadInputs([dir]);

  it('evaluates each template file (a deployment of its own, into the same placeholder scope)', () => {
    const shared = set.resources.filter((r) => r.name === 'stshared');
    expect(shared.map((r) => [path.relative(dir, r.file ?? ''), (r.properties as { minimumTlsVersion: string }).minimumTlsVersion]).sort()).toEqual([
      [path.join('dev', 'main.bicep'), 'TLS1_0'],
      [path.join('prod', 'main.bicep'), 'TLS1_2'],
    ]);
  });

  it('keeps one copy of a live resource found in two snapshots, and says so', () => {
    expect(set.resources.filter((r) => r.name === 'live1')).toHaveLength(1);
    expect(set.diagnostics).toContainEqual(expect.objectContaining({ code: 'input/duplicate-resource', severity: 'info' }));
  });
});

describe('loadInputs on a template with two .bicepparam files', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'azready-scan-'));
  writeFileSync(path.join(dir, 'main.bicep'), `param tls string\n\nresource st 'Microsoft.Storage/storageAccounts@2023-01-01' = {\n  name: 'stenv'\n  location: 'westeurope'\n  properties: {\n    minimumTlsVersion: tls\n  }\n}\n\nresource lock 'Microsoft.Authorization/locks@2020-05-01' = if (tls == 'TLS1_2') {\n  name: 'nodelete'\n  scope: st\n  properties: {\n    level: 'CanNotDelete'\n  }\n}\n`);
  writeFileSync(path.join(dir, 'dev.bicepparam'), `using 'main.bicep'\nparam tls = 'TLS1_0'\n`);
  writeFileSync(path.join(dir, 'prod.bicepparam'), `using 'main.bicep'\nparam tls = 'TLS1_2'\n`);
  const set = loadInputs([dir]);
  const accounts = set.resources.filter((r) => r.name === 'stenv');

  it('evaluates the template once per parameters file, each result naming its parameters file', () => {
    expect(accounts.map((r) => [path.basename(r.parameters ?? ''), (r.properties as { minimumTlsVersion: string }).minimumTlsVersion]).sort()).toEqual([
      ['dev.bicepparam', 'TLS1_0'],
      ['prod.bicepparam', 'TLS1_2'],
    ]);
    expect(new Set(accounts.map((r) => r.deployment)).size).toBe(2);
    expect(set.diagnostics.filter((d) => d.severity !== 'info')).toEqual([]);
  });

  it('keeps relations inside each deployment: the prod lock does not protect the dev account', () => {
    const locks = (parameters: string) => set.extensionsOf(accounts.find((r) => path.basename(r.parameters ?? '') === parameters)!).length;
    expect(locks('prod.bicepparam')).toBe(1);
    expect(locks('dev.bicepparam')).toBe(0);
  });

  it('names a parameters file once when --params also gives one the folder holds', () => {
    const again = loadInputs([dir], { params: [path.join(dir, 'prod.bicepparam')] });
    const labels = again.resources.filter((r) => r.name === 'stenv').map((r) => (r.parameters ?? '').split(', ').map((f) => path.basename(f)).join(', '));
    // --params replaces the folder's .bicepparam files: one evaluation, named once.
    expect(labels).toEqual(['prod.bicepparam']);
  });
});

describe('loadInputs on two template files that declare the same ids', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'azready-scan-'));
  const account = `resource st 'Microsoft.Storage/storageAccounts@2023-01-01' = {\n  name: 'stsame'\n  location: 'westeurope'\n}\n`;
  const lock = `\nresource lock 'Microsoft.Authorization/locks@2020-05-01' = {\n  name: 'nodelete'\n  scope: st\n  properties: {\n    level: 'CanNotDelete'\n  }\n}\n`;
  const children = `\nresource blobs 'Microsoft.Storage/storageAccounts/blobServices@2023-01-01' = {\n  parent: st\n  name: 'default'\n}\n`;
  mkdirSync(path.join(dir, 'dev'));
  mkdirSync(path.join(dir, 'prod'));
  writeFileSync(path.join(dir, 'dev', 'main.bicep'), account + lock + children);
  writeFileSync(path.join(dir, 'prod', 'main.bicep'), account);
  const set = loadInputs([dir]);
  const inFolder = (folder: string) => set.resources.find((r) => r.name === 'stsame' && path.relative(dir, r.file ?? '').startsWith(folder))!;

  it('relates each resource only to the resources of its own file', () => {
    expect(set.extensionsOf(inFolder('dev'))).toHaveLength(1);
    expect(set.extensionsOf(inFolder('prod'))).toEqual([]);
    expect(set.childrenOf(inFolder('dev'))).toHaveLength(1);
    expect(set.childrenOf(inFolder('prod'))).toEqual([]);
  });

  it('finds a resource by id within a deployment, and every copy across them', () => {
    const dev = inFolder('dev');
    expect(set.byId(dev.id, dev.deployment)).toBe(dev);
    expect(set.allById(dev.id)).toHaveLength(2);
  });
});

describe('loadInputs on an ARM template with a parameters file per environment', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'azready-scan-'));
  const SCHEMA = 'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#';
  const PARAMS = 'https://schema.management.azure.com/schemas/2019-04-01/deploymentParameters.json#';
  const template = (name: string) => JSON.stringify({
    $schema: SCHEMA, contentVersion: '1.0.0.0', parameters: { tls: { type: 'string' } },
    resources: [{ type: 'Microsoft.Storage/storageAccounts', apiVersion: '2023-01-01', name, location: 'westeurope', properties: { minimumTlsVersion: "[parameters('tls')]" } }],
  });
  const params = (tls: string) => JSON.stringify({ $schema: PARAMS, contentVersion: '1.0.0.0', parameters: { tls: { value: tls } } });
  writeFileSync(path.join(dir, 'main.json'), template('stmain'));
  writeFileSync(path.join(dir, 'main.parameters.dev.json'), params('TLS1_0'));
  writeFileSync(path.join(dir, 'main.prod.parameters.json'), params('TLS1_2'));
  // Claimed by main.test.json (the longer name), not by main.json.
  writeFileSync(path.join(dir, 'main.test.json'), template('sttest'));
  writeFileSync(path.join(dir, 'main.test.parameters.json'), params('TLS1_1'));
  writeFileSync(path.join(dir, 'other.parameters.json'), params('TLS1_0'));
  const set = loadInputs([dir]);
  const tls = (name: string) => set.resources.filter((r) => r.name === name).map((r) => [path.basename(r.parameters ?? ''), (r.properties as { minimumTlsVersion: string }).minimumTlsVersion]).sort();

  it('evaluates the template once per parameters file named for it', () => {
    expect(tls('stmain')).toEqual([['main.parameters.dev.json', 'TLS1_0'], ['main.prod.parameters.json', 'TLS1_2']]);
    expect(tls('sttest')).toEqual([['main.test.parameters.json', 'TLS1_1']]);
  });

  it('says which parameters file no template is named for', () => {
    const unpaired = set.diagnostics.filter((d) => d.code === 'input/parameters-unpaired');
    expect(unpaired).toHaveLength(1);
    expect(unpaired[0]).toMatchObject({ severity: 'info', message: expect.stringContaining('other.parameters.json') });
  });
});

describe('resource rules that count resources, over two deployments', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'azready-scan-'));
  const account = `resource st 'Microsoft.Storage/storageAccounts@2023-01-01' = {\n  name: 'stlocked'\n  location: 'westeurope'\n}\n`;
  // A lock on the resource group: it extends no resource.
  const groupLock = `\nresource lock 'Microsoft.Authorization/locks@2020-05-01' = {\n  name: 'rg-nodelete'\n  properties: {\n    level: 'CanNotDelete'\n  }\n}\n`;
  mkdirSync(path.join(dir, 'dev'));
  mkdirSync(path.join(dir, 'prod'));
  writeFileSync(path.join(dir, 'dev', 'main.bicep'), account + groupLock);
  writeFileSync(path.join(dir, 'prod', 'main.bicep'), account);
  const set = loadInputs([dir]);
  const rule = loadRuleFile(path.join('rules', 'governance', 'delete-locks-on-data-stores.yaml'), 'rules').rule!;

  it('counts a resource-group lock only for the resources of its own deployment', () => {
    const outcomes = set.ofType('Microsoft.Storage/storageAccounts').map((r) => [path.relative(dir, r.file ?? ''), evaluateRule(rule, r, set).outcome]);
    expect(outcomes.sort()).toEqual([[path.join('dev', 'main.bicep'), 'pass'], [path.join('prod', 'main.bicep'), 'fail']]);
  });
});

describe('loadInputs on .bicepparam files that extend a shared base', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'azready-scan-'));
  writeFileSync(path.join(dir, 'main.bicep'), `param tls string\nparam name string = 'stdefault'\n\nresource st 'Microsoft.Storage/storageAccounts@2023-01-01' = {\n  name: name\n  location: 'westeurope'\n  properties: {\n    minimumTlsVersion: tls\n  }\n}\n`);
  writeFileSync(path.join(dir, 'base.bicepparam'), `using none\nparam tls = 'TLS1_0'\nparam name = 'stbase'\n`);
  writeFileSync(path.join(dir, 'prod.bicepparam'), `using 'main.bicep'\nextends 'base.bicepparam'\nparam name = 'stprod'\n`);
  writeFileSync(path.join(dir, 'broken.bicepparam'), `using 'main.bicep'\n\nextends 'missing.bicepparam'\nparam tls = 'TLS1_2'\n`);
  const set = loadInputs([dir]);

  it('takes the base values and lets the file override them', () => {
    const prod = set.resources.find((r) => path.basename(r.parameters ?? '') === 'prod.bicepparam');
    expect(prod).toMatchObject({ name: 'stprod', properties: { minimumTlsVersion: 'TLS1_0' } });
  });

  it('does not evaluate the base on its own, and says why', () => {
    expect(set.resources.filter((r) => path.basename(r.parameters ?? '') === 'base.bicepparam')).toEqual([]);
    expect(set.diagnostics).toContainEqual(expect.objectContaining({ code: 'input/parameters-base', severity: 'info' }));
    expect(set.diagnostics.some((d) => d.code === 'bicep/using-missing')).toBe(false);
  });

  it('names the file, line and column of an extends whose base is missing', () => {
    const missing = set.diagnostics.find((d) => d.code === 'bicep/extends-not-found');
    expect(missing).toMatchObject({ severity: 'error', location: { file: path.join(dir, 'broken.bicepparam'), startLine: 3, startColumn: 1 } });
    expect(missing?.message).toContain('missing.bicepparam');
  });

  it('rejects an extends that names a folder, not a .bicepparam file', () => {
    const odd = mkdtempSync(path.join(tmpdir(), 'azready-scan-'));
    mkdirSync(path.join(odd, 'sub'));
    writeFileSync(path.join(odd, 'main.bicep'), `param tls string\n`);
    writeFileSync(path.join(odd, 'p.bicepparam'), `using 'main.bicep'\nextends 'sub'\nparam tls = 'TLS1_2'\n`);
    const read = loadInputs([path.join(odd, 'p.bicepparam')]);
    expect(read.diagnostics.map((d) => d.code)).toContain('bicep/extends-not-bicepparam');
    expect(read.diagnostics.map((d) => d.code)).not.toContain('input/evaluation-aborted');
  });

  it('reports a cycle of extends instead of looping', () => {
    const loop = mkdtempSync(path.join(tmpdir(), 'azready-scan-'));
    writeFileSync(path.join(loop, 'main.bicep'), `param tls string\n`);
    writeFileSync(path.join(loop, 'a.bicepparam'), `using 'main.bicep'\nextends 'b.bicepparam'\n`);
    writeFileSync(path.join(loop, 'b.bicepparam'), `using none\nextends 'a.bicepparam'\nparam tls = 'TLS1_2'\n`);
    const looped = loadInputs([path.join(loop, 'a.bicepparam')]);
    expect(looped.diagnostics).toContainEqual(expect.objectContaining({ code: 'bicep/extends-cycle', severity: 'error' }));
  });
});

describe('loadInputs on a .bicepparam file whose using names an ARM template', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'azready-scan-'));
  writeFileSync(path.join(dir, 'main.json'), JSON.stringify({
    $schema: 'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#', contentVersion: '1.0.0.0',
    parameters: { tls: { type: 'string' } },
    resources: [{ type: 'Microsoft.Storage/storageAccounts', apiVersion: '2023-01-01', name: 'starm', location: 'westeurope', properties: { minimumTlsVersion: "[parameters('tls')]" } }],
  }));
  writeFileSync(path.join(dir, 'main.bicepparam'), `using 'main.json'\nparam tls = 'TLS1_1'\n`);
  const set = loadInputs([dir]);

  it('expands the template with the file’s values, once', () => {
    expect(set.resources.map((r) => [r.name, (r.properties as { minimumTlsVersion: string }).minimumTlsVersion, path.basename(r.parameters ?? '')])).toEqual([['starm', 'TLS1_1', 'main.bicepparam']]);
    expect(set.diagnostics.filter((d) => d.severity !== 'info')).toEqual([]);
  });
});

describe('loadInputs on a .bicepparam file whose using names the compiled JSON of a Bicep file beside it', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'azready-scan-'));
  writeFileSync(path.join(dir, 'main.bicep'), `param tls string = 'TLS1_0'\n\nresource st 'Microsoft.Storage/storageAccounts@2023-01-01' = {\n  name: 'stcompiled'\n  location: 'westeurope'\n  properties: {\n    minimumTlsVersion: tls\n  }\n}\n`);
  writeFileSync(path.join(dir, 'main.json'), JSON.stringify({
    $schema: 'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#', contentVersion: '1.0.0.0',
    metadata: { _generator: { name: 'bicep', version: '0.30.23.60470', templateHash: '1' } },
    parameters: { tls: { type: 'string', defaultValue: 'TLS1_0' } },
    resources: [{ type: 'Microsoft.Storage/storageAccounts', apiVersion: '2023-01-01', name: 'stcompiled', location: 'westeurope', properties: { minimumTlsVersion: "[parameters('tls')]" } }],
  }));
  writeFileSync(path.join(dir, 'main.bicepparam'), `using 'main.json'\nparam tls = 'TLS1_2'\n`);

  it('evaluates the Bicep file once, with the file’s values, at Bicep lines', () => {
    for (const inputs of [[dir], [path.join(dir, 'main.bicepparam')]]) {
      const set = loadInputs(inputs);
      expect(set.resources.map((r) => [r.name, (r.properties as { minimumTlsVersion: string }).minimumTlsVersion, path.basename(r.parameters ?? '')])).toEqual([['stcompiled', 'TLS1_2', 'main.bicepparam']]);
      expect(set.resources[0].sourceMap?.rangeOf('properties.minimumTlsVersion')).toMatchObject({ file: path.join(dir, 'main.bicep'), startLine: 7 });
      expect(set.diagnostics.filter((d) => d.code === 'input/compiled-bicep').map((d) => d.message)).toContainEqual(`${path.join(dir, 'main.json')} (used by ${path.join(dir, 'main.bicepparam')}) was compiled from main.bicep, which is evaluated with its values instead`);
      expect(set.diagnostics.filter((d) => d.severity !== 'info')).toEqual([]);
    }
  });
});

describe('loadInputs on a template named on its own, with a parameters file beside it', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'azready-scan-'));
  writeFileSync(path.join(dir, 'app.json'), JSON.stringify({
    $schema: 'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#', contentVersion: '1.0.0.0',
    parameters: { name: { type: 'string' } },
    resources: [{ type: 'Microsoft.Storage/storageAccounts', apiVersion: '2023-01-01', name: "[parameters('name')]", location: 'westeurope' }],
  }));
  writeFileSync(path.join(dir, 'app.parameters.json'), JSON.stringify({ $schema: 'https://schema.management.azure.com/schemas/2019-04-01/deploymentParameters.json#', contentVersion: '1.0.0.0', parameters: { name: { value: 'stfromparams' } } }));
  writeFileSync(path.join(dir, 'main.bicep'), "param name string\nresource st 'Microsoft.Storage/storageAccounts@2023-01-01' = {\n  name: name\n  location: 'westeurope'\n}\n");
  writeFileSync(path.join(dir, 'main.parameters.json'), JSON.stringify({ $schema: 'https://schema.management.azure.com/schemas/2019-04-01/deploymentParameters.json#', contentVersion: '1.0.0.0', parameters: { name: { value: 'stbicep' } } }));

  it('evaluates it with the parameters file named for it, as a scan of its folder does', () => {
    for (const [file, name, params] of [['app.json', 'stfromparams', 'app.parameters.json'], ['main.bicep', 'stbicep', 'main.parameters.json']]) {
      const set = loadInputs([path.join(dir, file)]);
      expect(set.resources.map((r) => [r.name, path.basename(r.parameters ?? '')])).toEqual([[name, params]]);
      expect(set.diagnostics.filter((d) => d.severity !== 'info')).toEqual([]);
    }
  });

  it('leaves them out when --params gives the values', () => {
    const set = loadInputs([path.join(dir, 'app.json')], { params: [path.join(dir, 'main.parameters.json')] });
    expect(set.resources.map((r) => r.name)).toEqual(['stbicep']);
  });
});

describe('loadInputs on a .bicepparam file whose using names a registry module', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'azready-scan-'));
  const cache = mkdtempSync(path.join(tmpdir(), 'azready-bicep-cache-'));
  const restored = path.join(cache, 'br', 'mcr.microsoft.com', 'bicep$avm$res$storage$storage-account', '0.9.0$');
  mkdirSync(restored, { recursive: true });
  writeFileSync(path.join(restored, 'main.json'), JSON.stringify({
    $schema: 'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#', contentVersion: '1.0.0.0',
    parameters: { name: { type: 'string' } },
    resources: [{ type: 'Microsoft.Storage/storageAccounts', apiVersion: '2023-01-01', name: "[parameters('name')]", location: 'westeurope', properties: { minimumTlsVersion: 'TLS1_2' } }],
  }));
  writeFileSync(path.join(dir, 'restored.bicepparam'), `using 'br/public:avm/res/storage/storage-account:0.9.0'\nparam name = 'stfromregistry'\n`);
  writeFileSync(path.join(dir, 'missing.bicepparam'), `using 'br/public:avm/res/key-vault/vault:0.1.0'\nparam name = 'kv'\n`);
  const saved = process.env.BICEP_CACHE_DIRECTORY;
  process.env.BICEP_CACHE_DIRECTORY = cache;
  const set = loadInputs([dir]);
  if (saved === undefined) delete process.env.BICEP_CACHE_DIRECTORY;
  else process.env.BICEP_CACHE_DIRECTORY = saved;

  it('evaluates the restored template with the file’s values', () => {
    expect(set.resources.map((r) => [r.name, path.basename(r.parameters ?? '')])).toEqual([['stfromregistry', 'restored.bicepparam']]);
  });

  it('warns at the using line when the module was not restored', () => {
    const warning = set.diagnostics.find((d) => d.code === 'bicep/using-unavailable');
    expect(warning).toMatchObject({ severity: 'warning', location: { file: path.join(dir, 'missing.bicepparam'), startLine: 1 } });
    expect(warning?.message).toContain('bicep restore');
    expect(set.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  });
});

describe('loadInputs on every page of one az graph query export', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'azready-scan-'));
  const row = (n: number) => ({ id: `/subscriptions/s/resourceGroups/rg/providers/Microsoft.Storage/storageAccounts/st${n}`, name: `st${n}`, type: 'microsoft.storage/storageaccounts', location: 'westeurope', properties: {} });
  writeFileSync(path.join(dir, 'page1.json'), JSON.stringify({ count: 2, data: [row(1), row(2)], skip_token: 'abc', total_records: 3 }));
  writeFileSync(path.join(dir, 'page2.json'), JSON.stringify({ count: 1, data: [row(3)], skip_token: null, total_records: 3 }));

  it('gives no partial-export warning when the pages scanned together hold every row', () => {
    const set = loadInputs([dir]);
    expect(set.resources).toHaveLength(3);
    expect(set.diagnostics.map((d) => d.code)).not.toContain('snapshot/partial');
  });

  it('still warns about a page scanned without the others', () => {
    expect(loadInputs([path.join(dir, 'page1.json')]).diagnostics.map((d) => d.code)).toContain('snapshot/partial');
  });
});

describe('loadInputs on .bicepparam files beside an ARM template and its parameters file', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'azready-scan-'));
  writeFileSync(path.join(dir, 'app.json'), JSON.stringify({ $schema: 'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#', contentVersion: '1.0.0.0', parameters: { tls: { type: 'string' } }, resources: [] }));
  writeFileSync(path.join(dir, 'app.parameters.json'), JSON.stringify({ $schema: 'https://schema.management.azure.com/schemas/2019-04-01/deploymentParameters.json#', contentVersion: '1.0.0.0', parameters: { tls: { value: 'TLS1_0' } } }));
  writeFileSync(path.join(dir, 'app.bicepparam'), `using 'app.json'\nparam tls = 'TLS1_2'\n`);
  writeFileSync(path.join(dir, 'miss.bicepparam'), `param tls = 'TLS1_2'\nusing 'missing.bicep'\n`);
  const set = loadInputs([dir]);

  it('says why the parameters file named for the template is not used (the .bicepparam file is)', () => {
    const note = set.diagnostics.find((d) => d.message.startsWith(path.join(dir, 'app.parameters.json')));
    expect(note?.message).toContain('is evaluated with the .bicepparam file(s) whose using names it');
  });

  it('says the same of a JSON parameters file named for a Bicep template a .bicepparam file uses', () => {
    const bicep = mkdtempSync(path.join(tmpdir(), 'azready-scan-'));
    writeFileSync(path.join(bicep, 'main.bicep'), `param tls string\n`);
    writeFileSync(path.join(bicep, 'main.parameters.json'), JSON.stringify({ $schema: 'https://schema.management.azure.com/schemas/2019-04-01/deploymentParameters.json#', contentVersion: '1.0.0.0', parameters: { tls: { value: 'TLS1_0' } } }));
    writeFileSync(path.join(bicep, 'main.bicepparam'), `using 'main.bicep'\nparam tls = 'TLS1_2'\n`);
    const note = loadInputs([bicep]).diagnostics.find((d) => d.message.startsWith(path.join(bicep, 'main.parameters.json')));
    expect(note?.message).toContain('is evaluated with the .bicepparam file(s) whose using names it');
  });

  it('reports a using that names a missing template at the using line of the parameters file', () => {
    const missing = set.diagnostics.filter((d) => d.severity === 'error');
    expect(missing).toEqual([expect.objectContaining({ code: 'bicep/using-not-found', location: expect.objectContaining({ file: path.join(dir, 'miss.bicepparam'), startLine: 2 }) })]);
  });
});

describe('loadInputs with a .bicepparam file that cannot be read', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'azready-scan-'));
  writeFileSync(path.join(dir, 'main.bicep'), `param tls string\n`);
  mkdirSync(path.join(dir, 'folder.bicepparam'));

  it('is an input/unreadable error for --params, not an exception', () => {
    for (const missing of ['missing.bicepparam', 'folder.bicepparam']) {
      const set = loadInputs([path.join(dir, 'main.bicep')], { params: [path.join(dir, missing)] });
      expect(set.diagnostics.map((d) => d.code)).toContain('input/unreadable');
    }
  });

  it('is an input/unreadable error for a parameters file azready.yaml names', () => {
    const set = loadInputs([path.join(dir, 'main.bicep')], { templateParams: () => path.join(dir, 'missing.bicepparam') });
    expect(set.diagnostics.map((d) => d.code)).toContain('input/unreadable');
  });
});

describe('loadInputs on one resource exported as an object', () => {
  it('reads it as a one-row snapshot (az resource show, or PowerShell writing a single result)', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'azready-scan-'));
    writeFileSync(path.join(dir, 'one.json'), JSON.stringify({ id: '/subscriptions/s/resourceGroups/rg/providers/Microsoft.Storage/storageAccounts/st1', name: 'st1', type: 'Microsoft.Storage/storageAccounts', properties: { minimumTlsVersion: 'TLS1_0' } }, null, 2));
    writeFileSync(path.join(dir, 'other.json'), JSON.stringify({ id: 'x', type: 'y' }));
    const set = loadInputs([dir]);
    expect(set.resources.map((r) => [r.name, r.origin, r.sourceMap?.rangeOf('properties.minimumTlsVersion')?.startLine])).toEqual([['st1', 'snapshot', 6]]);
    expect(set.diagnostics).toEqual([expect.objectContaining({ code: 'input/skipped-file', message: expect.stringContaining('other.json') })]);
  });
});

describe('a parameters file that gives a value the template does not declare', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'azready-scan-'));
  writeFileSync(path.join(dir, 'main.bicep'), `param tls string\n`);
  writeFileSync(path.join(dir, 'main.bicepparam'), `using 'main.bicep'\nparam tls = 'TLS1_2'\n\nparam tsl = 'TLS1_2'\n`);
  writeFileSync(path.join(dir, 'arm.json'), JSON.stringify({ $schema: 'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#', contentVersion: '1.0.0.0', parameters: {}, resources: [] }));
  writeFileSync(path.join(dir, 'arm.parameters.json'), `{\n  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentParameters.json#",\n  "contentVersion": "1.0.0.0",\n  "parameters": {\n    "Extra": { "value": 1 }\n  }\n}\n`);
  const set = loadInputs([dir]);
  const unknown = (name: string) => set.diagnostics.find((d) => d.code === 'arm/unknown-parameter' && d.message.includes(`'${name}'`));

  it('points at the line of the value, in the .bicepparam or the parameters file', () => {
    expect(unknown('tsl')?.location).toMatchObject({ file: path.join(dir, 'main.bicepparam'), startLine: 4, startColumn: 1 });
    expect(unknown('Extra')?.location).toMatchObject({ file: path.join(dir, 'arm.parameters.json'), startLine: 5 });
  });
});

describe('--params on a folder that holds .bicepparam files', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'azready-scan-'));
  writeFileSync(path.join(dir, 'main.bicep'), `param tls string\nparam name string = 'stdefault'\n\nresource st 'Microsoft.Storage/storageAccounts@2023-01-01' = {\n  name: name\n  location: 'westeurope'\n  properties: {\n    minimumTlsVersion: tls\n  }\n}\n`);
  writeFileSync(path.join(dir, 'main.dev.bicepparam'), `using 'main.bicep'\nparam tls = 'TLS1_0'\nparam name = 'stdev'\n`);
  writeFileSync(path.join(dir, 'main.prod.bicepparam'), `using 'main.bicep'\nparam tls = 'TLS1_2'\n`);
  const set = loadInputs([dir], { params: [path.join(dir, 'main.prod.bicepparam')] });

  it('evaluates the template with the --params values only, as for ARM templates', () => {
    expect(set.resources.map((r) => [r.name, (r.properties as { minimumTlsVersion: string }).minimumTlsVersion, path.basename(r.parameters ?? '')])).toEqual([['stdefault', 'TLS1_2', 'main.prod.bicepparam']]);
    expect(set.diagnostics).toContainEqual(expect.objectContaining({ code: 'input/parameters-not-used', message: expect.stringContaining('main.dev.bicepparam') }));
  });
});

describe('a using-none base named on its own', () => {
  it('warns that it evaluates nothing and says what to scan', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'azready-scan-'));
    writeFileSync(path.join(dir, 'base.bicepparam'), `using none\nparam tls = 'TLS1_2'\n`);
    const set = loadInputs([path.join(dir, 'base.bicepparam')]);
    expect(set.diagnostics).toContainEqual(expect.objectContaining({ code: 'input/parameters-base', severity: 'warning', message: expect.stringContaining('scan those files') }));
  });
});

describe('a Bicep template with azd-style JSON parameters files beside it', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'azready-scan-'));
  writeFileSync(path.join(dir, 'main.bicep'), `param environmentName string\nparam geo bool\n\nresource st 'Microsoft.Storage/storageAccounts@2023-01-01' = {\n  name: 'st\${environmentName}'\n  location: 'westeurope'\n  sku: {\n    name: geo ? 'Standard_GRS' : 'Standard_LRS'\n  }\n}\n`);
  const params = (values: Record<string, unknown>) => JSON.stringify({ $schema: 'https://schema.management.azure.com/schemas/2019-04-01/deploymentParameters.json#', contentVersion: '1.0.0.0', parameters: Object.fromEntries(Object.entries(values).map(([k, v]) => [k, { value: v }])) });
  writeFileSync(path.join(dir, 'main.parameters.json'), params({ environmentName: '${AZURE_ENV_NAME}', geo: '${USE_GEO=false}' }));
  writeFileSync(path.join(dir, 'main.parameters.prod.json'), params({ environmentName: 'prod', geo: true }));
  const saved = process.env.AZURE_ENV_NAME;
  process.env.AZURE_ENV_NAME = 'demo';
  const set = loadInputs([dir]);
  if (saved === undefined) delete process.env.AZURE_ENV_NAME;
  else process.env.AZURE_ENV_NAME = saved;

  it('evaluates the template once per parameters file, filling azd placeholders from the environment', () => {
    const rows = set.resources.map((r) => [r.name, (r.sku as { name: string }).name, path.basename(r.parameters ?? '')]).sort();
    // ${USE_GEO=false} is the text 'false', which the bool parameter takes as false.
    expect(rows).toEqual([['stdemo', 'Standard_LRS', 'main.parameters.json'], ['stprod', 'Standard_GRS', 'main.parameters.prod.json']]);
    expect(set.diagnostics.filter((d) => d.code === 'input/parameters-unpaired')).toEqual([]);
    expect(set.inputs.filter((i) => i.kind === 'bicep')).toHaveLength(1);
  });
});

describe('loadInputs on CSV files', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'azready-csv-'));
  const id = '/subscriptions/1/resourceGroups/rg/providers/Microsoft.Storage/storageAccounts/st1';
  writeFileSync(path.join(dir, 'estate.csv'), `id,name,type,location,properties\n${id},st1,microsoft.storage/storageaccounts,westeurope,"{""minimumTlsVersion"":""TLS1_0""}"\n`);
  writeFileSync(path.join(dir, 'prices.csv'), 'sku,price\nStandard_LRS,0.02\n');

  it('reads a Resource Graph CSV export a folder walk finds, and notes the other CSV files as skipped', () => {
    const set = loadInputs([dir]);
    expect(set.resources.map((r) => [r.type, r.name, r.origin])).toEqual([['Microsoft.Storage/storageAccounts', 'st1', 'snapshot']]);
    expect(set.inputs).toEqual(expect.arrayContaining([{ path: path.join(dir, 'estate.csv'), kind: 'resource-graph-snapshot' }, { path: path.join(dir, 'prices.csv'), kind: 'skipped' }]));
    expect(set.diagnostics).toEqual([expect.objectContaining({ code: 'input/skipped-file', severity: 'info', message: expect.stringMatching(/prices\.csv: not a Resource Graph export/) })]);
  });

  it('rejects a CSV file named on the command line that is not a Resource Graph export', () => {
    const set = loadInputs([path.join(dir, 'prices.csv')]);
    expect(set.resources).toEqual([]);
    expect(set.diagnostics).toEqual([expect.objectContaining({ code: 'input/unrecognized-file', severity: 'error', message: expect.stringMatching(/prices\.csv: a CSV file is read as a Resource Graph export .*names no id and type columns/) })]);
  });
});
