// Assembles the report from the stages' outputs; results and diagnostics are sorted the same way
// every run, and secrets are redacted before anything leaves the engine.
import type { Diagnostic } from '../core/diagnostic.js';
import { redactValue } from '../core/redact.js';
import type { RuleResult } from '../engine/result.js';
import type { ResourceSet } from '../model/resource-set.js';
import type { Profile } from '../profiles/profile.js';
import type { Rule } from '../rules/rule.js';
import { SEVERITIES } from '../rules/rule.js';
import type { Score } from '../scoring/score.js';
import type { BaselineInfo } from './apply-baseline.js';
import { REPORT_SCHEMA_VERSION, type Report } from './report.js';
import { toolVersion } from './tool-version.js';

const OUTCOME_ORDER = ['fail', 'unknown', 'suppressed', 'pass', 'not-applicable'];

export function buildReport(args: {
  profile: Profile;
  rules: Rule[];
  set: ResourceSet;
  results: RuleResult[];
  score: Score;
  diagnostics: Diagnostic[];
  now?: Date;
  baseline?: BaselineInfo;
}): Report {
  const { profile, rules, set, score } = args;
  const results = [...args.results]
    .map((r) => (r.evidence ? { ...r, evidence: { ...r.evidence, actual: redactValue(r.evidence.actual, r.evidence.path) } } : r))
    .sort(compareResults);
  return {
    schemaVersion: REPORT_SCHEMA_VERSION,
    tool: { name: 'azready', version: toolVersion() },
    generatedAt: (args.now ?? new Date()).toISOString(),
    profile: { name: profile.name, title: profile.title, levels: profile.levels },
    inputs: set.inputs,
    ...(args.baseline ? { baseline: args.baseline } : {}),
    summary: {
      score: score.score,
      level: score.level,
      coverage: score.coverage,
      levelCapped: score.levelCapped,
      failedCritical: score.failedCritical,
      resources: set.resources.length,
      counts: score.counts,
      pillars: score.pillars,
    },
    scoring: { rules: score.rules, severityWeights: profile.severityWeights },
    rules: rules.map((r) => ({
      id: r.id,
      title: r.title,
      pillar: r.pillar,
      severity: r.severity,
      rationale: r.rationale,
      remediation: r.remediation,
      references: r.references,
      frameworks: r.frameworks,
      ...(r.policy ? { policy: r.policy } : {}),
    })),
    results,
    diagnostics: [...args.diagnostics].sort(compareDiagnostics),
  };
}

function compareResults(a: RuleResult, b: RuleResult): number {
  return (
    OUTCOME_ORDER.indexOf(a.outcome) - OUTCOME_ORDER.indexOf(b.outcome) ||
    SEVERITIES.indexOf(a.severity) - SEVERITIES.indexOf(b.severity) ||
    a.ruleId.localeCompare(b.ruleId) ||
    a.resource.id.localeCompare(b.resource.id) ||
    (a.resource.parameters ?? '').localeCompare(b.resource.parameters ?? '')
  );
}

function compareDiagnostics(a: Diagnostic, b: Diagnostic): number {
  const sev = ['error', 'warning', 'info'];
  return (
    sev.indexOf(a.severity) - sev.indexOf(b.severity) ||
    (a.location?.file ?? '').localeCompare(b.location?.file ?? '') ||
    (a.location?.startLine ?? 0) - (b.location?.startLine ?? 0) ||
    (a.location?.startColumn ?? 0) - (b.location?.startColumn ?? 0) ||
    a.message.localeCompare(b.message)
  );
}
