// One way to print a result's evidence value in every text format: strings as they are, anything
// else as compact JSON (Unknowns already arrive as {"$unknown": reason}).

export function evidenceText(actual: unknown): string {
  if (actual === undefined) return '';
  if (typeof actual === 'string') return actual;
  return JSON.stringify(actual) ?? String(actual);
}
