// The pipeline behind `azready audit`: scopes → one paged Resource Graph query and the ARM GETs
// the rules need → the same ResourceSet, rules, score, report and gate as `scan`.
import { ResourceGraphClient } from '@azure/arm-resourcegraph';
import type { TokenCredential } from '@azure/core-auth';
import { diagnostic, hasErrors, type Diagnostic } from './core/diagnostic.js';
import type { Condition } from './engine/condition.js';
import { evaluateRule, evaluateRules } from './engine/evaluate-rules.js';
import { resolveArmEndpoint, type ArmEndpoint, type CloudName } from './live/arm-endpoint.js';
import { ArmClient } from './live/arm-client.js';
import { RESOURCE_GROUPS, SUBSCRIPTIONS } from './live/arm-only-types.js';
import { authPolicy, auditCredential } from './live/credential.js';
import { planLiveData, type ExtraFetch, type LiveDataPlan } from './live/data-plan.js';
import { fetchExtras } from './live/fetch-extras.js';
import { Progress, type ProgressStream } from './live/progress.js';
import { buildQuery, queryResourceGraph, type LiveScopes } from './live/resource-graph-pager.js';
import { DEFAULT_RETRY, httpFailure, type RetryOptions } from './live/retry.js';
import { SnapshotWriter } from './live/snapshot-writer.js';
import type { Resource } from './model/resource.js';
import { ResourceSet, type InputInfo } from './model/resource-set.js';
import type { Profile } from './profiles/profile.js';
import { buildReport } from './report/build-report.js';
import type { Report } from './report/report.js';
import { toolVersion } from './report/tool-version.js';
import { AUDIT_SNAPSHOT_FORMAT, LiveResourceBuilder } from './resource-graph/audit-snapshot.js';
import { loadConfig } from './scan.js';
import { computeScore, type Score } from './scoring/score.js';

export interface AuditOptions {
  subscriptions?: string[];
  managementGroups?: string[];
  /** Only these resource groups of the subscriptions or management groups. */
  resourceGroups?: string[];
  profile?: string;
  rules?: string[];
  cloud?: CloudName;
  /** Overrides the cloud's ARM endpoint; http only for loopback hosts. */
  armEndpoint?: string;
  /** Defaults to AZREADY_ACCESS_TOKEN, else DefaultAzureCredential. */
  credential?: TokenCredential;
  env?: NodeJS.ProcessEnv;
  /** Write everything collected to this file (`azready scan FILE` replays it). */
  saveSnapshot?: string;
  pageSize?: number;
  batchSize?: number;
  /** Parallel ARM GETs (default 8). */
  concurrency?: number;
  retry?: Partial<RetryOptions>;
  /** Where progress and the final count line go (stderr in the CLI); none when absent. */
  progress?: ProgressStream;
  now?: Date;
}

export interface AuditStats {
  resources: number;
  pages: number;
  rows: number;
  queryRetries: number;
  quotaWaits: number;
  quotaWaitMs: number;
  armRequests: number;
  armRetries: number;
  /** Wall time of the Resource Graph query, then of the ARM GETs, and of the whole run. */
  querySeconds: number;
  armSeconds: number;
  seconds: number;
}

export type AuditOutcome =
  | { ok: true; report: Report; profile: Profile; score: Score; set: ResourceSet; inputErrors: boolean; stats: AuditStats; plan: LiveDataPlan }
  | { ok: false; diagnostics: Diagnostic[] };

export async function audit(options: AuditOptions): Promise<AuditOutcome> {
  const started = Date.now();
  const scopes: LiveScopes = {
    subscriptions: unique(options.subscriptions ?? []),
    managementGroups: unique(options.managementGroups ?? []),
    resourceGroups: unique(options.resourceGroups ?? []),
  };
  if (!scopes.subscriptions.length && !scopes.managementGroups.length) {
    return { ok: false, diagnostics: [diagnostic('audit/no-scope', 'error', 'give at least one --subscription or a --management-group to audit')] };
  }
  const arm = resolveArmEndpoint(options.cloud, options.armEndpoint);
  if ('error' in arm) return { ok: false, diagnostics: [diagnostic('audit/insecure-endpoint', 'error', arm.error)] };
  const config = loadConfig(options.profile, options.rules);
  if (!('profile' in config)) return { ok: false, diagnostics: config.diagnostics };

  const credential = options.credential ?? (await auditCredential(options.env, options.cloud)).credential;
  const retry: RetryOptions = { ...DEFAULT_RETRY, ...options.retry };
  const plan = planLiveData(config.rules);
  const diagnostics: Diagnostic[] = plan.notes.map((n) => diagnostic('audit/relation-not-live', 'info', n));
  const query = buildQuery(plan.allTypes ? undefined : plan.queryTypes, scopes.resourceGroups);
  const progress = new Progress(options.progress);
  const writer = options.saveSnapshot
    ? new SnapshotWriter(options.saveSnapshot, {
        formatVersion: AUDIT_SNAPSHOT_FORMAT,
        tool: 'azready',
        toolVersion: toolVersion(),
        collectedAt: (options.now ?? new Date()).toISOString(),
        endpoint: arm.endpoint,
        scopes,
        query,
        ...(plan.collected.length ? { collected: plan.collected } : {}),
      })
    : undefined;

  try {
    const builder = new LiveResourceBuilder('live');
    const byType = new Map<string, Resource[]>();
    const pager = plan.allTypes || plan.queryTypes.length
      ? await queryResourceGraph({
          client: resourceGraphClient(credential, arm),
          query,
          scopes,
          pageSize: options.pageSize,
          batchSize: options.batchSize,
          retry,
          diagnostics,
          onRows: (rows) => {
            writer?.writeRows(rows);
            for (const row of rows) {
              const r = builder.addRow(row);
              if (!r) continue;
              const k = r.type.toLowerCase();
              if (!byType.has(k)) byType.set(k, []);
              byType.get(k)!.push(r);
            }
          },
          onProgress: (s) => progress.update(`azready: Resource Graph: ${s.rows.toLocaleString('en-US')} resources, ${s.pages} page(s)`),
        })
      : { pages: 0, rows: 0, retries: 0, quotaWaits: 0, quotaWaitMs: 0 };

    // Without a usable credential nothing was read: say so instead of printing an empty report.
    const fatal = diagnostics.filter((d) => d.code === 'live/unauthorized' || d.code === 'live/no-credential');
    if (fatal.length) {
      writer?.abort();
      progress.done('azready: nothing was audited');
      return { ok: false, diagnostics: fatal };
    }
    const queryDone = Date.now();
    const queried = new ResourceSet([...builder.resources]);
    const armClient = new ArmClient(credential, arm, retry, `azready/${toolVersion()}`);
    // Budgets live on subscriptions and resource groups, which Resource Graph rows do not list
    // (a group may hold nothing the rules query): ARM lists the groups.
    const subscriptionIds = auditedSubscriptions(scopes, builder.resources);
    const groups = plan.fetches.some((f) => f.parentType === RESOURCE_GROUPS) ? await listResourceGroups(armClient, subscriptionIds, scopes, diagnostics) : { ids: [], complete: true };
    const collected = groups.complete ? plan.collected : [];
    const extras = await fetchExtras({
      fetches: plan.fetches,
      parentIds: (f) => (f.parentType === SUBSCRIPTIONS ? subscriptionIds : f.parentType === RESOURCE_GROUPS ? groups.ids : neededBy(f, byType.get(f.parentType.toLowerCase()) ?? [], queried)),
      arm: armClient,
      concurrency: options.concurrency ?? 8,
      diagnostics,
      onProgress: (p) => progress.update(`azready: ARM ${p.step}/${p.steps}: ${p.label}: ${p.done}/${p.total}`),
    });
    const armDone = Date.now();
    for (const row of extras) builder.addExtra(row);
    for (const p of unique(builder.problems)) diagnostics.push(diagnostic('live/invalid-row', 'error', p));
    writer?.finish(extras, diagnostics);
    if (writer?.error) diagnostics.push(diagnostic('live/snapshot-unwritable', 'error', `the snapshot could not be written to ${options.saveSnapshot} (${writer.error}); the report below is complete, but nothing was saved for a replay`));

    const inputs: InputInfo[] = [
      ...scopes.subscriptions.map((s) => ({ path: `/subscriptions/${s}`, kind: 'live-scope' as const })),
      ...scopes.managementGroups.map((m) => ({ path: `/providers/Microsoft.Management/managementGroups/${m}`, kind: 'live-scope' as const })),
    ];
    const set = new ResourceSet(builder.resources, diagnostics, inputs, collected);
    const results = evaluateRules(config.rules, set);
    const score = computeScore(results, config.profile);
    const report = buildReport({ profile: config.profile, rules: config.rules, set, results, score, diagnostics: [...config.diagnostics, ...diagnostics], now: options.now });
    const stats: AuditStats = {
      resources: set.resources.length,
      pages: pager.pages,
      rows: pager.rows,
      queryRetries: pager.retries,
      quotaWaits: pager.quotaWaits,
      quotaWaitMs: pager.quotaWaitMs,
      armRequests: armClient.stats.requests,
      armRetries: armClient.stats.retries,
      querySeconds: (queryDone - started) / 1000,
      armSeconds: (armDone - queryDone) / 1000,
      seconds: (Date.now() - started) / 1000,
    };
    progress.done(summaryLine(stats));
    return { ok: true, report, profile: config.profile, score, set, inputErrors: hasErrors(diagnostics), stats, plan };
  } catch (e) {
    writer?.abort();
    throw e;
  }
}

/** The audited subscriptions: those named, and those the rows of a management group came from. */
function auditedSubscriptions(scopes: LiveScopes, resources: readonly Resource[]): string[] {
  const subs = new Map(scopes.subscriptions.map((s) => [s.toLowerCase(), `/subscriptions/${s}`]));
  for (const r of resources) {
    const m = /^\/subscriptions\/([^/]+)/i.exec(r.id);
    if (m && !subs.has(m[1].toLowerCase())) subs.set(m[1].toLowerCase(), `/subscriptions/${m[1]}`);
  }
  return [...subs.values()].sort();
}

/**
 * The resource groups of the audited subscriptions (only those named, when the audit names some).
 * `complete` is false when a subscription's groups could not be listed: what lives on them is then
 * not known to be absent.
 */
async function listResourceGroups(arm: ArmClient, subscriptions: string[], scopes: LiveScopes, diagnostics: Diagnostic[]): Promise<{ ids: string[]; complete: boolean }> {
  const named = new Set(scopes.resourceGroups.map((g) => g.toLowerCase()));
  const ids: string[] = [];
  let complete = true;
  for (const sub of subscriptions) {
    try {
      for (const g of await arm.list(`${sub}/resourcegroups`, '2021-04-01')) {
        const name = typeof g.name === 'string' ? g.name : undefined;
        if (!name || (named.size && !named.has(name.toLowerCase()))) continue;
        ids.push(typeof g.id === 'string' && g.id.startsWith('/') ? g.id : `${sub}/resourceGroups/${name}`);
      }
    } catch (e) {
      complete = false;
      const h = httpFailure(e);
      diagnostics.push(diagnostic('live/extra-unreadable', 'warning', `the resource groups of ${sub} could not be listed (${h.status ?? 'no response'}${h.code ? ' ' + h.code : ''}: ${h.message}); budgets on them are unverified`));
    }
  }
  return { ids: ids.sort(), complete };
}

/**
 * The resources of a fetch's parent type that need it: all of them, unless every rule that wants
 * the data has a `when` that needs no related resources and says it does not apply.
 */
function neededBy(f: ExtraFetch, parents: Resource[], set: ResourceSet): string[] {
  if (f.always || f.rules.some((r) => !r.when || !isLocal(r.when))) return parents.map((r) => r.id);
  return parents.filter((p) => f.rules.some((rule) => evaluateRule(rule, p, set).outcome !== 'not-applicable')).map((p) => p.id);
}

function isLocal(c: Condition): boolean {
  if (c.count && (c.count.related || c.count.resources || c.count.distinct)) return false;
  return [...(c.allOf ?? []), ...(c.anyOf ?? []), ...(c.not ? [c.not] : []), ...(c.count?.where ? [c.count.where] : [])].every(isLocal);
}

/** The Resource Graph client on the audit's endpoint; loopback http gets the minimal auth policy. */
export function resourceGraphClient(credential: TokenCredential, arm: ArmEndpoint): ResourceGraphClient {
  const client = new ResourceGraphClient(credential, {
    endpoint: arm.endpoint,
    credentials: { scopes: [arm.scope] },
    allowInsecureConnection: arm.insecure,
    retryOptions: { maxRetries: 0 },
    redirectOptions: { maxRetries: 0 },
    userAgentOptions: { userAgentPrefix: `azready/${toolVersion()}` },
  });
  if (arm.insecure) {
    client.pipeline.removePolicy({ name: 'bearerTokenAuthenticationPolicy' });
    client.pipeline.addPolicy(authPolicy(credential, arm.scope, true), { phase: 'Sign' });
  }
  return client;
}

function summaryLine(s: AuditStats): string {
  const extra = [
    s.queryRetries ? `${s.queryRetries} retried` : '',
    s.quotaWaits ? `${s.quotaWaits} quota wait(s)` : '',
  ].filter(Boolean);
  return `azready: audited ${s.resources.toLocaleString('en-US')} resources: ${s.pages} Resource Graph page(s)${extra.length ? ` (${extra.join(', ')})` : ''}, ${s.armRequests} ARM request(s)${s.armRetries ? ` (${s.armRetries} retried)` : ''} in ${s.seconds.toFixed(1)} s`;
}

function unique(list: readonly string[]): string[] {
  return [...new Set(list.flatMap((s) => s.split(',')).map((s) => s.trim()).filter(Boolean))];
}
