// Every rule has its generated page, and the pages match the rule files (azready rules docs).
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { builtinRulesDir, loadRulePacks } from '../../src/rules/load-rules.js';
import { renderRuleDoc, renderRuleIndex } from '../../src/rules/rule-docs.js';

const root = path.dirname(builtinRulesDir());
const { rules } = loadRulePacks([builtinRulesDir()]);
const docs = path.join(root, 'docs', 'rules');

describe('rule docs', () => {
  it('have an up-to-date index', () => {
    expect(readFileSync(path.join(docs, 'README.md'), 'utf8')).toBe(renderRuleIndex(rules));
  });
  it.each(rules.map((r) => [r.id, r] as const))('%s has an up-to-date page (run: azready rules docs)', (id, rule) => {
    const file = path.join(docs, `${id}.md`);
    expect(existsSync(file)).toBe(true);
    expect(readFileSync(file, 'utf8')).toBe(renderRuleDoc(rule, path.join(root, 'test', 'rules'), root));
  });
});
