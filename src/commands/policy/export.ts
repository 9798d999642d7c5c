// `azready policy export`: a profile's expressible rules as custom policy definitions and an initiative.
import { Command, Flags } from '@oclif/core';
import { packFlags } from '../../cli/common-flags.js';
import { printDiagnostics } from '../../cli/report-diagnostics.js';
import { exportRules, type ExportResult } from '../../policy/export-rules.js';
import { writeExport } from '../../policy/read-export.js';
import { toolVersion } from '../../report/tool-version.js';
import { loadConfig } from '../../scan.js';

export default class PolicyExport extends Command {
  static override summary = "Export a profile's rules as Azure Policy definitions (audit) and an initiative grouped by pillar.";
  static override description = 'Rules whose conditions the policy language can express (policy operators; fields with an alias in the bundled table; diagnostic-settings relations as auditIfNotExists) become custom definitions with an effect parameter (Audit|Disabled); the others are listed with the reason, on stdout and in DIR/not-exportable.json.';
  static override examples = ['<%= config.bin %> policy export --profile data-lakehouse --output policy-export/'];
  static override enableJsonFlag = true;
  static override flags = {
    ...packFlags,
    profile: Flags.string({ char: 'p', default: 'baseline', description: 'profile name or YAML file' }),
    output: Flags.string({ char: 'o', required: true, description: 'folder to write', helpValue: 'DIR' }),
  };

  async run(): Promise<ExportResult | undefined> {
    const { flags } = await this.parse(PolicyExport);
    const config = loadConfig(flags.profile, flags.rules ?? []);
    if (!('profile' in config)) {
      printDiagnostics(config.diagnostics);
      process.exitCode = 2;
      return undefined;
    }
    const result = exportRules(config.rules, { profile: config.profile.name, version: toolVersion().replace(/^(\d+\.\d+\.\d+).*$/, '$1') });
    try {
      writeExport(result, flags.output);
    } catch (e) {
      // A file where the folder (or its definitions/ subfolder) should be, no permission…
      if (!(e as NodeJS.ErrnoException).code) throw e;
      process.stderr.write(`azready: cannot write the export to ${flags.output}: ${(e as Error).message}\n`);
      process.exitCode = 2;
      return undefined;
    }
    this.log(`azready: ${result.definitions.length} definition(s) and initiative ${result.initiative.name} written to ${flags.output}; ${result.notExportable.length} rule(s) not expressible:`);
    for (const n of result.notExportable) this.log(`  ${n.ruleId}: ${n.reason}`);
    return result;
  }
}
