// The HTML report: one self-contained page (inline CSS, SVG and script; a Content-Security-Policy
// forbids any network request) for auditors and learners: score gauge, pillar scores, coverage,
// "Your next three fixes", and every finding with evidence, remediation, rationale and references,
// filterable by pillar, severity and outcome. All report data is escaped.
import { createHash } from 'node:crypto';
import { resourceLabeler, resultReason, type RuleResult } from '../engine/result.js';
import type { Report, RuleInfo } from '../report/report.js';
import { PILLARS, SEVERITIES } from '../rules/rule.js';
import { coverageText } from './coverage-text.js';
import { evidenceText } from './evidence-text.js';
import { CSS, SCRIPT } from './html-assets.js';
import { gaugeSvg, pillarBarsSvg } from './html-charts.js';
import { nextFixes } from './next-fixes.js';
import { pillarLevel } from './pillar-level.js';
import { relativeParameters, relativePath } from './relative-path.js';
import { escapeXml as x } from './xml-escape.js';

export interface HtmlOptions {
  /** Paths are shown relative to this folder. */
  cwd?: string;
}

const OUTCOMES = ['fail', 'unknown', 'suppressed', 'pass', 'not-applicable'] as const;
const OUTCOME_LABEL: Record<string, string> = { fail: 'failed', unknown: 'unverified', suppressed: 'suppressed', pass: 'passed', 'not-applicable': 'not applicable' };

export function formatHtml(report: Report, options: HtmlOptions = {}): string {
  const sum = report.summary;
  const rules = new Map(report.rules.map((r) => [r.id, r]));
  const title = `azready report: ${sum.score === null ? 'no score' : `${sum.score} / 100`} (${sum.level})`;
  const csp = `default-src 'none'; style-src '${sha256(CSS)}'; script-src '${sha256(SCRIPT)}'; img-src data:; base-uri 'none'; form-action 'none'`;
  const body = [
    `<a class="skip" href="#findings">Skip to the findings</a>`,
    `<header>`,
    `<h1>Azure readiness report</h1>`,
    `<p class="muted">Profile <strong>${x(report.profile.name)}</strong> (${x(report.profile.title)}) · generated ${x(report.generatedAt)} by azready ${x(report.tool.version)}</p>`,
    `</header>`,
    `<main>`,
    overview(report),
    pillarSection(report),
    fixesSection(report, rules, options),
    howSection(report),
    findingsSection(report, rules, options),
    diagnosticsSection(report, options),
    inputsSection(report, options),
    `</main>`,
  ].join('\n');
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="${x(csp)}">
<meta name="generator" content="azready ${x(report.tool.version)}">
<title>${x(title)}</title>
<style>${CSS}</style>
</head>
<body>
${body}
<script>${SCRIPT}</script>
</body>
</html>
`;
}

function overview(report: Report): string {
  const sum = report.summary;
  const levels = [...report.profile.levels].sort((a, b) => b.minScore - a.minScore);
  const tone = sum.score === null ? 'fair' : sum.level === levels[0]?.name ? 'good' : sum.level === levels[levels.length - 1]?.name ? 'poor' : 'fair';
  const verified = sum.counts.pass + sum.counts.fail;
  const pct = verified + sum.counts.unknown ? Math.round(sum.coverage * 100) : 0;
  return `<section aria-labelledby="overview-h">
<h2 id="overview-h">Overview</h2>
<div class="overview">
${gaugeSvg(sum.score, sum.level, tone)}
<dl class="figures">
<dt>Score</dt><dd>${sum.score === null ? 'none: nothing could be verified' : `${x(sum.score)} / 100`}</dd>
<dt>Level</dt><dd class="${tone}"><strong>${x(sum.level)}</strong>${sum.levelCapped ? ` (capped below the top level: critical rule${sum.failedCritical.length > 1 ? 's' : ''} ${sum.failedCritical.map((id) => `<code>${x(id)}</code>`).join(', ')} failed)` : ''}</dd>
<dt><label for="coverage-meter">Coverage</label></dt><dd><meter id="coverage-meter" min="0" max="100" value="${pct}">${coverageText(sum)}</meter> ${coverageText(sum)} (${verified} verified, ${sum.counts.unknown} unverified)</dd>
<dt>Resources</dt><dd>${sum.resources}</dd>
<dt>Results</dt><dd>${sum.counts.fail} failed, ${sum.counts.pass} passed, ${sum.counts.unknown} unverified, ${sum.counts.suppressed} suppressed, ${sum.counts.notApplicable} not applicable</dd>
</dl>
</div>
<p class="muted">The score counts only what could be verified: unverified and suppressed results stay outside it, and coverage says how much of the picture it rests on.</p>
</section>`;
}

function pillarSection(report: Report): string {
  const rows = PILLARS.filter((p) => report.summary.pillars[p].rules).map((p) => {
    const ps = report.summary.pillars[p];
    return `<tr><th scope="row">${x(p)}</th><td class="num">${ps.score === null ? '–' : x(ps.score.toFixed(1))}</td><td>${x(pillarLevel(ps.score, report.profile.levels))}</td><td class="num">${ps.passed}</td><td class="num">${ps.failed}</td><td class="num">${ps.unknown}</td><td class="num">${x(ps.weight)}</td></tr>`;
  });
  if (!rows.length) return `<section aria-labelledby="pillars-h"><h2 id="pillars-h">Pillars</h2><p>No rule applied to these resources.</p></section>`;
  return `<section aria-labelledby="pillars-h">
<h2 id="pillars-h">Pillars</h2>
${pillarBarsSvg(report)}
<table>
<caption>Score per pillar (0–100) and what it rests on</caption>
<thead><tr><th scope="col">Pillar</th><th scope="col" class="num">Score</th><th scope="col">Level</th><th scope="col" class="num">Passed</th><th scope="col" class="num">Failed</th><th scope="col" class="num">Unverified</th><th scope="col" class="num">Weight</th></tr></thead>
<tbody>
${rows.join('\n')}
</tbody>
</table>
</section>`;
}

function fixesSection(report: Report, rules: Map<string, RuleInfo>, options: HtmlOptions): string {
  const fixes = nextFixes(report);
  // One template with two parameters files: the same rule, resource and line, told apart by them.
  const label = resourceLabeler(report.results, (p) => relativeParameters(p, options.cwd));
  const head = `<section aria-labelledby="fixes-h">\n<h2 id="fixes-h">Your next three fixes</h2>`;
  if (!fixes.length) return `${head}\n<p>Nothing failed, so there is nothing to fix first.${report.summary.counts.unknown ? ' Look at the unverified results below: they are what the score cannot see yet.' : ''}</p>\n</section>`;
  const items = fixes.map(({ result: r, gain }) => {
    const rule = rules.get(r.ruleId);
    return `<li>
<h3>${x(rule?.title ?? r.ruleId)}</h3>
<p><code>${x(r.ruleId)}</code> on <strong>${x(label(r.resource))}</strong>${r.location ? ` at <code>${x(where(r, options))}</code>` : ''} · ${badge('sev', r.severity)} ${x(r.pillar)} · <span class="gain">+${x(gain.toFixed(1))} points</span></p>
${rule ? remediationHtml(rule) : ''}
${rule?.rationale ? `<p><strong>Why it matters:</strong> ${x(rule.rationale.trim())}</p>` : ''}
</li>`;
  });
  return `${head}
<p>The failed checks that weigh most on your score (rule weight × pillar weight), with the points each fix adds on its own.</p>
<ol class="fixes">
${items.join('\n')}
</ol>
</section>`;
}

function howSection(report: Report): string {
  const levels = [...report.profile.levels].sort((a, b) => b.minScore - a.minScore);
  const weights = Object.entries(report.scoring.severityWeights).map(([sev, w]) => `${x(sev)} ${x(w)}`).join(', ');
  return `<section aria-labelledby="how-h">
<h2 id="how-h">How the score works</h2>
<p>Each rule scores the share of the resources it checks that pass it. A pillar's score is the mean of its rule scores weighted by severity (${weights}), and the overall score is the mean of the pillar scores weighted by the profile (the weights in the pillar table). Results that could not be verified before deployment, and suppressed ones, stay out of every score: coverage says how much was verified.</p>
<p>Levels of the profile <strong>${x(report.profile.name)}</strong>: ${levels.map((l) => `<strong>${x(l.name)}</strong> from ${x(l.minScore)}`).join(', ')}. A failed critical rule keeps the level below the top one.</p>
</section>`;
}

function findingsSection(report: Report, rules: Map<string, RuleInfo>, options: HtmlOptions): string {
  const results = report.results;
  const present = <T extends string>(all: readonly T[], key: (r: RuleResult) => string) => all.filter((v) => results.some((r) => key(r) === v));
  const group = (name: string, legend: string, values: readonly string[], label: (v: string) => string) =>
    `<fieldset><legend>${legend}</legend>${values.map((v) => `<label><input type="checkbox" name="${name}" value="${x(v)}" checked> ${x(label(v))}</label>`).join('')}</fieldset>`;
  const filters = results.length
    ? `<form id="filters" hidden aria-label="Filter the findings">
${group('pillar', 'Pillar', present(PILLARS, (r) => r.pillar), (v) => v)}
${group('severity', 'Severity', present(SEVERITIES, (r) => r.severity), (v) => v)}
${group('outcome', 'Outcome', present(OUTCOMES, (r) => r.outcome), (v) => OUTCOME_LABEL[v] ?? v)}
</form>`
    : '';
  const items = results.map((r, i) => finding(r, i, rules.get(r.ruleId), options));
  return `<section aria-labelledby="findings-h" id="findings">
<h2 id="findings-h">Findings</h2>
${filters}
<p id="filter-count" role="status" aria-live="polite">${results.length} finding${results.length === 1 ? '' : 's'}</p>
<div id="finding-list">
${items.join('\n')}
</div>
</section>`;
}

function finding(r: RuleResult, i: number, rule: RuleInfo | undefined, options: HtmlOptions): string {
  const rows: string[] = [];
  rows.push(`<dt>Resource</dt><dd>${x(r.resource.name)} <span class="muted">${x(r.resource.type)}</span><br><code>${x(r.resource.id)}</code></dd>`);
  if (r.resource.parameters !== undefined) rows.push(`<dt>Parameters</dt><dd><code>${x(relativeParameters(r.resource.parameters, options.cwd))}</code></dd>`);
  if (r.location) rows.push(`<dt>Where</dt><dd><code>${x(where(r, options))}</code></dd>`);
  if (r.evidence) rows.push(`<dt>Evidence</dt><dd><code>${x(r.evidence.path)}</code> = <code>${x(evidenceText(r.evidence.actual))}</code>${r.evidence.defaulted ? ' (Azure’s default when the property is absent)' : ''}</dd>`);
  const why = resultReason(r);
  if (why) rows.push(`<dt>${r.outcome === 'suppressed' ? 'Suppressed because' : 'Why unverified'}</dt><dd>${x(why)}</dd>`);
  // Passed and not-applicable results stay short: an estate has many, and nothing to fix.
  const open = r.outcome === 'fail' || r.outcome === 'unknown' || r.outcome === 'suppressed';
  if (rule && open) rows.push(`<dt>How to fix</dt><dd>${remediationHtml(rule)}</dd>`);
  if (rule?.rationale && open) rows.push(`<dt>Why it matters</dt><dd>${x(rule.rationale.trim())}</dd>`);
  if (rule?.references.length && open) rows.push(`<dt>References</dt><dd><ul>${rule.references.map((u) => `<li>${link(u)}</li>`).join('')}</ul></dd>`);
  return `<article class="finding outcome-${x(r.outcome)}" data-finding data-pillar="${x(r.pillar)}" data-severity="${x(r.severity)}" data-outcome="${x(r.outcome)}" aria-labelledby="finding-${i}">
<h3 id="finding-${i}">${badge('out', r.outcome, OUTCOME_LABEL[r.outcome])} ${badge('sev', r.severity)} <code>${x(r.ruleId)}</code> ${x(rule?.title ?? '')}</h3>
<p>${x(r.message)}</p>
<dl>${rows.join('')}</dl>
</article>`;
}

function remediationHtml(rule: RuleInfo): string {
  const text = rule.remediation.text.trim();
  const bicep = rule.remediation.bicep?.trimEnd();
  return `<p>${x(text)}</p>${bicep ? `<pre aria-label="Bicep example"><code>${x(bicep)}</code></pre>` : ''}`;
}

function diagnosticsSection(report: Report, options: HtmlOptions): string {
  const shown = report.diagnostics.filter((d) => d.severity !== 'info');
  const infos = report.diagnostics.length - shown.length;
  if (!shown.length && !infos) return '';
  const rows = shown.map(
    (d) => `<tr><td>${x(d.severity)}</td><td><code>${x(d.code)}</code></td><td>${d.location ? `<code>${x(`${relativePath(d.location.file, options.cwd)}:${d.location.startLine}:${d.location.startColumn}`)}</code>` : '–'}</td><td>${x(d.message)}</td></tr>`,
  );
  return `<section aria-labelledby="diagnostics-h">
<h2 id="diagnostics-h">Diagnostics</h2>
${rows.length ? `<table><caption>Problems found while reading the inputs</caption><thead><tr><th scope="col">Severity</th><th scope="col">Code</th><th scope="col">Where</th><th scope="col">Message</th></tr></thead><tbody>\n${rows.join('\n')}\n</tbody></table>` : ''}
${infos ? `<p class="muted">${infos} informational note(s) are in the JSON report.</p>` : ''}
</section>`;
}

function inputsSection(report: Report, options: HtmlOptions): string {
  if (!report.inputs.length) return '';
  const items = report.inputs.map((i) => `<li><code>${x(relativePath(i.path, options.cwd))}</code> <span class="muted">${x(i.kind)}</span></li>`);
  return `<section aria-labelledby="inputs-h">\n<h2 id="inputs-h">Inputs</h2>\n<ul>${items.join('')}</ul>\n</section>`;
}

function where(r: RuleResult, options: HtmlOptions): string {
  return r.location ? `${relativePath(r.location.file, options.cwd)}:${r.location.startLine}:${r.location.startColumn}` : '';
}

function badge(kind: 'sev' | 'out', value: string, label = value): string {
  return `<span class="badge ${kind}-${x(value)}">${x(label)}</span>`;
}

/** Only http(s) references become links; anything else (javascript:, data:) stays text. */
function link(url: string): string {
  return /^https?:\/\//i.test(url) ? `<a href="${x(url)}" rel="noreferrer noopener">${x(url)}</a>` : x(url);
}

function sha256(text: string): string {
  return 'sha256-' + createHash('sha256').update(text, 'utf8').digest('base64');
}
