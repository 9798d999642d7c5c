// Shared builders for tests: resources, results and a minimal profile.
import type { RuleResult } from '../src/engine/result.js';
import type { Resource } from '../src/model/resource.js';
import { DEFAULT_SEVERITY_WEIGHTS, type Profile } from '../src/profiles/profile.js';

export function res(partial: Partial<Resource> & { type: string; name: string }): Resource {
  return {
    id: partial.id ?? `/subscriptions/s/resourceGroups/rg/providers/${partial.type}/${partial.name}`,
    dependsOn: [],
    origin: 'arm',
    ...partial,
  };
}

export function result(ruleId: string, outcome: RuleResult['outcome'], extra: Partial<RuleResult> = {}): RuleResult {
  return {
    ruleId,
    outcome,
    severity: 'high',
    pillar: 'security',
    resource: { id: `/r/${ruleId}`, type: 'T', name: 'r' },
    message: '',
    ...extra,
  };
}

export function profile(extra: Partial<Profile> = {}): Profile {
  return {
    name: 'test',
    title: 'Test',
    description: '',
    extends: [],
    select: {},
    exclude: {},
    overrides: {},
    severityWeights: { ...DEFAULT_SEVERITY_WEIGHTS },
    pillarWeights: { security: 1, reliability: 1, cost: 1, 'disaster-recovery': 1, operations: 1 },
    levels: [
      { name: 'ready', minScore: 85 },
      { name: 'nearly-ready', minScore: 70 },
      { name: 'not-ready', minScore: 0 },
    ],
    requiredComponents: [],
    file: 'test.yaml',
    ...extra,
  };
}
