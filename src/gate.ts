// The CI gate: fail on a severity threshold or a minimum score. Unknown results never fail it.
import type { Report } from './report/report.js';
import { SEVERITIES, type Severity } from './rules/rule.js';

export type FailOn = Severity | 'none';

export function evaluateGate(report: Report, options: { failOn: FailOn; minScore?: number }): { passed: boolean; messages: string[] } {
  const messages: string[] = [];
  if (options.failOn !== 'none') {
    const limit = SEVERITIES.indexOf(options.failOn);
    const failing = report.results.filter((r) => r.outcome === 'fail' && SEVERITIES.indexOf(r.severity) <= limit);
    if (failing.length) messages.push(`azready: gate failed: ${failing.length} failed result(s) of severity ${options.failOn} or higher`);
  }
  if (options.minScore !== undefined) {
    const score = report.summary.score;
    if (score === null || score < options.minScore) messages.push(`azready: gate failed: score ${score ?? 'n/a'} is below --min-score ${options.minScore}`);
  }
  return { passed: messages.length === 0, messages };
}
