// `azready report trend`: a learner's (or a team's) progress over many saved reports, oldest
// first: the score, level, coverage and pillar scores of each, and what each fixed and broke
// since the one before (matched as `report diff` matches them).
import { PILLARS, type Pillar } from '../rules/rule.js';
import { diffReports } from './diff-reports.js';
import type { Report } from './report.js';

export interface TrendPoint {
  file: string;
  generatedAt: string;
  profile: string;
  score: number | null;
  level: string;
  coverage: number;
  failed: number;
  unverified: number;
  pillars: Record<Pillar, number | null>;
  /** Against the report before it (absent for the first). */
  fixed?: number;
  new?: number;
}

export interface ReportTrend {
  points: TrendPoint[];
  /** Score change from the first report to the last (null when either has no score). */
  change: number | null;
  /** Profiles differ between reports: their scores weigh different rules. */
  mixedProfiles: boolean;
}

/** The reports in the order they were generated (ties keep the order given). */
export function reportTrend(reports: readonly { file: string; report: Report }[]): ReportTrend {
  const sorted = reports.map((r, i) => ({ ...r, i })).sort((a, b) => a.report.generatedAt.localeCompare(b.report.generatedAt) || a.i - b.i);
  const points = sorted.map(({ file, report }, i): TrendPoint => {
    const s = report.summary;
    const pillars = {} as Record<Pillar, number | null>;
    for (const p of PILLARS) pillars[p] = s.pillars[p]?.score ?? null;
    const point: TrendPoint = { file, generatedAt: report.generatedAt, profile: report.profile.name, score: s.score, level: s.level, coverage: s.coverage, failed: s.counts.fail, unverified: s.counts.unknown, pillars };
    if (i > 0) {
      const diff = diffReports(sorted[i - 1].report, report);
      point.fixed = diff.fixed.length;
      point.new = diff.new.length;
    }
    return point;
  });
  const first = points[0]?.score ?? null;
  const last = points[points.length - 1]?.score ?? null;
  return {
    points,
    change: first === null || last === null ? null : Math.round((last - first) * 10) / 10,
    mixedProfiles: new Set(points.map((p) => p.profile)).size > 1,
  };
}
