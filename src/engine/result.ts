// One rule's verdict on one resource (or on the whole set), as the report carries it.
import path from 'node:path';
import type { SourceRange } from '../core/source-range.js';
import type { Pillar, Severity } from '../rules/rule.js';

export type Outcome = 'pass' | 'fail' | 'unknown' | 'suppressed' | 'not-applicable';

export interface RuleResult {
  ruleId: string;
  outcome: Outcome;
  severity: Severity;
  pillar: Pillar;
  /**
   * `parameters`: the parameters file(s) the template was evaluated with. One template evaluated
   * with two parameters files gives two results per rule and resource, told apart by it.
   */
  resource: { id: string; type: string; name: string; parameters?: string };
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

/**
 * A result's resource and deployment as keys compare them: id case-folded, and the parameters
 * file(s) relative to the folder of the file the result points at (`locationFile`), so that a
 * baseline saved from the repository root still matches a scan given an absolute path, run from
 * another folder or on Windows; as given when the result has no location.
 */
export function resourceKey(resource: RuleResult['resource'], locationFile?: string): string {
  if (resource.parameters === undefined) return resource.id.toLowerCase();
  return `${resource.id.toLowerCase()}\u0000${parametersKey(resource.parameters, locationFile)}`;
}

function parametersKey(parameters: string, locationFile: string | undefined): string {
  if (locationFile === undefined) return parameters;
  const slashed = (p: string) => p.replace(/\\/g, '/');
  const from = path.posix.dirname(slashed(locationFile));
  const fromAbsolute = path.posix.isAbsolute(from) || /^[A-Za-z]:\//.test(from);
  return parameters
    .split(', ')
    .map((file) => {
      const f = slashed(file);
      // Both spelled alike (relative to one folder, or both absolute): the path between them.
      const same = fromAbsolute === (path.posix.isAbsolute(f) || /^[A-Za-z]:\//.test(f));
      if (same) return path.posix.relative(from, f);
      // One absolute (a parameters file azready.yaml names), one relative to the working folder.
      return path.relative(path.dirname(path.resolve(locationFile)), path.resolve(file)).split(path.sep).join('/');
    })
    .join(', ');
}

/**
 * How reports name a result's resource: its name, followed by the parameters file in brackets
 * when the same resource appears in the results with other parameters (one template, two
 * environments) — otherwise the parameters would only repeat on every line.
 */
export function resourceLabeler(results: readonly Pick<RuleResult, 'resource'>[], show: (parameters: string) => string = (p) => p): (resource: RuleResult['resource']) => string {
  const seen = new Map<string, string | undefined>();
  const ambiguous = new Set<string>();
  for (const r of results) {
    const id = r.resource.id.toLowerCase();
    if (!seen.has(id)) seen.set(id, r.resource.parameters);
    else if (seen.get(id) !== r.resource.parameters) ambiguous.add(id);
  }
  return (resource) => (resource.parameters !== undefined && ambiguous.has(resource.id.toLowerCase()) ? `${resource.name} [${show(resource.parameters)}]` : resource.name);
}
