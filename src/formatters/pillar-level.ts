// The readiness level a pillar's score would earn under the profile's thresholds. The report's
// summary carries the overall level; per-pillar levels are a reading aid of the markdown and HTML.
import type { Report } from '../report/report.js';

/** The highest profile level whose minimum the score reaches; `unverified` when there is no score. */
export function pillarLevel(score: number | null, levels: Report['profile']['levels']): string {
  if (score === null) return 'unverified';
  const sorted = [...levels].sort((a, b) => b.minScore - a.minScore);
  return (sorted.find((l) => score >= l.minScore) ?? sorted[sorted.length - 1])?.name ?? 'unverified';
}
