// `azready profiles list`: the bundled profiles with their titles.
import path from 'node:path';
import { Command, Flags } from '@oclif/core';
import { listProfileFiles, loadProfile } from '../../profiles/load-profile.js';
import { printDiagnostics } from '../../cli/report-diagnostics.js';
import { ignoreClosedPipe } from '../../cli/ignore-closed-pipe.js';

export default class ProfilesList extends Command {
  static override summary = 'List the bundled readiness profiles.';
  static override examples = ['<%= config.bin %> profiles list', '<%= config.bin %> profiles list --format json'];
  static override flags = { format: Flags.string({ char: 'f', options: ['console', 'json'], default: 'console' }) };

  async run(): Promise<void> {
    ignoreClosedPipe();
    const { flags } = await this.parse(ProfilesList);
    const list = [];
    for (const file of listProfileFiles()) {
      const { profile, diagnostics } = loadProfile(file);
      if (!profile) {
        printDiagnostics(diagnostics);
        process.exitCode = 2;
        continue;
      }
      list.push({ name: profile.name, title: profile.title, description: profile.description, file: path.basename(file) });
    }
    if (flags.format === 'json') process.stdout.write(JSON.stringify({ profiles: list }, null, 2) + '\n');
    else for (const p of list) process.stdout.write(`${p.name.padEnd(16)} ${p.title}\n`);
  }
}
