// Compares two reports of the same estate: failures fixed, new and still failing (matched by rule
// id, resource id (case-insensitively, as ARM ids are), parameters file and file: match-results.ts),
// and the score change overall and per pillar.
import { resourceKey, type Outcome, type RuleResult } from '../engine/result.js';
import { ResultMatcher } from './match-results.js';
import { PILLARS, type Pillar } from '../rules/rule.js';
import type { Report } from './report.js';

export interface ScoreChange {
  before: number | null;
  after: number | null;
  /** after − before, one decimal; null when either side has no score. */
  delta: number | null;
}

export interface DiffEntry {
  ruleId: string;
  severity: RuleResult['severity'];
  pillar: Pillar;
  resource: RuleResult['resource'];
  message: string;
  location?: RuleResult['location'];
  /** For fixed entries: the outcome in the later report, or `absent` when the pair is gone. */
  now?: Outcome | 'absent';
}

export interface ReportDiff {
  before: { generatedAt: string; profile: string; level: string };
  after: { generatedAt: string; profile: string; level: string };
  score: ScoreChange;
  coverage: ScoreChange;
  pillars: Record<Pillar, ScoreChange>;
  fixed: DiffEntry[];
  new: DiffEntry[];
  stillFailing: DiffEntry[];
}

export function diffReports(before: Report, after: Report): ReportDiff {
  // One entry per rule, resource and file, however often a report lists it.
  const key = (r: RuleResult) => `${r.ruleId.toLowerCase()}\u0000${resourceKey(r.resource, r.location?.file)}\u0000${r.location?.file ?? ''}`;
  const failedBefore = unique(before.results.filter((r) => r.outcome === 'fail'), key);
  const failedAfter = unique(after.results.filter((r) => r.outcome === 'fail'), key);
  const laterResults = new ResultMatcher(after.results);
  const earlierFailures = new ResultMatcher(failedBefore);
  const fixed: DiffEntry[] = [];
  const stillFailing: DiffEntry[] = [];
  const listed = new Set<RuleResult>();
  for (const r of failedBefore) {
    const candidates = laterResults.matches(r);
    const later = candidates.find((c) => c.outcome === 'fail') ?? candidates[0];
    if (later?.outcome === 'fail') {
      if (!listed.has(later)) stillFailing.push(entry(later));
      listed.add(later);
    }
    else fixed.push({ ...entry(r), now: later?.outcome ?? 'absent' });
  }
  const added = failedAfter.filter((r) => earlierFailures.matches(r).length === 0).map(entry);
  const pillars = {} as Record<Pillar, ScoreChange>;
  for (const p of PILLARS) pillars[p] = change(before.summary.pillars[p]?.score ?? null, after.summary.pillars[p]?.score ?? null);
  return {
    before: { generatedAt: before.generatedAt, profile: before.profile.name, level: before.summary.level },
    after: { generatedAt: after.generatedAt, profile: after.profile.name, level: after.summary.level },
    score: change(before.summary.score, after.summary.score),
    coverage: change(before.summary.coverage, after.summary.coverage, 3),
    pillars,
    fixed,
    new: added,
    stillFailing,
  };
}

function unique(results: readonly RuleResult[], key: (r: RuleResult) => string): RuleResult[] {
  const seen = new Set<string>();
  return results.filter((r) => !seen.has(key(r)) && seen.add(key(r)));
}

function entry(r: RuleResult): DiffEntry {
  const e: DiffEntry = { ruleId: r.ruleId, severity: r.severity, pillar: r.pillar, resource: r.resource, message: r.message };
  if (r.location) e.location = r.location;
  return e;
}

function change(before: number | null, after: number | null, digits = 1): ScoreChange {
  const f = 10 ** digits;
  return { before, after, delta: before === null || after === null ? null : Math.round((after - before) * f) / f };
}
