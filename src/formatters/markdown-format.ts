// The Markdown report, sized for a pull-request comment and a GitHub job summary: score and level
// per pillar, failures grouped by severity in collapsed <details> with file:line links, and a
// truncation note when the text would pass GitHub's 65,536-character limit.
import { resourceLabeler, resultReason, type RuleResult } from '../engine/result.js';
import type { Report } from '../report/report.js';
import { PILLARS, SEVERITIES } from '../rules/rule.js';
import { coverageText } from './coverage-text.js';
import { pillarLevel } from './pillar-level.js';
import { relativeParameters, relativePath } from './relative-path.js';

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
  const size = (lines: string[]) => lines.reduce((n, l) => n + l.length + 1, 0);
  const push = (...lines: string[]) => {
    out.push(...lines);
    used += size(lines);
  };
  /**
   * A collapsed section: opened only when it fits with its closing lines; each row goes in while
   * there is room, and the rows that do not fit are counted for the truncation note.
   */
  const section = (open: string[], rows: { line: string; counts: boolean }[], close: string[]) => {
    const closing = size(close);
    if (used + size(open) + closing + RESERVE > limit) {
      omitted += rows.filter((r) => r.counts).length;
      return;
    }
    push(...open);
    for (const r of rows) {
      if (used + r.line.length + 1 + closing + RESERVE > limit) {
        if (r.counts) omitted++;
      } else push(r.line);
    }
    push(...close);
  };
  const results = (lines: string[]) => lines.map((line) => ({ line, counts: true }));

  const score = sum.score === null ? 'no score' : `${sum.score} / 100`;
  push(`## azready: ${score} · ${sum.level}`, '');
  push(
    `**Profile** ${md(clip(report.profile.name))} (${md(clip(report.profile.title))}) · **Coverage** ${coverageText(sum)} ` +
      `(${sum.counts.pass + sum.counts.fail} verified, ${sum.counts.unknown} unverified) · **Resources** ${sum.resources} · ` +
      `**Results** ${sum.counts.fail} failed, ${sum.counts.pass} passed` +
      (sum.counts.suppressed ? `, ${sum.counts.suppressed} suppressed` : ''),
    '',
  );
  if (sum.score === null) push('> Nothing could be verified, so there is no score: see the unverified results below.', '');
  if (report.baseline) {
    const b = report.baseline;
    push(`> **Baseline** ${md(clip(relativePath(b.file, options.cwd)))}: ${b.existing} failure(s) were already there and do not fail the gate; ${b.new} are new.`, '');
  }
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
  const label = resourceLabeler(report.results, (p) => relativeParameters(p, options.cwd));
  const failures = report.results.filter((r) => r.outcome === 'fail');
  if (failures.length) {
    push(`### Failures (${failures.length})`, '');
    for (const sev of SEVERITIES) {
      // With a baseline, a reviewer looks for what the change added: new failures first, marked.
      const all = failures.filter((f) => f.severity === sev);
      const list = report.baseline ? [...all.filter((f) => f.baseline !== 'existing'), ...all.filter((f) => f.baseline === 'existing')] : all;
      if (!list.length) continue;
      const added = list.filter((f) => f.baseline === 'new').length;
      const fixes = [...new Set(list.map((f) => f.ruleId))].map((id) => rules.get(id)).filter((r) => r !== undefined);
      const mark = (f: RuleResult) => (f.baseline === 'new' ? '**New:** ' : '');
      section(
        ['<details>', `<summary><strong>${capitalize(sev)}</strong> (${list.length}${report.baseline ? `, ${added} new` : ''})</summary>`, '', '| Rule | Resource | Location | Finding |', '|---|---|---|---|'],
        [
          ...results(list.map((f) => `| ${code(f.ruleId)} | ${md(label(f.resource))} | ${where(f)} | ${mark(f)}${md(clip(f.message))} |`)),
          ...(fixes.length ? ['', '**How to fix**', '', ...fixes.map((r) => `- ${code(r.id)} ${md(clip(firstLine(r.remediation.text)))}`)].map((line) => ({ line, counts: false })) : []),
        ],
        ['', '</details>', ''],
      );
    }
  } else push('No failures.', '');

  for (const [outcome, title, why] of [['unknown', 'Unverified', 'Why'], ['suppressed', 'Suppressed', 'Justification']] as const) {
    const list = report.results.filter((r) => r.outcome === outcome);
    if (!list.length) continue;
    section(
      ['<details>', `<summary><strong>${title}</strong> (${list.length}): outside the score</summary>`, '', `| Rule | Resource | Location | ${why} |`, '|---|---|---|---|'],
      results(list.map((u) => `| ${code(u.ruleId)} | ${md(label(u.resource))} | ${where(u)} | ${md(clip(resultReason(u) ?? ''))} |`)),
      ['', '</details>', ''],
    );
  }

  const diags = report.diagnostics.filter((d) => d.severity !== 'info');
  if (diags.length) {
    const lines = diags.map((d) => {
      const loc = d.location ? `${code(`${relativePath(d.location.file, options.cwd)}:${d.location.startLine}:${d.location.startColumn}`)} ` : '';
      return `- ${loc}${d.severity} ${md(clip(d.message))} (${code(d.code)})`;
    });
    section(['<details>', `<summary><strong>Diagnostics</strong> (${diags.length})</summary>`, ''], results(lines), ['', '</details>', '']);
  }

  if (omitted) {
    push(`> **Truncated:** ${omitted} more result(s) did not fit in ${limit.toLocaleString('en-US')} characters. ` + 'The full report: `azready scan --format html` (or `json`).', '');
  }
  push(`<sub>azready ${md(report.tool.version)} · profile ${md(report.profile.name)} · ${md(report.generatedAt)}</sub>`);
  return out.join('\n') + '\n';
}

function location(r: RuleResult, options: MarkdownOptions): string {
  if (!r.location) return '–';
  const file = relativePath(r.location.file, options.cwd);
  const text = `${file}:${r.location.startLine}`;
  // A file outside the working folder has no address in the repository: name it, do not link it.
  if (file.startsWith('/') || file.startsWith('../') || /^[A-Za-z]:/.test(file)) return code(text);
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

/** One cell's text at most 500 characters, so that a single huge value cannot crowd out the rest. */
function clip(text: string): string {
  return text.length > 500 ? text.slice(0, 499) + '…' : text;
}

function firstLine(text: string): string {
  return text.trim().split('\n')[0];
}

function capitalize(s: string): string {
  return s[0].toUpperCase() + s.slice(1);
}
