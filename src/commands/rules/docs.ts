// `azready rules docs`: writes docs/rules/<id>.md and an index from the rule files; `--check`
// only compares, for CI.
import { mkdirSync, readFileSync, existsSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Command, Flags } from '@oclif/core';
import { printDiagnostics } from '../../cli/report-diagnostics.js';
import { hasErrors } from '../../core/diagnostic.js';
import { builtinRulesDir, loadRulePacks } from '../../rules/load-rules.js';
import { renderRuleDoc, renderRuleIndex } from '../../rules/rule-docs.js';

export default class RulesDocs extends Command {
  static override summary = 'Generate the rule documentation pages (one per rule, plus an index).';
  static override description = 'Each page shows what the rule checks, why, how to fix it, and its failing fixture run through the real engine. With --check nothing is written: exit 1 when a page is missing or stale.';
  static override examples = ['<%= config.bin %> rules docs', '<%= config.bin %> rules docs --check', '<%= config.bin %> rules docs --rules ./my-rules --fixtures ./my-tests --output ./my-docs'];
  static override flags = {
    rules: Flags.string({ description: 'rule pack folder (default: the bundled pack)' }),
    fixtures: Flags.string({ description: 'fixture root (default: test/rules of the package)' }),
    output: Flags.string({ char: 'o', description: 'output folder (default: docs/rules of the package)' }),
    check: Flags.boolean({ description: 'compare only; exit 1 when the docs are stale' }),
  };

  async run(): Promise<void> {
    const { flags } = await this.parse(RulesDocs);
    const pack = flags.rules ?? builtinRulesDir();
    const root = path.dirname(builtinRulesDir());
    const { rules, diagnostics } = loadRulePacks([pack]);
    if (hasErrors(diagnostics)) {
      printDiagnostics(diagnostics);
      process.exitCode = 2;
      return;
    }
    const fixtures = flags.fixtures ?? path.join(root, 'test', 'rules');
    const out = flags.output ?? path.join(root, 'docs', 'rules');
    const pages = new Map<string, string>(rules.map((r) => [path.join(out, `${r.id}.md`), renderRuleDoc(r, fixtures, root)]));
    pages.set(path.join(out, 'README.md'), renderRuleIndex(rules));
    let stale = 0;
    for (const [file, text] of pages) {
      const current = existsSync(file) ? readFileSync(file, 'utf8') : undefined;
      if (current === text) continue;
      stale++;
      if (flags.check) process.stdout.write(`stale: ${path.relative(process.cwd(), file)}\n`);
      else {
        mkdirSync(path.dirname(file), { recursive: true });
        writeFileSync(file, text);
      }
    }
    if (flags.check) {
      process.stdout.write(stale ? `${stale} page(s) are stale; run azready rules docs\n` : `${pages.size} pages are up to date\n`);
      if (stale) process.exitCode = 1;
    } else process.stdout.write(`${pages.size} pages, ${stale} written to ${path.relative(process.cwd(), out) || '.'}\n`);
  }
}
