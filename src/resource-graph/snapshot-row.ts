// One row of a Resource Graph export read into a resource, whatever file format carried it (JSON
// or CSV), and the file-level warnings its rows call for.
import { diagnostic, type Diagnostic } from '../core/diagnostic.js';
import type { SourceRange } from '../core/source-range.js';
import { Unknown, type Value } from '../core/unknown.js';
import type { JsonNode } from '../arm/json-document.js';
import type { Resource } from '../model/resource.js';
import type { SourceMap } from '../model/source-map.js';
import { normalizeRow } from './normalize-row.js';
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

export interface RowReading {
  resource: Resource;
  /** Paths of values PowerShell cut off at its default depth. */
  truncated: string[];
  /** The row has no properties column: its query projected columns away. */
  projected: boolean;
  /** The row is `az resource list` output, which has no properties. */
  resourceList: boolean;
}

/** The resource a row describes, or what is wrong with the row. */
export function readRow(row: Record<string, unknown>): RowReading | string {
  const marked = markTruncatedValues(row);
  const r = normalizeRow(marked.row, 'snapshot');
  if (typeof r === 'string') return r;
  let projected = false;
  let resourceList = false;
  // Every Resource Graph row has a properties column, empty or not: a row without one comes
  // from a query that projected columns away (`| project id, name, type`). What it left out is
  // unknown, not absent: an absent setting would read as Azure's default.
  if (!('properties' in marked.row)) {
    projected = true;
    for (const c of PROJECTABLE_COLUMNS) if (!(c in marked.row)) (r as unknown as Record<string, Value>)[c] = new Unknown(`the snapshot has no "${c}" column: its query projected it away`);
  } else if (isResourceListRow(marked.row)) {
    // `az resource list` writes every resource with "properties": null: it lists without them.
    resourceList = true;
    r.properties = new Unknown('az resource list does not export resource properties');
  }
  return { resource: r, truncated: marked.paths, projected, resourceList };
}

export function projectedWarning(file: string, at: SourceRange): Diagnostic {
  return diagnostic('snapshot/projected-columns', 'warning', `rows of ${file} have no properties column (the query projected columns away), so rules that read what was left out are unverified; export whole rows (Resources | where …, without project)`, at);
}

export function resourceListWarning(file: string, at: SourceRange): Diagnostic {
  return diagnostic('snapshot/no-properties', 'warning', `${file} looks like az resource list output, which has no resource properties: rules that read them are unverified; export with az graph query -q "Resources" --first 1000 -o json (or azready audit)`, at);
}

export function truncatedError(rows: number, firstPaths: string[], at: SourceRange): Diagnostic {
  return diagnostic('snapshot/truncated-values', 'error', `${rows} row(s) hold values that are not JSON objects but their PowerShell text (first: ${firstPaths.slice(0, 3).join(', ')}); ${TRUNCATION_ADVICE}. Rules that read them are unverified.`, at);
}

/** Records the range of `node` and of everything under it at `path` and below. */
export function mapPaths(node: JsonNode, path: string, map: SourceMap, rangeOf: (node: JsonNode) => SourceRange): void {
  map.set(path, rangeOf(node));
  if (node.type === 'object') {
    for (const prop of node.children ?? []) {
      const k = prop.children?.[0]?.value;
      const v = prop.children?.[1];
      if (typeof k === 'string' && v) mapPaths(v, /^[A-Za-z_$][A-Za-z0-9_$-]*$/.test(k) ? `${path}.${k}` : `${path}['${k}']`, map, rangeOf);
    }
  } else if (node.type === 'array') {
    node.children?.forEach((c, i) => mapPaths(c, `${path}[${i}]`, map, rangeOf));
  }
}
