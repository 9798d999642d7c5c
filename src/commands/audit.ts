// `azready audit --subscription ID...`: evaluate what is deployed, through Azure Resource Graph,
// with the same rules, profiles, report and gate as `scan`.
import { Command, Flags } from '@oclif/core';
import { audit } from '../audit.js';
import { minScoreFlag, packFlags } from '../cli/common-flags.js';
import { printDiagnostics } from '../cli/report-diagnostics.js';
import { gateFailureLines } from '../cli/gate-failures.js';
import { reportOutput, reportOutputFlags, writeReports } from '../cli/report-output.js';
import { prepareOutputFile, writeFailed } from '../cli/write-output.js';
import { evaluateGate, type FailOn } from '../gate.js';
import type { CloudName } from '../live/arm-endpoint.js';
import { explainScore } from '../scoring/explain-score.js';
import { subscriptionIdProblem } from '../live/subscription-id.js';


export default class Audit extends Command {
  static override summary = 'Audit deployed resources through Azure Resource Graph and print a scored readiness report.';
  static override description = `One paged Resource Graph query reads the resource types the selected rules need; what Resource Graph does not hold (diagnostic settings, blob services, management policies, Synapse firewall rules…) is read with ARM GETs for the resources whose rules need it.

Credentials: the bearer token in AZREADY_ACCESS_TOKEN when set (e.g. az account get-access-token --query accessToken -o tsv), otherwise DefaultAzureCredential (environment, workload identity, managed identity, Azure CLI…). Tokens are never printed.

Formats: console (default), json, markdown, html, sarif (resources located by id only: GitHub code scanning rejects results without a file, so upload the SARIF of file scans there), junit, csv; repeat --format with --output-dir to write several. azready.yaml is not read: suppressions, overrides and --baseline are for scan (azready scan on a --save-snapshot file reads them).

--save-snapshot writes everything collected; "azready scan FILE" replays the audit offline with the same results.

Exit codes: 0 ok; 1 the gate failed (--fail-on, --min-score); 2 usage or configuration error, or a scope or page that could not be read (the report still covers the rest).`;
  static override examples = [
    '<%= config.bin %> audit --subscription 00000000-0000-0000-0000-000000000000',
    '<%= config.bin %> audit --subscription SUB1 --subscription SUB2 --resource-group rg-lake-prod --fail-on high',
    '<%= config.bin %> audit --management-group platform --profile baseline --format json --output audit.json',
    '<%= config.bin %> audit --subscription SUB1 --format json --format html --format csv --output-dir audit/',
    '<%= config.bin %> audit --subscription SUB1 --save-snapshot estate.json && <%= config.bin %> scan estate.json',
    '<%= config.bin %> audit --subscription SUB1 --cloud AzureUSGovernment',
  ];
  static override flags = {
    subscription: Flags.string({ char: 's', description: 'subscription id to audit (repeatable)', multiple: true, exclusive: ['management-group'] }),
    'management-group': Flags.string({ char: 'm', description: 'management group id to audit (repeatable)', multiple: true, exclusive: ['subscription'] }),
    'resource-group': Flags.string({ char: 'g', description: 'only resources in this resource group (repeatable)', multiple: true }),
    ...packFlags,
    ...reportOutputFlags,
    'fail-on': Flags.string({ options: ['critical', 'high', 'medium', 'low', 'none'], default: 'none', description: 'exit 1 when a rule of this severity or higher fails' }),
    'min-score': minScoreFlag(),
    'explain-score': Flags.boolean({ description: 'print how the score was computed (to stderr with --format json)' }),
    'save-snapshot': Flags.string({ description: 'write the collected rows and ARM results to this file, for `azready scan FILE`' }),
    cloud: Flags.string({ options: ['AzureCloud', 'AzureUSGovernment', 'AzureChinaCloud'], default: 'AzureCloud', description: 'Azure cloud (sets the ARM endpoint and token audience)' }),
    'page-size': Flags.integer({ min: 1, max: 1000, default: 1000, description: 'Resource Graph rows per page (lower it if responses exceed the 16 MB limit)' }),
    concurrency: Flags.integer({ min: 1, max: 32, default: 8, description: 'ARM GETs in flight at once (for data Resource Graph lacks)' }),
    'arm-endpoint': Flags.string({ description: 'ARM endpoint URL overriding the cloud\'s; plain http only for loopback hosts' }),
  };

  async run(): Promise<void> {
    const { flags } = await this.parse(Audit);
    const notIds = subscriptionIdProblem(flags.subscription ?? []);
    if (notIds) {
      this.logToStderr(`azready: ${notIds}`);
      process.exitCode = 2;
      return;
    }
    const out = reportOutput(flags);
    if (!out) return;
    if (!flags.subscription?.length && !flags['management-group']?.length) {
      this.logToStderr('azready: give --subscription ID (repeatable) or --management-group ID; see azready audit --help');
      process.exitCode = 2;
      return;
    }
    // The snapshot is written at the end: a bad path should not cost a whole audit.
    if (flags['save-snapshot'] && writeFailed(prepareOutputFile(flags['save-snapshot']))) return;
    const outcome = await audit({
      subscriptions: flags.subscription,
      managementGroups: flags['management-group'],
      resourceGroups: flags['resource-group'],
      profile: flags.profile,
      rules: flags.rules,
      cloud: flags.cloud as CloudName,
      armEndpoint: flags['arm-endpoint'],
      saveSnapshot: flags['save-snapshot'],
      pageSize: flags['page-size'],
      concurrency: flags.concurrency,
      progress: process.stderr,
    });
    if (!outcome.ok) {
      printDiagnostics(outcome.diagnostics);
      process.exitCode = 2;
      return;
    }
    const { report } = outcome;
    if (!writeReports(report, out)) return;
    // A mistyped --resource-group reads as a clean estate: say that nothing was there.
    if (!outcome.inputErrors && report.summary.resources === 0) {
      const groups = flags['resource-group']?.length ? ` (resource group(s) ${flags['resource-group'].join(', ')})` : '';
      process.stderr.write(`azready: note: the audited scopes${groups} hold no resource of the types the rules check; check the ids${groups ? ' and the resource group names' : ''}\n`);
    }
    if (flags['explain-score']) {
      const lines = explainScore(outcome.score, outcome.profile).join('\n') + '\n';
      // Keep machine-readable stdout parseable: the explanation goes to stderr then.
      if (out.toStdout && out.formats[0] !== 'console') process.stderr.write(lines);
      else process.stdout.write((out.toStdout ? '\n' : '') + lines);
    }
    const gate = evaluateGate(report, { failOn: flags['fail-on'] as FailOn, minScore: flags['min-score'] });
    for (const line of gate.messages) process.stderr.write(line + '\n');
    if (!gate.passed && !(out.toStdout && out.formats[0] === 'console')) for (const line of gateFailureLines(report, flags['fail-on'] as FailOn, process.cwd())) process.stderr.write(line + '\n');
    if (outcome.inputErrors) {
      process.stderr.write('azready: some scopes or resources could not be read (see the diagnostics); exit code 2\n');
      process.exitCode = 2;
    } else if (!gate.passed) process.exitCode = 1;
  }
}
