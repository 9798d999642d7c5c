// Every bundled rule has a passing and a failing Bicep fixture (what users write) and at least one
// Resource Graph fixture (`*.live.json`, what a live audit reads), besides any ARM templates.
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { builtinRulesDir, loadRulePacks } from '../../src/rules/load-rules.js';
import { fixtureDir } from '../../src/rules/run-rule-fixtures.js';

const { rules } = loadRulePacks([builtinRulesDir()]);
const fixtures = path.join(builtinRulesDir(), '..', 'test', 'rules');

describe('bundled rule fixture kinds', () => {
  it.each(rules.map((r) => [r.id, r] as const))('%s', (_id, rule) => {
    const dir = fixtureDir(fixtures, rule);
    const files = existsSync(dir) ? readdirSync(dir) : [];
    expect(files).toContain('pass.bicep');
    expect(files).toContain('fail.bicep');
    expect(files.filter((f) => f.endsWith('.live.json'))).not.toEqual([]);
  });
});
