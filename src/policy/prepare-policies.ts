// `--policy` and `--policy-params` to evaluation units: load, read parameters, plan. Load errors
// stop the scan (exit code 2), as an invalid rule pack does.
import { hasErrors, diagnostic, type Diagnostic } from '../core/diagnostic.js';
import { loadPolicies, readPolicyParams } from './load-policies.js';
import { planPolicies, type PolicyUnit } from './plan-policies.js';

export function preparePolicies(paths: string[], paramsFile?: string): { units: PolicyUnit[]; diagnostics: Diagnostic[] } | { errors: Diagnostic[] } {
  const bundle = loadPolicies(paths);
  let overrides = new Map<string, unknown>();
  if (paramsFile) {
    const read = readPolicyParams(paramsFile);
    if ('error' in read) return { errors: [...bundle.diagnostics, diagnostic('policy/invalid-params', 'error', read.error)] };
    overrides = read.values;
  }
  if (hasErrors(bundle.diagnostics)) return { errors: bundle.diagnostics };
  const plan = planPolicies(bundle, overrides);
  return { units: plan.units, diagnostics: [...bundle.diagnostics, ...plan.diagnostics] };
}
