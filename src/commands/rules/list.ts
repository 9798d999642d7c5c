// `azready rules list`: the rules of the bundled pack and any extra packs.
import { Command, Flags } from '@oclif/core';
import { printDiagnostics } from '../../cli/report-diagnostics.js';
import { hasErrors } from '../../core/diagnostic.js';
import { builtinRulesDir, loadRulePacks } from '../../rules/load-rules.js';
import { ignoreClosedPipe } from '../../cli/ignore-closed-pipe.js';

export default class RulesList extends Command {
  static override summary = 'List the rules: id, pillar, severity, resource type and title.';
  static override examples = ['<%= config.bin %> rules list', '<%= config.bin %> rules list --format json', '<%= config.bin %> rules list --rules ./my-rules'];
  static override flags = {
    rules: Flags.string({ description: 'extra rule pack folder (repeatable)', multiple: true }),
    format: Flags.string({ char: 'f', options: ['console', 'json'], default: 'console' }),
  };

  async run(): Promise<void> {
    ignoreClosedPipe();
    const { flags } = await this.parse(RulesList);
    const { rules, diagnostics } = loadRulePacks([builtinRulesDir(), ...(flags.rules ?? [])]);
    if (hasErrors(diagnostics)) {
      printDiagnostics(diagnostics);
      process.exitCode = 2;
      return;
    }
    if (flags.format === 'json') {
      const list = rules.map((r) => ({ id: r.id, title: r.title, pillar: r.pillar, severity: r.severity, scope: r.scope, resourceTypes: r.resourceTypes, tags: r.tags, frameworks: r.frameworks }));
      process.stdout.write(JSON.stringify({ rules: list }, null, 2) + '\n');
      return;
    }
    for (const r of rules) {
      const target = r.scope === 'set' ? '(whole deployment)' : r.resourceTypes.join(', ');
      process.stdout.write(`${r.id.padEnd(44)} ${r.pillar.padEnd(17)} ${r.severity.padEnd(8)} ${target}\n  ${r.title}\n`);
    }
    process.stdout.write(`${rules.length} rule(s)\n`);
  }
}
