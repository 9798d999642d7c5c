// Coverage as the human formats print it. The report's coverage is 1 when nothing was verified
// nor unverified (0 / 0); "100%" next to "no score" read as a contradiction, so it shows as "–".
import type { Report } from '../report/report.js';

export function coverageText(summary: Report['summary']): string {
  const checked = summary.counts.pass + summary.counts.fail + summary.counts.unknown;
  return checked ? `${Math.round(summary.coverage * 100)}%` : '–';
}
