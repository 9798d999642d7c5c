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
  /** For suppressed results: which suppression accepted the finding, and why. */
  suppression?: Suppression;
  /** With `--baseline`: whether a failure was already in the baseline report. */
  baseline?: 'new' | 'existing';
}

/**
 * An accepted finding: from `suppressions:` in azready.yaml (`config`) or from a comment or
 * template metadata next to the resource (`inline`). `file`/`line` say where it is declared.
 */
export interface Suppression {
  kind: 'config' | 'inline';
  reason: string;
  /** `YYYY-MM-DD`: the suppression holds through this day (UTC). */
  expires?: string;
  file?: string;
  line?: number;
}

/** The pseudo-resource set-level rules report on. */
export const SET_RESOURCE = { id: '/', type: 'azready/resourceSet', name: 'all resources' } as const;

/**
 * Why a result is not a plain pass or fail: the suppression's reason for suppressed results (with
 * its expiry date), the engine's reason for unverified ones.
 */
export function resultReason(r: RuleResult): string | undefined {
  if (r.outcome === 'suppressed' && r.suppression) return r.suppression.reason + (r.suppression.expires ? ` (until ${r.suppression.expires})` : '');
  return r.reason;
}
