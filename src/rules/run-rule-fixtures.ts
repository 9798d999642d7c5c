// The rule tester: runs a rule on each of its fixtures (`test/rules/<id>/pass*.{bicep,json}`,
// `fail*`, `unknown*`: Bicep, ARM templates or Resource Graph snapshots) and checks that every applicable resource has the outcome the
// fixture's name states. Used by `azready rules test` and by the test suite.
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { evaluateRules } from '../engine/evaluate-rules.js';
import type { Outcome } from '../engine/result.js';
import { loadInputs } from '../load-inputs.js';
import type { ResourceSet } from '../model/resource-set.js';
import type { Rule } from './rule.js';

export interface FixtureCheck {
  ruleId: string;
  fixture: string;
  expected: Outcome;
  ok: boolean;
  problems: string[];
}

export interface RuleFixtureReport {
  ruleId: string;
  checks: FixtureCheck[];
  /** Problems with the rule's fixture set itself (none, or no pass/fail fixture). */
  missing: string[];
}

const OUTCOME_PREFIX = /^(pass|fail|unknown)/;

export function fixtureDir(fixturesRoot: string, rule: Rule): string {
  return path.join(fixturesRoot, ...rule.id.split('/'));
}

export function runRuleFixtures(rule: Rule, fixturesRoot: string): RuleFixtureReport {
  const dir = fixtureDir(fixturesRoot, rule);
  const files = existsSync(dir) ? readdirSync(dir).filter((f) => /\.(json|bicep)$/.test(f) && OUTCOME_PREFIX.test(f)).sort() : [];
  const missing: string[] = [];
  if (!files.some((f) => f.startsWith('pass'))) missing.push(`no passing fixture (${path.join(dir, 'pass.json')})`);
  if (!files.some((f) => f.startsWith('fail'))) missing.push(`no failing fixture (${path.join(dir, 'fail.json')})`);
  const checks = files.map((f) => check(rule, path.join(dir, f), OUTCOME_PREFIX.exec(f)![1] as Outcome));
  return { ruleId: rule.id, checks, missing };
}

/**
 * The resources of a fixture. A `*.live.json` fixture records what an audit reads (Resource Graph
 * rows and the rows of the types it reads through ARM), so a type it has no row of is one the
 * audit found none of: it is not read as a bare Resource Graph export, for which that is unknown.
 */
export function loadFixture(file: string): ResourceSet {
  const set = loadInputs([file]);
  if (file.endsWith('.live.json')) for (const r of set.resources) delete r.exported;
  return set;
}

function check(rule: Rule, file: string, expected: Outcome): FixtureCheck {
  const set = loadFixture(file);
  const problems = set.diagnostics.filter((d) => d.severity === 'error').map((d) => `input error: ${d.message}`);
  const results = evaluateRules([rule], set).filter((r) => r.outcome !== 'not-applicable');
  if (results.length === 0) problems.push('the rule applies to no resource in this fixture');
  for (const r of results) {
    if (r.outcome !== expected) {
      problems.push(`${r.resource.name}: expected ${expected}, got ${r.outcome}${r.reason ? ` (${r.reason})` : ''}: ${r.message}`);
    }
  }
  return { ruleId: rule.id, fixture: file, expected, ok: problems.length === 0, problems };
}
