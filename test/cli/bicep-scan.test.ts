import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Report } from '../../src/report/report.js';
import { runCli } from './run-cli.js';

const DIR = path.join('test', 'fixtures', 'bicep-scan');
const MAIN = path.join(DIR, 'main.bicep');
const tlsLine = readFileSync(MAIN, 'utf8').split('\n').findIndex((l) => l.includes("minimumTlsVersion: 'TLS1_0'")) + 1;

function scan(args: string[]): { report: Report; status: number | null; all: string } {
  const r = runCli(['scan', ...args, '--format', 'json']);
  return { report: JSON.parse(r.stdout) as Report, status: r.status, all: r.stdout + r.stderr };
}

describe('azready scan on Bicep', () => {
  it('finds failures at the Bicep line and column', () => {
    const { report, status } = scan([MAIN]);
    expect(status).toBe(0);
    expect(report.inputs).toEqual([{ path: MAIN, kind: 'bicep' }]);
    const tls = report.results.find((r) => r.ruleId === 'storage/min-tls');
    expect(tls).toMatchObject({ outcome: 'fail', resource: { name: 'stdevlake' }, location: { file: MAIN, startLine: tlsLine, startColumn: 24 } });
  });

  it('takes a .bicepparam file alone and finds its template through using', () => {
    const { report } = scan([path.join(DIR, 'main.bicepparam')]);
    expect(report.inputs.map((i) => i.kind)).toEqual(['bicep-parameters', 'bicep']);
    const zone = report.results.find((r) => r.ruleId === 'storage/zone-redundant');
    expect(zone).toMatchObject({ outcome: 'pass' });
  });

  it('takes a .bicepparam file with --params', () => {
    const { report } = scan([MAIN, '--params', path.join(DIR, 'main.bicepparam')]);
    expect(report.results.find((r) => r.ruleId === 'storage/geo-redundant')).toMatchObject({ outcome: 'pass' });
  });

  it('never prints the value of a @secure() parameter', () => {
    const r = runCli(['resources', path.join(DIR, 'main.bicepparam')]);
    expect(r.status).toBe(0);
    expect(r.stdout + r.stderr).not.toContain('n0t-a-real-secret');
  });
});

describe('azready scan on a Bicep folder', () => {
  it('evaluates a module file through the module call, not again on its own', () => {
    const r = runCli(['scan', DIR, '--format', 'json']);
    const report = JSON.parse(r.stdout) as Report;
    expect(report.summary.resources).toBe(6);
    expect(report.results.filter((x) => x.resource.type === 'Microsoft.OperationalInsights/workspaces').map((x) => x.resource.name)).toEqual(expect.arrayContaining(['law-prod']));
    expect(report.results.some((x) => x.resource.name.startsWith('{unknown'))).toBe(false);
    expect(report.diagnostics.map((d) => d.code)).toContain('input/bicep-module');
    expect(report.inputs.map((i) => i.path)).toEqual([path.join(DIR, 'main.bicepparam'), MAIN, path.join(DIR, 'modules', 'logs.bicep')]);
  });
});

describe('azready scan on a folder with bicep build output', () => {
  it('scans the Bicep source and skips its compiled JSON', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'azready-pair-'));
    writeFileSync(path.join(dir, 'main.bicep'), "resource st 'Microsoft.Storage/storageAccounts@2023-01-01' = {\n  name: 'stpair'\n  location: 'westeurope'\n  sku: { name: 'Standard_LRS' }\n  kind: 'StorageV2'\n}\n");
    writeFileSync(path.join(dir, 'main.json'), JSON.stringify({ $schema: 'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#', contentVersion: '1.0.0.0', metadata: { _generator: { name: 'bicep', version: '0.30.0' } }, resources: [{ type: 'Microsoft.Storage/storageAccounts', apiVersion: '2023-01-01', name: 'stpair', location: 'westeurope', sku: { name: 'Standard_LRS' }, kind: 'StorageV2' }] }));
    const report = JSON.parse(runCli(['scan', dir, '--format', 'json']).stdout) as Report;
    expect(report.summary.resources).toBe(1);
    expect(report.results.find((r) => r.ruleId === 'storage/min-tls')?.location?.file).toBe(path.join(dir, 'main.bicep'));
    expect(report.diagnostics.map((d) => d.code)).toContain('input/compiled-bicep');
  });
});

describe('azready scan on a template with a .bicepparam file per environment', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'azready-envs-'));
  writeFileSync(path.join(dir, 'main.bicep'), `param tls string\n\nresource st 'Microsoft.Storage/storageAccounts@2023-01-01' = {\n  name: 'stenv'\n  location: 'westeurope'\n  kind: 'StorageV2'\n  sku: { name: 'Standard_GRS' }\n  properties: {\n    minimumTlsVersion: tls\n  }\n}\n`);
  writeFileSync(path.join(dir, 'main.dev.bicepparam'), `using 'main.bicep'\nparam tls = 'TLS1_0'\n`);
  writeFileSync(path.join(dir, 'main.prod.bicepparam'), `using 'main.bicep'\nparam tls = 'TLS1_2'\n`);

  it('gives one result per environment, each naming its parameters file', () => {
    const { report } = scan([dir]);
    const tls = report.results.filter((r) => r.ruleId === 'storage/min-tls').map((r) => [path.basename(r.resource.parameters ?? ''), r.outcome]);
    expect(tls.sort()).toEqual([['main.dev.bicepparam', 'fail'], ['main.prod.bicepparam', 'pass']]);
    expect(report.summary.resources).toBe(2);
  });

  it('shows which environment failed in the markdown report, and keeps SARIF alerts apart', () => {
    const md = runCli(['scan', dir, '--format', 'markdown']).stdout;
    expect(md).toMatch(/`storage\/min-tls` \| stenv \\\[[^\]]*main\.dev\.bicepparam\\\] \|/);
    const sarif = JSON.parse(runCli(['scan', dir, '--format', 'sarif']).stdout) as { runs: { results: { ruleId: string; partialFingerprints: Record<string, string> }[] }[] };
    const prints = sarif.runs[0].results.map((r) => `${r.ruleId} ${Object.values(r.partialFingerprints)[0]}`);
    expect(new Set(prints).size).toBe(prints.length);
  });
});

describe('azready scan on two template files that declare the same resource', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'azready-twins-'));
  const account = (comment: string) =>
    `resource st 'Microsoft.Storage/storageAccounts@2023-01-01' = {\n  name: 'sttwin'\n  location: 'westeurope'\n  properties: {\n${comment}    minimumTlsVersion: 'TLS1_0'\n  }\n}\n`;
  mkdirSync(path.join(dir, 'dev'));
  mkdirSync(path.join(dir, 'prod'));
  writeFileSync(path.join(dir, 'dev', 'main.bicep'), account('    // azready-disable-next-line storage/min-tls legacy clients in dev\n'));
  writeFileSync(path.join(dir, 'prod', 'main.bicep'), account(''));

  it('applies an inline suppression only to the file that holds it', () => {
    const { report } = scan([dir]);
    const tls = report.results.filter((r) => r.ruleId === 'storage/min-tls').map((r) => [path.relative(dir, r.location?.file ?? ''), r.outcome]);
    expect(tls.sort()).toEqual([[path.join('dev', 'main.bicep'), 'suppressed'], [path.join('prod', 'main.bicep'), 'fail']]);
  });
});
