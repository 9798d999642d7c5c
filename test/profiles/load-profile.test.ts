import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadProfile, selectRules } from '../../src/profiles/load-profile.js';
import { builtinRulesDir, loadRulePacks } from '../../src/rules/load-rules.js';

function files(map: Record<string, string>): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'azready-prof-'));
  for (const [name, text] of Object.entries(map)) writeFileSync(path.join(dir, name), text);
  return dir;
}

describe('profiles', () => {
  it('loads the bundled baseline and selects tagged rules', () => {
    const { profile, diagnostics } = loadProfile('baseline');
    expect(diagnostics).toEqual([]);
    expect(profile).toMatchObject({ name: 'baseline', levels: [{ name: 'ready', minScore: 85 }, { name: 'nearly-ready' }, { name: 'needs-work' }, { name: 'not-ready', minScore: 0 }] });
    const { rules } = loadRulePacks([builtinRulesDir()]);
    expect(selectRules(rules, profile!).length).toBe(rules.filter((r) => r.tags.includes('baseline')).length);
  });

  it('extends another profile, merging selection and overriding weights and severities', () => {
    const dir = files({
      'base.yaml': 'name: base\ntitle: Base\ndescription: d\nselect: { services: [storage] }\npillarWeights: { security: 5 }\n',
      'child.yaml': 'name: child\ntitle: Child\ndescription: d\nextends: base.yaml\nselect: { ids: [key-vault/purge-protection] }\noverrides:\n  storage/min-tls: { severity: critical }\n  storage/https-only: { disabled: true }\npillarWeights: { cost: 9 }\n',
    });
    {
      const { profile, diagnostics } = loadProfile(path.join(dir, 'child.yaml'));
      expect(diagnostics).toEqual([]);
      expect(profile!.extends).toEqual(['base']);
      expect(profile!.pillarWeights).toMatchObject({ security: 5, cost: 9, reliability: 1 });
      const { rules } = loadRulePacks([builtinRulesDir()]);
      const selected = selectRules(rules, profile!);
      expect(selected.some((r) => r.id === 'key-vault/purge-protection')).toBe(true);
      expect(selected.every((r) => r.id.startsWith('storage/') || r.id === 'key-vault/purge-protection')).toBe(true);
      expect(selected.find((r) => r.id === 'storage/min-tls')?.severity).toBe('critical');
      expect(selected.some((r) => r.id === 'storage/https-only')).toBe(false);
    }
  });

  it('reports extends cycles, unknown names and schema errors with positions', () => {
    const dir = files({
      'a.yaml': 'name: a\ntitle: A\ndescription: d\nextends: ./b.yaml\n',
      'b.yaml': 'name: b\ntitle: B\ndescription: d\nextends: ./a.yaml\n',
      'bad.yaml': 'name: bad\ntitle: Bad\ndescription: d\nlevels:\n  - { name: top, minScore: 150 }\n',
    });
    expect(loadProfile(path.join(dir, 'a.yaml')).diagnostics.map((d) => d.code)).toContain('profiles/extends-cycle');
    expect(loadProfile('nope').diagnostics[0].message).toContain("no profile 'nope'; use one of baseline");
    const bad = loadProfile(path.join(dir, 'bad.yaml')).diagnostics[0];
    expect(bad).toMatchObject({ code: 'profiles/schema', message: 'levels.0.minScore must be <= 100', location: { startLine: 5 } });
  });
});
