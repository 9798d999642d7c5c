// The CI gate: fail on a severity threshold or a minimum score. Unknown and suppressed results never
// fail it, nor do failures a --baseline report already held (`baseline: 'existing'`).
import type { Report } from './report/report.js';
import { SEVERITIES, type Severity } from './rules/rule.js';

export type FailOn = Severity | 'none';

export function evaluateGate(report: Report, options: { failOn: FailOn; minScore?: number }): { passed: boolean; messages: string[] } {
  const messages: string[] = [];
  if (report.baseline) {
    const { existing, file } = report.baseline;
    messages.push(`azready: ${existing} failed result(s) already in the baseline ${file} are ignored by the gate; ${report.baseline.new} new`);
  }
  let failed = false;
  if (options.failOn !== 'none') {
    const limit = SEVERITIES.indexOf(options.failOn);
    const failing = report.results.filter((r) => r.outcome === 'fail' && r.baseline !== 'existing' && SEVERITIES.indexOf(r.severity) <= limit);
    if (failing.length) {
      failed = true;
      messages.push(`azready: gate failed: ${failing.length} ${report.baseline ? 'new ' : ''}failed result(s) of severity ${options.failOn} or higher`);
    }
  }
  if (options.minScore !== undefined) {
    const score = report.summary.score;
    if (score === null || score < options.minScore) {
      failed = true;
      messages.push(`azready: gate failed: score ${score ?? 'n/a'} is below --min-score ${options.minScore}`);
    }
  }
  return { passed: !failed, messages };
}
