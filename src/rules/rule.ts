// A rule as the engine sees it after loading: metadata plus conditions, all data.
import type { Condition } from '../engine/condition.js';

export type Pillar = 'security' | 'reliability' | 'cost' | 'disaster-recovery' | 'operations';
export type Severity = 'critical' | 'high' | 'medium' | 'low';

export const PILLARS: readonly Pillar[] = ['security', 'reliability', 'cost', 'disaster-recovery', 'operations'];
export const SEVERITIES: readonly Severity[] = ['critical', 'high', 'medium', 'low'];

export interface RuleDefault {
  path: string;
  value: unknown;
  apiVersions?: { from?: string; before?: string };
}

export interface Rule {
  id: string;
  title: string;
  pillar: Pillar;
  severity: Severity;
  scope: 'resource' | 'set';
  resourceTypes: string[];
  when?: Condition;
  expect: Condition;
  defaults: RuleDefault[];
  message?: string;
  rationale: string;
  remediation: { text: string; bicep?: string };
  references: string[];
  frameworks: { mcsb?: string[]; waf?: string[]; azurePolicy?: string[] };
  tags: string[];
  /** The YAML file it was loaded from. */
  file: string;
  /** For `policy/<name>` entries: the Azure Policy definition behind the results (`--policy`). */
  policy?: {
    definitionId: string;
    name: string;
    displayName: string;
    effect: string;
    category?: string;
    initiative?: string;
    assignment?: string;
  };
}
