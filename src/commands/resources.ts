// `azready resources PATH...`: exactly what the rules see, as JSON.
import { Args, Command, Flags } from '@oclif/core';
import { deploymentFromFlags, inputFlags } from '../cli/common-flags.js';
import { writeFailed, writeOutput } from '../cli/write-output.js';
import { hasErrors } from '../core/diagnostic.js';
import { redactValue } from '../core/redact.js';
import { loadInputs } from '../load-inputs.js';
import { resourceToJson } from '../model/resource.js';

export default class Resources extends Command {
  static override summary = 'Print the normalized resources the rules evaluate, with diagnostics.';
  static override description = 'Unknown values (expressions that only Azure can resolve) appear as {"$unknown": "reason"}. Secrets are redacted. Exit code 2 when an input has errors.';
  static override examples = ['<%= config.bin %> resources main.json --params main.parameters.json', '<%= config.bin %> resources snapshot.json --format json'];
  static override strict = false;
  static override args = { paths: Args.string({ description: 'files or folders', required: true }) };
  static override flags = {
    ...inputFlags,
    format: Flags.string({ char: 'f', options: ['json'], default: 'json', description: 'output format' }),
    output: Flags.string({ char: 'o', description: 'write to this file instead of stdout' }),
  };

  async run(): Promise<void> {
    const { argv, flags } = await this.parse(Resources);
    const set = loadInputs(argv as string[], { params: flags.params, deployment: deploymentFromFlags(flags) });
    const resources = set.resources.map((r) => {
      const json = JSON.parse(JSON.stringify(resourceToJson(r))) as Record<string, unknown>;
      for (const p of r.secretPaths ?? []) redactAt(json, p);
      return redactValue(json);
    });
    if (writeFailed(writeOutput(JSON.stringify({ resources, diagnostics: set.diagnostics }, null, 2) + '\n', flags.output))) return;
    if (hasErrors(set.diagnostics)) process.exitCode = 2;
  }
}

/** Replaces the value at a simple dotted/indexed path with the redaction marker. */
function redactAt(obj: Record<string, unknown>, path: string): void {
  const parts = path.match(/[^.[\]']+/g) ?? [];
  let cur: unknown = obj;
  for (let i = 0; i < parts.length - 1; i++) {
    if (!cur || typeof cur !== 'object') return;
    cur = (cur as Record<string, unknown>)[parts[i]];
  }
  const last = parts[parts.length - 1];
  if (cur && typeof cur === 'object' && last in (cur as object)) (cur as Record<string, unknown>)[last] = '***redacted***';
}
