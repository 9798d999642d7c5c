// The pipeline behind `azready scan`: inputs → front ends → ResourceSet → rules → score → report.
import type { DeploymentContext } from './arm/deployment-context.js';
import { diagnostic, hasErrors, type Diagnostic } from './core/diagnostic.js';
import { evaluateRules } from './engine/evaluate-rules.js';
import { loadInputs } from './load-inputs.js';
import type { ResourceSet } from './model/resource-set.js';
import { loadProfile, selectRules } from './profiles/load-profile.js';
import type { Profile } from './profiles/profile.js';
import { requiredComponentRules } from './profiles/required-component-rules.js';
import { buildReport } from './report/build-report.js';
import type { Report } from './report/report.js';
import { builtinRulesDir, loadRulePacks } from './rules/load-rules.js';
import type { Rule } from './rules/rule.js';
import { computeScore, type Score } from './scoring/score.js';

export interface ScanOptions {
  paths: string[];
  /** Bundled profile name or YAML path; `baseline` when absent. */
  profile?: string;
  /** Extra rule pack folders, loaded after the bundled pack. */
  rules?: string[];
  params?: string[];
  deployment?: Partial<DeploymentContext>;
  now?: Date;
}

export type ScanOutcome =
  | { ok: true; report: Report; profile: Profile; score: Score; set: ResourceSet; inputErrors: boolean }
  | { ok: false; diagnostics: Diagnostic[] };

export interface LoadedConfig {
  profile: Profile;
  rules: Rule[];
  diagnostics: Diagnostic[];
}

/** Rule packs and the profile; any error here stops the run (exit code 2). */
export function loadConfig(profileName = 'baseline', extraPacks: string[] = []): LoadedConfig | { diagnostics: Diagnostic[] } {
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
  return { profile: prof.profile, rules: [...selected, ...extra.rules, ...requiredComponentRules(prof.profile)], diagnostics };
}

export function scan(options: ScanOptions): ScanOutcome {
  const config = loadConfig(options.profile, options.rules);
  if (!('profile' in config)) return { ok: false, diagnostics: config.diagnostics };
  const set = loadInputs(options.paths, { params: options.params, deployment: options.deployment });
  const results = evaluateRules(config.rules, set);
  const score = computeScore(results, config.profile);
  const diagnostics = [...config.diagnostics, ...set.diagnostics];
  const report = buildReport({ profile: config.profile, rules: config.rules, set, results, score, diagnostics, now: options.now });
  return { ok: true, report, profile: config.profile, score, set, inputErrors: hasErrors(set.diagnostics) };
}
