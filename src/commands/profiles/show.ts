// `azready profiles show NAME`: what a profile selects, how it weighs and what its levels mean.
import { Args, Command, Flags } from '@oclif/core';
import { printDiagnostics } from '../../cli/report-diagnostics.js';
import { loadConfig } from '../../scan.js';
import { ignoreClosedPipe } from '../../cli/ignore-closed-pipe.js';

export default class ProfilesShow extends Command {
  static override summary = 'Show a profile: description, selected rules, weights and levels.';
  static override examples = ['<%= config.bin %> profiles show baseline', '<%= config.bin %> profiles show ./my-profile.yaml --format json'];
  static override args = { name: Args.string({ description: 'profile name or YAML file', required: true }) };
  static override flags = { format: Flags.string({ char: 'f', options: ['console', 'json'], default: 'console' }) };

  async run(): Promise<void> {
    ignoreClosedPipe();
    const { args, flags } = await this.parse(ProfilesShow);
    const config = loadConfig(args.name);
    if (!('profile' in config)) {
      printDiagnostics(config.diagnostics);
      process.exitCode = 2;
      return;
    }
    const { profile, rules } = config;
    if (flags.format === 'json') {
      process.stdout.write(JSON.stringify({ ...profile, rules: rules.map((r) => r.id) }, null, 2) + '\n');
      return;
    }
    const out = [
      `${profile.name} — ${profile.title}`,
      '',
      profile.description,
      '',
      `extends: ${profile.extends.join(', ') || '(nothing)'}`,
      `pillar weights: ${Object.entries(profile.pillarWeights).map(([k, v]) => `${k} ${v}`).join(', ')}`,
      `severity weights: ${Object.entries(profile.severityWeights).map(([k, v]) => `${k} ${v}`).join(', ')}`,
      `levels: ${profile.levels.map((l) => `${l.name} ≥ ${l.minScore}`).join(', ')} (a failed critical rule caps the level below ${profile.levels[0].name})`,
      ...(profile.requiredComponents.length ? ['required components:', ...profile.requiredComponents.map((c) => `  ${c.description} (${[c.type].flat().join(' or ')})`)] : []),
      '',
      `${rules.length} rule(s):`,
      ...rules.map((r) => `  ${r.id.padEnd(44)} ${r.pillar.padEnd(17)} ${r.severity}`),
    ];
    process.stdout.write(out.join('\n') + '\n');
  }
}
