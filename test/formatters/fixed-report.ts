// Fixed reports for the formatter tests, built by the real scan pipeline over the e2e fixtures
// with a fixed date and tool version, and relative paths, so golden files are stable.
import path from 'node:path';
import type { Report } from '../../src/report/report.js';
import { evaluateRules } from '../../src/engine/evaluate-rules.js';
import { loadInputs } from '../../src/load-inputs.js';
import { buildReport } from '../../src/report/build-report.js';
import { loadConfig } from '../../src/scan.js';
import { computeScore } from '../../src/scoring/score.js';

const E2E = path.join('test', 'fixtures', 'e2e');
export const NOW = new Date('2026-01-15T09:30:00.000Z');

/**
 * `full`: the e2e inputs through the real pipeline (failures in a template and a snapshot).
 * `mixed`: the same results with one pass turned unverified and one failure suppressed, then
 * scored and assembled by the real scoring and report stages, so the summary stays consistent.
 */
export function e2eReport(variant: 'full' | 'mixed' = 'full'): Report {
  const config = loadConfig(path.join(E2E, 'profile.yaml'), [path.join(E2E, 'pack')]);
  if (!('profile' in config)) throw new Error(`e2e config failed: ${JSON.stringify(config.diagnostics)}`);
  const set = loadInputs([path.join(E2E, 'inputs')]);
  let results = evaluateRules(config.rules, set);
  if (variant === 'mixed') {
    results = results.map((r) => {
      if (r.ruleId === 'e2e/diagnostics' && r.resource.name === 'contosolake') return { ...r, outcome: 'unknown', reason: "the workspace id is reference('law').id, known only after deployment" };
      if (r.ruleId === 'e2e/diagnostics' && r.resource.name === 'prodlake') return { ...r, outcome: 'suppressed', suppression: { kind: 'config', reason: 'accepted risk: logs go to Splunk (ticket OPS-42)' } };
      return r;
    });
  }
  const score = computeScore(results, config.profile);
  const report = buildReport({ profile: config.profile, rules: config.rules, set, results, score, diagnostics: [...config.diagnostics, ...set.diagnostics], now: NOW });
  return { ...report, tool: { ...report.tool, version: '0.0.0-test' } };
}

/** A report as a live audit would produce it: the same results, but no file locations at all. */
export function liveReport(): Report {
  const r = structuredClone(e2eReport('mixed'));
  r.inputs = [];
  // Nor parameters files: resources read from Azure were not evaluated from a template.
  r.results = r.results.map(({ location: _drop, resource: { parameters: _none, ...resource }, ...rest }) => ({ ...rest, resource }));
  r.diagnostics = [{ code: 'live/partial-scope', severity: 'warning', message: 'subscription 22222222-2222-2222-2222-222222222222 could not be read (AuthorizationFailed)' }];
  return r;
}

/** A report whose user data tries to break out of the page. */
export function hostileReport(): Report {
  const r = e2eReport('mixed');
  const evil = '<script>alert(1)</script><img src=x onerror=alert(2)>"\'&';
  r.results[0] = { ...r.results[0], message: evil, resource: { ...r.results[0].resource, name: evil } };
  r.rules = r.rules.map((rule) => (rule.id === r.results[0].ruleId ? { ...rule, title: evil, rationale: evil, remediation: { text: evil, bicep: `</pre>${evil}` }, references: ['javascript:alert(3)', 'https://example.com/?a=1&b="x"'] } : rule));
  r.profile = { ...r.profile, title: evil };
  return r;
}

/** The e2e report as a scan with --baseline makes it: its first failure new, the others already held. */
export function baselineReport(): Report {
  const r = e2eReport();
  let first = true;
  r.results = r.results.map((x) => {
    if (x.outcome !== 'fail') return x;
    const baseline = first ? 'new' : 'existing';
    first = false;
    return { ...x, baseline };
  });
  return r;
}
