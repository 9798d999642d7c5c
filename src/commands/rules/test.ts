// `azready rules test`: runs every rule against its fixtures, ESLint-RuleTester style.
import path from 'node:path';
import { Command, Flags } from '@oclif/core';
import { printDiagnostics } from '../../cli/report-diagnostics.js';
import { findRule, noRuleMessage } from '../../cli/rule-lookup.js';
import { hasErrors } from '../../core/diagnostic.js';
import { builtinRulesDir, loadRulePacks } from '../../rules/load-rules.js';
import { runRuleFixtures } from '../../rules/run-rule-fixtures.js';
import { ignoreClosedPipe } from '../../cli/ignore-closed-pipe.js';

export default class RulesTest extends Command {
  static override summary = 'Run each rule on its passing and failing fixtures.';
  static override description = 'Fixtures live in <fixtures>/<service>/<name>/: pass*.json, fail*.json and unknown*.json (ARM templates or Resource Graph snapshots). Every resource a rule applies to in a fixture must have the outcome the file name states. Exit code 1 when a check fails or a rule lacks a passing or failing fixture.';
  static override examples = ['<%= config.bin %> rules test', '<%= config.bin %> rules test --rules ./my-rules --fixtures ./my-rules-tests', '<%= config.bin %> rules test --id storage/min-tls'];
  static override flags = {
    rules: Flags.string({ description: 'rule pack folder to test instead of the bundled one (repeatable)', multiple: true }),
    fixtures: Flags.string({ description: 'fixture root folder (default: test/rules of the package)' }),
    id: Flags.string({ description: 'test only this rule id (repeatable)', multiple: true }),
  };

  async run(): Promise<void> {
    ignoreClosedPipe();
    const { flags } = await this.parse(RulesTest);
    const packs = flags.rules?.length ? flags.rules : [builtinRulesDir()];
    const { rules, diagnostics } = loadRulePacks(packs);
    if (hasErrors(diagnostics)) {
      printDiagnostics(diagnostics);
      process.exitCode = 2;
      return;
    }
    // An --id that names no rule would test nothing and pass.
    const unknown = (flags.id ?? []).filter((id) => !findRule(rules, id));
    if (unknown.length) {
      for (const id of unknown) process.stderr.write(`azready: ${noRuleMessage(rules, id)}\n`);
      process.exitCode = 2;
      return;
    }
    const only = new Set((flags.id ?? []).map((id) => id.toLowerCase()));
    const root = flags.fixtures ?? path.join(builtinRulesDir(), '..', 'test', 'rules');
    let failed = 0;
    let passed = 0;
    for (const rule of rules.filter((r) => !only.size || only.has(r.id.toLowerCase()))) {
      const report = runRuleFixtures(rule, root);
      for (const m of report.missing) {
        failed++;
        process.stdout.write(`✗ ${rule.id}: ${m}\n`);
      }
      for (const c of report.checks) {
        if (c.ok) passed++;
        else failed++;
        process.stdout.write(`${c.ok ? '✓' : '✗'} ${rule.id} ${path.basename(c.fixture)} (${c.expected})\n`);
        for (const p of c.problems) process.stdout.write(`    ${p}\n`);
      }
    }
    process.stdout.write(`${passed} passed, ${failed} failed\n`);
    if (failed) process.exitCode = 1;
  }
}
