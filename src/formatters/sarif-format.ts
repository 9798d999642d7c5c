// SARIF 2.1.0 (reports/schema/sarif-schema-2.1.0.json) for code-scanning annotations: a rules
// table from the report's rules, and one result per failed, unverified or suppressed finding,
// located in the file (relative to %SRCROOT%) or, for live resources, by resource id.
import { createHash } from 'node:crypto';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Diagnostic } from '../core/diagnostic.js';
import type { InputInfo } from '../model/resource-set.js';
import { resourceKey, resourceLabeler, type RuleResult } from '../engine/result.js';
import type { Report, RuleInfo } from '../report/report.js';
import type { Severity } from '../rules/rule.js';
import { relativeParameters, relativePath } from './relative-path.js';

export interface SarifOptions {
  /** Artifact URIs are relative to this folder (the %SRCROOT% base). */
  cwd?: string;
}

export const SARIF_SCHEMA_URI = 'https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json';
export const INFORMATION_URI = 'https://azready.dev';
export const FINGERPRINT_KEY = 'azreadyFinding/v1';

/** GitHub code scanning's `security-severity` scale (CVSS-like, as a string). */
const SECURITY_SEVERITY: Record<Severity, string> = { critical: '9.0', high: '7.0', medium: '5.0', low: '3.0' };
/** The one mapping of rule severity onto SARIF levels. */
const LEVEL: Record<Severity, 'error' | 'warning'> = { critical: 'error', high: 'error', medium: 'warning', low: 'warning' };

type Json = Record<string, unknown>;

export function formatSarif(report: Report, options: SarifOptions = {}): string {
  const rules = [...report.rules];
  const index = new Map(rules.map((r, i) => [r.id, i]));
  const results: Json[] = [];
  const label = resourceLabeler(report.results, (p) => relativeParameters(p, options.cwd));
  const scanned = scannedFile(report.inputs);
  for (const r of report.results) {
    if (r.outcome !== 'fail' && r.outcome !== 'unknown' && r.outcome !== 'suppressed') continue;
    if (!index.has(r.ruleId)) {
      // A result whose rule the report does not describe still needs a rules-table entry.
      index.set(r.ruleId, rules.length);
      rules.push({ id: r.ruleId, title: r.ruleId, pillar: r.pillar, severity: r.severity, rationale: '', remediation: { text: '' }, references: [], frameworks: {} });
    }
    results.push(sarifResult(r, index.get(r.ruleId) as number, label(r.resource), options, scanned));
  }
  const errors = report.diagnostics.some((d) => d.severity === 'error');
  const log = {
    $schema: SARIF_SCHEMA_URI,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: report.tool.name,
            version: report.tool.version,
            semanticVersion: report.tool.version,
            informationUri: INFORMATION_URI,
            rules: rules.map(sarifRule),
          },
        },
        invocations: [
          {
            executionSuccessful: !errors,
            endTimeUtc: report.generatedAt,
            toolExecutionNotifications: report.diagnostics.filter((d) => d.severity !== 'info').map((d) => notification(d, options)),
          },
        ],
        columnKind: 'unicodeCodePoints',
        results,
        properties: {
          profile: report.profile.name,
          score: report.summary.score,
          level: report.summary.level,
          coverage: report.summary.coverage,
        },
      },
    ],
  };
  return JSON.stringify(log, null, 2) + '\n';
}

function sarifRule(rule: RuleInfo): Json {
  const severity = rule.severity as Severity;
  const fix = rule.remediation.text.trim();
  const bicep = rule.remediation.bicep?.trimEnd();
  const refs = rule.references.length ? '\n\nReferences:\n' + rule.references.map((u) => `- ${u}`).join('\n') : '';
  const mdRefs = rule.references.length ? '\n\n**References**\n\n' + rule.references.map((u) => `- <${u}>`).join('\n') : '';
  const entry: Json = {
    id: rule.id,
    name: pascalName(rule.id),
    shortDescription: { text: rule.title },
    fullDescription: { text: rule.rationale || rule.title },
    help: {
      text: `${fix}${bicep ? `\n\nBicep:\n${bicep}` : ''}${refs}`,
      markdown: `**How to fix**\n\n${fix}${bicep ? `\n\n\`\`\`bicep\n${bicep}\n\`\`\`` : ''}${rule.rationale ? `\n\n**Why it matters**\n\n${rule.rationale.trim()}` : ''}${mdRefs}`,
    },
    defaultConfiguration: { level: LEVEL[severity] ?? 'warning' },
    properties: {
      tags: tags(rule),
      'security-severity': SECURITY_SEVERITY[severity] ?? '5.0',
      precision: 'high',
      'problem.severity': LEVEL[severity] === 'error' ? 'error' : 'warning',
    },
  };
  const help = rule.references.find((u) => /^https?:\/\//.test(u));
  if (help) entry.helpUri = help;
  return entry;
}

function tags(rule: RuleInfo): string[] {
  // GitHub treats rules tagged "security" as security alerts and reads their security-severity.
  const list = [rule.pillar === 'security' ? 'security' : rule.pillar, `pillar/${rule.pillar}`, rule.severity];
  for (const [framework, controls] of Object.entries(rule.frameworks ?? {})) {
    for (const c of controls ?? []) list.push(`${framework}/${c}`);
  }
  return [...new Set(list)];
}

function sarifResult(r: RuleResult, ruleIndex: number, resourceName: string, options: SarifOptions, scanned: string | undefined): Json {
  const level = r.outcome === 'unknown' ? 'note' : LEVEL[r.severity];
  // One template evaluated with two parameters files: the same line, told apart by the parameters.
  const withParams = resourceName !== r.resource.name && r.resource.parameters !== undefined ? ` [${relativeParameters(r.resource.parameters, options.cwd)}]` : '';
  const text = (r.outcome === 'unknown' ? `Unverified: ${r.message}${r.reason ? ` (${r.reason})` : ''}` : r.message) + (r.message ? withParams : '');
  const location: Json = {
    logicalLocations: [{ name: resourceName, fullyQualifiedName: r.resource.id, kind: 'resource' }],
  };
  const physical = r.location ? physicalLocation(r.location, options) : undefined;
  if (physical) location.physicalLocation = physical;
  // GitHub code scanning rejects a whole upload when one result has no file ("expected a physical
  // location"). A finding about the deployment as a whole (no budget, no Key Vault) is put on the
  // first line of the scanned template; its fingerprint ignores that file, which may change.
  else if (scanned) location.physicalLocation = physicalLocation({ file: scanned, startLine: 1, startColumn: 1, endLine: 1, endColumn: 1 }, options);
  const result: Json = {
    ruleId: r.ruleId,
    ruleIndex,
    level,
    message: { text: text || r.ruleId },
    locations: [location],
    partialFingerprints: { [FINGERPRINT_KEY]: fingerprint(r, (physical?.artifactLocation as { uri?: string } | undefined)?.uri) },
    properties: { outcome: r.outcome, severity: r.severity, pillar: r.pillar, resourceType: r.resource.type, ...(r.resource.parameters !== undefined ? { parameters: relativeParameters(r.resource.parameters, options.cwd) } : {}), ...(r.evidence ? { evidence: r.evidence } : {}) },
  };
  if (r.outcome === 'suppressed') result.suppressions = [sarifSuppression(r, options)];
  // --baseline: SARIF's own vocabulary, so viewers can show only what a change added.
  if (r.baseline) result.baselineState = r.baseline === 'new' ? 'new' : 'unchanged';
  return result;
}

/**
 * The file a result without a source position is reported in: the scan's entry template (the
 * shallowest path, then the first in name order; parameters files and snapshots when there is no
 * template). None for live audits, whose results are located by resource id only.
 */
function scannedFile(inputs: readonly InputInfo[]): string | undefined {
  for (const kinds of [['bicep', 'arm-template'], ['bicep-parameters', 'arm-parameters', 'resource-graph-snapshot']]) {
    const files = inputs.filter((i) => kinds.includes(i.kind)).map((i) => i.path);
    const depth = (f: string) => f.split(/[\\/]/).length;
    files.sort((a, b) => depth(a) - depth(b) || (a < b ? -1 : a > b ? 1 : 0));
    if (files.length) return files[0];
  }
  return undefined;
}

/** In-source for comments and template metadata, external for azready.yaml entries. */
function sarifSuppression(r: RuleResult, options: SarifOptions): Json {
  const s = r.suppression;
  const justification = s?.reason ?? r.reason;
  const properties = { ...(s?.expires ? { expires: s.expires } : {}), ...(s?.file ? { file: relativePath(s.file, options.cwd) } : {}), ...(s?.line ? { line: s.line } : {}) };
  return {
    kind: s?.kind === 'inline' ? 'inSource' : 'external',
    status: 'accepted',
    ...(justification ? { justification } : {}),
    ...(Object.keys(properties).length ? { properties } : {}),
  };
}

function physicalLocation(loc: NonNullable<RuleResult['location']>, options: SarifOptions): Json {
  const rel = relativePath(loc.file, options.cwd);
  const inside = !path.isAbsolute(rel) && !rel.startsWith('../');
  const artifactLocation = inside ? { uri: rel.split('/').map(encodeURIComponent).join('/'), uriBaseId: '%SRCROOT%' } : { uri: pathToFileURL(path.resolve(options.cwd ?? '.', loc.file)).href };
  return {
    artifactLocation,
    region: {
      startLine: loc.startLine,
      startColumn: loc.startColumn,
      endLine: Math.max(loc.endLine, loc.startLine),
      endColumn: loc.endLine > loc.startLine ? loc.endColumn : Math.max(loc.endColumn, loc.startColumn),
    },
  };
}

function notification(d: Diagnostic, options: SarifOptions): Json {
  const n: Json = { level: d.severity === 'error' ? 'error' : 'warning', message: { text: d.message }, descriptor: { id: d.code } };
  if (d.location) n.locations = [{ physicalLocation: physicalLocation(d.location, options) }];
  return n;
}

/**
 * Stable across runs and line moves: rule id, resource id (case-folded, as ARM ids are), evidence
 * path and the file (as the SARIF names it). The file tells apart two templates that declare the
 * same resource id (separate deployments into the same placeholder scope), which code scanning
 * would otherwise merge into one alert.
 */
export function fingerprint(r: Pick<RuleResult, 'ruleId' | 'resource' | 'evidence' | 'location'>, file?: string): string {
  return createHash('sha256')
    .update(`${r.ruleId}\u0000${resourceKey(r.resource, r.location?.file)}\u0000${r.evidence?.path ?? ''}${file ? `\u0000${file}` : ''}`)
    .digest('hex')
    .slice(0, 32);
}

/** `storage/min-tls` → `StorageMinTls`, the identifier-like name SARIF viewers show. */
function pascalName(id: string): string {
  return id
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((w) => w[0].toUpperCase() + w.slice(1))
    .join('');
}
