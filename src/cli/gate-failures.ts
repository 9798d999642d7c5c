// The failures that broke a --fail-on gate, listed on stderr when the report itself went to files
// (--output, --output-dir): a CI log then says what to fix without opening an artifact.
import { SEVERITIES } from '../rules/rule.js';
import type { FailOn } from '../gate.js';
import { relativePath } from '../formatters/relative-path.js';
import type { Report } from '../report/report.js';

const SHOWN = 10;

export function gateFailureLines(report: Report, failOn: FailOn, cwd: string): string[] {
  if (failOn === 'none') return [];
  const limit = SEVERITIES.indexOf(failOn);
  const failing = report.results
    .filter((r) => r.outcome === 'fail' && r.baseline !== 'existing' && SEVERITIES.indexOf(r.severity) <= limit)
    .sort((a, b) => SEVERITIES.indexOf(a.severity) - SEVERITIES.indexOf(b.severity));
  const lines = failing.slice(0, SHOWN).map((r) => {
    const where = r.location ? `${relativePath(r.location.file, cwd)}:${r.location.startLine}:${r.location.startColumn} ` : '';
    return `  ${where}${r.severity} ${r.ruleId}: ${r.message}`;
  });
  if (failing.length > SHOWN) lines.push(`  … and ${failing.length - SHOWN} more in the report`);
  return lines;
}
