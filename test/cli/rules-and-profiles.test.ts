import { describe, expect, it } from 'vitest';
import { runCli } from './run-cli.js';

describe('azready rules', () => {
  it('lists the bundled rules as JSON', () => {
    const r = runCli(['rules', 'list', '--format', 'json']);
    expect(r.status).toBe(0);
    const { rules } = JSON.parse(r.stdout) as { rules: { id: string; pillar: string; severity: string }[] };
    expect(rules.length).toBeGreaterThanOrEqual(20);
    expect(rules.find((x) => x.id === 'key-vault/purge-protection')).toMatchObject({ pillar: 'disaster-recovery', severity: 'critical' });
  });

  it('lists the rules for people', () => {
    const r = runCli(['rules', 'list']);
    expect(r.stdout).toMatch(/^storage\/min-tls\s+security\s+high\s+Microsoft\.Storage\/storageAccounts$/m);
    expect(r.stdout).toMatch(/^\d+ rule\(s\)$/m);
  });

  it('shows one rule with its rationale, fix and condition', () => {
    const r = runCli(['rules', 'show', 'storage/min-tls']);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('storage/min-tls — ');
    expect(r.stdout).toContain('Why it matters');
    expect(r.stdout).toContain('How to fix it');
    expect(r.stdout).toContain('minimumTlsVersion');
  });

  it('suggests close ids for an unknown rule and exits 2', () => {
    const r = runCli(['rules', 'show', 'storage/min-tlz']);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("no rule 'storage/min-tlz'");
    const near = runCli(['rules', 'show', 'storage/min-tls-version']);
    expect(near.status).toBe(2);
    expect(near.stderr).toMatch(/^azready: no rule 'storage\/min-tls-version'; did you mean storage\/min-tls, /);
  });

  it('takes rule ids in any case, as azready.yaml does', () => {
    expect(runCli(['rules', 'show', 'Storage/Min-TLS']).stdout).toMatch(/^storage\/min-tls — /);
    expect(runCli(['rules', 'test', '--id', 'STORAGE/min-tls']).stdout).toMatch(/✓ storage\/min-tls fail\.json \(fail\)/);
  });

  it('rules test --id of no rule exits 2 instead of testing nothing and passing', () => {
    const r = runCli(['rules', 'test', '--id', 'storage/min-tls-version']);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("azready: no rule 'storage/min-tls-version'; did you mean storage/min-tls");
    expect(r.stdout).toBe('');
  });

  it('runs the rule fixtures', () => {
    const r = runCli(['rules', 'test', '--id', 'storage/min-tls']);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/✓ storage\/min-tls fail\.json \(fail\)/);
    expect(r.stdout).toMatch(/^\d+ passed, 0 failed$/m);
  });
});

describe('azready profiles', () => {
  it('lists and shows the baseline profile', () => {
    const list = runCli(['profiles', 'list', '--format', 'json']);
    expect(JSON.parse(list.stdout).profiles.map((p: { name: string }) => p.name)).toContain('baseline');
    const show = runCli(['profiles', 'show', 'baseline']);
    expect(show.status).toBe(0);
    expect(show.stdout).toContain('baseline — General Azure baseline');
    expect(show.stdout).toContain('levels: ready ≥ 85');
    expect(show.stdout).toMatch(/storage\/min-tls\s+security\s+high/);
  });

  it('exits 2 for an unknown profile', () => {
    const r = runCli(['profiles', 'show', 'nope']);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("no profile 'nope'");
  });
});
