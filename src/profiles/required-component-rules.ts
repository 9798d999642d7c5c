// A profile's required components become set-level rules, so a missing component is a failed
// result with remediation like any other, scored under reliability.
import type { Rule } from '../rules/rule.js';
import type { Profile } from './profile.js';

export function requiredComponentRules(profile: Profile): Rule[] {
  return profile.requiredComponents.map((c) => {
    const types = [c.type].flat();
    const slug = types[0].split('/').slice(1).join('-').replace(/([a-z])([A-Z])/g, '$1-$2').toLowerCase();
    return {
      id: `${profile.name}/requires-${slug}`,
      title: `The ${profile.title} scenario includes ${c.description}`,
      pillar: 'reliability',
      severity: 'high',
      scope: 'set',
      resourceTypes: [],
      expect: { count: { resources: { type: types } }, greaterOrEquals: 1 },
      defaults: [],
      rationale: `The ${profile.title} profile expects ${c.description} (${types.join(' or ')}); without it the architecture is incomplete.`,
      remediation: { text: `Add ${c.description} (${types.join(' or ')}) to the deployment, or choose a profile that matches what you deploy.` },
      references: [],
      frameworks: {},
      tags: [profile.name],
      file: profile.file,
    } satisfies Rule;
  });
}
