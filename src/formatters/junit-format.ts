// JUnit XML for test-result tabs (Azure Pipelines PublishTestResults, GitHub test reporters): one
// <testsuite> per pillar, one <testcase> per rule and resource; fail → <failure>, unverified and
// suppressed → <skipped> with the reason. Not-applicable results are left out.
import { resourceLabeler, resultReason, type RuleResult } from '../engine/result.js';
import type { Report } from '../report/report.js';
import { PILLARS } from '../rules/rule.js';
import { evidenceText } from './evidence-text.js';
import { relativeParameters, relativePath } from './relative-path.js';
import { escapeXml as x } from './xml-escape.js';

export interface JunitOptions {
  /** Paths are shown relative to this folder. */
  cwd?: string;
}

export function formatJunit(report: Report, options: JunitOptions = {}): string {
  const suites: string[] = [];
  const label = resourceLabeler(report.results, (p) => relativeParameters(p, options.cwd));
  const totals = { tests: 0, failures: 0, skipped: 0 };
  for (const pillar of PILLARS) {
    const results = report.results.filter((r) => r.pillar === pillar && r.outcome !== 'not-applicable');
    if (!results.length) continue;
    const failures = results.filter((r) => r.outcome === 'fail').length;
    const skipped = results.filter((r) => r.outcome === 'unknown' || r.outcome === 'suppressed').length;
    totals.tests += results.length;
    totals.failures += failures;
    totals.skipped += skipped;
    const ps = report.summary.pillars[pillar];
    const seen = new Set<string>();
    const cases = results.map((r) => testcase(r, seen, label, options));
    suites.push(
      `  <testsuite name="${x(pillar)}" tests="${results.length}" failures="${failures}" errors="0" skipped="${skipped}" time="0" timestamp="${x(report.generatedAt.replace(/Z$/, ''))}">\n` +
        `    <properties>\n` +
        `      <property name="score" value="${ps.score ?? ''}"/>\n` +
        `      <property name="weight" value="${ps.weight}"/>\n` +
        `    </properties>\n` +
        cases.join('') +
        `  </testsuite>\n`,
    );
  }
  const name = `azready ${report.profile.name}: ${report.summary.score ?? 'no score'} (${report.summary.level})`;
  return (
    '<?xml version="1.0" encoding="UTF-8"?>\n' +
    `<testsuites name="${x(name)}" tests="${totals.tests}" failures="${totals.failures}" errors="0" skipped="${totals.skipped}" time="0">\n` +
    suites.join('') +
    '</testsuites>\n'
  );
}

function testcase(r: RuleResult, seen: Set<string>, label: (resource: RuleResult['resource']) => string, options: JunitOptions): string {
  // Two resources may share a short name (one per resource group): fall back to the full id.
  let name = label(r.resource);
  if (seen.has(`${r.ruleId}\u0000${name}`)) name = label({ ...r.resource, name: r.resource.id });
  seen.add(`${r.ruleId}\u0000${name}`);
  const file = r.location ? relativePath(r.location.file, options.cwd) : undefined;
  const attrs = `classname="${x(r.ruleId)}" name="${x(name)}" time="0"${file ? ` file="${x(file)}" line="${r.location?.startLine}"` : ''}`;
  if (r.outcome === 'pass') return `    <testcase ${attrs}/>\n`;
  if (r.outcome === 'fail') {
    const body = [
      r.message,
      r.evidence ? `evidence: ${r.evidence.path} = ${evidenceText(r.evidence.actual)}${r.evidence.defaulted ? " (Azure's default when absent)" : ''}` : '',
      `resource: ${r.resource.id} (${r.resource.type})`,
      file && r.location ? `location: ${file}:${r.location.startLine}:${r.location.startColumn}` : '',
      r.baseline ? `baseline: ${r.baseline === 'new' ? 'new failure' : 'already in the baseline; does not fail the gate'}` : '',
    ].filter(Boolean);
    // A tests tab full of red next to a passing gate: say which failures the baseline accepted.
    const message = r.baseline === 'existing' ? `${r.message} (already in the baseline)` : r.message;
    return `    <testcase ${attrs}>\n      <failure message="${x(message)}" type="${x(r.severity)}">${x(body.join('\n'))}</failure>\n    </testcase>\n`;
  }
  const reason = resultReason(r);
  const why = r.outcome === 'suppressed' ? `suppressed${reason ? `: ${reason}` : ''}` : `unverified: ${reason ?? 'the value cannot be known before deployment'}`;
  return `    <testcase ${attrs}>\n      <skipped message="${x(why)}"/>\n    </testcase>\n`;
}
