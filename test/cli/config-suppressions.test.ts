// azready.yaml, suppressions and baselines through the built CLI: exit codes 0/1/2 and messages.
import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import type { Report } from '../../src/report/report.js';
import { ROOT, runCli } from './run-cli.js';

const DIR = path.join('test', 'fixtures', 'suppressions');
const CONFIG = path.join(DIR, 'azready.yaml');
const schema = JSON.parse(readFileSync(path.join(ROOT, 'reports/schema/report.schema.json'), 'utf8')) as object;
const validate = new Ajv({ allErrors: true, validateFormats: false }).compile(schema);
const tmp = () => mkdtempSync(path.join(tmpdir(), 'azready-cli-'));

function json(args: string[], cwd?: string): { report: Report; status: number | null; stderr: string } {
  const r = runCli(['scan', ...args, '--format', 'json'], { cwd });
  return { report: JSON.parse(r.stdout) as Report, status: r.status, stderr: r.stderr };
}

describe('azready scan with azready.yaml (built CLI)', () => {
  it('applies the configuration: gate, suppressions, overrides; exit 1 on a failed high', () => {
    const { report, status, stderr } = json([path.join(DIR, 'arm.json'), path.join(DIR, 'main.bicep'), '--config', CONFIG]);
    expect(status).toBe(1);
    expect(validate(report), JSON.stringify(validate.errors)).toBe(true);
    expect(stderr).toMatch(/gate failed: \d+ failed result\(s\) of severity high or higher/);
    const suppressed = report.results.filter((r) => r.outcome === 'suppressed');
    expect(suppressed.filter((r) => r.suppression?.kind === 'inline')).toHaveLength(3);
    expect(suppressed.filter((r) => r.suppression?.kind === 'config').length).toBeGreaterThanOrEqual(5);
    expect(report.summary.counts.suppressed).toBe(suppressed.length);
    expect(report.rules.map((r) => r.id)).not.toContain('storage/lifecycle-management');
  });

  it('lets flags win over the file (--fail-on none: exit 0)', () => {
    expect(runCli(['scan', path.join(DIR, 'arm.json'), '--config', CONFIG, '--fail-on', 'none']).status).toBe(0);
    const minScore = runCli(['scan', path.join(DIR, 'arm.json'), '--config', CONFIG, '--fail-on', 'none', '--min-score', '100']);
    expect(minScore.status).toBe(1);
    expect(minScore.stderr).toMatch(/is below --min-score 100/);
  });

  it('turns an expired suppression back into the finding, with a warning naming it', () => {
    const { report } = json([path.join(DIR, 'arm.json'), '--config', CONFIG, '--fail-on', 'none']);
    const r = report.results.find((x) => x.ruleId === 'storage/network-restricted' && x.resource.name === 'contosoarm');
    expect(r).toMatchObject({ outcome: 'fail', message: expect.stringMatching(/expired on 2020-01-31/) });
    expect(report.diagnostics).toContainEqual(expect.objectContaining({ code: 'suppressions/expired', severity: 'warning', location: expect.objectContaining({ startLine: 12 }) }));
  });

  it('finds azready.yaml in the working folder or above; paths in it are relative to it', () => {
    const dir = tmp();
    mkdirSync(path.join(dir, 'infra', 'legacy'), { recursive: true });
    cpSync(path.join(ROOT, DIR, 'arm.json'), path.join(dir, 'infra', 'arm.json'));
    cpSync(path.join(ROOT, DIR, 'main.bicep'), path.join(dir, 'infra', 'legacy', 'main.bicep'));
    writeFileSync(path.join(dir, 'azready.yaml'), `failOn: critical
exclude: ['**/legacy/**']
suppressions:
  - rule: storage/*
    resource: contosoarm
    reason: sandbox account (ticket OPS-1)
`);
    const r = runCli(['scan', '.', '--format', 'json'], { cwd: path.join(dir, 'infra') });
    expect(r.stderr).toContain('azready: using ../azready.yaml');
    const report = JSON.parse(r.stdout) as Report;
    expect(report.inputs.map((i) => i.path)).toEqual(['arm.json']);
    const storage = report.results.filter((x) => x.resource.name === 'contosoarm' && x.ruleId.startsWith('storage/'));
    expect(storage.filter((x) => x.outcome === 'suppressed').length).toBeGreaterThan(3);
    expect(storage.filter((x) => x.outcome === 'fail')).toEqual([]);
    // A critical still fails the vault: failOn critical from the file.
    expect(r.status).toBe(1);
    expect(runCli(['scan', '.', '--no-config'], { cwd: path.join(dir, 'infra') }).status).toBe(0);
  });

  it('scans the folder of azready.yaml when no path is given, else the working folder', () => {
    const dir = tmp();
    mkdirSync(path.join(dir, 'infra', 'app'), { recursive: true });
    cpSync(path.join(ROOT, DIR, 'arm.json'), path.join(dir, 'infra', 'arm.json'));
    cpSync(path.join(ROOT, DIR, 'main.bicep'), path.join(dir, 'infra', 'app', 'main.bicep'));
    writeFileSync(path.join(dir, 'azready.yaml'), 'failOn: none\n');
    const fromBelow = runCli(['scan', '--format', 'json'], { cwd: path.join(dir, 'infra', 'app') });
    expect(fromBelow.status).toBe(0);
    expect(fromBelow.stderr).toContain('azready: no path given; scanning ../..');
    expect((JSON.parse(fromBelow.stdout) as Report).inputs.map((i) => i.path).sort()).toEqual(['../../infra/app/main.bicep', '../../infra/arm.json']);
    const noConfig = runCli(['scan', '--no-config', '--format', 'json'], { cwd: path.join(dir, 'infra', 'app') });
    expect(noConfig.stderr).toContain('azready: no path given; scanning .');
    expect((JSON.parse(noConfig.stdout) as Report).inputs.map((i) => i.path)).toEqual(['main.bicep']);
  });

  it('stops with exit 2 and file:line:column on a suppression without a reason', () => {
    const dir = tmp();
    writeFileSync(path.join(dir, 'azready.yaml'), 'profile: baseline\nsuppressions:\n  - rule: storage/geo-redundant\n    resource: "*"\n');
    const r = runCli(['scan', path.join(ROOT, DIR, 'arm.json'), '--config', path.join(dir, 'azready.yaml')]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(`${path.join(dir, 'azready.yaml')}:3:5 error config/schema: suppressions.0 is missing the required property 'reason'`);
    expect(r.stdout).toBe('');
  });

  it('exits 2 on inline suppressions without a reason, Bicep and ARM, naming file:line:column', () => {
    const bicep = runCli(['scan', path.join(DIR, 'no-reason.bicep'), '--format', 'json']);
    expect(bicep.status).toBe(2);
    expect(bicep.stderr).toContain(`${path.join(DIR, 'no-reason.bicep')}:8:5 error suppressions/missing-reason`);
    const arm = runCli(['scan', path.join(DIR, 'arm-no-reason.json'), '--format', 'json']);
    expect(arm.status).toBe(2);
    expect(arm.stderr).toContain(`${path.join(DIR, 'arm-no-reason.json')}:12:`);
  });

  it('renders suppressions in SARIF (inSource for inline, external for config) and markdown', () => {
    const dir = tmp();
    const r = runCli(['scan', path.join(DIR, 'arm.json'), path.join(DIR, 'main.bicep'), '--config', CONFIG, '-f', 'sarif', '-f', 'markdown', '--output-dir', dir, '--fail-on', 'none']);
    expect(r.status).toBe(0);
    const sarif = JSON.parse(readFileSync(path.join(dir, 'azready.sarif'), 'utf8')) as { runs: { results: { ruleId: string; suppressions?: { kind: string; justification: string; properties?: Record<string, unknown> }[] }[] }[] };
    const kinds = sarif.runs[0].results.flatMap((x) => x.suppressions ?? []);
    expect(kinds).toContainEqual({ kind: 'inSource', status: 'accepted', justification: 'public product images (ticket WEB-7)', properties: { file: 'test/fixtures/suppressions/arm.json', line: 15 } });
    expect(kinds).toContainEqual(expect.objectContaining({ kind: 'external', justification: 'dev vaults are recreated on every deployment (ticket OPS-3)', properties: expect.objectContaining({ expires: '2099-12-31' }) }));
    expect(readFileSync(path.join(dir, 'azready.md'), 'utf8')).toContain('dev vaults are recreated on every deployment (ticket OPS-3) (until 2099-12-31)');
  });
});

describe('azready scan --baseline (built CLI)', () => {
  it('gates only on failures that are new relative to the baseline and records it in the report', () => {
    const dir = tmp();
    const base = path.join(dir, 'base.json');
    expect(runCli(['scan', path.join(DIR, 'arm.json'), '--format', 'json', '--output', base]).status).toBe(0);
    const same = runCli(['scan', path.join(DIR, 'arm.json'), '--baseline', base, '--fail-on', 'high']);
    expect(same.status).toBe(0);
    const failedBefore = (JSON.parse(readFileSync(base, 'utf8')) as Report).results.filter((r) => r.outcome === 'fail').length;
    expect(failedBefore).toBeGreaterThan(5);
    expect(same.stderr).toContain(`azready: ${failedBefore} failed result(s) already in the baseline ${base} are ignored by the gate; 0 new`);
    const grown = json([path.join(DIR, 'arm.json'), path.join(DIR, 'main.bicep'), '--baseline', base, '--fail-on', 'high']);
    expect(grown.status).toBe(1);
    expect(grown.stderr).toMatch(/gate failed: \d+ new failed result\(s\) of severity high or higher/);
    expect(validate(grown.report), JSON.stringify(validate.errors)).toBe(true);
    expect(grown.report.baseline).toMatchObject({ file: base, existing: failedBefore });
    const failed = grown.report.results.filter((r) => r.outcome === 'fail');
    const existing = new Set(failed.filter((r) => r.baseline === 'existing').map((r) => r.resource.name));
    expect(existing).toContain('contosoarm');
    expect(existing).toContain('contoso-arm-kv');
    expect(existing).not.toContain('contosolake');
    expect(failed.filter((r) => r.baseline === 'new').map((r) => r.resource.name)).toContain('contosolake');
  });

  it('says in the Markdown summary how many failures the baseline holds', () => {
    const dir = tmp();
    const base = path.join(dir, 'base.json');
    runCli(['scan', path.join(DIR, 'arm.json'), '--format', 'json', '--output', base]);
    const md = runCli(['scan', path.join(DIR, 'arm.json'), path.join(DIR, 'main.bicep'), '--baseline', base, '--format', 'markdown']);
    expect(md.stdout).toMatch(/^> \*\*Baseline\*\* .*base\.json: \d+ failure\(s\) were already there and do not fail the gate; \d+ are new\.$/m);
  });

  it('exits 2 when the baseline is not a report', () => {
    const r = runCli(['scan', path.join(DIR, 'arm.json'), '--baseline', path.join(DIR, 'arm.json')]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('--baseline');
  });
});
