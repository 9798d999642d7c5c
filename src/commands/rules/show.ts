// `azready rules show ID`: everything about one rule, as a learner would read it.
import { Args, Command, Flags } from '@oclif/core';
import { stringify } from 'yaml';
import { printDiagnostics } from '../../cli/report-diagnostics.js';
import { findRule, noRuleMessage } from '../../cli/rule-lookup.js';
import { hasErrors } from '../../core/diagnostic.js';
import { builtinRulesDir, loadRulePacks } from '../../rules/load-rules.js';
import { ignoreClosedPipe } from '../../cli/ignore-closed-pipe.js';

export default class RulesShow extends Command {
  static override summary = 'Show one rule: what it checks, why, and how to fix a failure.';
  static override examples = ['<%= config.bin %> rules show storage/min-tls'];
  static override args = { id: Args.string({ description: 'rule id, <service>/<name>', required: true }) };
  static override flags = {
    rules: Flags.string({ description: 'extra rule pack folder (repeatable)', multiple: true }),
    format: Flags.string({ char: 'f', options: ['console', 'json'], default: 'console' }),
  };

  async run(): Promise<void> {
    ignoreClosedPipe();
    const { args, flags } = await this.parse(RulesShow);
    const { rules, diagnostics } = loadRulePacks([builtinRulesDir(), ...(flags.rules ?? [])]);
    if (hasErrors(diagnostics)) {
      printDiagnostics(diagnostics);
      process.exitCode = 2;
      return;
    }
    const rule = findRule(rules, args.id);
    if (!rule) {
      process.stderr.write(`azready: ${noRuleMessage(rules, args.id)}\n`);
      process.exitCode = 2;
      return;
    }
    if (flags.format === 'json') {
      process.stdout.write(JSON.stringify(rule, null, 2) + '\n');
      return;
    }
    const out = [
      `${rule.id} — ${rule.title}`,
      `pillar: ${rule.pillar}   severity: ${rule.severity}   applies to: ${rule.scope === 'set' ? 'the whole deployment' : rule.resourceTypes.join(', ')}`,
      '',
      'Why it matters',
      indent(rule.rationale),
      '',
      'How to fix it',
      indent(rule.remediation.text.trim()),
      ...(rule.remediation.bicep ? ['', indent(rule.remediation.bicep.trimEnd())] : []),
      '',
      'What is checked',
      indent(stringify({ ...(rule.when ? { when: rule.when } : {}), expect: rule.expect, ...(rule.defaults.length ? { defaults: rule.defaults } : {}) }).trimEnd()),
      ...(rule.references.length ? ['', 'References', ...rule.references.map((r) => `  ${r}`)] : []),
      ...frameworks(rule.frameworks),
      '',
      `source: ${rule.file}`,
    ];
    process.stdout.write(out.join('\n') + '\n');
  }
}

function indent(text: string): string {
  return text.split('\n').map((l) => '  ' + l).join('\n');
}

function frameworks(f: Record<string, string[] | undefined>): string[] {
  const entries = Object.entries(f).filter(([, v]) => v?.length);
  return entries.length ? ['', 'Frameworks', ...entries.map(([k, v]) => `  ${k}: ${v!.join(', ')}`)] : [];
}
