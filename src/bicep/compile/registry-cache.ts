// Where `bicep restore` keeps a registry module or template spec: `br:registry/repo:tag`,
// `br/alias:repo:tag` (aliases from the nearest bicepconfig.json, `br/public` built in) and
// `ts:subscription/group/name:version`, under ~/.bicep (or BICEP_CACHE_DIRECTORY).
import { readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { CompileCache } from './compile-cache.js';

/** Does `ref` name a registry module or template spec rather than a local file? */
export function isRegistryReference(ref: string): boolean {
  return /^(br|ts)[:/]/.test(ref);
}

/** The cached `main.json` of `ref`, or why it is not there, in words for a diagnostic. */
export function registryCacheFile(ref: string, dir: string, cache: CompileCache, moduleCache?: string): { file: string } | { reason: string } {
  const root = moduleCache ?? process.env.BICEP_CACHE_DIRECTORY ?? path.join(os.homedir(), '.bicep');
  let file: string | undefined;
  const br = /^br(?::([^/]+)\/(.+)|\/([^:]+):(.+)):([^:@]+)$/.exec(ref);
  if (br) {
    let registry = br[1];
    let repo = br[2];
    if (br[3]) {
      const alias = resolveAlias(br[3], dir, cache);
      if (!alias) return { reason: `the module alias 'br/${br[3]}' is not defined in bicepconfig.json` };
      registry = alias.registry;
      repo = alias.modulePath ? `${alias.modulePath}/${br[4]}` : br[4];
    }
    file = path.join(root, 'br', registry!, repo!.split('/').join('$'), `${br[5]}$`, 'main.json');
  } else {
    const ts = /^ts:([^/]+)\/([^/]+)\/([^:]+):(.+)$/.exec(ref);
    if (ts) file = path.join(root, 'ts', ts[1], ts[2], ts[3], ts[4], 'main.json');
  }
  if (!file) return { reason: `'${ref}' is not a module reference azready understands` };
  if (!cache.exists(file)) return { reason: `the module '${ref}' is not in the local module cache (${file}); run 'bicep restore' to fetch it` };
  return { file };
}

type BicepConfig = { moduleAliases?: { br?: Record<string, { registry: string; modulePath?: string }> } };

function resolveAlias(alias: string, dir: string, cache: CompileCache): { registry: string; modulePath?: string } | undefined {
  for (let d = dir; ; d = path.dirname(d)) {
    const cfg = path.join(d, 'bicepconfig.json');
    if (cache.exists(cfg)) {
      const json = cache.derived(`config:${cfg}`, (): BicepConfig | undefined => {
        try {
          return JSON.parse(readFileSync(cfg, 'utf8')) as BicepConfig;
        } catch {
          return undefined; // an unreadable config falls back to the defaults
        }
      });
      const a = json?.moduleAliases?.br?.[alias];
      if (a) return a;
      break;
    }
    if (path.dirname(d) === d) break;
  }
  return alias === 'public' ? { registry: 'mcr.microsoft.com', modulePath: 'bicep' } : undefined;
}
