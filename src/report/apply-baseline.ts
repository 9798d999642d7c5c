// `--baseline REPORT.json`: failures already in an earlier report are `existing` and the gate
// ignores them; the rest are `new`. Pairs match by rule id + resource id, case-insensitively, by
// the parameters file (for a template evaluated with several) and by file (match-results.ts).
import type { RuleResult } from '../engine/result.js';
import { ResultMatcher } from './match-results.js';
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
  const known = new ResultMatcher(baseline.results.filter((r) => r.outcome === 'fail'));
  let existing = 0;
  let added = 0;
  const out = results.map((r): RuleResult => {
    if (r.outcome !== 'fail') return r;
    if (known.matches(r).length > 0) {
      existing++;
      return { ...r, baseline: 'existing' };
    }
    added++;
    return { ...r, baseline: 'new' };
  });
  return { results: out, info: { file, generatedAt: baseline.generatedAt, existing, new: added } };
}
