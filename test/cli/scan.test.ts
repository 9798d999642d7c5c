import { readFileSync, mkdtempSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import type { Report } from '../../src/report/report.js';
import { E2E, E2E_CONFIG, ROOT, runCli } from './run-cli.js';

const schema = JSON.parse(readFileSync(path.join(ROOT, 'reports/schema/report.schema.json'), 'utf8')) as object;
const validate = new Ajv({ allErrors: true, validateFormats: false }).compile(schema);
const inputs = path.join(E2E, 'inputs');

function scanJson(args: string[]): { report: Report; status: number | null; stderr: string; stdout: string } {
  const r = runCli(['scan', ...args, ...E2E_CONFIG, '--format', 'json']);
  return { report: JSON.parse(r.stdout) as Report, status: r.status, stderr: r.stderr, stdout: r.stdout };
}

describe('azready scan (built CLI)', () => {
  it('writes a report that follows the published JSON schema', () => {
    const { report, status } = scanJson([inputs]);
    expect(status).toBe(0);
    expect(validate(report), JSON.stringify(validate.errors)).toBe(true);
    expect(report.profile.name).toBe('e2e');
    expect(report.inputs.map((i) => [path.basename(i.path), i.kind])).toEqual([
      ['notes.json', 'skipped'],
      ['snapshot.json', 'resource-graph-snapshot'],
      ['storage.json', 'arm-template'],
      ['storage.parameters.json', 'arm-parameters'],
    ]);
  });

  it('scores and locates failures in the template, with evidence', () => {
    const { report } = scanJson([inputs]);
    expect(report.summary).toMatchObject({
      score: 47.2,
      level: 'not-ready',
      coverage: 1,
      failedCritical: ['e2e/public-blob'],
      counts: { pass: 5, fail: 7, unknown: 0, suppressed: 0, notApplicable: 0 },
    });
    expect(report.summary.pillars.security).toMatchObject({ score: 58.3, passed: 4, failed: 4, unknown: 0 });
    const tls = report.results.find((r) => r.ruleId === 'e2e/tls' && r.resource.name === 'contosolake');
    expect(tls).toMatchObject({
      outcome: 'fail',
      severity: 'high',
      pillar: 'security',
      evidence: { path: 'properties.minimumTlsVersion', actual: 'TLS1_0' },
      location: { file: path.join(inputs, 'storage.json'), startLine: 18, startColumn: 9 },
    });
    const defaulted = report.results.find((r) => r.ruleId === 'e2e/tls' && r.resource.name === 'contosologs');
    expect(defaulted?.evidence).toEqual({ path: 'properties.minimumTlsVersion', actual: 'TLS1_0', defaulted: true });
    // An absent property points at the resource declaration.
    expect(defaulted?.location).toMatchObject({ startLine: 22, startColumn: 5 });
    const live = report.results.find((r) => r.ruleId === 'e2e/tls' && r.resource.name === 'prodlake');
    expect(live).toMatchObject({ outcome: 'pass', resource: { type: 'Microsoft.Storage/storageAccounts' } });
    const diag = report.results.filter((r) => r.ruleId === 'e2e/diagnostics').map((r) => [r.resource.name, r.outcome]);
    expect(diag).toEqual([
      ['contosologs', 'fail'],
      ['prodlake', 'fail'],
      ['prodold', 'fail'],
      ['contosolake', 'pass'],
    ]);
  });

  it('never prints a secure parameter value', () => {
    const json = runCli(['scan', inputs, ...E2E_CONFIG, '--format', 'json']);
    const resources = runCli(['resources', path.join(inputs, 'storage.json'), '--params', path.join(inputs, 'storage.parameters.json')]);
    expect(json.stdout + json.stderr + resources.stdout + resources.stderr).not.toContain('Sup3rSecret!');
    expect(resources.stdout).toContain('***redacted***');
  });

  it('reports Unknowns as unverified with the reason, outside the score', () => {
    const { report } = scanJson([path.join(inputs, 'storage.json')]);
    expect(report.results.length).toBeGreaterThan(0);
    // A diagnostic setting whose scope comes from a parameter without a value may belong to
    // either account: both are unverified.
    const template = JSON.parse(readFileSync(path.join(inputs, 'storage.json'), 'utf8')) as { parameters: Record<string, unknown>; resources: { type: string; scope?: string }[] };
    template.parameters.target = { type: 'string' };
    template.resources.find((r) => r.type === 'Microsoft.Insights/diagnosticSettings')!.scope = "[parameters('target')]";
    const dir = mkdtempSync(path.join(tmpdir(), 'azready-unknown-'));
    writeFileSync(path.join(dir, 'storage.json'), JSON.stringify(template, null, 2));
    const withoutParams = scanJson([path.join(dir, 'storage.json'), '--params', path.join(E2E, 'empty.parameters.json')]);
    const unknown = withoutParams.report.results.filter((r) => r.outcome === 'unknown');
    expect(unknown.map((r) => r.ruleId)).toEqual(['e2e/diagnostics', 'e2e/diagnostics']);
    expect(unknown[0].reason).toMatch(/scope .* is unknown/);
    expect(withoutParams.report.summary.coverage).toBeLessThan(1);
    expect(withoutParams.report.diagnostics.map((d) => d.code)).toContain('arm/parameter-without-value');
  });

  it('relates a diagnostic setting to the account its scope names, even when the name is unknown', () => {
    const withoutParams = scanJson([path.join(inputs, 'storage.json'), '--params', path.join(E2E, 'empty.parameters.json')]);
    const diagnostics = withoutParams.report.results.filter((r) => r.ruleId === 'e2e/diagnostics');
    expect(diagnostics.map((r) => [r.resource.name.includes('lake') ? 'lake' : 'logs', r.outcome]).sort()).toEqual([['lake', 'pass'], ['logs', 'fail']]);
  });

  it('prints a console report without colour when not on a TTY', () => {
    const r = runCli(['scan', inputs, ...E2E_CONFIG]);
    expect(r.status).toBe(0);
    expect(r.stdout).not.toContain('\u001b[');
    expect(r.stdout).toContain('Score 47.2 / 100');
    expect(r.stdout).toContain('Level not-ready');
    expect(r.stdout).toMatch(/HIGH\s+e2e\/tls\s+contosolake\s+test\/fixtures\/e2e\/inputs\/storage.json:18:9/);
    expect(r.stdout).toContain("fix: Set properties.minimumTlsVersion to 'TLS1_2'.");
  });

  it('explains the score', () => {
    const r = runCli(['scan', inputs, ...E2E_CONFIG, '--explain-score']);
    expect(r.stdout).toContain('overall = (2×58.3 + 1×25) / 3 = 47.2');
  });

  it('writes the report to --output', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'azready-out-'));
    const out = path.join(dir, 'nested', 'report.json');
    const r = runCli(['scan', inputs, ...E2E_CONFIG, '--format', 'json', '--output', out]);
    expect(r.status).toBe(0);
    expect(r.stdout).toBe('');
    expect((JSON.parse(readFileSync(out, 'utf8')) as Report).summary.score).toBe(47.2);
  });
});

describe('exit codes', () => {
  it.each([
    [['--fail-on', 'critical'], 1],
    [['--fail-on', 'high'], 1],
    [['--fail-on', 'none'], 0],
    [['--min-score', '48'], 1],
    [['--min-score', '47'], 0],
    [['--min-score', '47.3'], 1],
    [['--min-score', '47.2'], 0],
  ])('%j → %i', (flags, code) => {
    const r = runCli(['scan', inputs, ...E2E_CONFIG, ...flags]);
    expect(r.status).toBe(code);
    if (code === 1) expect(r.stderr).toContain('gate failed');
  });

  it('lists the failures that broke the gate on stderr when the report went to files', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'azready-gate-'));
    const r = runCli(['scan', inputs, ...E2E_CONFIG, '--fail-on', 'critical', '-f', 'sarif', '-f', 'markdown', '--output-dir', dir]);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('azready: gate failed: 1 failed result(s) of severity critical or higher\n  test/fixtures/e2e/inputs/storage.json:30:9 critical e2e/public-blob: ');
    // On the console report they are already listed: not twice.
    const shown = runCli(['scan', inputs, ...E2E_CONFIG, '--fail-on', 'critical']);
    expect(shown.status).toBe(1);
    expect(shown.stderr).toBe('azready: gate failed: 1 failed result(s) of severity critical or higher\n');
  });

  it('exits 1 on --fail-on medium only when a medium or higher rule fails', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'azready-pass-'));
    writeFileSync(path.join(dir, 'good.json'), readFileSync(path.join(inputs, 'snapshot.json'), 'utf8').replace('"allowBlobPublicAccess": false }', '"allowBlobPublicAccess": false, "minimumTlsVersion": "TLS1_2" }'));
    const r = runCli(['scan', dir, '--rules', path.join(E2E, 'pack'), '--profile', path.join(E2E, 'profile.yaml'), '--fail-on', 'high']);
    expect(r.status).toBe(0);
    const m = runCli(['scan', dir, '--rules', path.join(E2E, 'pack'), '--profile', path.join(E2E, 'profile.yaml'), '--fail-on', 'medium']);
    expect(m.status).toBe(1);
  });

  it('exits 2 with file:line:column for a broken template', () => {
    const r = runCli(['scan', path.join(E2E, 'broken.json'), ...E2E_CONFIG]);
    expect(r.status).toBe(2);
    expect(r.stdout).toContain('test/fixtures/e2e/broken.json:5:3 error invalid JSON');
    expect(r.stdout + r.stderr).not.toMatch(/at .*\.js:\d+/);
  });

  it('exits 2 for a missing path, an unknown profile and an unknown flag', () => {
    const missing = runCli(['scan', 'no/such/dir', ...E2E_CONFIG]);
    expect(missing.status).toBe(2);
    expect(missing.stdout).toContain('no/such/dir: no such file or folder');
    const profile = runCli(['scan', inputs, '--profile', 'nope']);
    expect(profile.status).toBe(2);
    expect(profile.stderr).toContain("no profile 'nope'");
    const flag = runCli(['scan', inputs, '--frobnicate']);
    expect(flag.status).toBe(2);
    for (const bad of ['101', 'high', '-1']) {
      const score = runCli(['scan', inputs, ...E2E_CONFIG, '--min-score', bad]);
      expect(score.status, bad).toBe(2);
      expect(score.stderr).toContain(`--min-score takes a score from 0 to 100, such as 70 or 72.5; got '${bad}'`);
    }
  });

  it('exits 2 with the reason, not a stack trace, when the report cannot be written', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'azready-unwritable-'));
    const file = path.join(dir, 'taken');
    writeFileSync(file, '');
    // A file stands where --output-dir wants a folder: exit 1 would read as a failed gate in CI.
    const r = runCli(['scan', inputs, ...E2E_CONFIG, '-f', 'json', '-f', 'sarif', '--output-dir', file]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(`azready: cannot write ${path.join(file, 'azready.json')}: ${file} (or a folder above it) is a file, not a folder`);
    expect(r.stderr).not.toMatch(/gate|Error:|at .*\.js:\d+/);
    const folder = runCli(['scan', inputs, ...E2E_CONFIG, '--output', dir]);
    expect(folder.status).toBe(2);
    expect(folder.stderr).toBe(`azready: cannot write ${dir}: it is a folder; give a file name\n`);
  });

  it('exits 2 when the paths hold nothing to evaluate, so a CI job on the wrong folder does not pass', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'azready-nothing-'));
    writeFileSync(path.join(dir, 'README.md'), '# infra\n');
    writeFileSync(path.join(dir, 'settings.json'), '{"a": 1}');
    const r = runCli(['scan', dir, ...E2E_CONFIG, '--fail-on', 'high']);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(`azready: nothing to evaluate in ${dir}: no .bicep, .bicepparam, ARM template or Resource Graph snapshot found (1 JSON or CSV file(s) skipped: none of these); exit code 2`);
    expect(r.stderr).not.toContain('gate');
    const params = runCli(['scan', path.join(inputs, 'storage.parameters.json'), ...E2E_CONFIG]);
    expect(params.status).toBe(2);
    expect(params.stderr).toContain('(1 parameters file(s), which are evaluated with their template: scan the template (a name such as main.json pairs main.parameters.json; else --params))');
    const empty = mkdtempSync(path.join(tmpdir(), 'azready-empty-'));
    expect(runCli(['scan', empty, ...E2E_CONFIG]).stderr).toContain(`nothing to evaluate in ${empty}: no .bicep, .bicepparam, ARM template or Resource Graph snapshot found; exit code 2`);
  });

  it('exits 2 and names file, line and column for an invalid rule pack', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'azready-badpack-'));
    mkdirSync(path.join(dir, 'x'));
    writeFileSync(path.join(dir, 'x', 'bad.yaml'), readFileSync(path.join(E2E, 'pack/e2e/tls.yaml'), 'utf8').replace('id: e2e/tls', 'id: x/bad').replace('severity: high', 'severity: huge'));
    const r = runCli(['scan', inputs, '--rules', dir, '--profile', path.join(E2E, 'profile.yaml')]);
    expect(r.status).toBe(2);
    expect(r.stderr).toBe(`${path.join(dir, 'x', 'bad.yaml')}:4:1 error rules/schema: severity must be one of "critical", "high", "medium", "low"\n`);
    expect(r.stdout).toBe('');
  });
});

describe('azready resources', () => {
  it('prints exactly what the rules see', () => {
    const r = runCli(['resources', path.join(inputs, 'storage.json'), path.join(inputs, 'snapshot.json'), '--params', path.join(inputs, 'storage.parameters.json')]);
    expect(r.status).toBe(0);
    const out = JSON.parse(r.stdout) as { resources: Record<string, unknown>[]; diagnostics: unknown[] };
    expect(out.resources.map((x) => x.name)).toEqual(['contosolake', 'contosologs', 'to-law', 'prodlake', 'prodold', 'blob-logs']);
    expect(out.resources[0]).toMatchObject({
      type: 'Microsoft.Storage/storageAccounts',
      location: 'westus',
      properties: { minimumTlsVersion: 'TLS1_0', allowBlobPublicAccess: false },
      origin: 'arm',
    });
    // Resource Graph fills absent columns with "" and {}; they are dropped.
    expect(out.resources[3]).not.toHaveProperty('plan');
    expect(out.resources[3]).not.toHaveProperty('tags');
    expect(out.resources[2]).toMatchObject({ scope: expect.stringMatching(/storageAccounts\/contosolake$/) });
  });
});

describe('azready scan on a folder of linked templates', () => {
  it('evaluates a linked template through the deployment that links it, once', () => {
    const r = runCli(['scan', path.join('test', 'fixtures', 'arm', 'linked'), ...E2E_CONFIG, '--format', 'json']);
    const report = JSON.parse(r.stdout) as Report;
    expect(report.summary.resources).toBe(1);
    expect(report.diagnostics.map((d) => d.code)).toEqual(expect.arrayContaining(['input/linked-template', 'arm/linked-template-cycle']));
  });
});
