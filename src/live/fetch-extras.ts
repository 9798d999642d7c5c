// Runs the ARM GETs of the data plan with bounded concurrency: for every resource of a fetch's
// parent type, list (or read) the related type. A GET that fails after retries leaves an
// `error` row, so rules that need the data are unverified for that resource, never guessed.
import { diagnostic, type Diagnostic } from '../core/diagnostic.js';
import type { ExtraRow } from '../resource-graph/audit-snapshot.js';
import type { ArmClient } from './arm-client.js';
import { armPathFor } from './arm-only-types.js';
import type { ExtraFetch } from './data-plan.js';
import { httpFailure } from './retry.js';

export interface ExtrasProgress {
  /** Resources done of this fetch's `total`. */
  done: number;
  total: number;
  label: string;
  /** Which fetch of how many (1-based). */
  step: number;
  steps: number;
}

export async function fetchExtras(args: {
  fetches: readonly ExtraFetch[];
  /** Ids of the resources Resource Graph returned that need this fetch. */
  parentIds: (fetch: ExtraFetch) => string[];
  arm: Pick<ArmClient, 'get' | 'list'>;
  concurrency: number;
  diagnostics: Diagnostic[];
  onProgress?: (p: ExtrasProgress) => void;
}): Promise<ExtraRow[]> {
  const rows: ExtraRow[] = [];
  const fetchedIds = new Map<string, string[]>();
  const failures = new Map<string, { count: number; example: string; detail: string }>();
  const parentsOf = (f: ExtraFetch): string[] => [...args.parentIds(f), ...(fetchedIds.get(f.parentType.toLowerCase()) ?? [])];

  for (const [i, f] of args.fetches.entries()) {
    const parents = parentsOf(f);
    let done = 0;
    const label = `${f.target.type.split('/').pop()} of ${f.parentType}`;
    await pool(parents, args.concurrency, async (parentId) => {
      const path = armPathFor(f.target, parentId);
      try {
        const items = f.target.access === 'singleton' ? [await args.arm.get(path, f.target.apiVersion)].filter((x) => x !== undefined) : await args.arm.list(path, f.target.apiVersion);
        for (const item of items) {
          const id = typeof item.id === 'string' && item.id.startsWith('/') ? item.id : f.target.access === 'singleton' ? path : `${path}/${String(item.name ?? '')}`;
          rows.push({ ...item, id, type: typeof item.type === 'string' && item.type ? item.type : f.target.type });
          if (f.target.access !== 'extension' && f.target.access !== 'scope') {
            const key = f.target.type.toLowerCase();
            if (!fetchedIds.has(key)) fetchedIds.set(key, []);
            fetchedIds.get(key)!.push(id);
          }
        }
      } catch (e) {
        const h = httpFailure(e);
        const detail = `${h.status ?? 'no response'}${h.code ? ' ' + h.code : ''}: ${h.message}`;
        rows.push({ id: f.target.access === 'singleton' ? path : `${path}/(unreadable)`, type: f.target.type, error: { ...(h.status ? { status: h.status } : {}), ...(h.code ? { code: h.code } : {}), message: h.message } });
        const key = `${f.target.type}|${h.status ?? ''}|${h.code ?? ''}`;
        const seen = failures.get(key);
        if (seen) seen.count++;
        else failures.set(key, { count: 1, example: parentId, detail });
      }
      done++;
      args.onProgress?.({ done, total: parents.length, label, step: i + 1, steps: args.fetches.length });
    });
  }
  for (const [key, f] of failures) {
    const type = key.split('|')[0];
    args.diagnostics.push(diagnostic('live/extra-unreadable', 'warning', `${type} could not be read for ${f.count} resource(s), e.g. ${f.example} (${f.detail}); rules that need it are unverified there`));
  }
  rows.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return rows;
}

/** Runs `fn` over `items`, at most `limit` at a time. */
export async function pool<T>(items: readonly T[], limit: number, fn: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) await fn(items[next++]);
  };
  await Promise.all(Array.from({ length: Math.min(Math.max(1, limit), items.length) }, worker));
}
