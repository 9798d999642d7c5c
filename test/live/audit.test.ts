import { mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { audit, type AuditOptions } from '../../src/audit.js';
import { staticTokenCredential } from '../../src/live/credential.js';
import { evaluateRules } from '../../src/engine/evaluate-rules.js';
import { builtinRulesDir, loadRulePacks } from '../../src/rules/load-rules.js';
import { loadFixture } from '../../src/rules/run-rule-fixtures.js';
import { scan } from '../../src/scan.js';
import { estate, storageRow, SUBS } from './estate.js';
import { startFakeArm, type FakeArm, type FakeArmOptions } from './fake-arm-server.js';

const FAST = { maxRetries: 3, baseDelayMs: 5, maxDelayMs: 2000 };
let server: FakeArm | undefined;

afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function auditOf(options: FakeArmOptions, extra: Partial<AuditOptions> = {}) {
  server = await startFakeArm(options);
  const outcome = await audit({ subscriptions: SUBS, armEndpoint: server.url, credential: staticTokenCredential('test-token'), retry: FAST, ...extra });
  if (!outcome.ok) throw new Error(JSON.stringify(outcome.diagnostics));
  return outcome;
}

const outcomeOf = (results: { ruleId: string; resource: { name: string }; outcome: string }[], ruleId: string) =>
  Object.fromEntries(results.filter((r) => r.ruleId === ruleId).map((r) => [r.resource.name, r.outcome]));

describe('audit() against a local ARM and Resource Graph', () => {
  it('evaluates the rows and the ARM extras with the bundled rules', async () => {
    const { report, stats, inputErrors, plan } = await auditOf({ rows: estate() });
    expect(inputErrors).toBe(false);
    expect(report.inputs).toEqual(SUBS.map((s) => ({ path: `/subscriptions/${s}`, kind: 'live-scope' })));
    expect(report.summary.resources).toBe(9 + 9 + 9 + 6);
    expect(outcomeOf(report.results, 'storage/min-tls')).toMatchObject({ st00: 'fail', st01: 'pass', st20: 'fail' });
    expect(outcomeOf(report.results, 'storage/blob-soft-delete')).toMatchObject({ st00: 'pass', st01: 'fail', st02: 'pass' });
    expect(outcomeOf(report.results, 'key-vault/diagnostics-to-log-analytics')).toMatchObject({ kv00: 'pass', kv01: 'fail', kv02: 'pass' });
    expect(report.results.every((r) => r.location === undefined)).toBe(true);
    // One query; ARM GETs only for what the selected rules need, once per resource of the rule's type.
    const gets = server!.requests.filter((r) => r.method === 'GET');
    expect(stats).toMatchObject({ pages: 1, armRequests: gets.length });
    const perParent = (suffix: string) => gets.filter((r) => r.path.endsWith(suffix)).length;
    expect(gets.filter((r) => /\/vaults\/[^/]+\/providers\/Microsoft\.Insights\/diagnosticSettings$/.test(r.path))).toHaveLength(9);
    expect(perParent('/blobServices')).toBe(9);
    expect(gets.filter((r) => /storageAccounts\/[^/]+\/providers\/Microsoft.Insights/.test(r.path)).length).toBe(plan.fetches.some((f) => f.parentType === 'Microsoft.Storage/storageAccounts' && f.target.type === 'Microsoft.Insights/diagnosticSettings') ? 9 : 0);
    expect(server!.requests.every((r) => r.authorization === 'Bearer test-token')).toBe(true);
    expect(server!.requests.filter((r) => r.method === 'GET').every((r) => r.query['api-version'])).toBe(true);
  });

  it('skips ARM GETs for resources that no rule needing them applies to (their when is false)', async () => {
    const files = storageRow(SUBS[0], 'stfiles', {});
    files.kind = 'FileStorage';
    const dir = mkdtempSync(path.join(tmpdir(), 'azready-audit-when-'));
    const profile = path.join(dir, 'blob.yaml');
    writeFileSync(profile, 'name: blob\ntitle: Blob\ndescription: one rule\nselect:\n  ids: [storage/blob-soft-delete]\n');
    const { report, plan } = await auditOf({ rows: [...estate(), files] }, { profile });
    const gets = server!.requests.filter((r) => r.method === 'GET').map((r) => r.path);
    expect(plan.fetches.map((f) => [f.target.type, f.always])).toEqual([['Microsoft.Storage/storageAccounts/blobServices', false]]);
    expect(gets.filter((p) => p.includes('/stfiles/'))).toEqual([]);
    expect(gets.filter((p) => p.includes('/st00/') && p.endsWith('/blobServices'))).toHaveLength(1);
    expect(outcomeOf(report.results, 'storage/blob-soft-delete')).toMatchObject({ stfiles: 'not-applicable', st00: 'pass' });
  });

  it('audits only the resource groups asked for', async () => {
    const { report } = await auditOf({ rows: estate() }, { resourceGroups: ['RG-DATA'] });
    expect(report.summary.resources).toBeGreaterThan(0);
    expect(report.results.filter((r) => r.resource.id !== '/').every((r) => r.resource.id.includes('/resourceGroups/rg-data/'))).toBe(true);
    expect(server!.requests[0].body?.query).toMatch(/where resourceGroup in~ \('rg-data'\)/);
  });

  it('turns an ARM GET that is refused into unverified results, not failures', async () => {
    const denied = `/subscriptions/${SUBS[0]}/resourceGroups/rg-sec/providers/Microsoft.KeyVault/vaults/kv01/providers/Microsoft.Insights`;
    const { report, inputErrors } = await auditOf({ rows: estate(), deniedArmPaths: [denied] });
    expect(inputErrors).toBe(false);
    const r = report.results.find((x) => x.ruleId === 'key-vault/diagnostics-to-log-analytics' && x.resource.name === 'kv01');
    expect(r).toMatchObject({ outcome: 'unknown', reason: expect.stringContaining('diagnosticSettings of kv01 could not be read (403 AuthorizationFailed)') });
    expect(report.diagnostics).toContainEqual(expect.objectContaining({ code: 'live/extra-unreadable', severity: 'warning' }));
  });

  it('fails nothing on what it could not read: a refused subscription leaves its stand-ins and their relations unverified', async () => {
    const { report } = await auditOf({ rows: estate(), deniedArmPaths: [`/subscriptions/${SUBS[0]}`] });
    const standIns = report.results.filter((r) => r.resource.name.includes('(unreadable)'));
    expect(standIns.length).toBeGreaterThan(0);
    expect(standIns.filter((r) => r.outcome !== 'unknown')).toEqual([]);
    expect(standIns[0].reason).toMatch(/could not be read \(403/);
    // Nothing in the refused subscription fails for lack of what could not be read.
    const inDenied = report.results.filter((r) => r.resource.id.startsWith(`/subscriptions/${SUBS[0]}`) && r.outcome === 'fail');
    expect(inDenied.filter((r) => /diagnostic setting|budget|lock/i.test(r.message))).toEqual([]);
  });

  it('retries throttled and failing ARM GETs', async () => {
    const faults: FakeArmOptions['faults'] = [
      { target: 'arm', at: 1, status: 429, headers: { 'retry-after': '0' } },
      { target: 'arm', at: 5, status: 500 },
    ];
    const { report, stats } = await auditOf({ rows: estate(), faults });
    expect(stats.armRetries).toBe(2);
    // Retried GETs leave nothing unverified (budgets included: the audit lists them through ARM).
    expect(report.results.filter((r) => r.outcome === 'unknown')).toEqual([]);
  });

  it('pauses every ARM worker after a 429, for as long as Retry-After says', async () => {
    const faults: FakeArmOptions['faults'] = [{ target: 'arm', at: 3, status: 429, headers: { 'retry-after-ms': '300' } }];
    const t0 = Date.now();
    const { stats } = await auditOf({ rows: estate(), faults }, { concurrency: 8 });
    expect(stats.armRetries).toBe(1);
    const gets = server!.requests.filter((r) => r.method === 'GET');
    expect(gets.length).toBe(stats.armRequests);
    expect(Date.now() - t0).toBeGreaterThanOrEqual(300);
    // Only requests already in flight (fewer than the concurrency) may arrive during the pause.
    const throttledAt = gets[2].at;
    const during = gets.slice(3).filter((r) => r.at < throttledAt + 250);
    expect(during.length).toBeLessThan(8);
  });

  it('follows nextLink pages of ARM lists', async () => {
    const vault = estate()[2] as { id: string };
    const many = Array.from({ length: 7 }, (_, i) => ({ id: `${vault.id}/providers/Microsoft.Insights/diagnosticSettings/d${i}`, name: `d${i}`, type: 'Microsoft.Insights/diagnosticSettings', properties: { storageAccountId: '/x' } }));
    const { set } = await auditOf({ rows: [...estate(), ...many], armPageSize: 3 });
    expect(set.resources.filter((r) => r.scope?.toString().toLowerCase() === vault.id.toLowerCase())).toHaveLength(8);
  });

  it('reports a snapshot it could not write as an error, and still reports the audit', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'azready-audit-'));
    // A folder where the file should go: the final rename fails once everything was collected.
    mkdirSync(path.join(dir, 'estate.json'));
    const { report, inputErrors } = await auditOf({ rows: estate() }, { saveSnapshot: path.join(dir, 'estate.json') });
    expect(inputErrors).toBe(true);
    expect(report.summary.resources).toBeGreaterThan(0);
    expect(report.diagnostics).toContainEqual(expect.objectContaining({ code: 'live/snapshot-unwritable', severity: 'error', message: expect.stringMatching(/could not be written to .*estate\.json \(EISDIR/) }));
    expect(readdirSync(dir)).toEqual(['estate.json']);
  });

  it('saves a snapshot that scan replays with identical results', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'azready-audit-'));
    const file = path.join(dir, 'estate.json');
    const denied = `/subscriptions/${SUBS[2]}/resourceGroups/rg-data/providers/Microsoft.Storage/storageAccounts/st21/blobServices`;
    const live = await auditOf({ rows: estate(), deniedArmPaths: [denied] }, { saveSnapshot: file });
    const saved = JSON.parse(readFileSync(file, 'utf8'));
    expect(saved).toMatchObject({ formatVersion: 1, tool: 'azready', scopes: { subscriptions: SUBS } });
    expect(saved.data).toHaveLength(18);
    expect(saved.extras.some((x: { error?: unknown }) => x.error)).toBe(true);
    expect(readFileSync(file, 'utf8')).not.toContain('test-token');
    const offline = scan({ paths: [file] });
    if (!offline.ok) throw new Error('scan failed');
    expect(JSON.stringify(offline.report.results)).toBe(JSON.stringify(live.report.results));
    expect(offline.report.summary).toEqual(live.report.summary);
  });
});

describe('audit of resource-group locks', () => {
  it('protects every data store in the locked group, and none elsewhere, with the lock read once', async () => {
    const sub = SUBS[0];
    const lock = (group: string) => ({
      id: `/subscriptions/${sub}/resourceGroups/${group}/providers/Microsoft.Authorization/locks/rg-do-not-delete`,
      name: 'rg-do-not-delete', type: 'microsoft.authorization/locks', properties: { level: 'CanNotDelete' },
    });
    const other = storageRow(sub, 'stother');
    other.id = String(other.id).replace('/rg-data/', '/rg-other/');
    other.resourceGroup = 'rg-other';
    const rows = [storageRow(sub, 'stone'), storageRow(sub, 'sttwo'), other, lock('rg-data'), lock('rg-empty')];
    const dir = mkdtempSync(path.join(tmpdir(), 'azready-audit-locks-'));
    const profile = path.join(dir, 'locks.yaml');
    writeFileSync(profile, 'name: locks\ntitle: Locks\ndescription: one rule\nselect:\n  ids: [governance/delete-locks-on-data-stores]\n');
    const { report } = await auditOf({ rows }, { subscriptions: [sub], profile });
    expect(outcomeOf(report.results, 'governance/delete-locks-on-data-stores')).toEqual({ stone: 'pass', sttwo: 'pass', stother: 'fail' });
    expect(report.diagnostics.filter((d) => d.code === 'input/duplicate-resource')).toEqual([]);
    expect(report.summary.resources).toBe(4);
  });
});

describe('audit of budgets', () => {
  const budget = (scope: string, name: string) => ({
    id: `${scope}/providers/Microsoft.Consumption/budgets/${name}`, name, type: 'microsoft.consumption/budgets',
    properties: {
      category: 'Cost', amount: 1000, timeGrain: 'Monthly',
      notifications: { actual80: { enabled: true, operator: 'GreaterThan', threshold: 80, thresholdType: 'Actual', contactEmails: ['finops@contoso.com'] } },
    },
  });
  const profileFor = (ids: string) => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'azready-audit-budget-')), 'budget.yaml');
    writeFileSync(file, `name: budget\ntitle: Budget\ndescription: budget rules\nselect:\n  ids: [${ids}]\n`);
    return file;
  };
  const sub = SUBS[0];

  it('reads the budgets of each subscription and resource group, so budget rules decide', async () => {
    const rows = [storageRow(sub, 'stone'), budget(`/subscriptions/${sub}`, 'sub-monthly'), budget(`/subscriptions/${sub}/resourceGroups/rg-data`, 'rg-monthly')];
    const { report, plan } = await auditOf({ rows }, { subscriptions: [sub], profile: profileFor('governance/budget-present, governance/budget-forecast-alert') });
    expect(plan.collected).toEqual(['Microsoft.Consumption/budgets']);
    expect(report.results.find((r) => r.ruleId === 'governance/budget-present')?.outcome).toBe('pass');
    expect(outcomeOf(report.results, 'governance/budget-forecast-alert')).toEqual({ 'sub-monthly': 'fail', 'rg-monthly': 'fail' });
    const lists = server!.requests.filter((r) => r.path.endsWith('/providers/Microsoft.Consumption/budgets')).map((r) => r.path);
    expect(lists.sort()).toEqual([`/subscriptions/${sub}/providers/Microsoft.Consumption/budgets`, `/subscriptions/${sub}/resourceGroups/rg-data/providers/Microsoft.Consumption/budgets`]);
  });

  it('fails a subscription without any budget, and a saved snapshot replays that', async () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'azready-audit-budget-')), 'estate.json');
    const profile = profileFor('governance/budget-present');
    const live = await auditOf({ rows: [storageRow(sub, 'stone')] }, { subscriptions: [sub], profile, saveSnapshot: file });
    expect(live.report.results.find((r) => r.ruleId === 'governance/budget-present')?.outcome).toBe('fail');
    const offline = scan({ paths: [file], profile });
    if (!offline.ok) throw new Error('scan failed');
    expect(JSON.stringify(offline.report.results)).toBe(JSON.stringify(live.report.results));
  });
});

describe('audit snapshots with unreadable related resources', () => {
  it('replays a referencedBy relation over an unreadable resource as the audit saw it', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'azready-audit-ref-'));
    mkdirSync(path.join(dir, 'pack', 'live'), { recursive: true });
    writeFileSync(path.join(dir, 'pack', 'live', 'referenced.yaml'), [
      'id: live/referenced', 'title: Vaults are referenced by a diagnostic setting', 'pillar: operations', 'severity: low',
      'resourceType: Microsoft.KeyVault/vaults',
      'expect:', '  count:', '    related: referencedBy', '    type: Microsoft.Insights/diagnosticSettings', '    via: properties.workspaceId', '  greaterOrEquals: 1',
      'rationale: a test of replayed relations', 'remediation:', '  text: nothing to do', 'references: []', 'frameworks: {}', 'tags: []', '',
    ].join('\n'));
    // The diagnostic settings of kv01 cannot be read, and the rule also needs them for vaults (baseline).
    const denied = `/subscriptions/${SUBS[0]}/resourceGroups/rg-sec/providers/Microsoft.KeyVault/vaults/kv01/providers/Microsoft.Insights`;
    const file = path.join(dir, 'estate.json');
    const live = await auditOf({ rows: estate(), deniedArmPaths: [denied] }, { saveSnapshot: file, rules: [path.join(dir, 'pack')] });
    const offline = scan({ paths: [file], rules: [path.join(dir, 'pack')] });
    if (!offline.ok) throw new Error('scan failed');
    expect(live.report.results.filter((r) => r.ruleId === 'live/referenced').length).toBeGreaterThan(0);
    expect(JSON.stringify(offline.report.results)).toBe(JSON.stringify(live.report.results));
  });
});

describe('rule pack live fixtures served by the local ARM', () => {
  const bundled = loadRulePacks([builtinRulesDir()]).rules;
  const root = path.join('test', 'rules');
  const fixtures = readdirSync(root, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.live.json')).sort();

  const profiles = mkdtempSync(path.join(tmpdir(), 'azready-live-profiles-'));
  /** A profile that selects exactly the fixture's rule, whatever the bundled profiles select. */
  const profileFor = (ruleId: string): string => {
    const file = path.join(profiles, `${ruleId.replace('/', '--')}.yaml`);
    writeFileSync(file, `name: fixture\ntitle: Fixture\ndescription: one rule\nselect:\n  ids: [${ruleId}]\n`);
    return file;
  };

  it('has live fixtures to serve', () => expect(fixtures.length).toBeGreaterThan(50));

  it.each(fixtures)('%s: the audit agrees with scan', async (fixture) => {
    const file = path.join(root, fixture);
    expect(statSync(file).isFile()).toBe(true);
    const ruleId = path.dirname(fixture).split(path.sep).join('/');
    const rows = JSON.parse(readFileSync(file, 'utf8')) as { id: string }[];
    const subs = [...new Set(rows.map((r) => /^\/subscriptions\/([^/]+)/i.exec(r.id)![1]))];
    const profile = profileFor(ruleId);
    // The fixture as the rule tester reads it: a recording of what an audit reads.
    const offline = evaluateRules(bundled.filter((r) => r.id === ruleId), loadFixture(file));
    const { report, plan } = await auditOf({ rows }, { subscriptions: subs, profile });
    const expected = outcomeOf(offline, ruleId);
    expect(Object.keys(expected).length).toBeGreaterThan(0);
    if (plan.collected.length && path.basename(fixture).startsWith('unknown')) {
      // A Resource Graph export cannot know budgets; the audit reads them, so it decides.
      expect(Object.values(outcomeOf(report.results, ruleId)).every((o) => o === 'pass' || o === 'fail')).toBe(true);
      return;
    }
    expect(outcomeOf(report.results, ruleId)).toEqual(expected);
    expect(Object.values(expected).filter((o) => o !== 'not-applicable').every((o) => o === path.basename(fixture).split(/[.-]/)[0])).toBe(true);
  });
});
