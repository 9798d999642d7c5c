// The --help examples a new user copies: the repository paths they name exist.
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { builtinRulesDir, loadRulePacks } from '../../src/rules/load-rules.js';
import { ROOT } from './run-cli.js';

async function commandExamples(): Promise<{ file: string; example: string }[]> {
  const dir = path.join(ROOT, 'src', 'commands');
  const files = readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.ts'));
  const out: { file: string; example: string }[] = [];
  for (const file of files) {
    const mod = (await import(path.join(dir, file))) as { default: { examples?: string[] } };
    for (const example of mod.default.examples ?? []) out.push({ file, example });
  }
  return out;
}

describe('--help examples', () => {
  it('name example folders that exist', async () => {
    const examples = await commandExamples();
    expect(examples.length).toBeGreaterThan(20);
    const named = examples.flatMap(({ file, example }) => (example.match(/\bexamples\/[\w./-]+/g) ?? []).map((p) => ({ file, path: p })));
    expect(named.length).toBeGreaterThan(0);
    expect(named.filter((n) => !existsSync(path.join(ROOT, n.path)))).toEqual([]);
  });

  it('name rules that exist', async () => {
    const ids = new Set(loadRulePacks([builtinRulesDir()]).rules.map((r) => r.id));
    const named = (await commandExamples()).flatMap(({ example }) => [...example.matchAll(/(?:rules show|--id) ([\w/-]+)/g)].map((m) => m[1]));
    expect(named.length).toBeGreaterThan(0);
    expect(named.filter((id) => !ids.has(id))).toEqual([]);
  });
});
