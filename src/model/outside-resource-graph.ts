// Types that Azure Resource Graph does not hold and that a live audit does not read otherwise. In
// a set made only of live or snapshot resources, "there are none of them" is not knowledge:
// counts over them are unknown, not zero.

const OUTSIDE = new Map<string, string>([
  ['microsoft.consumption/budgets', 'budgets are not in Azure Resource Graph; check them in Cost Management'],
]);

/** Why resources of `type` cannot be counted in a set read from Azure, or undefined. */
export function outsideResourceGraph(type: string): string | undefined {
  return OUTSIDE.get(type.toLowerCase());
}
