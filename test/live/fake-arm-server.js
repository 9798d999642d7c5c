// A local stand-in for Azure Resource Manager on 127.0.0.1 that speaks the real REST protocol:
// the Resource Graph query (POST …/Microsoft.ResourceGraph/resources?api-version=2024-04-01,
// $top/$skipToken paging, quota headers, 429 with retry-after-ms, ARM error bodies) and ARM GETs
// for what Resource Graph does not index. Used by the live tests and by `npm run bench`; it can
// also run alone: `node test/live/fake-arm-server.js --synthetic 100000` prints its URL.
import { Buffer } from 'node:buffer';
import { createServer } from 'node:http';
import process from 'node:process';
import { URL, fileURLToPath } from 'node:url';

/** Types Resource Graph's `resources` table does not hold (as on the real service). */
export const NOT_IN_RESOURCE_GRAPH = new Set([
  'microsoft.insights/diagnosticsettings',
  'microsoft.authorization/locks',
  'microsoft.consumption/budgets',
  'microsoft.storage/storageaccounts/blobservices',
  'microsoft.storage/storageaccounts/fileservices',
  'microsoft.storage/storageaccounts/managementpolicies',
  'microsoft.synapse/workspaces/firewallrules',
  'microsoft.synapse/workspaces/azureadonlyauthentications',
  'microsoft.eventhub/namespaces/networkrulesets',
  'microsoft.eventhub/namespaces/eventhubs',
  'microsoft.sql/servers/failovergroups',
  'microsoft.sql/servers/auditingsettings',
  'microsoft.sql/servers/azureadonlyauthentications',
  'microsoft.sql/servers/databases/transparentdataencryption',
  'microsoft.sql/servers/databases/backupshorttermretentionpolicies',
  'microsoft.sql/servers/databases/backuplongtermretentionpolicies',
  'microsoft.dbformysql/flexibleservers/administrators',
  'microsoft.dbforpostgresql/flexibleservers/configurations',
  'microsoft.dbformysql/flexibleservers/configurations',
  'microsoft.synapse/workspaces/auditingsettings',
  'microsoft.synapse/workspaces/extendedauditingsettings',
  'microsoft.synapse/workspaces/dedicatedsqlminimaltlssettings',
  'microsoft.synapse/workspaces/sqlpools/geobackuppolicies',
  'microsoft.web/sites/config',
  'microsoft.keyvault/vaults/secrets',
  'microsoft.keyvault/vaults/keys',
  'microsoft.network/privateendpoints/privatednszonegroups',
  'microsoft.network/vpngateways/vpnconnections',
  'microsoft.network/expressroutegateways/expressrouteconnections',
  'microsoft.network/virtualhubs/hubvirtualnetworkconnections',
  'microsoft.cdn/profiles/origingroups',
  'microsoft.cdn/profiles/origingroups/origins',
  'microsoft.network/virtualnetworks/subnets',
  'microsoft.network/networksecuritygroups/securityrules',
  'microsoft.network/virtualnetworks/virtualnetworkpeerings',
  'microsoft.network/trafficmanagerprofiles/azureendpoints',
  'microsoft.network/trafficmanagerprofiles/externalendpoints',
  'microsoft.network/trafficmanagerprofiles/nestedendpoints',
  'microsoft.insights/components/pricingplans',
  'microsoft.datafactory/factories/integrationruntimes',
  'microsoft.datafactory/factories/linkedservices',
  'microsoft.machinelearningservices/workspaces/computes',
  // Not confirmed either way; served through ARM as src/live/arm-only-types.ts assumes.
  'microsoft.streamanalytics/streamingjobs/inputs',
  'microsoft.streamanalytics/streamingjobs/outputs',
]);

const ARG_PATH = '/providers/microsoft.resourcegraph/resources';

/**
 * @param {object} options
 * @param {object[]} [options.rows] every deployed resource, as Resource Graph rows (id, type, …)
 * @param {Record<string, string[]>} [options.managementGroups] management group id → its subscriptions
 * @param {string[]} [options.deniedSubscriptions] queries that include one of these get 403
 * @param {string[]} [options.deniedArmPaths] ARM GETs under these id prefixes get 403
 * @param {{limit: number, windowMs: number}} [options.quota] Resource Graph queries per window
 * @param {{target: 'arg'|'arm', at: number, status: number, headers?: object, body?: object}[]} [options.faults]
 *   the `at`-th request (1-based) to that target gets this response instead
 * @param {number} [options.armPageSize] ARM list page size (nextLink beyond it)
 * @param {number} [options.maxPayloadRows] pages of more rows fail with ResponsePayloadTooLarge (the 16 MB limit)
 */
export async function startFakeArm(options = {}) {
  const rows = [...(options.rows ?? [])].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const argRows = rows.filter((r) => !NOT_IN_RESOURCE_GRAPH.has(String(r.type).toLowerCase()));
  const byLowerId = new Map(rows.map((r) => [r.id.toLowerCase(), r]));
  const childrenOf = new Map();
  for (const r of rows) {
    const parent = r.id.toLowerCase().split('/').slice(0, -1).join('/');
    if (!childrenOf.has(parent)) childrenOf.set(parent, []);
    childrenOf.get(parent).push(r);
  }
  const state = { requests: [], counts: { arg: 0, arm: 0 }, throttled: 0, quotaUsed: 0, windowStart: Date.now() };
  const faults = [...(options.faults ?? [])];

  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      const url = new URL(req.url, 'http://localhost');
      const entry = { at: Date.now(), method: req.method, path: url.pathname, query: Object.fromEntries(url.searchParams), authorization: req.headers.authorization, body: body ? safeParse(body) : undefined };
      state.requests.push(entry);
      const isArg = req.method === 'POST' && url.pathname.toLowerCase() === ARG_PATH;
      const target = isArg ? 'arg' : 'arm';
      const n = ++state.counts[target];
      const send = (status, payload, headers = {}) => {
        res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
        res.end(JSON.stringify(payload));
      };
      const fault = faults.find((f) => f.target === target && f.at === n);
      if (fault) return send(fault.status, fault.body ?? { error: { code: fault.status === 429 ? 'RateLimiting' : 'InternalServerError', message: `scripted ${fault.status}` } }, fault.headers);
      if (!/^Bearer \S+$/.test(req.headers.authorization ?? '')) return send(401, { error: { code: 'AuthenticationFailed', message: 'Authentication failed. The Authorization header is missing.' } });
      if (isArg) return resourceGraph(entry, send);
      if (req.method !== 'GET') return send(405, { error: { code: 'MethodNotAllowed', message: req.method } });
      return armGet(url, send);
    });
  });

  function quotaHeaders() {
    const q = options.quota;
    if (!q) return { used: false, headers: { 'x-ms-user-quota-remaining': '14', 'x-ms-user-quota-resets-after': '00:00:05' } };
    const now = Date.now();
    if (now - state.windowStart >= q.windowMs) {
      state.windowStart = now;
      state.quotaUsed = 0;
    }
    const resetsMs = Math.max(0, q.windowMs - (now - state.windowStart));
    const resets = `00:00:${String(Math.floor(resetsMs / 1000)).padStart(2, '0')}.${String(resetsMs % 1000).padStart(3, '0')}`;
    if (state.quotaUsed >= q.limit) return { over: true, headers: { 'x-ms-user-quota-remaining': '0', 'x-ms-user-quota-resets-after': resets, 'retry-after-ms': String(resetsMs) } };
    state.quotaUsed++;
    return { headers: { 'x-ms-user-quota-remaining': String(q.limit - state.quotaUsed), 'x-ms-user-quota-resets-after': resets } };
  }

  function resourceGraph(entry, send) {
    if (entry.query['api-version'] !== '2024-04-01') return send(400, { error: { code: 'InvalidApiVersionParameter', message: `The api-version '${entry.query['api-version']}' is invalid.` } });
    const quota = quotaHeaders();
    if (quota.over) {
      state.throttled++;
      return send(429, { error: { code: 'RateLimiting', message: 'Please provide below info when asking for support: timestamp = now, correlationId = test. See https://aka.ms/resourcegraph-throttling' } }, quota.headers);
    }
    const b = entry.body ?? {};
    const q = String(b.query ?? '');
    if (!/order by id asc/.test(q)) return send(400, { error: { code: 'BadRequest', message: 'paging needs a stable order', details: [{ code: 'InvalidQuery', message: 'order by id asc expected' }] } }, quota.headers);
    const subs = new Set();
    for (const s of b.subscriptions ?? []) subs.add(String(s).toLowerCase());
    for (const mg of b.managementGroups ?? []) for (const s of options.managementGroups?.[mg] ?? []) subs.add(s.toLowerCase());
    const denied = (b.subscriptions ?? []).filter((s) => (options.deniedSubscriptions ?? []).includes(s));
    if (denied.length) {
      return send(403, { error: { code: 'AuthorizationFailed', message: `The client does not have authorization to perform action 'Microsoft.ResourceGraph/resources/read' over scope '/subscriptions/${denied[0]}'.`, details: [{ code: 'SubscriptionNotAuthorized', message: denied.join(',') }] } }, quota.headers);
    }
    const types = listIn(q, 'type');
    const groups = listIn(q, 'resourceGroup');
    const matching = argRows.filter((r) => subs.has(subscriptionOf(r)) && (!types || types.has(String(r.type).toLowerCase())) && (!groups || groups.has(String(r.resourceGroup ?? '').toLowerCase())));
    const top = Math.min(1000, Number(b.options?.$top ?? 1000));
    let offset = 0;
    if (b.options?.$skipToken) {
      const token = safeParse(Buffer.from(b.options.$skipToken, 'base64').toString('utf8'));
      if (!token || token.q !== q) return send(400, { error: { code: 'BadRequest', message: 'Invalid $skipToken for this query' } }, quota.headers);
      offset = token.offset;
    }
    const data = matching.slice(offset, offset + top);
    if (options.maxPayloadRows && data.length > options.maxPayloadRows) {
      return send(400, { error: { code: 'BadRequest', message: 'Please provide below info when asking for support: timestamp = now, correlationId = test.', details: [{ code: 'ResponsePayloadTooLarge', message: `Response payload size is ${data.length * 40000}, and has exceeded the limit of 16777216. Please consider querying less data at a time and make paginated call if needed.` }] } }, quota.headers);
    }
    const next = offset + data.length < matching.length ? Buffer.from(JSON.stringify({ q, offset: offset + data.length })).toString('base64') : undefined;
    send(200, { totalRecords: matching.length, count: data.length, resultTruncated: 'false', ...(next ? { $skipToken: next } : {}), data }, quota.headers);
  }

  function armGet(url, send) {
    if (!url.searchParams.get('api-version')) return send(400, { error: { code: 'MissingApiVersionParameter', message: "The api-version query parameter (?api-version=) is required for all requests." } });
    const path = decodeURIComponent(url.pathname);
    const lower = path.toLowerCase();
    if ((options.deniedArmPaths ?? []).some((p) => lower.startsWith(p.toLowerCase()))) {
      return send(403, { error: { code: 'AuthorizationFailed', message: `The client does not have authorization to perform action 'read' over scope '${path}'.` } });
    }
    // The resource groups of a subscription: those its resources are in.
    const groupsOf = /^\/subscriptions\/([^/]+)\/resourcegroups$/.exec(lower);
    if (groupsOf) {
      const groups = new Map();
      for (const r of rows) {
        const m = /^\/subscriptions\/([^/]+)\/resourcegroups\/([^/]+)/i.exec(r.id);
        if (m && m[1].toLowerCase() === groupsOf[1]) groups.set(m[2].toLowerCase(), { id: `/subscriptions/${m[1]}/resourceGroups/${m[2]}`, name: m[2], type: 'Microsoft.Resources/resourceGroups', location: 'westeurope' });
      }
      return send(200, { value: [...groups.values()] });
    }
    const one = byLowerId.get(lower);
    if (one) return send(200, armShape(one));
    const parent = lower.split('/').slice(0, -1).join('/');
    const scopeOf = parent.replace(/\/providers\/[^/]+$/, '');
    // A subscription or resource group exists when resources live in it (budgets are listed there).
    const knownScope = /^\/subscriptions\/[^/]+(\/resourcegroups\/[^/]+)?$/.test(scopeOf) && rows.some((r) => r.id.toLowerCase().startsWith(scopeOf + '/'));
    const parentExists = byLowerId.has(parent) || byLowerId.has(scopeOf) || knownScope || /\/providers\/microsoft\.insights$/.test(parent);
    if (!parentExists) return send(404, { error: { code: 'ResourceNotFound', message: `The Resource '${path}' was not found.` } });
    // A collection: the resources whose id is this path plus a name. Listing a scope's locks
    // returns, as ARM does, the locks at that scope, at the scopes above it (resource group,
    // subscription) and at the resources below it.
    const items = lower.endsWith('/providers/microsoft.authorization/locks') ? locksFor(lower.slice(0, -'/providers/microsoft.authorization/locks'.length)) : childrenOf.get(lower) ?? [];
    const pageSize = options.armPageSize ?? 50;
    const skip = Number(url.searchParams.get('$skiptoken') ?? 0);
    const page = items.slice(skip, skip + pageSize);
    const nextLink = skip + pageSize < items.length ? `${base}${url.pathname}?api-version=${url.searchParams.get('api-version')}&$skiptoken=${skip + pageSize}` : undefined;
    send(200, { value: page.map(armShape), ...(nextLink ? { nextLink } : {}) });
  }

  function locksFor(scope) {
    const sub = /^\/subscriptions\/[^/]+/.exec(scope)?.[0];
    const group = /^\/subscriptions\/[^/]+\/resourcegroups\/[^/]+/.exec(scope)?.[0];
    return rows.filter((r) => {
      if (String(r.type).toLowerCase() !== 'microsoft.authorization/locks') return false;
      const at = r.id.toLowerCase().slice(0, r.id.toLowerCase().lastIndexOf('/providers/microsoft.authorization/locks/'));
      return at === sub || at === group || at === scope || at.startsWith(scope + '/');
    });
  }

  let base = '';

  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  base = `http://127.0.0.1:${port}`;
  return {
    url: base,
    port,
    state,
    get requests() {
      return state.requests;
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** An ARM GET returns the resource without Resource Graph's bookkeeping columns. */
function armShape(r) {
  const { tenantId: _t, resourceGroup: _g, subscriptionId: _s, managedBy: _m, extendedLocation: _e, ...rest } = r;
  return rest;
}

function subscriptionOf(r) {
  return String(r.subscriptionId ?? /^\/subscriptions\/([^/]+)/i.exec(r.id)?.[1] ?? '').toLowerCase();
}

/** The values of `| where <column> in~ ('a', 'b')` in the query, lower-cased. */
function listIn(q, column) {
  const m = new RegExp(`where ${column} in~ \\(([^)]*)\\)`).exec(q);
  if (!m) return undefined;
  return new Set([...m[1].matchAll(/'((?:[^'\\]|\\.)*)'/g)].map((x) => x[1].replace(/\\(.)/g, '$1').toLowerCase()));
}

function safeParse(text) {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/**
 * `count` deterministic synthetic resources over `subscriptions` (for benchmarks): storage
 * accounts, vaults, Event Hubs namespaces and Log Analytics workspaces in equal shares, and one
 * Synapse workspace per thousand resources, as in a real estate.
 */
export function syntheticRows(count, subscriptions = 4) {
  const common = ['microsoft.storage/storageaccounts', 'microsoft.keyvault/vaults', 'microsoft.eventhub/namespaces', 'microsoft.operationalinsights/workspaces'];
  const out = [];
  for (let i = 0; i < count; i++) {
    const sub = `00000000-0000-0000-0000-${String(i % subscriptions).padStart(12, '0')}`;
    const type = i % 1000 === 999 ? 'microsoft.synapse/workspaces' : common[i % common.length];
    const [ns, t] = type.split('/');
    const name = `r${String(i).padStart(7, '0')}`;
    const id = `/subscriptions/${sub}/resourceGroups/rg${i % 50}/providers/${ns}/${t}/${name}`;
    out.push({
      id, name, type, tenantId: 't', kind: type.endsWith('storageaccounts') ? 'StorageV2' : '', location: i % 7 ? 'westeurope' : 'northeurope', resourceGroup: `rg${i % 50}`, subscriptionId: sub, managedBy: '',
      sku: { name: i % 3 ? 'Standard_LRS' : 'Standard_GZRS' }, plan: null, tags: { env: 'bench' }, identity: null, zones: null, extendedLocation: null,
      properties: {
        provisioningState: 'Succeeded', minimumTlsVersion: i % 2 ? 'TLS1_2' : 'TLS1_0', enableSoftDelete: true, enablePurgeProtection: i % 2 === 0, publicNetworkAccess: 'Disabled', retentionInDays: 90,
        networkAcls: { defaultAction: i % 2 ? 'Deny' : 'Allow', ipRules: [] },
        ...(type === 'microsoft.synapse/workspaces' ? { defaultDataLakeStorage: { accountUrl: `https://r${String(i - 3).padStart(7, '0')}.dfs.core.windows.net`, filesystem: 'lake' } } : {}),
      },
    });
  }
  return out;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const i = process.argv.indexOf('--synthetic');
  const count = i > 0 ? Number(process.argv[i + 1]) : 1000;
  const server = await startFakeArm({ rows: syntheticRows(count), armPageSize: 100 });
  process.stdout.write(JSON.stringify({ url: server.url, count }) + '\n');
  process.on('SIGTERM', () => server.close().then(() => process.exit(0)));
}
