import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Ajv } from 'ajv';
import { afterEach, describe, expect, it } from 'vitest';
import type { Report } from '../../src/report/report.js';
import { estate, SUBS } from '../live/estate.js';
import { startFakeArm, type FakeArm, type FakeArmOptions } from '../live/fake-arm-server.js';
import { ROOT, runCliAsync } from './run-cli.js';

const schema = JSON.parse(readFileSync(path.join(ROOT, 'reports/schema/report.schema.json'), 'utf8')) as object;
const validate = new Ajv({ allErrors: true, validateFormats: false }).compile(schema);
const TOKEN = { AZREADY_ACCESS_TOKEN: 'test-token' };
let server: FakeArm | undefined;

afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function auditCli(options: FakeArmOptions, args: string[]) {
  server = await startFakeArm(options);
  const subs = SUBS.flatMap((s) => ['--subscription', s]);
  return runCliAsync(['audit', ...subs, '--arm-endpoint', server.url, ...args], { env: TOKEN });
}

describe('azready audit (built CLI)', () => {
  it('audits the rows the server returns and prints the report contract', async () => {
    const r = await auditCli({ rows: estate() }, ['--format', 'json']);
    expect(r.status).toBe(0);
    const report = JSON.parse(r.stdout) as Report;
    expect(validate(report), JSON.stringify(validate.errors)).toBe(true);
    expect(report.summary.resources).toBe(33);
    expect(report.results).toContainEqual(expect.objectContaining({ ruleId: 'storage/min-tls', outcome: 'fail', resource: expect.objectContaining({ name: 'st00' }) }));
    const gets = server!.requests.filter((q) => q.method === 'GET').length;
    expect(r.stderr).toMatch(new RegExp(`^azready: audited 33 resources: 1 Resource Graph page\\(s\\), ${gets} ARM request\\(s\\) in [\\d.]+ s\\n$`));
    expect(server!.requests.length).toBe(gets + 1);
    expect(server!.requests.every((q) => q.authorization === 'Bearer test-token')).toBe(true);
    expect(r.stdout + r.stderr).not.toContain('test-token');
  });

  it('writes every report format scan writes, several at once with --output-dir', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'azready-audit-out-'));
    const r = await auditCli({ rows: estate() }, ['-f', 'html', '-f', 'junit', '-f', 'csv', '-f', 'markdown', '--output-dir', dir]);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toBe('');
    for (const ext of ['html', 'xml', 'csv', 'md']) expect(r.stderr).toContain(`azready: wrote ${path.join(dir, `azready.${ext}`)}`);
    expect(readFileSync(path.join(dir, 'azready.html'), 'utf8')).toMatch(/^<!DOCTYPE html>[\s\S]*st00/);
    expect(readFileSync(path.join(dir, 'azready.csv'), 'utf8')).toMatch(/^ruleId,outcome,/);
    const sarif = await auditCli({ rows: estate() }, ['-f', 'sarif']);
    expect(sarif.status).toBe(0);
    expect(JSON.parse(sarif.stdout)).toMatchObject({ version: '2.1.0' });
    expect(sarif.stderr).toContain('azready: note: the SARIF of an audit locates resources by id, not in a file; GitHub code scanning rejects such results');
    const several = await auditCli({ rows: estate() }, ['-f', 'json', '-f', 'sarif']);
    expect(several.status).toBe(2);
    expect(several.stderr).toContain('need --output-dir DIR');
  });

  it('refuses a --save-snapshot path it could not write before auditing, with exit 2', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'azready-audit-snap-'));
    const r = await auditCli({ rows: estate() }, ['--save-snapshot', dir]);
    expect(r.status).toBe(2);
    expect(r.stderr).toBe(`azready: cannot write ${dir}: it is a folder; give a file name\n`);
    expect(server!.requests).toHaveLength(0);
    await server?.close();
    const slash = path.join(dir, 'snapshots') + '/';
    const s = await auditCli({ rows: estate() }, ['--save-snapshot', slash]);
    expect(s.status).toBe(2);
    expect(s.stderr).toBe(`azready: cannot write ${slash}: it names a folder; give a file name\n`);
  });

  it('refuses a subscription name where an id belongs, before any request', async () => {
    server = await startFakeArm({ rows: estate() });
    const r = await runCliAsync(['audit', '--subscription', SUBS[0], '--subscription', 'Contoso Prod', '--arm-endpoint', server.url], { env: TOKEN });
    expect(r.status).toBe(2);
    expect(r.stderr).toBe(`azready: --subscription takes a subscription id (a GUID such as 00000000-0000-0000-0000-000000000000), not 'Contoso Prod'; find it with az account list --query "[].{name:name, id:id}" -o table\n`);
    expect(server.requests).toHaveLength(0);
  });

  it('notes an audit that found no resource (a mistyped --resource-group reads as a clean estate)', async () => {
    const r = await auditCli({ rows: estate() }, ['--resource-group', 'rg-dta', '--format', 'json']);
    expect(r.status).toBe(0);
    expect((JSON.parse(r.stdout) as Report).summary.resources).toBe(0);
    expect(r.stderr).toContain('azready: note: the audited scopes (resource group(s) rg-dta) hold no resource of the types the rules check; check the ids and the resource group names\n');
    const found = await auditCli({ rows: estate() }, ['--resource-group', 'rg-data', '--format', 'json']);
    expect(found.stderr).not.toContain('note:');
  });

  it('applies the gate as scan does', async () => {
    const r = await auditCli({ rows: estate() }, ['--fail-on', 'high']);
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(/storage\/min-tls/);
    expect(r.stderr).toMatch(/gate failed/);
  });

  it('reports an unreadable subscription, audits the rest and exits 2', async () => {
    const r = await auditCli({ rows: estate(), deniedSubscriptions: [SUBS[2]] }, ['--format', 'json']);
    expect(r.status).toBe(2);
    const report = JSON.parse(r.stdout) as Report;
    expect(report.summary.resources).toBe(22);
    expect(report.diagnostics).toContainEqual(expect.objectContaining({ code: 'live/scope-unreadable', severity: 'error', message: expect.stringContaining(SUBS[2]) }));
    expect(r.stderr).toMatch(/could not be read/);
  });

  it('pages through the Resource Graph and waits out the quota', async () => {
    const r = await auditCli({ rows: estate(10), quota: { limit: 2, windowMs: 200 } }, ['--format', 'json', '--page-size', '10']);
    expect(r.status).toBe(0);
    expect((JSON.parse(r.stdout) as Report).summary.resources).toBe(3 * (10 + 10 + 10 + 9));
    expect(r.stderr).toMatch(/6 Resource Graph page\(s\) \(\d+ quota wait\(s\)\)/);
    expect(server!.requests.filter((q) => q.method === 'POST')).toHaveLength(6);
    expect(server!.state.throttled).toBe(0);
  });

  it('saves a snapshot that `scan` replays with byte-identical results', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'azready-cli-audit-'));
    const snapshot = path.join(dir, 'estate.json');
    const live = await auditCli({ rows: estate() }, ['--format', 'json', '--save-snapshot', snapshot]);
    expect(live.status).toBe(0);
    const offline = await runCliAsync(['scan', snapshot, '--format', 'json']);
    expect(offline.status).toBe(0);
    const a = JSON.parse(live.stdout) as Report;
    const b = JSON.parse(offline.stdout) as Report;
    expect(JSON.stringify(b.results)).toBe(JSON.stringify(a.results));
    expect(b.summary).toEqual(a.summary);
    expect(readFileSync(snapshot, 'utf8')).not.toContain('test-token');
  });

  it('stops with exit 2 when the token is refused, without printing it', async () => {
    const faults = [{ target: 'arg' as const, at: 1, status: 401, body: { error: { code: 'InvalidAuthenticationToken', message: 'The access token is invalid.' } } }];
    const r = await auditCli({ rows: estate(), faults }, ['--format', 'json']);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/error live\/unauthorized: Resource Graph refused the credential \(401 InvalidAuthenticationToken: The access token is invalid.\)/);
    expect(r.stderr).not.toContain('test-token');
  });

  it('refuses plain http to a host that is not loopback', async () => {
    const r = await runCliAsync(['audit', '--subscription', SUBS[0], '--arm-endpoint', 'http://arm.example.com'], { env: TOKEN });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/error audit\/insecure-endpoint: --arm-endpoint http:\/\/arm\.example\.com uses plain http; http is accepted only for loopback hosts/);
  });

  it('needs a scope', async () => {
    const r = await runCliAsync(['audit'], { env: TOKEN });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/--subscription ID/);
  });
});
