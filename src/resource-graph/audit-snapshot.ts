// The snapshot `azready audit --save-snapshot` writes: the Resource Graph rows and the ARM GET
// results of one run, so that `azready scan snapshot.json` evaluates exactly the same resources.
// Both the audit and the snapshot reader turn rows into resources here, the same way.
import { Unknown } from '../core/unknown.js';
import type { Diagnostic } from '../core/diagnostic.js';
import type { Origin, Resource } from '../model/resource.js';
import { normalizeRow } from './normalize-row.js';

export const AUDIT_SNAPSHOT_FORMAT = 1;

/** The members of the file besides `data` and `extras`. */
export interface AuditSnapshotHeader {
  formatVersion: number;
  tool: 'azready';
  toolVersion: string;
  collectedAt: string;
  endpoint: string;
  scopes: { subscriptions: string[]; managementGroups: string[]; resourceGroups: string[] };
  query: string;
  /** Types outside Resource Graph that the audit read completely for its scopes (budgets). */
  collected?: string[];
}

/**
 * An ARM GET result as the snapshot stores it: the resource as ARM returned it (with `id` and
 * `type`), or, when it could not be read, its would-be id and type with the `error`.
 */
export type ExtraRow = Record<string, unknown> & { id: string; type: string; error?: { status?: number; code?: string; message: string } };

export interface AuditSnapshotFile extends AuditSnapshotHeader {
  data: Record<string, unknown>[];
  extras: ExtraRow[];
  diagnostics?: Diagnostic[];
}

export function isAuditSnapshot(value: unknown): value is AuditSnapshotFile {
  const v = value as Record<string, unknown> | null;
  return !!v && typeof v === 'object' && !Array.isArray(v) && v.tool === 'azready' && typeof v.formatVersion === 'number';
}

/** Rows in, resources out: first occurrence of an id wins, as in a scan. */
export class LiveResourceBuilder {
  readonly resources: Resource[] = [];
  readonly problems: string[] = [];
  private readonly seen = new Set<string>();

  constructor(private readonly origin: Origin) {}

  addRow(row: Record<string, unknown>): Resource | undefined {
    const r = normalizeRow(row, this.origin);
    if (typeof r === 'string') {
      this.problems.push(r);
      return undefined;
    }
    return this.keep(r);
  }

  /** An unreadable extra becomes a resource whose properties are Unknown, so rules that count it are unverified. */
  addExtra(row: ExtraRow): Resource | undefined {
    const { error, ...rest } = row;
    const r = normalizeRow(error ? { id: rest.id, type: rest.type } : rest, this.origin);
    if (typeof r === 'string') {
      this.problems.push(r);
      return undefined;
    }
    if (error) {
      const parent = r.scope ?? row.id.split('/').slice(0, -2).join('/');
      const why = `${r.type.split('/').pop()} of ${String(parent).split('/').pop()} could not be read (${error.status ?? 'no response'}${error.code ? ' ' + error.code : ''})`;
      r.properties = new Unknown(why);
      r.unreadable = why;
    }
    return this.keep(r);
  }

  private keep(r: Resource): Resource | undefined {
    const key = r.id.toLowerCase();
    if (this.seen.has(key)) return undefined;
    this.seen.add(key);
    this.resources.push(r);
    return r;
  }
}

/** The resources of a saved audit, in the order the audit evaluated them. */
export function auditSnapshotResources(file: AuditSnapshotFile, origin: Origin): { resources: Resource[]; problems: string[] } {
  const b = new LiveResourceBuilder(origin);
  for (const row of file.data ?? []) if (row && typeof row === 'object') b.addRow(row);
  for (const row of file.extras ?? []) if (row && typeof row === 'object') b.addExtra(row);
  return { resources: b.resources, problems: b.problems };
}
