import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Report } from '../../src/report/report.js';
import { readReport } from '../../src/report/read-report.js';
import { startFakePolicyServer, type FakePolicyServer } from '../policy/fake-policy-server.js';
import { runCli, runCliAsync } from './run-cli.js';

const BUILTINS = '/work/shared/corpus/azure-policy/built-in-policies/policyDefinitions';
const TLS = path.join(BUILTINS, 'Storage/StorageAccountMinimumTLSVersion_Audit.json');
const tmp = () => mkdtempSync(path.join(tmpdir(), 'azready-policy-cli-'));


const SUB = '11111111-2222-3333-4444-555555555555';
describe('azready scan --policy (built CLI)', () => {
  it('adds policy results to the report, scored under the pillar, with the definition in rules[]', () => {
    const out = path.join(tmp(), 'r.json');
    const r = runCli(['scan', 'test/rules/storage/min-tls/fail.json', '--no-config', '--policy', TLS, '--policy', path.join(BUILTINS, 'Monitoring'), '--format', 'json', '--output', out]);
    expect(r.status, r.stderr).toBe(0);
    const read = readReport(out);
    expect(read.ok).toBe(true);
    const report = JSON.parse(readFileSync(out, 'utf8')) as Report;
    const result = report.results.find((x) => x.ruleId === 'policy/fe83a0eb-a853-422d-aac2-1bffd182c5d0');
    expect(result).toMatchObject({ outcome: 'fail', pillar: 'security', severity: 'medium' });
    expect(report.rules.find((x) => x.id === result!.ruleId)).toMatchObject({ title: 'Storage accounts should have the specified minimum TLS version', policy: { effect: 'audit', category: 'Storage', definitionId: '/providers/Microsoft.Authorization/policyDefinitions/fe83a0eb-a853-422d-aac2-1bffd182c5d0' } });
    expect(report.scoring.rules.some((x) => x.ruleId === result!.ruleId)).toBe(true);
  });

  it('--policy-params sets parameter values; a missing --policy path is exit 2', () => {
    const dir = tmp();
    writeFileSync(path.join(dir, 'p.json'), JSON.stringify({ effect: 'Disabled' }));
    const r = runCli(['scan', 'test/rules/storage/min-tls/fail.json', '--no-config', '--policy', TLS, '--policy-params', path.join(dir, 'p.json'), '--format', 'json']);
    expect(r.status, r.stderr).toBe(0);
    expect((JSON.parse(r.stdout) as Report).results.filter((x) => x.ruleId.startsWith('policy/'))).toEqual([]);
    const bad = runCli(['scan', 'test/rules/storage/min-tls/fail.json', '--no-config', '--policy', 'no/such/dir']);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/policy\/not-found/);
  });

  it('policy publish refuses, before connecting, an --input that is not an export; pull and export name a folder they cannot write', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'azready-publish-'));
    const args = ['--subscription', '11111111-0000-0000-0000-000000000001', '--arm-endpoint', 'http://127.0.0.1:9'];
    const missing = runCli(['policy', 'publish', ...args, '--input', path.join(dir, 'nope')]);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toBe(`azready: --input ${path.join(dir, 'nope')}: no such folder; give the folder azready policy export --output wrote\n`);
    const empty = runCli(['policy', 'publish', ...args, '--input', dir]);
    expect(empty.status).toBe(2);
    expect(empty.stderr).toContain(`azready: --input ${dir}: nothing to publish (no definitions/*.json or initiatives/*.json)`);
    const file = path.join(dir, 'file');
    writeFileSync(file, '');
    const pull = runCli(['policy', 'pull', ...args, '--output', file]);
    expect(pull.status).toBe(2);
    expect(pull.stderr).toBe(`azready: cannot write into ${file}: ${file} (or a folder above it) is a file, not a folder (EEXIST)\n`);
    const ex = runCli(['policy', 'export', '--profile', 'baseline', '--output', file]);
    expect(ex.status).toBe(2);
    expect(ex.stderr).toMatch(new RegExp(`^azready: cannot write the export to ${file}: ENOTDIR`));
  });

  it('policy export, then scan --policy on the export: the exported rule fails where the rule fails', () => {
    const dir = tmp();
    const ex = runCli(['policy', 'export', '--profile', 'baseline', '--output', dir]);
    expect(ex.status, ex.stderr).toBe(0);
    expect(ex.stdout).toMatch(/definition\(s\) and initiative azready-baseline written/);
    expect(readdirSync(path.join(dir, 'definitions'))).toContain('azready-storage-min-tls.json');
    expect(JSON.parse(readFileSync(path.join(dir, 'not-exportable.json'), 'utf8'))).toEqual(expect.arrayContaining([expect.objectContaining({ reason: expect.any(String) })]));
    const r = runCli(['scan', 'test/rules/storage/min-tls/fail.json', '--no-config', '--policy', dir, '--format', 'json']);
    expect(r.status, r.stderr).toBe(0);
    const report = JSON.parse(r.stdout) as Report;
    expect(report.results.find((x) => x.ruleId === 'policy/azready-storage-min-tls')).toMatchObject({ outcome: 'fail', pillar: 'security', severity: 'high' });
    expect(report.results.find((x) => x.ruleId === 'storage/min-tls')).toMatchObject({ outcome: 'fail' });
  });
});

describe('azready policy pull / publish (built CLI, local policy server)', () => {
  let server: FakePolicyServer | undefined;
  afterEach(async () => {
    await server?.close();
    server = undefined;
  });
  const env = { AZREADY_ACCESS_TOKEN: 'test-token' };

  it('publish --what-if, publish, publish again (unchanged), then pull what is assigned', async () => {
    server = await startFakePolicyServer();
    const dir = tmp();
    expect(runCli(['policy', 'export', '--profile', 'baseline', '--output', dir]).status).toBe(0);
    const args = ['policy', 'publish', '--subscription', SUB, '--input', dir, '--arm-endpoint', server.url];
    const whatIf = await runCliAsync([...args, '--what-if'], { env });
    expect(whatIf.status, whatIf.stderr).toBe(0);
    expect(whatIf.stdout).toMatch(/^would be created +definition azready-/m);
    expect(server.requests.some((r) => r.method === 'PUT')).toBe(false);
    const first = await runCliAsync(args, { env });
    expect(first.stdout).toMatch(/^created +initiative azready-baseline$/m);
    const second = await runCliAsync(args, { env });
    expect(second.stdout).not.toMatch(/created|updated/);
    expect(second.stdout).toMatch(/^unchanged +initiative azready-baseline$/m);
    const setId = `/subscriptions/${SUB}/providers/Microsoft.Authorization/policySetDefinitions/azready-baseline`;
    server.store.set(`/subscriptions/${SUB}/providers/microsoft.authorization/policyassignments/a1`, { id: `/subscriptions/${SUB}/providers/Microsoft.Authorization/policyAssignments/a1`, name: 'a1', properties: { policyDefinitionId: setId, parameters: {} } });
    const out = tmp();
    const pull = await runCliAsync(['policy', 'pull', '--subscription', SUB, '--output', out, '--arm-endpoint', server.url], { env });
    expect(pull.status, pull.stderr).toBe(0);
    expect(pull.stdout).toMatch(/1 assignment\(s\), \d+ definition\(s\), 1 initiative\(s\)/);
    const scan = runCli(['scan', 'test/rules/storage/min-tls/fail.json', '--no-config', '--policy', out, '--format', 'json']);
    expect((JSON.parse(scan.stdout) as Report).rules.find((x) => x.id === 'policy/azready-storage-min-tls')).toMatchObject({ policy: { assignment: 'a1', initiative: setId } });
  });

  it('refuses a subscription name where an id belongs, before any request', async () => {
    const r = await runCliAsync(['policy', 'pull', '--subscription', 'Contoso Prod', '--output', tmp(), '--arm-endpoint', 'http://127.0.0.1:9']);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/--subscription takes a subscription id .*not 'Contoso Prod'/);
  });

  it('refuses plain http to a non-loopback host', async () => {
    const r = await runCliAsync(['policy', 'pull', '--subscription', SUB, '--output', tmp(), '--arm-endpoint', 'http://example.com'], { env });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/plain http/);
  });
});
