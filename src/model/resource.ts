// The one normalized resource every front end produces and every rule reads (design §2).
import type { Value } from '../core/unknown.js';
import type { Unknown } from '../core/unknown.js';
import type { SourceMap } from './source-map.js';

/** Where a resource came from. */
export type Origin = 'arm' | 'bicep' | 'live' | 'snapshot';

export interface Resource {
  /** Full ARM id; templates get one from the deployment context's placeholder ids. */
  id: string;
  /** Canonical casing, e.g. `Microsoft.Storage/storageAccounts`. */
  type: string;
  apiVersion?: string;
  /** Full name, `parent/child` for child resources. */
  name: string;
  location?: Value;
  sku?: Value;
  kind?: Value;
  identity?: Value;
  tags?: Value;
  zones?: Value;
  plan?: Value;
  properties?: Value;
  /** For extension resources: the id of the resource they extend. */
  scope?: string | Unknown;
  dependsOn: string[];
  origin: Origin;
  /** The file a template resource came from. */
  file?: string;
  /**
   * The deployment a template resource belongs to: its top-level template, and the parameters it
   * was evaluated with. Relations stay inside one deployment (two templates that name the same
   * resources in the placeholder scope describe different resources). Resources read from Azure
   * have none: they are one estate.
   */
  deployment?: string;
  /** The parameters file(s) a template resource was evaluated with, as the user named them. */
  parameters?: string;
  /** JSON path → source range; live resources have none and are located by `id`. */
  sourceMap?: SourceMap;
  /**
   * Read from an export of Resource Graph rows (az graph query, Resource Graph Explorer's CSV,
   * Get-AzResource), not by an audit: the related resources Resource Graph does not hold
   * (diagnostic settings, locks, blob services…) are known only if the export has rows of their
   * type.
   */
  exported?: true;
  /**
   * Why this template resource may not be deployed at all (its condition, or its module's, is
   * unknown). Rules about it evaluate it as if it were; counts of it take it as possibly there.
   */
  deployedIf?: string;
  /**
   * An audit could not read this resource (a 403 or no answer on its ARM GET): it stands in for
   * what may be there, so rules that count it are unverified, and rules about it too.
   */
  unreadable?: string;
  /** Paths whose values came from secure parameters: redacted wherever they are shown. */
  secretPaths?: string[];
}

/** The top-level members a rule's `field` can address, in output order. */
export const RESOURCE_FIELDS = [
  'id', 'name', 'type', 'apiVersion', 'location', 'kind', 'sku', 'identity', 'tags', 'zones', 'plan', 'properties', 'scope',
] as const;

/** The plain, JSON-serializable view of a resource that `azready resources` prints. */
export function resourceToJson(r: Resource): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of RESOURCE_FIELDS) {
    const v = (r as unknown as Record<string, unknown>)[key];
    if (v !== undefined) out[key] = v;
  }
  if (r.dependsOn.length) out.dependsOn = r.dependsOn;
  out.origin = r.origin;
  if (r.file) out.file = r.file;
  if (r.parameters) out.parameters = r.parameters;
  if (r.sourceMap) {
    const declaration = r.sourceMap.rangeOf('');
    if (declaration) out.source = declaration;
  }
  return out;
}

/** `path` holds, or lies inside, a value that came from a secure parameter (`secretPaths`). */
export function isFromSecretPath(resource: Resource | undefined, path: string): boolean {
  return resource?.secretPaths?.some((p) => path === p || path.startsWith(p + '.') || path.startsWith(p + '[')) ?? false;
}
