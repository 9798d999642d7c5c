// Resource Graph exports as CSV: what Azure Resource Graph Explorer's "Download as CSV" writes. The
// header names the columns (id, name, type, location, properties, …); the object and array columns
// (properties, tags, sku, identity, zones, plan) hold their JSON in the cell. Rows become the same
// resources a JSON export gives, each value located at its own line and column in the CSV.
import { diagnostic, type Diagnostic } from '../core/diagnostic.js';
import { LineMap } from '../core/line-map.js';
import type { SourceRange } from '../core/source-range.js';
import { Unknown } from '../core/unknown.js';
import { JsonDocument, plainValue, type JsonNode } from '../arm/json-document.js';
import type { Resource } from '../model/resource.js';
import { SourceMap, type SourceTargets } from '../model/source-map.js';
import { cellOffset, parseCsv, type CsvCell, type CsvTable } from './csv-table.js';
import { jsonMembers, projectedWarning, readRow, resourceListWarning, truncatedError } from './snapshot-row.js';

/** Columns whose cells hold JSON. Other columns are text (ids, names, locations, kinds). */
const JSON_COLUMNS = new Set(['properties', 'tags', 'sku', 'identity', 'zones', 'plan', 'extendedlocation']);

/** Resource Graph's column names, in its spelling, for headers a spreadsheet re-cased. */
const COLUMN_NAMES = ['id', 'name', 'type', 'tenantId', 'kind', 'location', 'resourceGroup', 'subscriptionId', 'managedBy', 'sku', 'plan', 'properties', 'tags', 'identity', 'zones', 'extendedLocation', 'apiVersion'];
const CANONICAL = new Map(COLUMN_NAMES.map((c) => [c.toLowerCase(), c]));

/** The column names of a CSV's header row, as Resource Graph spells them. */
function headerNames(table: CsvTable): string[] {
  return (table.rows[0] ?? []).map((c) => {
    const name = c.text.trim();
    return CANONICAL.get(name.toLowerCase()) ?? name;
  });
}

/** Is this CSV a Resource Graph export (its header has id and type columns)? */
export function isCsvSnapshot(table: CsvTable): boolean {
  const names = headerNames(table);
  return names.includes('id') && names.includes('type');
}

export function readCsvSnapshot(file: string, text: string, table: CsvTable = parseCsv(text)): { resources: Resource[]; diagnostics: Diagnostic[] } {
  const lines = new LineMap(text);
  const range = (start: number, end: number): SourceRange => {
    const s = lines.position(start);
    const e = lines.position(Math.max(start, end));
    return { file, startLine: s.line, startColumn: s.column, endLine: e.line, endColumn: e.column };
  };
  // A value inside a JSON cell is located through the cell: its quotes are doubled in the file.
  const targets: SourceTargets = {
    range: (t) => {
      const { node, cell } = t as CellNode;
      return range(cellOffset(cell, node.offset), cellOffset(cell, node.offset + node.length));
    },
    members: (t) => {
      const { node, cell } = t as CellNode;
      return jsonMembers(node).map(([k, child]) => [k, { node: child, cell }] as const);
    },
  };
  const diagnostics: Diagnostic[] = table.errors.map((e) => diagnostic('snapshot/csv-syntax', 'error', `invalid CSV: ${e.message}`, range(e.offset, e.offset)));
  const resources: Resource[] = [];
  const names = headerNames(table);
  const truncated: { at: SourceRange; paths: string[] }[] = [];
  let projected: SourceRange | undefined;
  let resourceList: SourceRange | undefined;
  for (const cells of table.rows.slice(1)) {
    const rowAt = range(cells[0].start, cells[cells.length - 1].end);
    if (cells.length !== names.length) {
      diagnostics.push(diagnostic('snapshot/invalid-row', 'error', `the row has ${cells.length} cells but the header names ${names.length} columns; a cell holding the delimiter or a line break must be in double quotes`, rowAt));
      continue;
    }
    const row: Record<string, unknown> = {};
    const trees = new Map<string, { node: JsonNode; cell: CsvCell }>();
    names.forEach((name, i) => {
      const cell = cells[i];
      if (!JSON_COLUMNS.has(name.toLowerCase())) {
        row[name] = cell.text;
        return;
      }
      if (cell.text.trim() === '') {
        // Resource Graph writes an empty cell for an empty column, as it writes "" or {} in JSON.
        row[name] = null;
        return;
      }
      const parsed = JsonDocument.parse(file, cell.text);
      if (parsed.diagnostics.length || !parsed.doc.root) {
        const at = parsed.diagnostics[0]?.location;
        const offset = at ? cellOffset(cell, offsetIn(cell.text, at.startLine, at.startColumn)) : cell.start;
        diagnostics.push(diagnostic('snapshot/invalid-cell', 'error', `the ${name} cell is not valid JSON (${parsed.diagnostics[0]?.message ?? 'empty'}); a spreadsheet may have cut it (cells hold at most 32,767 characters) or changed its quotes: export the CSV again and scan it unopened, or export JSON with az graph query`, range(offset, offset)));
        row[name] = new Unknown(`the ${name} cell of this CSV row is not valid JSON`);
        return;
      }
      row[name] = plainValue(parsed.doc.root);
      trees.set(name, { node: parsed.doc.root, cell });
    });
    const read = readRow(row);
    if (typeof read === 'string') {
      diagnostics.push(diagnostic('snapshot/invalid-row', 'error', read, rowAt));
      continue;
    }
    const r = read.resource;
    if (read.truncated.length) truncated.push({ at: rowAt, paths: read.truncated });
    if (read.projected) projected ??= rowAt;
    if (read.resourceList) resourceList ??= rowAt;
    r.file = file;
    r.exported = true;
    r.sourceMap = new SourceMap(targets);
    r.sourceMap.set('', rowAt);
    names.forEach((name, i) => {
      if (!['location', 'kind'].includes(name)) return;
      r.sourceMap!.set(name, range(cells[i].start, cells[i].end));
    });
    for (const [name, { node, cell }] of trees) r.sourceMap.setTree(name, { node, cell });
    resources.push(r);
  }
  if (projected) diagnostics.push(projectedWarning(file, projected));
  if (resourceList) diagnostics.push(resourceListWarning(file, resourceList));
  if (truncated.length) diagnostics.push(truncatedError(truncated.length, truncated[0].paths, truncated[0].at));
  return { resources, diagnostics };
}

/** A JSON value inside a CSV cell. */
interface CellNode {
  node: JsonNode;
  cell: CsvCell;
}

/** The 0-based offset in `text` of a 1-based line and column. */
function offsetIn(text: string, line: number, column: number): number {
  const starts = new LineMap(text).lineStarts;
  return Math.min(text.length, (starts[line - 1] ?? 0) + column - 1);
}
