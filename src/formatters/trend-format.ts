// `azready report trend` as text: one line (or table row) per report, oldest first.
import type { ReportTrend, TrendPoint } from '../report/report-trend.js';
import { PILLARS } from '../rules/rule.js';
import { md } from './markdown-format.js';
import { relativePath } from './relative-path.js';

export interface TrendFormatOptions {
  cwd?: string;
}

export function formatTrendConsole(trend: ReportTrend, options: TrendFormatOptions = {}): string {
  const out: string[] = [headline(trend)];
  if (trend.mixedProfiles) out.push(MIXED);
  out.push('');
  const header = ['date', 'score', 'level', 'coverage', 'failed', 'fixed', 'new', ...PILLARS.map(short), 'report'];
  const rows = trend.points.map((p) => [day(p), num(p.score), p.level, coverage(p), String(p.failed), count(p.fixed), count(p.new), ...PILLARS.map((k) => num(p.pillars[k])), relativePath(p.file, options.cwd)]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  for (const r of [header, ...rows]) out.push(r.map((c, i) => (i === r.length - 1 ? c : c.padEnd(widths[i]))).join('  ').trimEnd());
  return out.join('\n') + '\n';
}

export function formatTrendMarkdown(trend: ReportTrend, options: TrendFormatOptions = {}): string {
  const out: string[] = [`## azready: ${md(headline(trend))}`, ''];
  if (trend.mixedProfiles) out.push(`> ${MIXED}`, '');
  out.push(`| Date | Score | Level | Coverage | Failed | Fixed | New | ${PILLARS.map(short).join(' | ')} | Report |`);
  out.push(`|---|---:|---|---:|---:|---:|---:|${PILLARS.map(() => '---:').join('|')}|---|`);
  for (const p of trend.points) {
    out.push(`| ${day(p)} | ${num(p.score)} | ${md(p.level)} | ${coverage(p)} | ${p.failed} | ${count(p.fixed)} | ${count(p.new)} | ${PILLARS.map((k) => num(p.pillars[k])).join(' | ')} | ${md(relativePath(p.file, options.cwd))} |`);
  }
  return out.join('\n') + '\n';
}

const MIXED = 'The reports use different profiles: their scores weigh different rules and do not compare one to one.';

function headline(t: ReportTrend): string {
  const n = t.points.length;
  const first = t.points[0];
  const last = t.points[n - 1];
  if (n === 1) return `1 report: score ${num(first.score)} (${first.level})`;
  const change = t.change === null ? '' : `, ${t.change > 0 ? '+' : t.change < 0 ? '−' : '±'}${Math.abs(t.change).toFixed(1)}`;
  return `${n} reports from ${day(first)} to ${day(last)}: score ${num(first.score)} → ${num(last.score)}${change}, level ${first.level} → ${last.level}`;
}

/** `disaster-recovery` is long for a column: `dr`. */
function short(p: string): string {
  return p === 'disaster-recovery' ? 'dr' : p === 'reliability' ? 'reliab.' : p === 'operations' ? 'ops' : p;
}

function day(p: TrendPoint): string {
  return p.generatedAt.slice(0, 16).replace('T', ' ');
}

function num(n: number | null): string {
  return n === null ? '–' : n.toFixed(1);
}

/** As the reports print it: "–" for a run where nothing was checked (no score, nothing unverified). */
function coverage(p: TrendPoint): string {
  return p.score === null && p.unverified === 0 ? '–' : `${Math.round(p.coverage * 100)}%`;
}

function count(n: number | undefined): string {
  return n === undefined ? '–' : String(n);
}
