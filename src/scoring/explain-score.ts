// `--explain-score`: the arithmetic behind the score, line by line, so a user can check it by hand.
import type { Profile } from '../profiles/profile.js';
import { PILLARS } from '../rules/rule.js';
import type { Score } from './score.js';

export function explainScore(score: Score, profile: Profile): string[] {
  const lines: string[] = [];
  lines.push('How the score is computed');
  lines.push('  rule score   = passed / (passed + failed)            unknown and suppressed results are left out');
  lines.push(`  pillar score = Σ(weight × rule score) / Σ weight      weights: ${Object.entries(profile.severityWeights).map(([k, v]) => `${k} ${v}`).join(', ')}`);
  lines.push('  overall      = Σ(pillar weight × pillar score) / Σ pillar weight, over pillars with a score');
  for (const p of PILLARS) {
    const ps = score.pillars[p];
    const rules = score.rules.filter((r) => r.pillar === p && r.score !== null);
    if (!rules.length) {
      lines.push(`${p}: no verified results`);
      continue;
    }
    lines.push(`${p} (pillar weight ${ps.weight}):`);
    for (const r of rules) {
      lines.push(`  ${r.ruleId.padEnd(44)} ${r.passed}/${r.passed + r.failed} = ${fmt(r.score!)}  × ${r.weight} (${r.severity})`);
    }
    const num = rules.reduce((s, r) => s + r.weight * r.score!, 0);
    const den = rules.reduce((s, r) => s + r.weight, 0);
    lines.push(`  = ${fmt(num)} / ${den} = ${ps.score}`);
  }
  const scored = PILLARS.filter((p) => score.pillars[p].score !== null && score.pillars[p].weight > 0);
  if (scored.length) {
    const terms = scored.map((p) => `${score.pillars[p].weight}×${score.pillars[p].score}`).join(' + ');
    const den = scored.reduce((s, p) => s + score.pillars[p].weight, 0);
    lines.push(`overall = (${terms}) / ${den} = ${score.score}`);
  } else {
    lines.push('overall: nothing could be verified, so there is no score');
  }
  const levels = profile.levels.map((l) => `${l.name} ≥ ${l.minScore}`).join(', ');
  lines.push(`level: ${score.level} (${levels})${score.levelCapped ? `; capped below '${profile.levels[0].name}' because critical rules failed: ${score.failedCritical.join(', ')}` : ''}`);
  const checked = score.counts.pass + score.counts.fail + score.counts.unknown;
  lines.push(checked === 0 ? 'coverage: no rule applied to any resource, so there is nothing to cover' : `coverage = verified / (verified + unknown) = ${score.counts.pass + score.counts.fail} / ${checked} = ${score.coverage}`);
  return lines;
}

function fmt(x: number): string {
  return String(Math.round(x * 1000) / 1000);
}
