// "Your next three fixes": the failed results whose fix weighs most on the score, ranked by rule
// weight (the severity weight after profile overrides) × pillar weight, ties broken by the points
// the fix would add. Computed from report.scoring and report.summary only, never re-scored.
import type { RuleResult } from '../engine/result.js';
import type { Report } from '../report/report.js';
import { PILLARS } from '../rules/rule.js';

export interface NextFix {
  result: RuleResult;
  /** Rule weight × pillar weight: the ranking key. */
  priority: number;
  /** Overall score points gained by fixing this one result, all else equal (one decimal). */
  gain: number;
}

export function nextFixes(report: Report, count = 3): NextFix[] {
  const rules = new Map(report.scoring.rules.map((r) => [r.ruleId, r]));
  const pillars = report.summary.pillars;
  const scoredPillarWeight = PILLARS.filter((p) => pillars[p].score !== null).reduce((s, p) => s + (pillars[p].weight ?? 0), 0);
  const fixes: NextFix[] = [];
  report.results.forEach((result) => {
    if (result.outcome !== 'fail') return;
    const rule = rules.get(result.ruleId);
    const weight = rule?.weight ?? report.scoring.severityWeights[result.severity] ?? 0;
    const pillarWeight = pillars[result.pillar]?.weight ?? 0;
    let gain = 0;
    if (rule && rule.passed + rule.failed > 0 && scoredPillarWeight > 0) {
      const inPillar = report.scoring.rules.filter((r) => r.pillar === result.pillar && r.score !== null).reduce((s, r) => s + r.weight, 0);
      const pillarDelta = inPillar > 0 ? (weight / (rule.passed + rule.failed)) / inPillar : 0;
      gain = Math.round(((pillarWeight * pillarDelta) / scoredPillarWeight) * 1000) / 10;
    }
    fixes.push({ result, priority: weight * pillarWeight, gain });
  });
  // Array.prototype.sort is stable: equal keys keep the report's order (severity, rule, resource).
  return fixes.sort((a, b) => b.priority - a.priority || b.gain - a.gain).slice(0, count);
}
