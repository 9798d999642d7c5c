// Scoring (design §7): rule score = passed / (passed + failed); pillar = severity-weighted mean of
// rule scores; overall = pillar scores weighted by the profile. Unknown and suppressed results
// stay out of the denominators; coverage = verified / (verified + unknown).
import type { RuleResult } from '../engine/result.js';
import type { Profile } from '../profiles/profile.js';
import { PILLARS, type Pillar, type Severity } from '../rules/rule.js';

export interface RuleScore {
  ruleId: string;
  pillar: Pillar;
  severity: Severity;
  weight: number;
  passed: number;
  failed: number;
  unknown: number;
  suppressed: number;
  /** 0–1, or null when no resource was verified. */
  score: number | null;
}

export interface PillarScore {
  /** 0–100 rounded to one decimal, or null when no rule of the pillar was verified. */
  score: number | null;
  weight: number;
  passed: number;
  failed: number;
  unknown: number;
  suppressed: number;
  rules: number;
}

export interface Score {
  /** 0–100 rounded to one decimal, or null when nothing could be verified. */
  score: number | null;
  level: string;
  /** Verified share of the applicable results (pass + fail over pass + fail + unknown), 0–1. */
  coverage: number;
  failedCritical: string[];
  levelCapped: boolean;
  counts: { pass: number; fail: number; unknown: number; suppressed: number; notApplicable: number };
  pillars: Record<Pillar, PillarScore>;
  rules: RuleScore[];
}

export function computeScore(results: readonly RuleResult[], profile: Profile): Score {
  const byRule = new Map<string, RuleScore>();
  const counts = { pass: 0, fail: 0, unknown: 0, suppressed: 0, notApplicable: 0 };
  for (const r of results) {
    if (r.outcome === 'not-applicable') {
      counts.notApplicable++;
      continue;
    }
    let rs = byRule.get(r.ruleId);
    if (!rs) {
      const weight = profile.overrides[r.ruleId]?.weight ?? profile.severityWeights[r.severity];
      rs = { ruleId: r.ruleId, pillar: r.pillar, severity: r.severity, weight, passed: 0, failed: 0, unknown: 0, suppressed: 0, score: null };
      byRule.set(r.ruleId, rs);
    }
    const key = ({ pass: 'passed', fail: 'failed', unknown: 'unknown', suppressed: 'suppressed' } as const)[r.outcome];
    rs[key]++;
    counts[r.outcome === 'pass' ? 'pass' : r.outcome === 'fail' ? 'fail' : r.outcome]++;
  }
  const rules = [...byRule.values()].sort((a, b) => a.ruleId.localeCompare(b.ruleId));
  for (const rs of rules) rs.score = rs.passed + rs.failed > 0 ? rs.passed / (rs.passed + rs.failed) : null;

  const pillars = {} as Record<Pillar, PillarScore>;
  let overallNum = 0;
  let overallDen = 0;
  for (const p of PILLARS) {
    const list = rules.filter((r) => r.pillar === p);
    const scored = list.filter((r) => r.score !== null);
    const den = scored.reduce((s, r) => s + r.weight, 0);
    const value = den > 0 ? scored.reduce((s, r) => s + r.weight * (r.score as number), 0) / den : null;
    const weight = profile.pillarWeights[p] ?? 0;
    pillars[p] = {
      score: value === null ? null : round1(value * 100),
      weight,
      passed: sum(list, 'passed'),
      failed: sum(list, 'failed'),
      unknown: sum(list, 'unknown'),
      suppressed: sum(list, 'suppressed'),
      rules: list.length,
    };
    if (value !== null && weight > 0) {
      overallNum += weight * value;
      overallDen += weight;
    }
  }
  const score = overallDen > 0 ? round1((overallNum / overallDen) * 100) : null;
  const failedCritical = rules.filter((r) => r.severity === 'critical' && r.failed > 0).map((r) => r.ruleId);
  const { level, capped } = levelFor(score, profile, failedCritical.length > 0);
  const verified = counts.pass + counts.fail;
  const coverage = verified + counts.unknown > 0 ? round3(verified / (verified + counts.unknown)) : 1;
  return { score, level, coverage, failedCritical, levelCapped: capped, counts, pillars, rules };
}

/** The highest level whose minScore the score reaches; a failed critical rule caps it below the top. */
export function levelFor(score: number | null, profile: Profile, criticalFailed: boolean): { level: string; capped: boolean } {
  const levels = profile.levels;
  if (score === null) return { level: 'unverified', capped: false };
  let i = levels.findIndex((l) => score >= l.minScore);
  if (i < 0) i = levels.length - 1;
  if (criticalFailed && i === 0 && levels.length > 1) return { level: levels[1].name, capped: true };
  return { level: levels[i].name, capped: false };
}

function sum(list: RuleScore[], k: 'passed' | 'failed' | 'unknown' | 'suppressed'): number {
  return list.reduce((s, r) => s + r[k], 0);
}

function round1(x: number): number {
  return Math.round(x * 10) / 10;
}

function round3(x: number): number {
  return Math.round(x * 1000) / 1000;
}
