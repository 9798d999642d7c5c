// Where restored registry modules and template specs are looked up: the layout bicep restore writes.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CompileCache } from '../../../src/bicep/compile/compile-cache.js';
import { registryCacheFile } from '../../../src/bicep/compile/registry-cache.js';

const root = mkdtempSync(path.join(tmpdir(), 'azready-bicep-cache-'));
const project = mkdtempSync(path.join(tmpdir(), 'azready-project-'));
writeFileSync(path.join(project, 'bicepconfig.json'), `{
  // aliases, with a comment as bicepconfig.json allows
  "moduleAliases": {
    "br": { "corp": { "registry": "corp.azurecr.io", "modulePath": "bicep/modules" } },
    "ts": { "specs": { "subscription": "11111111-1111-1111-1111-111111111111", "resourceGroup": "Spec-RG" } },
  },
}`);
const restore = (...segments: string[]) => {
  const dir = path.join(root, ...segments);
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, 'main.json'), '{}');
  return path.join(dir, 'main.json');
};
const find = (ref: string) => registryCacheFile(ref, project, new CompileCache(), root);
/** `file` is restored first, then looked up. */
const expectRestored = (ref: string, file: string) => expect(find(ref)).toEqual({ file });

describe('registryCacheFile', () => {
  it('finds a tagged module, a digest, a port and an IPv6 registry as bicep restore stores them', () => {
    expectRestored('br:Contoso.azurecr.io/infra/storage:v1', restore('br', 'contoso.azurecr.io', 'infra$storage', 'v1$'));
    expectRestored('br:contoso.azurecr.io/infra/storage@sha256:0a1b', restore('br', 'contoso.azurecr.io', 'infra$storage', 'sha256#0a1b'));
    expectRestored('br:localhost:5000/passthrough/port:v1', restore('br', 'localhost$5000', 'passthrough$port', 'v1$'));
    expectRestored('br:[::1]:5000/passthrough/ipv6port:v1', restore('br', '[$$1]$5000', 'passthrough$ipv6port', 'v1$'));
  });

  it('resolves module and template spec aliases from bicepconfig.json (comments allowed)', () => {
    expectRestored('br/public:avm/res/storage/storage-account:0.9.0', restore('br', 'mcr.microsoft.com', 'bicep$avm$res$storage$storage-account', '0.9.0$'));
    expectRestored('br/corp:storage:2.0', restore('br', 'corp.azurecr.io', 'bicep$modules$storage', '2.0$'));
    expectRestored('ts/specs:Storage-Spec:1.0', restore('ts', '11111111-1111-1111-1111-111111111111', 'spec-rg', 'storage-spec', '1.0'));
    expectRestored('ts:22222222-2222-2222-2222-222222222222/RG/Spec:V2', restore('ts', '22222222-2222-2222-2222-222222222222', 'rg', 'spec', 'v2'));
  });

  it('says what is missing: an alias, or the restore', () => {
    expect(find('br/nope:storage:1.0')).toEqual({ reason: expect.stringContaining("'br/nope' is not defined in bicepconfig.json") });
    expect(find('ts/nope:spec:1.0')).toEqual({ reason: expect.stringContaining("'ts/nope' is not defined") });
    expect(find('br:contoso.azurecr.io/never/restored:v9')).toEqual({ reason: expect.stringContaining("run 'bicep restore'") });
  });
});
