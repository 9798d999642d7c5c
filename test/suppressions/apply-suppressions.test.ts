import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadProjectConfig } from '../../src/config/load-project-config.js';
import type { RuleResult } from '../../src/engine/result.js';
import { ResourceSet } from '../../src/model/resource-set.js';
import { scan } from '../../src/scan.js';
import { applySuppressions } from '../../src/suppressions/apply-suppressions.js';

const DIR = path.join('test', 'fixtures', 'suppressions');
const NOW = new Date('2026-06-01T12:00:00Z');
const project = () => {
  const loaded = loadProjectConfig(path.join(DIR, 'azready.yaml'));
  if (!loaded.config) throw new Error(JSON.stringify(loaded.diagnostics));
  return loaded.config;
};

function scanned(paths: string[], withConfig = false) {
  const out = scan({ paths: paths.map((p) => path.join(DIR, p)), now: NOW, ...(withConfig ? { project: project() } : {}) });
  if (!out.ok) throw new Error(JSON.stringify(out.diagnostics));
  const find = (ruleId: string, name: string) => out.report.results.find((r) => r.ruleId === ruleId && r.resource.name === name);
  return { ...out, find };
}

function result(ruleId: string, name: string, outcome: RuleResult['outcome'] = 'fail'): RuleResult {
  return { ruleId, outcome, severity: 'high', pillar: 'security', resource: { id: `/subscriptions/s/resourceGroups/rg/providers/Microsoft.Storage/storageAccounts/${name}`, type: 'Microsoft.Storage/storageAccounts', name }, message: `${name} fails ${ruleId}` };
}

describe('inline suppressions in Bicep', () => {
  it('suppress the finding on the next line (a property) or the resource below', () => {
    const { find, report, inputErrors } = scanned(['main.bicep']);
    expect(inputErrors).toBe(false);
    expect(find('storage/no-public-blob-access', 'contosolake')).toMatchObject({
      outcome: 'suppressed',
      suppression: { kind: 'inline', reason: 'the container serves public product images (ticket WEB-7)', file: path.join(DIR, 'main.bicep'), line: 4 },
    });
    expect(find('storage/shared-key-disabled', 'contosolake')).toMatchObject({ outcome: 'suppressed', suppression: { kind: 'inline', line: 12 } });
    // Other rules on the same resource still fail.
    expect(find('storage/geo-redundant', 'contosolake')?.outcome).toBe('fail');
    expect(report.summary.counts.suppressed).toBe(2);
  });

  it('apply to a decorated resource from above its decorators or from just above its line, where its findings point', () => {
    const { find } = scanned(['decorated.bicep']);
    expect(find('governance/required-tags', 'law-above')).toMatchObject({ outcome: 'suppressed', suppression: { line: 1 } });
    expect(find('governance/required-tags', 'law-between')).toMatchObject({ outcome: 'suppressed', suppression: { line: 12 } });
    expect(find('governance/required-tags', 'law-open')).toMatchObject({ outcome: 'fail', location: { startLine: 19, startColumn: 1 } });
  });

  it('keep suppressed results out of the score denominators', () => {
    const { score } = scanned(['main.bicep']);
    const rule = score.rules.find((r) => r.ruleId === 'storage/shared-key-disabled');
    expect(rule).toMatchObject({ passed: 0, failed: 0, suppressed: 1, score: null });
  });

  it('are an error without a reason, at the comment', () => {
    const out = scan({ paths: [path.join(DIR, 'no-reason.bicep')], now: NOW });
    if (!out.ok) throw new Error('config');
    expect(out.inputErrors).toBe(true);
    expect(out.report.diagnostics.find((d) => d.code === 'suppressions/missing-reason')).toMatchObject({
      severity: 'error',
      location: { file: path.join(DIR, 'no-reason.bicep'), startLine: 8, startColumn: 5 },
    });
    expect(out.report.results.find((r) => r.ruleId === 'key-vault/purge-protection')?.outcome).toBe('fail');
  });
});

describe('inline suppressions in ARM JSON', () => {
  it('read metadata.azready.suppress on the resource object', () => {
    const { find } = scanned(['arm.json']);
    expect(find('storage/no-public-blob-access', 'contosoarm')).toMatchObject({
      outcome: 'suppressed',
      suppression: { kind: 'inline', reason: 'public product images (ticket WEB-7)', file: path.join(DIR, 'arm.json'), line: 15 },
    });
    expect(find('storage/geo-redundant', 'contosoarm')?.outcome).toBe('fail');
    // The vault declares no suppression.
    expect(find('key-vault/purge-protection', 'contoso-arm-kv')?.outcome).toBe('fail');
  });

  it('are an error without a reason', () => {
    const out = scan({ paths: [path.join(DIR, 'arm-no-reason.json')], now: NOW });
    if (!out.ok) throw new Error('config');
    expect(out.inputErrors).toBe(true);
    expect(out.report.diagnostics.filter((d) => d.code.startsWith('suppressions/'))).toEqual([
      expect.objectContaining({ code: 'suppressions/missing-reason', location: expect.objectContaining({ startLine: 12 }) }),
    ]);
    expect(out.report.results.find((r) => r.ruleId === 'storage/geo-redundant')?.outcome).toBe('fail');
  });
});

describe('config suppressions', () => {
  it('match rule globs and resource names, ids or globs, and record where they are written', () => {
    const { find } = scanned(['arm.json', 'main.bicep'], true);
    const config = path.join(DIR, 'azready.yaml');
    expect(find('key-vault/purge-protection', 'contoso-kv')).toMatchObject({ outcome: 'suppressed', suppression: { kind: 'config', expires: '2099-12-31', file: config, line: 8 } });
    // `key-vault/*` on `**/vaults/contoso-arm-kv`; the inline suppression wins over config ones.
    expect(find('key-vault/network-restricted', 'contoso-arm-kv')).toMatchObject({ outcome: 'suppressed', suppression: { kind: 'config', reason: 'the ARM vault is a throwaway sandbox', line: 16 } });
    expect(find('key-vault/network-restricted', 'contoso-kv')?.outcome).toBe('fail');
    expect(find('storage/no-public-blob-access', 'contosoarm')?.suppression?.kind).toBe('inline');
  });

  it('give the finding back once expired, with a note and a warning naming the suppression', () => {
    const { find, report } = scanned(['arm.json'], true);
    const r = find('storage/network-restricted', 'contosoarm');
    expect(r?.outcome).toBe('fail');
    expect(r?.suppression).toBeUndefined();
    expect(r?.message).toMatch(/\(the suppression in .*azready\.yaml:12 expired on 2020-01-31: firewall rules are added/);
    expect(report.diagnostics.filter((d) => d.code === 'suppressions/expired')).toEqual([
      expect.objectContaining({ severity: 'warning', message: expect.stringMatching(/^the suppression of storage\/network-restricted on contosoarm expired on 2020-01-31/), location: expect.objectContaining({ startLine: 12, startColumn: 5 }) }),
    ]);
  });

  it('apply rule overrides: disabled rules do not run, severities change', () => {
    const { report } = scanned(['arm.json'], true);
    expect(report.rules.map((r) => r.id)).not.toContain('storage/lifecycle-management');
    expect(report.results.find((r) => r.ruleId === 'storage/zone-redundant')?.severity).toBe('low');
  });

  it('hold through the expiry day (UTC) and leave passed and not-applicable results alone', () => {
    const suppressions = [{ rule: 'a/*', resource: 'lake*', reason: 'accepted', expires: '2026-06-01', location: { file: 'azready.yaml', startLine: 3, startColumn: 5, endLine: 3, endColumn: 9 } }];
    const out = applySuppressions([result('a/x', 'lakeone'), result('a/x', 'lake2', 'pass'), result('a/x', 'other'), result('b/x', 'lakeone', 'unknown')], new ResourceSet([]), { config: suppressions, now: NOW, inline: false });
    expect(out.results.map((r) => r.outcome)).toEqual(['suppressed', 'pass', 'fail', 'unknown']);
    const later = applySuppressions([result('a/x', 'lakeone')], new ResourceSet([]), { config: suppressions, now: new Date('2026-06-02T00:00:00Z'), inline: false });
    expect(later.results[0].outcome).toBe('fail');
    expect(later.diagnostics.map((d) => d.code)).toEqual(['suppressions/expired']);
  });

  it('accept a finding only where the template was evaluated with the named parameters files', () => {
    const location = { file: 'azready.yaml', startLine: 9, startColumn: 5, endLine: 9, endColumn: 9 };
    const withParams = (parameters: string) => ({ ...result('a/x', 'lake'), resource: { ...result('a/x', 'lake').resource, parameters } });
    const results = [withParams('infra/main.dev.bicepparam'), withParams('infra/main.prod.bicepparam'), result('a/x', 'lake')];
    const out = applySuppressions(results, new ResourceSet([]), { config: [{ rule: 'a/x', parameters: '*.dev.bicepparam', reason: 'dev data is disposable', location }], now: NOW, inline: false });
    expect(out.results.map((r) => r.outcome)).toEqual(['suppressed', 'fail', 'fail']);
  });

  it('match a parameters path relative to azready.yaml, whatever folder the scan ran from', () => {
    const repo = path.resolve('/repo');
    const location = { file: path.join(repo, 'azready.yaml'), startLine: 9, startColumn: 5, endLine: 9, endColumn: 9 };
    const withParams = (parameters: string) => ({ ...result('a/x', 'lake'), resource: { ...result('a/x', 'lake').resource, parameters } });
    const results = [withParams(path.join(repo, 'env', 'dev', 'main.bicepparam')), withParams(path.join(repo, 'env', 'prod', 'main.bicepparam'))];
    const out = applySuppressions(results, new ResourceSet([]), { config: [{ rule: 'a/x', parameters: 'env/dev/*', reason: 'dev data is disposable', location }], now: NOW, inline: false });
    expect(out.results.map((r) => r.outcome)).toEqual(['suppressed', 'fail']);
  });

  it('name the parameters glob when a suppression limited to it matched nothing', () => {
    const location = { file: 'azready.yaml', startLine: 9, startColumn: 5, endLine: 9, endColumn: 9 };
    const out = applySuppressions([result('a/x', 'lake')], new ResourceSet([]), { config: [{ rule: 'a/x', parameters: '*.dev.bicepparam', reason: 'dev only', location }], now: NOW, inline: false });
    expect(out.results[0].outcome).toBe('fail');
    expect(out.diagnostics[0].message).toContain('the suppression of a/x with parameters *.dev.bicepparam matched no');
  });

  it('note a suppression that matched nothing (info), as linters report unused disable comments', () => {
    const location = { file: 'azready.yaml', startLine: 7, startColumn: 5, endLine: 7, endColumn: 9 };
    const out = applySuppressions([result('a/x', 'lake', 'pass')], new ResourceSet([]), { config: [{ rule: 'a/x', reason: 'old', location }], now: NOW, inline: false });
    expect(out.diagnostics).toEqual([expect.objectContaining({ code: 'suppressions/unused', severity: 'info', location })]);
  });
});
