// `azready policy pull`: write what is assigned at a scope (assignments, definitions, initiatives) to a folder.
import { Command, Flags } from '@oclif/core';
import { prepareOutputFolder, writeFailed } from '../../cli/write-output.js';
import { connect, connectFlags } from '../../policy/connect.js';
import { pullPolicies, type PullSummary } from '../../policy/pull-policies.js';

export default class PolicyPull extends Command {
  static override summary = 'Download the policy assignments of a subscription or management group, with their definitions and initiatives.';
  static override description = 'Writes DIR/assignments, DIR/definitions and DIR/initiatives (one JSON file each, in the built-in file shape {properties, id, name}); `azready scan PATH --policy DIR` evaluates them with the assigned parameter values. Credentials: AZREADY_ACCESS_TOKEN, else DefaultAzureCredential.';
  static override examples = ['<%= config.bin %> policy pull --subscription 00000000-0000-0000-0000-000000000000 --output policies/'];
  static override enableJsonFlag = true;
  static override flags = { ...connectFlags, output: Flags.string({ char: 'o', required: true, description: 'folder to write', helpValue: 'DIR' }) };

  async run(): Promise<PullSummary | undefined> {
    const { flags } = await this.parse(PolicyPull);
    if (writeFailed(prepareOutputFolder(flags.output))) return undefined;
    const c = await connect(flags);
    if ('error' in c) {
      process.stderr.write(`azready: ${c.error}\n`);
      process.exitCode = 2;
      return undefined;
    }
    const summary = await pullPolicies(c.client, c.scope, flags.output);
    this.log(`azready: ${summary.assignments} assignment(s), ${summary.definitions} definition(s), ${summary.initiatives} initiative(s) written to ${flags.output}`);
    for (const p of summary.problems) process.stderr.write(`azready: could not read ${p}\n`);
    if (summary.problems.length) process.exitCode = 2;
    return summary;
  }
}
