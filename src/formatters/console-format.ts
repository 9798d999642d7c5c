// The console report: score, level and coverage, pillars, then failures (with remediation and
// file:line) grouped by pillar, unverified and suppressed results with their reasons, and the diagnostics.
import path from 'node:path';
import type { Diagnostic } from '../core/diagnostic.js';
import type { SourceRange } from '../core/source-range.js';
import { resourceLabeler, resultReason, type RuleResult } from '../engine/result.js';
import type { Report } from '../report/report.js';
import { PILLARS } from '../rules/rule.js';
import { coverageText } from './coverage-text.js';
import { stylist, type Stylist } from './style.js';

export interface ConsoleOptions {
  color: boolean;
  /** Paths are shown relative to this folder. */
  cwd?: string;
}

const SEVERITY_STYLE = { critical: 'magenta', high: 'red', medium: 'yellow', low: 'cyan' } as const;

export function formatConsole(report: Report, options: ConsoleOptions): string {
  const s = stylist(options.color);
  const out: string[] = [];
  const sum = report.summary;
  const where = (loc?: SourceRange) => (loc ? `${rel(loc.file, options.cwd)}:${loc.startLine}:${loc.startColumn}` : '');
  out.push(s('bold', `azready ${report.tool.version} · profile ${report.profile.name} (${report.profile.title})`));
  const read = report.inputs.filter((i) => i.kind !== 'skipped');
  // An audit reads subscriptions and management groups, not files.
  const scopes = read.length > 0 && read.every((i) => i.kind === 'live-scope');
  const named = read.slice(0, 3).map((i) => i.path).join(', ') + (read.length > 3 ? ` and ${read.length - 3} more` : '');
  out.push(`${sum.resources} resource(s) from ${read.length} ${scopes ? `audited scope(s): ${named}` : 'input(s)'}`);
  out.push('');
  const score = sum.score === null ? 'no score (nothing could be verified)' : `${sum.score} / 100`;
  out.push(`${s('bold', 'Score')} ${s('bold', score)}   ${s('bold', 'Level')} ${levelStyle(s, sum.level)}   ${s('bold', 'Coverage')} ${coverageText(sum)} (${sum.counts.pass + sum.counts.fail} verified, ${sum.counts.unknown} unverified)`);
  if (sum.levelCapped) out.push(s('magenta', `  capped below the top level: critical rule(s) failed: ${sum.failedCritical.join(', ')}`));
  out.push('');
  for (const p of PILLARS) {
    const ps = sum.pillars[p];
    if (!ps.rules) continue;
    const value = ps.score === null ? '   –' : ps.score.toFixed(1).padStart(5);
    out.push(`  ${p.padEnd(18)} ${value}  ${bar(ps.score)}  ${ps.passed} passed, ${ps.failed} failed, ${ps.unknown} unverified`);
  }

  const label = resourceLabeler(report.results, (p) => p.split(', ').map((f) => rel(f, options.cwd)).join(', '));
  const failures = report.results.filter((r) => r.outcome === 'fail');
  const rules = new Map(report.rules.map((r) => [r.id, r]));
  if (failures.length) {
    const existing = failures.filter((f) => f.baseline === 'existing').length;
    out.push('', s('bold', `Failures (${failures.length}${report.baseline ? `; ${existing} already in the baseline, ignored by the gate` : ''})`));
    for (const p of PILLARS) {
      const list = failures.filter((f) => f.pillar === p);
      if (!list.length) continue;
      out.push(s('underline', p));
      for (const f of list) {
        const known = f.baseline === 'existing' ? '  ' + s('dim', '(baseline)') : '';
        out.push(`  ${s(SEVERITY_STYLE[f.severity], f.severity.toUpperCase().padEnd(8))} ${s('bold', f.ruleId)}  ${label(f.resource)}${f.location ? '  ' + s('dim', where(f.location)) : ''}${known}`);
        out.push(`           ${f.message}`);
        const fix = rules.get(f.ruleId)?.remediation.text;
        if (fix) out.push(`           ${s('green', 'fix:')} ${fix.trim().split('\n')[0]}`);
      }
    }
  }
  const unknown = report.results.filter((r) => r.outcome === 'unknown');
  if (unknown.length) {
    out.push('', s('bold', `Unverified (${unknown.length})`));
    for (const u of unknown) out.push(`  ${u.ruleId}  ${label(u.resource)}${u.location ? '  ' + s('dim', where(u.location)) : ''}\n           ${u.reason ?? ''}`);
  }
  const suppressed = report.results.filter((r) => r.outcome === 'suppressed');
  if (suppressed.length) {
    out.push('', s('bold', `Suppressed (${suppressed.length}), outside the score`));
    for (const r of suppressed) {
      const from = r.suppression?.file ? `  ${s('dim', `(${r.suppression.kind} · ${rel(r.suppression.file, options.cwd)}${r.suppression.line ? `:${r.suppression.line}` : ''})`)}` : '';
      out.push(`  ${r.ruleId}  ${label(r.resource)}${r.location ? '  ' + s('dim', where(r.location)) : ''}\n           ${resultReason(r) ?? ''}${from}`);
    }
  }
  const shown = report.diagnostics.filter((d) => d.severity !== 'info');
  if (shown.length) {
    out.push('', s('bold', `Diagnostics (${shown.length})`));
    for (const d of shown) out.push('  ' + formatDiagnosticLine(d, s, options.cwd));
  }
  const infos = report.diagnostics.length - shown.length;
  if (infos) out.push('', s('dim', `${infos} informational note(s); see them with --format json`));
  return out.join('\n') + '\n';
}

function formatDiagnosticLine(d: Diagnostic, s: Stylist, cwd?: string): string {
  const loc = d.location ? `${rel(d.location.file, cwd)}:${d.location.startLine}:${d.location.startColumn} ` : '';
  const sev = d.severity === 'error' ? s('red', 'error') : d.severity === 'warning' ? s('yellow', 'warning') : 'info';
  return `${loc}${sev} ${d.message} ${s('dim', `(${d.code})`)}`;
}

function levelStyle(s: Stylist, level: string): string {
  return s(level === 'ready' ? 'green' : level === 'not-ready' ? 'red' : 'yellow', level);
}

function bar(score: number | null): string {
  if (score === null) return '          ';
  const filled = Math.round(score / 10);
  return '■'.repeat(filled) + '□'.repeat(10 - filled);
}

function rel(file: string, cwd?: string): string {
  if (!cwd || !path.isAbsolute(file)) return file;
  const r = path.relative(cwd, file);
  return r.startsWith('..') ? file : r;
}

export type { RuleResult };
