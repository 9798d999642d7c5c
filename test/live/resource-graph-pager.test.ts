import { afterEach, describe, expect, it } from 'vitest';
import { resourceGraphClient } from '../../src/audit.js';
import type { Diagnostic } from '../../src/core/diagnostic.js';
import { resolveArmEndpoint, type ArmEndpoint } from '../../src/live/arm-endpoint.js';
import { staticTokenCredential } from '../../src/live/credential.js';
import { buildQuery, queryResourceGraph } from '../../src/live/resource-graph-pager.js';
import { estate, SUBS } from './estate.js';
import { startFakeArm, type FakeArm, type FakeArmOptions } from './fake-arm-server.js';

const TYPES = ['Microsoft.KeyVault/vaults', 'Microsoft.Storage/storageAccounts'];
const FAST = { maxRetries: 3, baseDelayMs: 5, maxDelayMs: 2000 };
let server: FakeArm | undefined;

afterEach(async () => {
  await server?.close();
  server = undefined;
});

/** Runs the real SDK client against the fake server; returns the ids in arrival order. */
async function run(options: FakeArmOptions, extra: { pageSize?: number; batchSize?: number; subscriptions?: string[]; managementGroups?: string[] } = {}) {
  server = await startFakeArm(options);
  const arm = resolveArmEndpoint('AzureCloud', server.url) as ArmEndpoint;
  const diagnostics: Diagnostic[] = [];
  const ids: string[] = [];
  const stats = await queryResourceGraph({
    client: resourceGraphClient(staticTokenCredential('test-token'), arm),
    query: buildQuery(TYPES),
    scopes: { subscriptions: extra.subscriptions ?? SUBS, managementGroups: extra.managementGroups ?? [], resourceGroups: [] },
    pageSize: extra.pageSize,
    batchSize: extra.batchSize,
    retry: FAST,
    diagnostics,
    onRows: (rows) => void ids.push(...rows.map((r) => r.id as string)),
  });
  return { ids, stats, diagnostics, requests: server.requests.filter((r) => r.method === 'POST') };
}

const argIds = (perSub = 3) => estate(perSub).filter((r) => /^microsoft\.(storage\/storageaccounts|keyvault\/vaults)$/.test(String(r.type))).map((r) => r.id as string).sort();

describe('Resource Graph paging through @azure/arm-resourcegraph', () => {
  it('sends one query with the needed types, ordered by id, and pages with $skipToken', async () => {
    const { ids, stats, diagnostics, requests } = await run({ rows: estate() }, { pageSize: 4 });
    expect(diagnostics).toEqual([]);
    expect(ids).toEqual(argIds());
    expect(stats).toMatchObject({ pages: 5, rows: 18, retries: 0 });
    expect(new Set(requests.map((r) => r.body?.query)).size).toBe(1);
    expect(requests[0].body?.query).toMatch(/type in~ \('microsoft\.keyvault\/vaults', 'microsoft\.storage\/storageaccounts'\)[\s\S]*order by id asc/);
    expect(requests[0].query['api-version']).toBe('2024-04-01');
    expect(requests[0].body?.options).toMatchObject({ $top: 4, resultFormat: 'objectArray' });
    expect(requests[0].body?.options).not.toHaveProperty('$skipToken');
    expect(requests.slice(1).every((r) => typeof r.body?.options?.$skipToken === 'string')).toBe(true);
    expect(requests.every((r) => r.authorization === 'Bearer test-token')).toBe(true);
  });

  it('batches subscriptions and pages each batch', async () => {
    const { ids, requests } = await run({ rows: estate() }, { pageSize: 5, batchSize: 2 });
    expect(ids.sort()).toEqual(argIds());
    expect(requests.map((r) => r.body?.subscriptions?.length)).toEqual([2, 2, 2, 1, 1]);
  });

  it('reads management groups with allowPartialScopes', async () => {
    const { ids, requests } = await run({ rows: estate(), managementGroups: { platform: SUBS.slice(0, 2) } }, { subscriptions: [], managementGroups: ['platform'] });
    expect(ids).toHaveLength(12);
    expect(requests[0].body).toMatchObject({ managementGroups: ['platform'], options: { allowPartialScopes: true } });
  });

  it('retries a 429 after retry-after-ms and a 503 with backoff', async () => {
    const faults: FakeArmOptions['faults'] = [
      { target: 'arg', at: 2, status: 429, headers: { 'retry-after-ms': '20' } },
      { target: 'arg', at: 4, status: 503 },
    ];
    const { ids, stats, diagnostics } = await run({ rows: estate(), faults }, { pageSize: 5 });
    expect(diagnostics).toEqual([]);
    expect(ids).toEqual(argIds());
    expect(stats.retries).toBe(2);
  });

  it('waits for the quota window when x-ms-user-quota-remaining reaches 0, before a 429', async () => {
    const t0 = Date.now();
    const { ids, stats } = await run({ rows: estate(), quota: { limit: 2, windowMs: 300 } }, { pageSize: 4 });
    expect(ids).toEqual(argIds());
    expect(stats.quotaWaits).toBeGreaterThanOrEqual(2);
    expect(server!.state.throttled).toBe(0);
    expect(Date.now() - t0).toBeGreaterThanOrEqual(500);
  });

  it('reports an unreadable subscription and reads the others of its batch', async () => {
    const { ids, diagnostics } = await run({ rows: estate(), deniedSubscriptions: [SUBS[1]] }, { pageSize: 1000 });
    expect(ids.sort()).toEqual(argIds().filter((id) => !id.includes(SUBS[1])));
    expect(diagnostics).toEqual([expect.objectContaining({ code: 'live/scope-unreadable', severity: 'error', message: expect.stringContaining(`subscription ${SUBS[1]}`) })]);
    expect(diagnostics[0].message).toMatch(/403 AuthorizationFailed.*SubscriptionNotAuthorized/);
  });

  it('reports a scope that fails after retries mid-way as incomplete', async () => {
    const faults = [2, 3, 4, 5].map((at) => ({ target: 'arg' as const, at, status: 500 }));
    const { ids, diagnostics } = await run({ rows: estate(), faults }, { pageSize: 4, subscriptions: SUBS });
    expect(ids).toHaveLength(4);
    expect(diagnostics).toEqual([expect.objectContaining({ code: 'live/scope-incomplete', severity: 'error' })]);
  });

  it('reports results truncated without a skip token', async () => {
    const row = estate()[0];
    const faults = [{ target: 'arg' as const, at: 1, status: 200, body: { totalRecords: 18, count: 1, resultTruncated: 'true', data: [row] } }];
    const { ids, diagnostics } = await run({ rows: estate(), faults });
    expect(ids).toEqual([row.id]);
    expect(diagnostics).toEqual([expect.objectContaining({ code: 'live/result-truncated', severity: 'error', message: expect.stringContaining('returned 1 of 18 rows') })]);
  });

  it('halves the page size when a page exceeds the 16 MB payload limit', async () => {
    const { ids, stats, diagnostics } = await run({ rows: estate(), maxPayloadRows: 5 }, { pageSize: 20 });
    expect(ids).toEqual(argIds());
    expect(stats.pageSize).toBe(5);
    expect(diagnostics).toEqual([expect.objectContaining({ code: 'live/page-size-reduced', severity: 'info', message: expect.stringContaining('--page-size 5') })]);
  });

  it('stops on a refused credential', async () => {
    const faults = [{ target: 'arg' as const, at: 1, status: 401, body: { error: { code: 'ExpiredAuthenticationToken', message: 'The access token expiry UTC time is earlier than current UTC time.' } } }];
    const { ids, diagnostics } = await run({ rows: estate(), faults }, { batchSize: 1 });
    expect(ids).toEqual([]);
    expect(diagnostics).toEqual([expect.objectContaining({ code: 'live/unauthorized', message: expect.stringContaining('ExpiredAuthenticationToken') })]);
    expect(diagnostics[0].message).not.toContain('test-token');
  });
});
