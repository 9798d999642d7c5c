// `azready scan PATH...`: evaluate templates and snapshots against a profile and print the report.
import path from 'node:path';
import { Args, Command, Flags } from '@oclif/core';
import { deploymentFromFlags, inputFlags, minScoreFlag, packFlags } from '../cli/common-flags.js';
import { gateFailureLines } from '../cli/gate-failures.js';
import { findProjectConfig, loadProjectConfig, type ProjectConfig } from '../config/load-project-config.js';
import { printDiagnostics } from '../cli/report-diagnostics.js';
import { reportOutput, reportOutputFlags, writeReports } from '../cli/report-output.js';
import { evaluateGate, type FailOn } from '../gate.js';
import type { InputInfo } from '../model/resource-set.js';
import type { Report } from '../report/report.js';
import { readReport } from '../report/read-report.js';
import { scan } from '../scan.js';
import { explainScore } from '../scoring/explain-score.js';

/** Inputs that are evaluated; parameters files alone and skipped JSON files are not. */
const EVALUATED = new Set<InputInfo['kind']>(['bicep', 'bicep-parameters', 'arm-template', 'resource-graph-snapshot']);

export default class Scan extends Command {
  static override summary = 'Scan Bicep files, ARM templates and Resource Graph snapshots and print a scored readiness report.';
  static override description = `Folders are walked (node_modules, .git and gitignored files are skipped). Bicep files (.bicep) are compiled natively, with their modules; a .bicepparam file is scanned with the template its "using" names. Each JSON file is read by its content: ARM deployment templates, deployment parameters files and Resource Graph snapshots (az graph query -o json output, az resource show, Get-AzResource). A CSV file is read as a Resource Graph Explorer export. A template "x.json" picks up "x.parameters.json" beside it unless --params is given. Without a path, the folder of azready.yaml (or of --config) is scanned, else the working folder.

Formats: console (default), json (the report contract), markdown (PR comment or job summary), html (one self-contained page), sarif (code scanning), junit (test results tabs), csv (spreadsheets). Repeat --format with --output-dir to write several at once, as azready.<ext> (txt, json, md, html, sarif, xml, csv).

Configuration: azready.yaml (or .yml) in the working folder or a folder above it, or --config FILE: profile, include/exclude globs, parameters per template, extra rule folders, rule overrides, suppressions (each with a reason), failOn and minScore. Flags win over the file. Inline suppressions: "// azready-disable-next-line <rule-id> <reason>" in Bicep, "metadata": {"azready": {"suppress": [{"rule", "reason"}]}} on an ARM resource.

--baseline REPORT.json: failures already in that report are marked existing and do not fail the gate; only new ones do.

Exit codes: 0 ok; 1 the gate failed (--fail-on, --min-score); 2 usage, configuration or input error, or nothing to evaluate (no template, .bicepparam or snapshot in the paths).`;
  static override examples = [
    '<%= config.bin %> scan examples/quickstart',
    '<%= config.bin %> scan infra/ --profile baseline --fail-on high',
    '<%= config.bin %> scan main.json --params main.parameters.json --format json --output report.json',
    '<%= config.bin %> scan estate.json --explain-score',
    '<%= config.bin %> scan infra/ --format sarif --output azready.sarif',
    '<%= config.bin %> scan infra/ --format markdown --format sarif --format html --output-dir reports/',
    '<%= config.bin %> scan infra/ --config ci/azready.yaml --baseline main-report.json --fail-on high',
    '<%= config.bin %> scan main.bicep --policy policies/ --policy-params policy-params.json',
  ];
  static override strict = false;
  static override args = { paths: Args.string({ description: 'files or folders to scan (default: the folder of azready.yaml, else the working folder)', required: false }) };
  static override flags = {
    ...packFlags,
    profile: Flags.string({ char: 'p', description: 'profile name (baseline, …) or path to a profile YAML file (default: azready.yaml profile, else baseline)' }),
    config: Flags.string({ description: 'configuration file (default: azready.yaml in the working folder or above)', helpValue: 'FILE', exclusive: ['no-config'] }),
    'no-config': Flags.boolean({ description: 'ignore azready.yaml files' }),
    baseline: Flags.string({ description: 'earlier JSON report: failures already in it do not fail the gate', helpValue: 'REPORT.json' }),
    ...inputFlags,
    ...reportOutputFlags,
    'fail-on': Flags.string({ options: ['critical', 'high', 'medium', 'low', 'none'], description: 'exit 1 when a rule of this severity or higher fails (default: azready.yaml failOn, else none)' }),
    'min-score': minScoreFlag(),
    'explain-score': Flags.boolean({ description: 'print how the score was computed (to stderr with --format json)' }),
    policy: Flags.string({ multiple: true, description: 'Azure Policy definition, initiative or assignment JSON file, or a folder of them (azready policy pull); repeatable', helpValue: 'PATH' }),
    'policy-params': Flags.string({ description: 'policy parameter values: {"name": value} or {"parameters": {"name": {"value": …}}}', helpValue: 'FILE', dependsOn: ['policy'] }),
  };

  async run(): Promise<void> {
    const { argv, flags } = await this.parse(Scan);
    const out = reportOutput(flags);
    if (!out) return;
    let project: ProjectConfig | undefined;
    const configFile = flags.config ?? (flags['no-config'] ? undefined : findProjectConfig(process.cwd()));
    if (configFile) {
      const loaded = loadProjectConfig(configFile);
      if (!loaded.config) {
        printDiagnostics(loaded.diagnostics);
        process.exitCode = 2;
        return;
      }
      project = loaded.config;
      if (!flags.config) process.stderr.write(`azready: using ${path.relative(process.cwd(), configFile) || configFile}\n`);
    }
    let baseline: { report: Report; file: string } | undefined;
    if (flags.baseline) {
      const read = readReport(flags.baseline);
      if (!read.ok) {
        process.stderr.write(`azready: --baseline ${read.message}\n`);
        process.exitCode = 2;
        return;
      }
      baseline = { report: read.report, file: flags.baseline };
    }
    let paths = argv as string[];
    if (paths.length === 0) {
      const dir = configFile ? path.dirname(path.resolve(configFile)) : process.cwd();
      paths = [path.relative(process.cwd(), dir) || '.'];
      process.stderr.write(`azready: no path given; scanning ${paths[0]}\n`);
    }
    const outcome = scan({
      paths,
      profile: flags.profile,
      rules: flags.rules,
      params: flags.params,
      deployment: deploymentFromFlags(flags),
      project,
      baseline,
      ...(flags.policy?.length ? { policies: { paths: flags.policy, params: flags['policy-params'] } } : {}),
    });
    if (!outcome.ok) {
      printDiagnostics(outcome.diagnostics);
      process.exitCode = 2;
      return;
    }
    const { report } = outcome;
    if (!writeReports(report, out)) return;
    if (flags['explain-score']) {
      const lines = explainScore(outcome.score, outcome.profile).join('\n') + '\n';
      // Keep machine-readable stdout parseable: the explanation goes to stderr then.
      if (out.toStdout && out.formats[0] !== 'console') process.stderr.write(lines);
      else process.stdout.write((out.toStdout ? '\n' : '') + lines);
    }
    // A CI job pointed at the wrong folder would otherwise pass its gate on an empty report.
    if (!outcome.inputErrors && !report.inputs.some((i) => EVALUATED.has(i.kind))) {
      const skipped = report.inputs.filter((i) => i.kind === 'skipped').length;
      const parameters = report.inputs.filter((i) => i.kind === 'arm-parameters').length;
      const filtered = project && (project.include.length || project.exclude.length) ? '; azready.yaml include/exclude apply' : '';
      const notes = [
        ...(skipped ? [`${skipped} JSON or CSV file(s) skipped: none of these`] : []),
        ...(parameters ? [`${parameters} parameters file(s), which are evaluated with their template: scan the template (a name such as main.json pairs main.parameters.json; else --params)`] : []),
      ];
      process.stderr.write(
        `azready: nothing to evaluate in ${paths.join(', ')}: no .bicep, .bicepparam, ARM template or Resource Graph snapshot found` +
          `${notes.length ? ` (${notes.join('; ')})` : ''}${filtered}; exit code 2\n`,
      );
      process.exitCode = 2;
      return;
    }
    // Suppressions without a reason stop CI: name them where an editor can jump to them.
    printDiagnostics(report.diagnostics.filter((d) => d.severity === 'error' && d.code.startsWith('suppressions/')));
    const failOn = (flags['fail-on'] ?? project?.failOn ?? 'none') as FailOn;
    const gate = evaluateGate(report, { failOn, minScore: flags['min-score'] ?? project?.minScore });
    for (const line of gate.messages) process.stderr.write(line + '\n');
    if (!gate.passed && !(out.toStdout && out.formats[0] === 'console')) for (const line of gateFailureLines(report, failOn, process.cwd())) process.stderr.write(line + '\n');
    if (outcome.inputErrors) {
      process.stderr.write('azready: some inputs have errors (see the diagnostics); exit code 2\n');
      process.exitCode = 2;
    } else if (!gate.passed) process.exitCode = 1;
  }
}
