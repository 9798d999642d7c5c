// The Markdown report, sized for a pull-request comment and a GitHub job summary: score and level
// per pillar, failures grouped by severity in collapsed <details> with file:line links, and a
// truncation note when the text would pass GitHub's 65,536-character limit.
import type { RuleResult } from '../engine/result.js';
import type { Report } from '../report/report.js';
import { PILLARS, SEVERITIES } from '../rules/rule.js';
import { pillarLevel } from './pillar-level.js';
import { relativePath } from './relative-path.js';

export interface MarkdownOptions {
  /** Paths are shown relative to this folder. */
  cwd?: string;
  /** Prefix of file links, e.g. `https://github.com/o/r/blob/<sha>/`; links stay relative without it. */
  linkBase?: string;
  /** Maximum length in characters (default 65,000, under GitHub's comment and summary limit). */
  maxLength?: number;
}

export const MARKDOWN_LIMIT = 65_000;
/** Room kept for closing tags and the truncation note. */
const RESERVE = 600;

export function formatMarkdown(report: Report, options: MarkdownOptions = {}): string {
  const limit = options.maxLength ?? MARKDOWN_LIMIT;
  const sum = report.summary;
  const out: string[] = [];
  let used = 0;
  let omitted = 0;
  const push = (...lines: string[]) => {
    for (const l of lines) {
      out.push(l);
      used += l.length + 1;
    }
  };
  /** Appends a table row when it fits; counts it as omitted otherwise. */
  const row = (line: string): void => {
    if (used + line.length + 1 + RESERVE > limit) omitted++;
    else push(line);
  };

  const score = sum.score === null ? 'no score' : `${sum.score} / 100`;
  push(`## azready: ${score} · ${sum.level}`, '');
  push(
    `**Profile** ${md(report.profile.name)} (${md(report.profile.title)}) · **Coverage** ${Math.round(sum.coverage * 100)}% ` +
      `(${sum.counts.pass + sum.counts.fail} verified, ${sum.counts.unknown} unverified) · **Resources** ${sum.resources} · ` +
      `**Results** ${sum.counts.fail} failed, ${sum.counts.pass} passed` +
      (sum.counts.suppressed ? `, ${sum.counts.suppressed} suppressed` : ''),
    '',
  );
  if (sum.score === null) push('> Nothing could be verified, so there is no score: see the unverified results below.', '');
  if (sum.levelCapped) push(`> **Level capped** below the top level: critical rule(s) failed: ${sum.failedCritical.map(code).join(', ')}`, '');

  push('| Pillar | Score | Level | Passed | Failed | Unverified |', '|---|---:|---|---:|---:|---:|');
  for (const p of PILLARS) {
    const ps = sum.pillars[p];
    if (!ps.rules) continue;
    push(`| ${p} | ${ps.score === null ? '–' : ps.score.toFixed(1)} | ${pillarLevel(ps.score, report.profile.levels)} | ${ps.passed} | ${ps.failed} | ${ps.unknown} |`);
  }
  push('');

  const rules = new Map(report.rules.map((r) => [r.id, r]));
  const where = (r: RuleResult) => location(r, options);
  const failures = report.results.filter((r) => r.outcome === 'fail');
  if (failures.length) {
    push(`### Failures (${failures.length})`, '');
    for (const sev of SEVERITIES) {
      const list = failures.filter((f) => f.severity === sev);
      if (!list.length) continue;
      push('<details>', `<summary><strong>${capitalize(sev)}</strong> (${list.length})</summary>`, '');
      push('| Rule | Resource | Location | Finding |', '|---|---|---|---|');
      for (const f of list) row(`| ${code(f.ruleId)} | ${md(f.resource.name)} | ${where(f)} | ${md(f.message)} |`);
      const fixes = [...new Set(list.map((f) => f.ruleId))].map((id) => rules.get(id)).filter((r) => r !== undefined);
      if (fixes.length) {
        push('', '**How to fix**', '');
        for (const r of fixes) row(`- ${code(r.id)} ${md(firstLine(r.remediation.text))}`);
      }
      push('', '</details>', '');
    }
  } else push('No failures.', '');

  const unknown = report.results.filter((r) => r.outcome === 'unknown');
  if (unknown.length) {
    push('<details>', `<summary><strong>Unverified</strong> (${unknown.length}): outside the score</summary>`, '');
    push('| Rule | Resource | Location | Why |', '|---|---|---|---|');
    for (const u of unknown) row(`| ${code(u.ruleId)} | ${md(u.resource.name)} | ${where(u)} | ${md(u.reason ?? '')} |`);
    push('', '</details>', '');
  }

  const suppressed = report.results.filter((r) => r.outcome === 'suppressed');
  if (suppressed.length) {
    push('<details>', `<summary><strong>Suppressed</strong> (${suppressed.length}): outside the score</summary>`, '');
    push('| Rule | Resource | Location | Justification |', '|---|---|---|---|');
    for (const u of suppressed) row(`| ${code(u.ruleId)} | ${md(u.resource.name)} | ${where(u)} | ${md(u.reason ?? '')} |`);
    push('', '</details>', '');
  }

  const diags = report.diagnostics.filter((d) => d.severity !== 'info');
  if (diags.length) {
    push('<details>', `<summary><strong>Diagnostics</strong> (${diags.length})</summary>`, '');
    for (const d of diags) {
      const loc = d.location ? `${code(`${relativePath(d.location.file, options.cwd)}:${d.location.startLine}:${d.location.startColumn}`)} ` : '';
      row(`- ${loc}${d.severity} ${md(d.message)} (${code(d.code)})`);
    }
    push('', '</details>', '');
  }

  if (omitted) {
    push(`> **Truncated:** ${omitted} more line(s) did not fit in ${limit.toLocaleString('en-US')} characters. ` + 'The full report: `azready scan --format html` (or `json`).', '');
  }
  push(`<sub>azready ${md(report.tool.version)} · profile ${md(report.profile.name)} · ${md(report.generatedAt)}</sub>`);
  return out.join('\n') + '\n';
}

function location(r: RuleResult, options: MarkdownOptions): string {
  if (!r.location) return '–';
  const file = relativePath(r.location.file, options.cwd);
  const text = `${file}:${r.location.startLine}`;
  const href = `${options.linkBase ?? ''}${file.split('/').map(encodeURIComponent).join('/')}#L${r.location.startLine}`;
  return `[${md(text)}](${href.replace(/\(/g, '%28').replace(/\)/g, '%29').replace(/\s/g, '%20')})`;
}

/** User text inside a table cell: Markdown and HTML metacharacters escaped, one line. */
export function md(text: string): string {
  return text
    .replace(/[\\`*_[\]|~]/g, (c) => '\\' + c)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/\r?\n/g, '<br>');
}

function code(text: string): string {
  // A code span cannot hold a backtick run of its own length or a pipe inside a table.
  return '`' + text.replace(/`/g, "'").replace(/\|/g, '\\|').replace(/\r?\n/g, ' ') + '`';
}

function firstLine(text: string): string {
  return text.trim().split('\n')[0];
}

function capitalize(s: string): string {
  return s[0].toUpperCase() + s.slice(1);
}
