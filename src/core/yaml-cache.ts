// The validated-YAML cache: bundled rule packs and profiles, parsed and schema-checked when the
// package is built, keyed by a hash of the file's text and the schema. A file that changed since
// simply misses the cache and is read the slow way.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { packageRoot } from './package-root.js';

export const YAML_CACHE_FILE = 'yaml-cache.json';
let cache: Record<string, unknown> | undefined;

export function yamlCacheKey(text: string, schemaId: string): string {
  return `${schemaId} ${createHash('sha1').update(text).digest('hex')}`;
}

function load(): Record<string, unknown> {
  if (cache) return cache;
  const file = path.join(packageRoot(), 'dist', YAML_CACHE_FILE);
  try {
    cache = existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>) : {};
  } catch {
    cache = {};
  }
  return cache;
}

export function cachedYaml(text: string, schemaId: string): unknown {
  if (process.env.AZREADY_NO_YAML_CACHE) return undefined;
  return load()[yamlCacheKey(text, schemaId)];
}
