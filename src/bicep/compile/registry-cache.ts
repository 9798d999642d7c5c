// Where `bicep restore` keeps a registry module or template spec: `br:registry/repo:tag`,
// `br/alias:repo:tag` (aliases from the nearest bicepconfig.json, `br/public` built in) and
// `ts:subscription/group/name:version`, under ~/.bicep (or BICEP_CACHE_DIRECTORY).
import { readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse as parseJsonc } from 'jsonc-parser';
import type { CompileCache } from './compile-cache.js';

/** Does `ref` name a registry module or template spec rather than a local file? */
export function isRegistryReference(ref: string): boolean {
  return /^(br|ts)[:/]/.test(ref);
}

/**
 * The cached `main.json` of `ref`, or why it is not there, in words for a diagnostic. The layout
 * is the one `bicep restore` writes: `br/<registry, ':' as '$', lower-cased>/<repository, '/' as
 * '$'>/<tag>$` or `<digest, ':' as '#'>`, and `ts/<subscription>/<group>/<name>/<version>`,
 * lower-cased.
 */
export function registryCacheFile(ref: string, dir: string, cache: CompileCache, moduleCache?: string): { file: string } | { reason: string } {
  const found = registryCachePath(ref, dir, cache, moduleCache);
  // Without the cache's `br` (or `ts`) folder, nothing under it exists: one check for the scan.
  if (!('file' in found)) return found;
  if (!(cache.exists(found.folder) && cache.exists(found.file))) return { reason: `the module '${ref}' is not in the local module cache (${found.file}); run 'bicep restore' to fetch it` };
  return { file: found.file };
}

/** Where `bicep restore` would put `ref`'s `main.json` (whether or not it is there). */
export function registryCachePath(ref: string, dir: string, cache: CompileCache, moduleCache?: string): { file: string; folder: string } | { reason: string } {
  const root = moduleCache ?? process.env.BICEP_CACHE_DIRECTORY ?? path.join(os.homedir(), '.bicep');
  let file: string | undefined;
  // br:<registry>/<repository>:<tag> or @<digest>; br/<alias>:<path>:<tag> or @<digest>. A
  // registry may carry a port or be an IPv6 address in brackets.
  const br = /^br(?::(\[[^\]]+\](?::\d+)?|[^/]+)\/(.+?)|\/([^:]+):(.+?))(?::([^:@/]+)|@([a-z0-9]+:[a-f0-9]+))$/i.exec(ref);
  if (br) {
    let registry = br[1];
    let repo = br[2];
    if (br[3]) {
      const alias = resolveAlias('br', br[3], dir, cache);
      if (!alias?.registry) return { reason: `the module alias 'br/${br[3]}' is not defined in bicepconfig.json` };
      registry = alias.registry;
      repo = alias.modulePath ? `${alias.modulePath}/${br[4]}` : br[4];
    }
    const version = br[5] !== undefined ? `${br[5]}$` : br[6].replace(':', '#');
    file = path.join(root, 'br', registry!.replace(/:/g, '$').toLowerCase(), repo!.split('/').join('$'), version, 'main.json');
  } else {
    const ts = /^ts:([^/]+)\/([^/]+)\/([^:]+):(.+)$/.exec(ref) ?? /^ts\/([^:]+):([^:]+):(.+)$/.exec(ref);
    if (ts && ts.length === 5) file = path.join(root, 'ts', ...ts.slice(1, 5).map((x) => x.toLowerCase()), 'main.json');
    else if (ts) {
      const alias = resolveAlias('ts', ts[1], dir, cache);
      if (!alias?.subscription || !alias.resourceGroup) return { reason: `the template spec alias 'ts/${ts[1]}' is not defined in bicepconfig.json` };
      file = path.join(root, 'ts', ...[alias.subscription, alias.resourceGroup, ts[2], ts[3]].map((x) => x.toLowerCase()), 'main.json');
    }
  }
  if (!file) return { reason: `'${ref}' is not a module reference azready understands` };
  return { file, folder: path.join(root, br ? 'br' : 'ts') };
}

interface Alias {
  registry?: string;
  modulePath?: string;
  subscription?: string;
  resourceGroup?: string;
}

type BicepConfig = { moduleAliases?: { br?: Record<string, Alias>; ts?: Record<string, Alias> } };

/** `kind` alias `name` from the nearest bicepconfig.json (`br/public` is built in). */
function resolveAlias(kind: 'br' | 'ts', alias: string, dir: string, cache: CompileCache): Alias | undefined {
  for (let d = dir; ; d = path.dirname(d)) {
    const cfg = path.join(d, 'bicepconfig.json');
    if (cache.exists(cfg)) {
      const json = cache.derived(`config:${cfg}`, (): BicepConfig | undefined => {
        try {
          // bicepconfig.json may hold comments and trailing commas.
          return parseJsonc(readFileSync(cfg, 'utf8'), [], { allowTrailingComma: true }) as BicepConfig | undefined;
        } catch {
          return undefined; // an unreadable config falls back to the defaults
        }
      });
      const a = json?.moduleAliases?.[kind]?.[alias];
      if (a) return a;
      break;
    }
    if (path.dirname(d) === d) break;
  }
  return kind === 'br' && alias === 'public' ? { registry: 'mcr.microsoft.com', modulePath: 'bicep' } : undefined;
}
