// A readiness profile: which rules, how they weigh, and what score reaches which level.
import type { Pillar, Severity } from '../rules/rule.js';

export interface Level {
  name: string;
  minScore: number;
}

export interface RequiredComponent {
  type: string | string[];
  description: string;
}

export interface Profile {
  name: string;
  title: string;
  description: string;
  /** Names of the profiles it extends, outermost first. */
  extends: string[];
  select: { ids?: string[]; services?: string[]; tags?: string[]; pillars?: Pillar[] };
  exclude: { ids?: string[] };
  overrides: Record<string, { severity?: Severity; weight?: number; disabled?: boolean }>;
  severityWeights: Record<Severity, number>;
  pillarWeights: Record<Pillar, number>;
  /** Highest first. */
  levels: Level[];
  requiredComponents: RequiredComponent[];
  file: string;
}

export const DEFAULT_SEVERITY_WEIGHTS: Record<Severity, number> = { critical: 10, high: 5, medium: 3, low: 1 };
