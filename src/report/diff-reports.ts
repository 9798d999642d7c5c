// Compares two reports of the same estate: failures fixed, new and still failing (matched by rule
// id and resource id, case-insensitively as ARM ids are), and the score change overall and per pillar.
import { resourceKey, type Outcome, type RuleResult } from '../engine/result.js';
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
  const key = (r: RuleResult) => `${r.ruleId}\u0000${resourceKey(r.resource, r.location?.file)}`;
  const afterByKey = new Map<string, RuleResult>();
  for (const r of after.results) if (!afterByKey.has(key(r)) || r.outcome === 'fail') afterByKey.set(key(r), r);
  const failedBefore = new Map(before.results.filter((r) => r.outcome === 'fail').map((r) => [key(r), r]));
  const fixed: DiffEntry[] = [];
  const stillFailing: DiffEntry[] = [];
  for (const [k, r] of failedBefore) {
    const later = afterByKey.get(k);
    if (later?.outcome === 'fail') stillFailing.push(entry(later));
    else fixed.push({ ...entry(r), now: later?.outcome ?? 'absent' });
  }
  const seen = new Set<string>();
  const added: DiffEntry[] = [];
  for (const r of after.results) {
    if (r.outcome !== 'fail' || failedBefore.has(key(r)) || seen.has(key(r))) continue;
    seen.add(key(r));
    added.push(entry(r));
  }
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

function entry(r: RuleResult): DiffEntry {
  const e: DiffEntry = { ruleId: r.ruleId, severity: r.severity, pillar: r.pillar, resource: r.resource, message: r.message };
  if (r.location) e.location = r.location;
  return e;
}

function change(before: number | null, after: number | null, digits = 1): ScoreChange {
  const f = 10 ** digits;
  return { before, after, delta: before === null || after === null ? null : Math.round((after - before) * f) / f };
}
