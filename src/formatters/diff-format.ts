// Renders a report diff (src/report/diff-reports.ts) for the terminal or a PR comment.
import { resourceLabeler } from '../engine/result.js';
import type { DiffEntry, ReportDiff, ScoreChange } from '../report/diff-reports.js';
import { PILLARS } from '../rules/rule.js';
import { md } from './markdown-format.js';
import { relativeParameters, relativePath } from './relative-path.js';

export interface DiffFormatOptions {
  /** Paths are shown relative to this folder. */
  cwd?: string;
}

export function formatDiffConsole(diff: ReportDiff, options: DiffFormatOptions = {}): string {
  const out: string[] = [];
  out.push(`Score ${show(diff.score)}   Level ${diff.before.level} → ${diff.after.level}   Coverage ${pct(diff.coverage)}`);
  const mixed = profileNote(diff);
  if (mixed) out.push(mixed);
  for (const p of PILLARS) {
    const c = diff.pillars[p];
    if (c.before === null && c.after === null) continue;
    out.push(`  ${p.padEnd(18)} ${show(c)}`);
  }
  const label = resourceLabeler([...diff.fixed, ...diff.new, ...diff.stillFailing], (p) => relativeParameters(p, options.cwd));
  const list = (title: string, entries: DiffEntry[]) => {
    out.push('', `${title} (${entries.length})`);
    for (const e of entries) {
      const loc = e.location ? `  ${relativePath(e.location.file, options.cwd)}:${e.location.startLine}` : '';
      out.push(`  ${e.severity.toUpperCase().padEnd(8)} ${e.ruleId}  ${label(e.resource)}${loc}${e.now && e.now !== 'pass' ? `  (now ${e.now})` : ''}`);
    }
  };
  list('Fixed', diff.fixed);
  list('New', diff.new);
  list('Still failing', diff.stillFailing);
  return out.join('\n') + '\n';
}

export function formatDiffMarkdown(diff: ReportDiff, options: DiffFormatOptions = {}): string {
  const out: string[] = [];
  out.push(`## azready: score ${show(diff.score)}`, '');
  out.push(`**Level** ${md(diff.before.level)} → ${md(diff.after.level)} · **Coverage** ${pct(diff.coverage)} · **Fixed** ${diff.fixed.length} · **New** ${diff.new.length} · **Still failing** ${diff.stillFailing.length}`, '');
  const mixed = profileNote(diff);
  if (mixed) out.push(`> ${md(mixed)}`, '');
  out.push('| Pillar | Before | After | Change |', '|---|---:|---:|---:|');
  for (const p of PILLARS) {
    const c = diff.pillars[p];
    if (c.before === null && c.after === null) continue;
    out.push(`| ${p} | ${num(c.before)} | ${num(c.after)} | ${signed(c.delta)} |`);
  }
  const label = resourceLabeler([...diff.fixed, ...diff.new, ...diff.stillFailing], (p) => relativeParameters(p, options.cwd));
  const table = (title: string, entries: DiffEntry[], open: boolean) => {
    if (!entries.length) return;
    out.push('', `<details${open ? ' open' : ''}>`, `<summary><strong>${title}</strong> (${entries.length})</summary>`, '');
    const now = entries.some((e) => e.now);
    out.push(`| Severity | Rule | Resource | Location |${now ? ' Now |' : ''}`, `|---|---|---|---|${now ? '---|' : ''}`);
    for (const e of entries) {
      const loc = e.location ? md(`${relativePath(e.location.file, options.cwd)}:${e.location.startLine}`) : '–';
      out.push(`| ${e.severity} | \`${e.ruleId.replace(/`/g, "'")}\` | ${md(label(e.resource))} | ${loc} |${now ? ` ${e.now ?? ''} |` : ''}`);
    }
    out.push('', '</details>');
  }
  table('New failures', diff.new, true);
  table('Fixed', diff.fixed, false);
  table('Still failing', diff.stillFailing, false);
  return out.join('\n') + '\n';
}

/** Two profiles weigh different rules: the change is not progress alone (as report trend warns). */
function profileNote(diff: ReportDiff): string | undefined {
  if (diff.before.profile === diff.after.profile) return undefined;
  return `The reports use different profiles (${diff.before.profile} → ${diff.after.profile}): their scores weigh different rules, and failures of rules only one profile selects show as fixed or new.`;
}

function show(c: ScoreChange): string {
  return `${num(c.before)} → ${num(c.after)}${c.delta === null ? '' : ` (${signed(c.delta)})`}`;
}

function num(n: number | null): string {
  return n === null ? '–' : n.toFixed(1);
}

function signed(n: number | null): string {
  if (n === null) return '–';
  return n > 0 ? `+${n.toFixed(1)}` : n < 0 ? `−${Math.abs(n).toFixed(1)}` : '±0';
}

function pct(c: ScoreChange): string {
  const p = (v: number | null) => (v === null ? '–' : `${Math.round(v * 100)}%`);
  return `${p(c.before)} → ${p(c.after)}`;
}
