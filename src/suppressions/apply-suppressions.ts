// The suppressions stage (design §1: engine → suppressions → scoring): failed and unverified
// results that a suppression accepts become `suppressed`, keeping the suppression's kind and reason.
// Suppressions come from azready.yaml and from the sources (Bicep comments, ARM resource metadata);
// an expired one gives the finding back, with a note in its message and a warning diagnostic.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { diagnostic, type Diagnostic } from '../core/diagnostic.js';
import { globToRegExp } from '../core/glob.js';
import type { RuleResult, Suppression } from '../engine/result.js';
import type { ResourceSet } from '../model/resource-set.js';
import type { Resource } from '../model/resource.js';
import type { ConfigSuppression } from '../config/load-project-config.js';
import { ArmSuppressionReader } from './inline-arm.js';
import { bicepSuppressions, type InlineSuppression } from './inline-bicep.js';

export interface SuppressionOptions {
  /** `suppressions:` of azready.yaml. */
  config?: readonly ConfigSuppression[];
  /** Read `// azready-disable-next-line` and `metadata.azready.suppress` in the sources (default true). */
  inline?: boolean;
  /** Expiry dates are compared with this day (UTC). */
  now?: Date;
  /** Reads a source file; tests replace it. */
  readFile?: (file: string) => string | undefined;
}

export interface SuppressionOutcome {
  results: RuleResult[];
  diagnostics: Diagnostic[];
}

export function applySuppressions(results: readonly RuleResult[], set: ResourceSet, options: SuppressionOptions = {}): SuppressionOutcome {
  const today = (options.now ?? new Date()).toISOString().slice(0, 10);
  const inline = options.inline === false ? undefined : new InlineIndex(set, options.readFile ?? readText);
  const config = (options.config ?? []).map((s) => ({
    s,
    rule: globToRegExp(s.rule, { ignoreCase: true }),
    resource: s.resource ? globToRegExp(s.resource, { ignoreCase: true }) : undefined,
    parameters: s.parameters ? globToRegExp(s.parameters, { ignoreCase: true }) : undefined,
  }));
  const expired = new Set<ConfigSuppression>();
  const used = new Set<ConfigSuppression>();
  // Every Bicep input is read, so a comment without a reason is an error even where nothing fails.
  for (const input of inline ? set.inputs : []) if (input.kind === 'bicep') inline?.bicepFile(input.path);
  const out = results.map((r) => {
    if (r.outcome !== 'fail' && r.outcome !== 'unknown') return r;
    const found = inline?.find(r);
    if (found) return suppress(r, { kind: 'inline', reason: found.reason, file: found.file, line: found.line });
    for (const c of config) {
      if (!c.rule.test(r.ruleId) || (c.resource && !matchesResource(c.resource, r.resource)) || (c.parameters && !matchesParameters(c.parameters, r.resource, c.s.location.file))) continue;
      const s = c.s;
      used.add(s);
      if (s.expires && s.expires < today) {
        expired.add(s);
        return { ...r, message: `${r.message} (the suppression in ${displayPath(s.location.file)}:${s.location.startLine} expired on ${s.expires}: ${s.reason})` };
      }
      return suppress(r, { kind: 'config', reason: s.reason, ...(s.expires ? { expires: s.expires } : {}), file: s.location.file, line: s.location.startLine });
    }
    return r;
  });
  const diagnostics = [...(inline?.diagnostics() ?? [])];
  for (const s of expired) {
    const target = (s.resource ? ` on ${s.resource}` : '') + (s.parameters ? ` with parameters ${s.parameters}` : '');
    diagnostics.push(diagnostic('suppressions/expired', 'warning', `the suppression of ${s.rule}${target} expired on ${s.expires} ("${s.reason}"); its findings count again: fix them, or renew the suppression with a new date`, s.location));
  }
  // As linters report unused disable directives: a suppression that accepts nothing may be stale.
  for (const s of options.config ?? []) {
    if (used.has(s)) continue;
    const target = (s.resource ? ` on ${s.resource}` : '') + (s.parameters ? ` with parameters ${s.parameters}` : '');
    diagnostics.push(diagnostic('suppressions/unused', 'info', `the suppression of ${s.rule}${target} matched no failed or unverified result; remove it if the finding is fixed`, s.location));
  }
  return { results: out, diagnostics };
}

function suppress(r: RuleResult, suppression: Suppression): RuleResult {
  return { ...r, outcome: 'suppressed', suppression };
}

/** A pattern matches the resource id, its full name (`parent/child`) or its last name segment. */
function matchesResource(pattern: RegExp, resource: RuleResult['resource']): boolean {
  return pattern.test(resource.id) || pattern.test(resource.name) || pattern.test(resource.name.split('/').pop() ?? '');
}

/**
 * A pattern matches the parameters file(s) of the result's evaluation, by name or by path: as
 * the scan spelled it, or relative to the folder of azready.yaml (as its other paths are), so
 * that `dev/*` holds whatever folder the scan runs from and however its path is given.
 */
function matchesParameters(pattern: RegExp, resource: RuleResult['resource'], configFile: string): boolean {
  const files = resource.parameters?.split(', ') ?? [];
  const base = path.dirname(path.resolve(configFile));
  const fromConfig = (f: string) => path.relative(base, path.resolve(f)).split(path.sep).join('/');
  return files.some((f) => pattern.test(f) || pattern.test(f.replace(/\\/g, '/')) || pattern.test(path.basename(f)) || pattern.test(fromConfig(f)));
}

function ruleMatches(rules: string[], ruleId: string): boolean {
  return rules.some((p) => globToRegExp(p, { ignoreCase: true }).test(ruleId));
}

/** Inline suppressions by file, read once per file and only for files with findings. */
class InlineIndex {
  private readonly bicep = new Map<string, { byLine: Map<number, InlineSuppression[]>; diagnostics: Diagnostic[] }>();
  private readonly arm = new Map<string, ArmSuppressionReader | undefined>();

  constructor(
    private readonly set: ResourceSet,
    private readonly read: (file: string) => string | undefined,
  ) {}

  find(r: RuleResult): InlineSuppression | undefined {
    const resource = r.resource.id === '/' ? undefined : this.resourceOf(r);
    const declaration = resource?.sourceMap?.rangeOf('');
    if (!resource || !declaration) return undefined;
    if (resource.origin === 'bicep') {
      // A comment that applies to the finding's line, or to the resource's declaration.
      const lines = [r.location?.file === declaration.file ? r.location.startLine : undefined, declaration.startLine];
      const index = this.bicepFile(declaration.file);
      for (const line of lines) {
        if (line === undefined) continue;
        const hit = index?.byLine.get(line)?.find((s) => ruleMatches(s.rules, r.ruleId));
        if (hit) return hit;
      }
      return undefined;
    }
    if (resource.origin === 'arm') return this.armFile(declaration.file)?.at(declaration).find((s) => ruleMatches(s.rules, r.ruleId));
    return undefined;
  }

  /**
   * The resource a result is about. Two templates may declare the same id: the one declared in the
   * file the finding points at has the comments that can suppress it.
   */
  private resourceOf(r: RuleResult): Resource | undefined {
    const all = this.set.allById(r.resource.id);
    if (all.length < 2 || !r.location) return all[0];
    return all.find((c) => c.sourceMap?.rangeOf('')?.file === r.location!.file) ?? all[0];
  }

  diagnostics(): Diagnostic[] {
    return [...[...this.bicep.values()].flatMap((b) => b.diagnostics), ...[...this.arm.values()].flatMap((a) => a?.diagnostics ?? [])];
  }

  bicepFile(file: string) {
    if (!this.bicep.has(file)) {
      const text = this.read(file);
      const parsed = text === undefined ? { suppressions: [], diagnostics: [] } : bicepSuppressions(file, text);
      const byLine = new Map<number, InlineSuppression[]>();
      for (const s of parsed.suppressions) byLine.set(s.target, [...(byLine.get(s.target) ?? []), s]);
      this.bicep.set(file, { byLine, diagnostics: parsed.diagnostics });
    }
    return this.bicep.get(file);
  }

  private armFile(file: string) {
    if (!this.arm.has(file)) {
      const text = this.read(file);
      this.arm.set(file, text === undefined ? undefined : new ArmSuppressionReader(file, text));
    }
    return this.arm.get(file);
  }
}

function readText(file: string): string | undefined {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}

function displayPath(file: string): string {
  const rel = path.relative(process.cwd(), file);
  return (rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel : file).split(path.sep).join('/');
}
