// `azready policy publish`: create or update the exported definitions and initiative, idempotently.
import { statSync } from 'node:fs';
import { Command, Flags } from '@oclif/core';
import { connect, connectFlags } from '../../policy/connect.js';
import { publishPolicies, type PublishItem } from '../../policy/publish-policies.js';
import { loadPolicyFiles } from '../../policy/read-export.js';

export default class PolicyPublish extends Command {
  static override summary = 'Create or update the definitions and initiative of `azready policy export` at a subscription or management group.';
  static override description = 'Compares each definition with what exists and prints created, updated or unchanged; --what-if prints the same without writing.';
  static override examples = ['<%= config.bin %> policy publish --management-group contoso --input policy-export/ --what-if'];
  static override enableJsonFlag = true;
  static override flags = {
    ...connectFlags,
    input: Flags.string({ char: 'i', required: true, description: 'folder written by `azready policy export`', helpValue: 'DIR' }),
    'what-if': Flags.boolean({ description: 'print what would change without writing' }),
  };

  async run(): Promise<PublishItem[] | undefined> {
    const { flags } = await this.parse(PolicyPublish);
    const problem = exportProblem(flags.input);
    if (problem) {
      process.stderr.write(`azready: ${problem}\n`);
      process.exitCode = 2;
      return undefined;
    }
    const c = await connect(flags);
    if ('error' in c) {
      process.stderr.write(`azready: ${c.error}\n`);
      process.exitCode = 2;
      return undefined;
    }
    const items = await publishPolicies(c.client, c.scope, flags.input, flags['what-if']);
    for (const i of items) this.log(`${flags['what-if'] ? 'would be ' : ''}${i.status.padEnd(9)} ${i.kind} ${i.name}`);
    return items;
  }
}

/** Why `dir` is not a folder `policy export` wrote (it published nothing and exited 0), if it is not. */
function exportProblem(dir: string): string | undefined {
  if (!statSync(dir, { throwIfNoEntry: false })?.isDirectory()) return `--input ${dir}: no such folder; give the folder azready policy export --output wrote`;
  let files: ReturnType<typeof loadPolicyFiles>;
  try {
    files = loadPolicyFiles(dir);
  } catch (e) {
    return `--input ${dir}: a definition or initiative cannot be read (${(e as Error).message})`;
  }
  if (!files.definitions.length && !files.initiatives.length) return `--input ${dir}: nothing to publish (no definitions/*.json or initiatives/*.json); write them with azready policy export --output ${dir}`;
  return undefined;
}
