// Rule ids as users type them on the command line: case-insensitive (as in azready.yaml), with
// the nearest ids suggested when there is no such rule.
import type { Rule } from '../rules/rule.js';

export function findRule<R extends Pick<Rule, 'id'>>(rules: readonly R[], id: string): R | undefined {
  return rules.find((r) => r.id.toLowerCase() === id.toLowerCase());
}

/** `azready: no rule 'x'; did you mean …?` — ids that share the most words with `id`. */
export function noRuleMessage(rules: readonly Pick<Rule, 'id'>[], id: string): string {
  const words = (s: string) => new Set(s.toLowerCase().split(/[/\-_.\s]+/).filter(Boolean));
  const wanted = words(id);
  const near = rules
    .map((r) => ({ id: r.id, shared: [...words(r.id)].filter((w) => wanted.has(w)).length }))
    .filter((r) => r.shared >= Math.min(2, wanted.size))
    .sort((a, b) => b.shared - a.shared || a.id.localeCompare(b.id))
    .slice(0, 5)
    .map((r) => r.id);
  return `no rule '${id}'${near.length ? `; did you mean ${near.join(', ')}?` : '; see azready rules list'}`;
}
