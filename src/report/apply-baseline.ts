// `--baseline REPORT.json`: failures already in an earlier report are `existing` and the gate
// ignores them; the rest are `new`. Pairs match by rule id + resource id, case-insensitively (and
// by the parameters file, for a template evaluated with several).
import { resourceKey, type RuleResult } from '../engine/result.js';
import type { Report } from './report.js';

/** What the report records about the baseline it was compared with. */
export interface BaselineInfo {
  file: string;
  generatedAt: string;
  /** Failed results that were already failing in the baseline (the gate ignores them). */
  existing: number;
  new: number;
}

export function applyBaseline(results: readonly RuleResult[], baseline: Report, file: string): { results: RuleResult[]; info: BaselineInfo } {
  const key = (r: RuleResult) => `${r.ruleId.toLowerCase()}\u0000${resourceKey(r.resource, r.location?.file)}`;
  const known = new Set(baseline.results.filter((r) => r.outcome === 'fail').map(key));
  let existing = 0;
  let added = 0;
  const out = results.map((r): RuleResult => {
    if (r.outcome !== 'fail') return r;
    if (known.has(key(r))) {
      existing++;
      return { ...r, baseline: 'existing' };
    }
    added++;
    return { ...r, baseline: 'new' };
  });
  return { results: out, info: { file, generatedAt: baseline.generatedAt, existing, new: added } };
}
