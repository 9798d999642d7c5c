// `azready scan PATH...`: evaluate templates and snapshots against a profile and print the report.
import { Args, Command, Flags } from '@oclif/core';
import { deploymentFromFlags, inputFlags, packFlags } from '../cli/common-flags.js';
import { printDiagnostics } from '../cli/report-diagnostics.js';
import { writeOutput } from '../cli/write-output.js';
import { formatConsole } from '../formatters/console-format.js';
import { formatJson } from '../formatters/json-format.js';
import { useColor } from '../formatters/style.js';
import { evaluateGate, type FailOn } from '../gate.js';
import { scan } from '../scan.js';
import { explainScore } from '../scoring/explain-score.js';

export default class Scan extends Command {
  static override summary = 'Scan ARM templates and Resource Graph snapshots and print a scored readiness report.';
  static override description = `Folders are walked (node_modules, .git and gitignored files are skipped) and each JSON file is read by its content: ARM deployment templates, deployment parameters files and Resource Graph snapshots (az graph query -o json output). A template "x.json" picks up "x.parameters.json" beside it unless --params is given.

Exit codes: 0 ok; 1 the gate failed (--fail-on, --min-score); 2 usage, configuration or input error.`;
  static override examples = [
    '<%= config.bin %> scan examples/storage-starter',
    '<%= config.bin %> scan infra/ --profile baseline --fail-on high',
    '<%= config.bin %> scan main.json --params main.parameters.json --format json --output report.json',
    '<%= config.bin %> scan estate.json --explain-score',
  ];
  static override strict = false;
  static override args = { paths: Args.string({ description: 'files or folders to scan', required: true }) };
  static override flags = {
    ...packFlags,
    ...inputFlags,
    format: Flags.string({ char: 'f', options: ['console', 'json'], default: 'console', description: 'report format' }),
    output: Flags.string({ char: 'o', description: 'write the report to this file instead of stdout' }),
    'fail-on': Flags.string({ options: ['critical', 'high', 'medium', 'low', 'none'], default: 'none', description: 'exit 1 when a rule of this severity or higher fails' }),
    'min-score': Flags.integer({ min: 0, max: 100, description: 'exit 1 when the overall score is below this' }),
    'explain-score': Flags.boolean({ description: 'print how the score was computed (to stderr with --format json)' }),
  };

  async run(): Promise<void> {
    const { argv, flags } = await this.parse(Scan);
    const outcome = scan({
      paths: argv as string[],
      profile: flags.profile,
      rules: flags.rules,
      params: flags.params,
      deployment: deploymentFromFlags(flags),
    });
    if (!outcome.ok) {
      printDiagnostics(outcome.diagnostics);
      process.exitCode = 2;
      return;
    }
    const { report } = outcome;
    const text = flags.format === 'json' ? formatJson(report) : formatConsole(report, { color: !flags.output && useColor(process.stdout), cwd: process.cwd() });
    writeOutput(text, flags.output);
    if (flags['explain-score']) {
      const lines = explainScore(outcome.score, outcome.profile).join('\n') + '\n';
      if (flags.format === 'json' && !flags.output) process.stderr.write(lines);
      else process.stdout.write((flags.output ? '' : '\n') + lines);
    }
    const gate = evaluateGate(report, { failOn: flags['fail-on'] as FailOn, minScore: flags['min-score'] });
    for (const line of gate.messages) process.stderr.write(line + '\n');
    if (outcome.inputErrors) {
      process.stderr.write('azready: some inputs have errors (see the diagnostics); exit code 2\n');
      process.exitCode = 2;
    } else if (!gate.passed) process.exitCode = 1;
  }
}
