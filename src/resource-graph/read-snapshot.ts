// Resource Graph snapshot files: what `az graph query -q … -o json` writes, either a bare array of
// rows or an object with a `data` array, and what PowerShell's Get-AzResource (or PSRule's
// Export-AzRuleData) writes. Each row keeps a source range in the file. Snapshots saved by
// `azready audit` (formatVersion, data, extras) are replayed exactly as the audit ran.
import { diagnostic, type Diagnostic } from '../core/diagnostic.js';
import { JsonDocument, member, plainValue, type JsonNode } from '../arm/json-document.js';
import type { Resource } from '../model/resource.js';
import { SourceMap } from '../model/source-map.js';
import { jsonTargets, projectedWarning, readRow, resourceListWarning, rowNodes, truncatedError, unexpandedWarning } from './snapshot-row.js';
import { isResourceObject } from '../discover/classify-file.js';
import { AUDIT_SNAPSHOT_FORMAT, auditSnapshotResources, isAuditSnapshot } from './audit-snapshot.js';

/** `collected`: for a saved audit, the types outside Resource Graph it read completely (budgets). */
export function readSnapshot(doc: JsonDocument): { resources: Resource[]; diagnostics: Diagnostic[]; collected?: string[] } {
  if (doc.root?.type === 'object' && member(doc.root, 'formatVersion')) {
    const value = plainValue(doc.root);
    if (isAuditSnapshot(value)) return readAuditSnapshot(doc, value);
  }
  const resources: Resource[] = [];
  const diagnostics: Diagnostic[] = [];
  const truncated: { node: JsonNode; paths: string[] }[] = [];
  let projected: JsonNode | undefined;
  let resourceList: JsonNode | undefined;
  const targets = jsonTargets((node) => doc.rangeOf(node));
  const rowsNode: JsonNode | undefined = doc.root?.type === 'array' ? doc.root : member(doc.root, 'data');
  const single = isResourceObject(doc.root) ? [doc.root!] : undefined;
  let unexpanded: JsonNode | undefined;
  for (const rowNode of rowNodes(single ?? rowsNode?.children ?? [])) {
    const row = plainValue(rowNode);
    if (!row || typeof row !== 'object' || Array.isArray(row)) {
      diagnostics.push(diagnostic('snapshot/invalid-row', 'error', 'a snapshot row must be an object with id and type', doc.rangeOf(rowNode)));
      continue;
    }
    const read = readRow(row as Record<string, unknown>);
    if (typeof read === 'string') {
      diagnostics.push(diagnostic('snapshot/invalid-row', 'error', read, doc.rangeOf(rowNode)));
      continue;
    }
    const r = read.resource;
    if (read.truncated.length) truncated.push({ node: rowNode, paths: read.truncated });
    if (read.projected) projected ??= rowNode;
    if (read.resourceList) resourceList ??= rowNode;
    if (read.unexpanded) unexpanded ??= rowNode;
    r.file = doc.file;
    r.exported = true;
    r.sourceMap = new SourceMap(targets);
    r.sourceMap.setLazy('', rowNode);
    for (const f of ['properties', 'sku', 'kind', 'identity', 'tags', 'zones', 'location']) {
      const n = member(rowNode, f);
      if (n) r.sourceMap.setTree(f, n);
    }
    resources.push(r);
  }
  if (projected) diagnostics.push(projectedWarning(doc.file, doc.rangeOf(projected)));
  if (resourceList) diagnostics.push(resourceListWarning(doc.file, doc.rangeOf(resourceList)));
  if (unexpanded) diagnostics.push(unexpandedWarning(doc.file, doc.rangeOf(unexpanded)));
  const partial = partialExport(doc, rowsNode?.children?.length ?? 0);
  if (partial) diagnostics.push(partial);
  if (truncated.length) diagnostics.push(truncatedError(truncated.length, truncated[0].paths, doc.rangeOf(truncated[0].node)));
  return { resources, diagnostics };
}

/**
 * An audit snapshot is a recording of live resources: they are located by resource id, as in the
 * audit, so that the replay's results are the audit's results byte for byte.
 */
function readAuditSnapshot(doc: JsonDocument, value: Parameters<typeof auditSnapshotResources>[0]): { resources: Resource[]; diagnostics: Diagnostic[]; collected?: string[] } {
  const at = doc.rangeOf(doc.root!);
  if (value.formatVersion > AUDIT_SNAPSHOT_FORMAT) {
    return { resources: [], diagnostics: [diagnostic('snapshot/unsupported-format', 'error', `${doc.file}: audit snapshot formatVersion ${value.formatVersion} is newer than this azready reads (${AUDIT_SNAPSHOT_FORMAT}); upgrade azready`, at)] };
  }
  // No `file` either: relations treat resources of one file as one deployment, which these are not.
  const { resources, problems } = auditSnapshotResources(value, 'snapshot');
  const diagnostics = problems.map((p) => diagnostic('snapshot/invalid-row', 'error', p, at));
  // What the audit could not read is still missing from the replay.
  for (const d of Array.isArray(value.diagnostics) ? value.diagnostics : []) {
    if (d && typeof d.code === 'string' && typeof d.message === 'string' && d.code.startsWith('live/')) diagnostics.push(diagnostic(d.code, d.severity, `recorded by the audit: ${d.message}`, at));
  }
  const collected = Array.isArray(value.collected) ? value.collected.filter((t): t is string => typeof t === 'string') : [];
  return { resources, diagnostics, ...(collected.length ? { collected } : {}) };
}

/**
 * `az graph query` writes `total_records` and, when Resource Graph has more pages, a
 * `skip_token`: a file with fewer rows than the total holds only part of the estate, and rules
 * that count related resources would miss the others.
 */
function partialExport(doc: JsonDocument, rows: number): Diagnostic | undefined {
  const page = exportPage(doc);
  if (!page) return undefined;
  const more = page.total !== undefined && page.total > rows;
  if (!more && !page.more) return undefined;
  return diagnostic('snapshot/partial', 'warning', `${doc.file} holds ${more ? `${rows} of ${page.total} rows` : `${rows} rows and a skip token`}: Resource Graph had more pages than were exported, and rules that look for related resources may miss them. Export every page (az graph query --first 1000 with --skip-token until none is left), or run azready audit --save-snapshot`, doc.rangeOf(doc.root!));
}

/**
 * What an `az graph query` export says of its page: the rows it holds, the total the query had
 * (`total_records`) and whether a `skip_token` points at more. Undefined for a plain array.
 */
export function exportPage(doc: JsonDocument): { rows: number; total?: number; more: boolean } | undefined {
  if (doc.root?.type !== 'object') return undefined;
  const total = member(doc.root, 'total_records')?.value ?? member(doc.root, 'totalRecords')?.value;
  // az graph query: skip_token; the REST API: $skipToken; PowerShell Search-AzGraph: SkipToken.
  const token = member(doc.root, 'skip_token')?.value ?? member(doc.root, '$skipToken')?.value ?? member(doc.root, 'skipToken')?.value;
  const rows = member(doc.root, 'data')?.children?.length ?? 0;
  return { rows, ...(typeof total === 'number' ? { total } : {}), more: typeof token === 'string' && token !== '' };
}
