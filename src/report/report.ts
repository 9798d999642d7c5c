// The report contract (reports/schema/report.schema.json): the one document every formatter reads.
import type { Diagnostic } from '../core/diagnostic.js';
import type { RuleResult } from '../engine/result.js';
import type { InputInfo } from '../model/resource-set.js';
import type { Pillar, Rule } from '../rules/rule.js';
import type { PillarScore, RuleScore } from '../scoring/score.js';
import type { BaselineInfo } from './apply-baseline.js';

export const REPORT_SCHEMA_VERSION = '1.0';

export interface RuleInfo {
  id: string;
  title: string;
  pillar: Pillar;
  severity: string;
  rationale: string;
  remediation: { text: string; bicep?: string };
  references: string[];
  frameworks: Record<string, string[] | undefined>;
  /** Results of `--policy` definitions: the definition behind rule id `policy/<name>`. */
  policy?: Rule['policy'];
}

export interface Report {
  schemaVersion: string;
  tool: { name: 'azready'; version: string };
  generatedAt: string;
  profile: { name: string; title: string; levels: { name: string; minScore: number }[] };
  inputs: InputInfo[];
  /** With `--baseline`: the earlier report failures were compared with. */
  baseline?: BaselineInfo;
  summary: {
    score: number | null;
    level: string;
    coverage: number;
    levelCapped: boolean;
    failedCritical: string[];
    resources: number;
    counts: { pass: number; fail: number; unknown: number; suppressed: number; notApplicable: number };
    pillars: Record<Pillar, PillarScore>;
  };
  scoring: { rules: RuleScore[]; severityWeights: Record<string, number> };
  rules: RuleInfo[];
  results: RuleResult[];
  diagnostics: Diagnostic[];
}
