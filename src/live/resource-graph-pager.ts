// The one Resource Graph query of an audit, paged: `order by id asc`, $top 1000 and $skipToken,
// subscriptions in batches of at most 300, the per-user quota headers respected before the limit
// is hit, throttling and server errors retried. A scope that cannot be read becomes a diagnostic
// and the rest of the run goes on.
import type { ResourceGraphClient } from '@azure/arm-resourcegraph';
import { diagnostic, type Diagnostic } from '../core/diagnostic.js';
import { httpFailure, parseHhMmSs, sleep, withRetry, type HttpFailure, type RetryOptions } from './retry.js';

export interface LiveScopes {
  subscriptions: string[];
  managementGroups: string[];
  /** Optional filter inside the subscriptions or management groups. */
  resourceGroups: string[];
}

/** The columns a rule can read; Resource Graph fills absent ones with "" or {}. */
const COLUMNS = 'id, name, type, tenantId, kind, location, resourceGroup, subscriptionId, managedBy, sku, plan, properties, tags, identity, zones, extendedLocation';

const kqlString = (s: string): string => `'${s.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;

/** The KQL of the run: every needed type (all types when `types` is undefined) in one query, stable order for paging. */
export function buildQuery(types: readonly string[] | undefined, resourceGroups: readonly string[] = []): string {
  const lines = ['Resources'];
  if (types) lines.push(`| where type in~ (${[...types].map((t) => kqlString(t.toLowerCase())).join(', ')})`);
  if (resourceGroups.length) lines.push(`| where resourceGroup in~ (${resourceGroups.map((g) => kqlString(g.toLowerCase())).join(', ')})`);
  lines.push(`| project ${COLUMNS}`, '| order by id asc');
  return lines.join('\n');
}

export interface PagerStats {
  /** Rows per page asked for last (halved after ResponsePayloadTooLarge). */
  pageSize?: number;
  pages: number;
  rows: number;
  retries: number;
  quotaWaits: number;
  quotaWaitMs: number;
}

export interface PagerOptions {
  client: Pick<ResourceGraphClient, 'resources'>;
  query: string;
  scopes: LiveScopes;
  /** Rows per page, 1..1000. */
  pageSize?: number;
  /** Subscriptions per request, at most 300 as the Resource Graph guidance recommends. */
  batchSize?: number;
  retry: RetryOptions;
  onRows: (rows: Record<string, unknown>[]) => void | Promise<void>;
  onProgress?: (stats: PagerStats) => void;
  diagnostics: Diagnostic[];
}

type Request = { subscriptions?: string[]; managementGroups?: string[]; label: string };

/** Pages through every scope; returns the counters for the summary line and the benchmark. */
export async function queryResourceGraph(o: PagerOptions): Promise<PagerStats> {
  const stats: PagerStats = { pages: 0, rows: 0, retries: 0, quotaWaits: 0, quotaWaitMs: 0 };
  const wait = o.retry.sleep ?? sleep;
  let limitHit = false;
  let pageSize = Math.min(1000, Math.max(1, o.pageSize ?? 1000));
  const quota = { remaining: undefined as number | undefined, resetsMs: undefined as number | undefined };
  const batchSize = Math.min(300, Math.max(1, o.batchSize ?? 300));
  const queue: Request[] = [];
  for (let i = 0; i < o.scopes.subscriptions.length; i += batchSize) {
    const subs = o.scopes.subscriptions.slice(i, i + batchSize);
    queue.push({ subscriptions: subs, label: subs.length === 1 ? `subscription ${subs[0]}` : `${subs.length} subscriptions (${subs[0]}…)` });
  }
  for (const mg of o.scopes.managementGroups) queue.push({ managementGroups: [mg], label: `management group ${mg}` });

  while (queue.length) {
    const req = queue.shift()!;
    let skipToken: string | undefined;
    let pagesHere = 0;
    let rowsHere = 0;
    try {
      do {
        if (quota.remaining === 0) {
          // Wait for the window to reset instead of spending a request on a certain 429.
          const ms = quota.resetsMs ?? 1000;
          stats.quotaWaits++;
          stats.quotaWaitMs += ms;
          await wait(ms);
          quota.remaining = undefined;
        }
        let response: Awaited<ReturnType<PagerOptions['client']['resources']>>;
        for (;;) {
          try {
            response = await withRetry(
              () => o.client.resources(
                {
                  query: o.query,
                  ...(req.subscriptions ? { subscriptions: req.subscriptions } : {}),
                  ...(req.managementGroups ? { managementGroups: req.managementGroups } : {}),
                  options: { top: pageSize, resultFormat: 'objectArray', ...(skipToken ? { skipToken } : {}), ...(req.managementGroups ? { allowPartialScopes: true } : {}) },
                },
                {
                  onResponse: (raw) => {
                    const remaining = raw.headers.get('x-ms-user-quota-remaining');
                    if (remaining !== undefined && /^\d+$/.test(remaining.trim())) quota.remaining = Number(remaining);
                    quota.resetsMs = parseHhMmSs(raw.headers.get('x-ms-user-quota-resets-after')) ?? quota.resetsMs;
                    if (raw.headers.get('x-ms-tenant-subscription-limit-hit') === 'true' && !limitHit) {
                      limitHit = true;
                      o.diagnostics.push(diagnostic('live/subscription-limit', 'warning', `Resource Graph read only the first 10,000 subscriptions of ${req.label}; audit the others with --subscription`));
                    }
                  },
                },
              ),
              o.retry,
              () => stats.retries++,
            );
            break;
          } catch (e) {
            // A page over 16 MB fails as a whole; the same page in smaller pieces does not.
            if (pageSize === 1 || !/ResponsePayloadTooLarge/i.test(describe(e, httpFailure(e)))) throw e;
            pageSize = Math.max(1, Math.floor(pageSize / 2));
            stats.pageSize = pageSize;
          }
        }
        const rows = Array.isArray(response.data) ? (response.data as Record<string, unknown>[]) : [];
        if (!Array.isArray(response.data)) o.diagnostics.push(diagnostic('live/unexpected-response', 'error', `Resource Graph returned no row array for ${req.label}`));
        pagesHere++;
        rowsHere += rows.length;
        stats.pages++;
        stats.rows += rows.length;
        await o.onRows(rows);
        o.onProgress?.(stats);
        skipToken = response.skipToken;
        const total = Number(response.totalRecords);
        const truncated = String(response.resultTruncated) === 'true';
        if (!skipToken && (truncated || (Number.isFinite(total) && rowsHere < total))) {
          // resultTruncated is the service's own word; a short count alone may be a counting quirk.
          o.diagnostics.push(diagnostic('live/result-truncated', truncated ? 'error' : 'warning', `Resource Graph returned ${rowsHere} of ${Number.isFinite(total) ? total : '?'} rows for ${req.label} without a skip token for the rest; the audit may be incomplete`));
        }
      } while (skipToken);
    } catch (e) {
      const f = httpFailure(e);
      const subs = req.subscriptions ?? [];
      if (f.status === 401) {
        o.diagnostics.push(diagnostic('live/unauthorized', 'error', `Resource Graph refused the credential (${describe(e, f)}); sign in again (az login) or refresh AZREADY_ACCESS_TOKEN`));
        break;
      }
      if (f.status === undefined && /credential|authentication/i.test((e as Error)?.name ?? '')) {
        o.diagnostics.push(diagnostic('live/no-credential', 'error', `no Azure credential: ${f.message.split('\n')[0]}; sign in with az login, or set AZREADY_ACCESS_TOKEN`));
        break;
      }
      if (pagesHere === 0 && subs.length > 1 && isScopeError(e, f)) {
        // One unreadable subscription fails the whole batch: split it to find the culprit.
        const half = Math.ceil(subs.length / 2);
        for (const part of [subs.slice(0, half), subs.slice(half)]) {
          queue.unshift({ subscriptions: part, label: part.length === 1 ? `subscription ${part[0]}` : `${part.length} subscriptions (${part[0]}…)` });
        }
        continue;
      }
      o.diagnostics.push(diagnostic(
        pagesHere ? 'live/scope-incomplete' : 'live/scope-unreadable',
        'error',
        `${req.label}: ${pagesHere ? `Resource Graph failed after ${pagesHere} page(s); later rows are missing` : 'could not be queried'} (${describe(e, f)}); the other scopes were audited`,
      ));
    }
  }
  if (stats.pageSize !== undefined) {
    o.diagnostics.push(diagnostic('live/page-size-reduced', 'info', `Resource Graph responses exceeded its 16 MB limit; pages were read ${stats.pageSize} rows at a time (--page-size ${stats.pageSize} avoids the failed requests)`));
  }
  return stats;
}

/** `403 AuthorizationFailed: message [detail codes]`, never with request headers. */
export function describe(e: unknown, f: HttpFailure): string {
  const body = (e as { details?: { error?: { details?: { code?: string; message?: string }[] } } })?.details?.error;
  const details = (body?.details ?? []).map((d) => d.code ?? d.message).filter(Boolean);
  return `${f.status ?? 'no response'}${f.code ? ' ' + f.code : ''}: ${f.message}${details.length ? ` [${details.join(', ')}]` : ''}`;
}

function isScopeError(e: unknown, f: HttpFailure): boolean {
  if (f.status === 403 || f.status === 404) return true;
  if (f.status === undefined || f.status < 400 || f.status >= 500 || f.status === 429) return false;
  return /subscription|scope|authoriz|permission/i.test(describe(e, f));
}
