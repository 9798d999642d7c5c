// One rule's verdict on one resource (or on the whole set), as the report carries it.
import type { SourceRange } from '../core/source-range.js';
import type { Pillar, Severity } from '../rules/rule.js';

export type Outcome = 'pass' | 'fail' | 'unknown' | 'suppressed' | 'not-applicable';

export interface RuleResult {
  ruleId: string;
  outcome: Outcome;
  severity: Severity;
  pillar: Pillar;
  resource: { id: string; type: string; name: string };
  message: string;
  evidence?: { path: string; actual: unknown; defaulted?: boolean };
  /** For unknown results: why the rule could not decide. */
  reason?: string;
  location?: SourceRange;
}

/** The pseudo-resource set-level rules report on. */
export const SET_RESOURCE = { id: '/', type: 'azready/resourceSet', name: 'all resources' } as const;
