// Which readiness pillar a policy's results score under, from its metadata category.
import { PILLARS, type Pillar } from '../rules/rule.js';

const BY_CATEGORY: Record<string, Pillar> = {
  backup: 'disaster-recovery',
  'site recovery': 'disaster-recovery',
  resilience: 'reliability',
  monitoring: 'operations',
  tags: 'operations',
  general: 'operations',
  'azure update manager': 'operations',
  'cost optimization': 'cost',
  cost: 'cost',
  'cost management': 'cost',
};

/**
 * Security Center, Key Vault, Storage, Network, SQL and the other service categories are
 * security (the default); Backup → disaster-recovery; Resilience → reliability; Monitoring, Tags
 * and General → operations; Cost → cost. A category that is a pillar name (as `policy export`
 * writes) is that pillar.
 */
export function pillarForCategory(category: string | undefined): Pillar {
  const c = (category ?? '').trim().toLowerCase();
  if ((PILLARS as readonly string[]).includes(c)) return c as Pillar;
  return BY_CATEGORY[c] ?? 'security';
}
