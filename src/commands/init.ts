// `azready init`: set a repository up for azready (configuration and CI files); never overwrites.
import path from 'node:path';
import { Args, Command, Flags } from '@oclif/core';
import { initProject, type InitResult } from '../init/init-project.js';
import { prepareOutputFolder, writeFailed } from '../cli/write-output.js';

export default class Init extends Command {
  static override summary = 'Write azready.yaml and CI files (GitHub Actions, Azure Pipelines) for this repository.';
  static override description = `Writes, in DIR (default: the working folder):
  azready.yaml                   the configuration, commented, with the detected profile and template folders
  .github/workflows/azready.yml  scan, upload SARIF to code scanning, Markdown to the job summary
  azure-pipelines.yml            scan, publish JUnit results with PublishTestResults@2

An existing file is kept unless --force, which replaces it (and says so).`;
  static override examples = ['<%= config.bin %> init', '<%= config.bin %> init infra-repo --force'];
  static override enableJsonFlag = true;
  static override args = { dir: Args.string({ description: 'the repository folder', default: '.' }) };
  static override flags = {
    force: Flags.boolean({ description: 'replace files that already exist' }),
  };

  async run(): Promise<InitResult | undefined> {
    const { args, flags } = await this.parse(Init);
    if (writeFailed(prepareOutputFolder(args.dir))) return undefined;
    const result = initProject(args.dir, { force: flags.force });
    if (this.jsonEnabled()) return result;
    const { detected } = result;
    const where = detected.folders.length ? `in ${detected.folders.join(', ')}` : 'none found yet';
    this.log(`Templates: ${detected.templates} (${where}); profile: ${detected.profile}${detected.profileReason ? ` (${detected.profileReason})` : ''}`);
    for (const f of result.files) {
      const shown = path.join(args.dir, f.path);
      if (f.status === 'written') this.log(`  wrote    ${shown}`);
      else if (f.status === 'replaced') this.log(`  replaced ${shown} (--force)`);
      else this.log(`  kept     ${shown}: it exists (--force replaces it)`);
    }
    // azready.yaml is looked up from the working folder upwards: scan from the folder it is in.
    const here = path.resolve(args.dir) === process.cwd();
    this.log(`Next: ${here ? '' : `cd ${args.dir} && `}azready scan (reads azready.yaml), then commit the files.`);
    return result;
  }
}
