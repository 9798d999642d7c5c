// One row of a Resource Graph export read into a resource, whatever file format carried it (JSON
// or CSV), and the file-level warnings its rows call for.
import { diagnostic, type Diagnostic } from '../core/diagnostic.js';
import type { SourceRange } from '../core/source-range.js';
import { Unknown, type Value } from '../core/unknown.js';
import { member, type JsonNode } from '../arm/json-document.js';
import type { Resource } from '../model/resource.js';
import type { SourceTargets } from '../model/source-map.js';
import type { PathSegment } from '../core/json-path.js';
import { normalizeRow, parseResourceId } from './normalize-row.js';
import { markTruncatedValues, TRUNCATION_ADVICE } from './powershell-truncation.js';

/** The resource columns of a Resource Graph row that rules read (id, name and type are required). */
const PROJECTABLE_COLUMNS = ['location', 'sku', 'kind', 'identity', 'tags', 'zones', 'plan', 'properties'] as const;

/**
 * A row of `az resource list` (or the ARM list API): properties null, and the list API's own
 * top-level members, which Resource Graph rows do not have.
 */
function isResourceListRow(row: Record<string, unknown>): boolean {
  return row.properties === null && ('provisioningState' in row || 'createdTime' in row || 'changedTime' in row);
}

/**
 * A row of PowerShell's `Get-AzResource` (and PSRule's Export-AzRuleData, which adds the
 * sub-resources under `resources`): PascalCase members, `ResourceId`, and for an extension resource
 * `ResourceType` naming the resource it extends (`ExtensionResourceType` is its own type).
 */
function isGetAzResourceRow(row: Record<string, unknown>): boolean {
  return typeof row.ResourceId === 'string' || (typeof row.Id === 'string' && typeof row.ResourceType === 'string');
}

/** The Resource Graph columns of a Get-AzResource row. */
function fromGetAzResource(row: Record<string, unknown>): Record<string, unknown> {
  const id = typeof row.ResourceId === 'string' ? row.ResourceId : row.Id;
  const type = typeof id === 'string' ? parseResourceId(id)?.type : undefined;
  const out: Record<string, unknown> = {
    id,
    type: type ?? row.ExtensionResourceType ?? row.ResourceType ?? row.Type,
    name: row.Name ?? row.ResourceName,
  };
  for (const [column, member] of [['location', 'Location'], ['kind', 'Kind'], ['sku', 'Sku'], ['tags', 'Tags'], ['identity', 'Identity'], ['zones', 'Zones'], ['plan', 'Plan'], ['managedBy', 'ManagedBy'], ['properties', 'Properties']] as const) {
    if (member in row) out[column] = row[member];
  }
  return out;
}

export interface RowReading {
  resource: Resource;
  /** Paths of values PowerShell cut off at its default depth. */
  truncated: string[];
  /** The row has no properties column: its query projected columns away. */
  projected: boolean;
  /** The row is `az resource list` output, which has no properties. */
  resourceList: boolean;
  /** The row is Get-AzResource output without -ExpandProperties, which has no properties. */
  unexpanded: boolean;
}

/** The resource a row describes, or what is wrong with the row. */
export function readRow(given: Record<string, unknown>): RowReading | string {
  const powershell = isGetAzResourceRow(given);
  const row = powershell ? fromGetAzResource(given) : given;
  const marked = markTruncatedValues(row);
  const r = normalizeRow(marked.row, 'snapshot');
  if (typeof r === 'string') return r;
  let projected = false;
  let resourceList = false;
  let unexpanded = false;
  // Every Resource Graph row has a properties column, empty or not: a row without one comes
  // from a query that projected columns away (`| project id, name, type`). What it left out is
  // unknown, not absent: an absent setting would read as Azure's default.
  if (powershell && (marked.row.properties === null || marked.row.properties === undefined)) {
    unexpanded = true;
    r.properties = new Unknown('Get-AzResource without -ExpandProperties does not export resource properties');
  } else if (!('properties' in marked.row)) {
    projected = true;
    for (const c of PROJECTABLE_COLUMNS) if (!(c in marked.row)) (r as unknown as Record<string, Value>)[c] = new Unknown(`the snapshot has no "${c}" column: its query projected it away`);
  } else if (isResourceListRow(marked.row)) {
    // `az resource list` writes every resource with "properties": null: it lists without them.
    resourceList = true;
    r.properties = new Unknown('az resource list does not export resource properties');
  }
  return { resource: r, truncated: marked.paths, projected, resourceList, unexpanded };
}

export function projectedWarning(file: string, at: SourceRange): Diagnostic {
  return diagnostic('snapshot/projected-columns', 'warning', `rows of ${file} have no properties column (the query projected columns away), so rules that read what was left out are unverified; export whole rows (Resources | where …, without project)`, at);
}

export function resourceListWarning(file: string, at: SourceRange): Diagnostic {
  return diagnostic('snapshot/no-properties', 'warning', `${file} looks like az resource list output, which has no resource properties: rules that read them are unverified; export with az graph query -q "Resources" --first 1000 -o json (or azready audit)`, at);
}

export function unexpandedWarning(file: string, at: SourceRange): Diagnostic {
  return diagnostic('snapshot/no-properties', 'warning', `${file} looks like Get-AzResource output without -ExpandProperties, which has no resource properties: rules that read them are unverified; export with Get-AzResource -ExpandProperties | ConvertTo-Json -AsArray -Depth 100 (or azready audit)`, at);
}

/**
 * The rows of an export in reading order: each row, then the sub-resources PSRule's
 * Export-AzRuleData nests under its `resources` (Resource Graph rows have no such column).
 */
export function rowNodes(rows: readonly JsonNode[]): JsonNode[] {
  const out: JsonNode[] = [];
  const visit = (node: JsonNode): void => {
    out.push(node);
    const nested = node.type === 'object' ? member(node, 'resources') : undefined;
    if (nested?.type === 'array') for (const child of nested.children ?? []) if (child.type === 'object') visit(child);
  };
  rows.forEach(visit);
  return out;
}

export function truncatedError(rows: number, firstPaths: string[], at: SourceRange): Diagnostic {
  return diagnostic('snapshot/truncated-values', 'error', `${rows} row(s) hold values that are not JSON objects but their PowerShell text (first: ${firstPaths.slice(0, 3).join(', ')}); ${TRUNCATION_ADVICE}. Rules that read them are unverified.`, at);
}

/**
 * How a snapshot's source map finds ranges in the parsed file: recorded by subtree (setTree) and
 * resolved only for the paths a finding reads. A large estate has millions of values; findings
 * point at a few.
 */
export function jsonTargets(rangeOf: (node: JsonNode) => SourceRange): SourceTargets {
  return { range: (target) => rangeOf(target as JsonNode), members: (target) => jsonMembers(target as JsonNode) };
}

/** The members of an object node (key, value) or the elements of an array node (index, value). */
export function jsonMembers(node: JsonNode): (readonly [PathSegment, JsonNode])[] {
  if (node.type === 'array') return (node.children ?? []).map((c, i) => [i, c] as const);
  if (node.type !== 'object') return [];
  const out: (readonly [PathSegment, JsonNode])[] = [];
  for (const prop of node.children ?? []) {
    const k = prop.children?.[0]?.value;
    const v = prop.children?.[1];
    if (typeof k === 'string' && v) out.push([k, v]);
  }
  return out;
}
