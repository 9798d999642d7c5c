// Turns a Resource Graph row into the same Resource a template yields: canonical type casing,
// full `parent/child` name from the id, extension scope from the id, empty columns dropped.
import type { Value } from '../core/unknown.js';
import { canonicalType } from '../model/canonical-type.js';
import type { Origin, Resource } from '../model/resource.js';

const COLUMNS = ['location', 'sku', 'kind', 'identity', 'tags', 'zones', 'plan', 'properties'] as const;

/** Resource Graph fills absent columns with "" or {}; absent must stay absent for `exists`. */
function isEmptyColumn(v: unknown): boolean {
  if (v === null || v === undefined || v === '') return true;
  if (Array.isArray(v)) return false;
  return typeof v === 'object' && Object.keys(v).length === 0;
}

/** Splits an id into the scope it extends (if any), the full type and the full name. */
export function parseResourceId(id: string): { type: string; name: string; scope?: string } | undefined {
  const lower = id.toLowerCase();
  const at = lower.lastIndexOf('/providers/');
  if (at < 0) {
    const m = /^\/subscriptions\/[^/]+\/resourcegroups\/([^/]+)$/i.exec(id);
    if (m) return { type: 'Microsoft.Resources/resourceGroups', name: m[1] };
    return undefined;
  }
  const segments = id.slice(at + '/providers/'.length).split('/');
  const ns = segments[0];
  const types = [ns];
  const names: string[] = [];
  for (let i = 1; i + 1 < segments.length; i += 2) {
    types.push(segments[i]);
    names.push(segments[i + 1]);
  }
  const prefix = id.slice(0, at);
  const scope = /\/providers\//i.test(prefix) ? prefix : undefined;
  return { type: types.join('/'), name: names.join('/'), ...(scope ? { scope } : {}) };
}

export function normalizeRow(row: Record<string, unknown>, origin: Origin): Resource | string {
  const id = row.id;
  if (typeof id !== 'string' || !id.startsWith('/')) return 'the row has no resource "id" column; project id in the query';
  const parsed = parseResourceId(id);
  const rawType = typeof row.type === 'string' ? row.type : parsed?.type;
  if (!rawType) return `the row ${id} has no "type" column`;
  const resource: Resource = {
    id,
    type: canonicalType(rawType),
    name: parsed?.name ?? (typeof row.name === 'string' ? row.name : id),
    dependsOn: [],
    origin,
  };
  if (parsed?.scope) resource.scope = parsed.scope;
  for (const c of COLUMNS) {
    const v = row[c];
    if (!isEmptyColumn(v)) (resource as unknown as Record<string, Value>)[c] = v as Value;
  }
  if (typeof row.apiVersion === 'string') resource.apiVersion = row.apiVersion;
  return resource;
}
