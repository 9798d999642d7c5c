// The pipeline behind `azready scan`: inputs → front ends → ResourceSet → rules → suppressions →
// score → report (design §1).
import path from 'node:path';
import type { DeploymentContext } from './arm/deployment-context.js';
import type { ProjectConfig } from './config/load-project-config.js';
import { diagnostic, hasErrors, type Diagnostic } from './core/diagnostic.js';
import { globToRegExp } from './core/glob.js';
import { evaluateRules } from './engine/evaluate-rules.js';
import { loadInputs } from './load-inputs.js';
import type { ResourceSet } from './model/resource-set.js';
import { evaluatePolicies } from './policy/evaluate-policy.js';
import { preparePolicies } from './policy/prepare-policies.js';
import { loadProfile, selectRules } from './profiles/load-profile.js';
import type { Profile } from './profiles/profile.js';
import { requiredComponentRules } from './profiles/required-component-rules.js';
import { applyBaseline, type BaselineInfo } from './report/apply-baseline.js';
import { buildReport } from './report/build-report.js';
import type { Report } from './report/report.js';
import { builtinRulesDir, loadRulePacks } from './rules/load-rules.js';
import type { Rule } from './rules/rule.js';
import { computeScore, type Score } from './scoring/score.js';
import { applySuppressions } from './suppressions/apply-suppressions.js';

export interface ScanOptions {
  paths: string[];
  /** Bundled profile name or YAML path; the project's, then `baseline`, when absent. */
  profile?: string;
  /** Extra rule pack folders, loaded after the bundled pack and the project's. */
  rules?: string[];
  params?: string[];
  deployment?: Partial<DeploymentContext>;
  now?: Date;
  /** azready.yaml: include/exclude, parameters, rules, overrides and suppressions. */
  project?: ProjectConfig;
  /** Read `// azready-disable-next-line` and ARM `metadata.azready.suppress` (default true). */
  inlineSuppressions?: boolean;
  /** An earlier report: failures already in it are marked `existing` (see evaluateGate). */
  baseline?: { report: Report; file: string };
  /** Azure Policy definitions, initiatives and assignments to evaluate too (`--policy`, `--policy-params`). */
  policies?: { paths: string[]; params?: string };
}

export type ScanOutcome =
  | { ok: true; report: Report; profile: Profile; score: Score; set: ResourceSet; inputErrors: boolean }
  | { ok: false; diagnostics: Diagnostic[] };

export interface LoadedConfig {
  profile: Profile;
  rules: Rule[];
  diagnostics: Diagnostic[];
}

/** Per-rule settings of azready.yaml `overrides`. */
export type RuleOverrides = ProjectConfig['overrides'];

/** Rule packs and the profile; any error here stops the run (exit code 2). */
export function loadConfig(profileName = 'baseline', extraPacks: string[] = [], overrides: RuleOverrides = {}): LoadedConfig | { diagnostics: Diagnostic[] } {
  const builtin = loadRulePacks([builtinRulesDir()]);
  const extra = extraPacks.length ? loadRulePacks(extraPacks) : { rules: [], diagnostics: [] };
  const prof = loadProfile(profileName);
  const diagnostics = [...builtin.diagnostics, ...extra.diagnostics, ...prof.diagnostics];
  const builtinIds = new Set(builtin.rules.map((r) => r.id));
  for (const r of extra.rules) {
    if (builtinIds.has(r.id)) diagnostics.push(diagnostic('rules/duplicate-id', 'error', `the rule id '${r.id}' in ${r.file} is already a bundled rule; choose another service or name`));
  }
  if (hasErrors(diagnostics) || !prof.profile) return { diagnostics };
  // Rules from --rules packs always run; the profile selects among the bundled ones.
  const selected = selectRules(builtin.rules, prof.profile);
  const all = [...selected, ...extra.rules, ...requiredComponentRules(prof.profile)];
  const known = new Set([...builtin.rules, ...extra.rules].map((r) => r.id.toLowerCase()));
  for (const [id, o] of Object.entries(overrides)) {
    if (!known.has(id.toLowerCase())) diagnostics.push(diagnostic('config/unknown-rule', 'warning', `azready.yaml overrides '${id}', which is not a loaded rule; check the id (azready rules list)`, o.location));
  }
  const byId = new Map(Object.entries(overrides).map(([id, o]) => [id.toLowerCase(), o]));
  const rules = all
    .filter((r) => !byId.get(r.id.toLowerCase())?.disabled)
    .map((r) => {
      const severity = byId.get(r.id.toLowerCase())?.severity;
      return severity ? { ...r, severity } : r;
    });
  return { profile: prof.profile, rules, diagnostics };
}

export function scan(options: ScanOptions): ScanOutcome {
  const project = options.project;
  const config = loadConfig(options.profile ?? project?.profile, [...(project?.rules ?? []), ...(options.rules ?? [])], project?.overrides);
  if (!('profile' in config)) return { ok: false, diagnostics: config.diagnostics };
  const policies = options.policies?.paths.length ? preparePolicies(options.policies.paths, options.policies.params) : undefined;
  if (policies && 'errors' in policies) return { ok: false, diagnostics: policies.errors };
  const set = loadInputs(options.paths, { params: options.params, deployment: options.deployment, ...(project ? projectInputs(project) : {}) });
  const evaluated = evaluateRules(config.rules, set);
  if (policies) {
    const p = evaluatePolicies(policies.units, set);
    evaluated.push(...p.results);
    config.rules.push(...p.rules);
    config.diagnostics.push(...policies.diagnostics, ...p.diagnostics);
  }
  const suppressed = applySuppressions(evaluated, set, { config: project?.suppressions, inline: options.inlineSuppressions, now: options.now });
  let results = suppressed.results;
  let baseline: BaselineInfo | undefined;
  if (options.baseline) ({ results, info: baseline } = applyBaseline(results, options.baseline.report, options.baseline.file));
  const score = computeScore(results, config.profile);
  const diagnostics = [...config.diagnostics, ...set.diagnostics, ...suppressed.diagnostics];
  const report = buildReport({ profile: config.profile, rules: config.rules, set, results, score, diagnostics, now: options.now, baseline });
  return { ok: true, report, profile: config.profile, score, set, inputErrors: hasErrors(set.diagnostics) || hasErrors(suppressed.diagnostics) };
}

/** azready.yaml `include`/`exclude` and `parameters`, as the front-end dispatcher takes them. */
function projectInputs(project: ProjectConfig): { select?: (file: string) => boolean; templateParams?: (file: string) => string | undefined } {
  const rel = (file: string) => path.relative(project.dir, path.resolve(file)).split(path.sep).join('/');
  const globs = (list: string[]) => list.map((g) => globToRegExp(g.replace(/^\.\//, '').replace(/\/$/, '/**')));
  const include = globs(project.include);
  const exclude = globs(project.exclude);
  const params = project.parameters.map((p) => ({ pattern: globToRegExp(p.template.replace(/^\.\//, '')), file: p.file }));
  return {
    ...(include.length || exclude.length
      ? {
          select: (file: string) => {
            const r = rel(file);
            // The globs describe the project's folder; files outside it are not filtered.
            if (r.startsWith('../') || path.isAbsolute(r)) return true;
            return (!include.length || include.some((g) => g.test(r))) && !exclude.some((g) => g.test(r));
          },
        }
      : {}),
    ...(params.length ? { templateParams: (file: string) => params.find((p) => p.pattern.test(rel(file)))?.file } : {}),
  };
}
