// Small pieces of ARM expression text: quoted literals, function calls, JSON-position escaping.

/** `'it''s'`: a string literal inside an ARM expression. */
export function quote(s: string): string {
  return `'${s.replace(/'/g, "''")}'`;
}

export function call(name: string, ...args: string[]): string {
  return `${name}(${args.join(', ')})`;
}

/** A literal JSON string that would read as an expression gets ARM's `[[` escape. */
export function escapeJsonString(s: string): string {
  return s.startsWith('[') && s.endsWith(']') ? `[${s}` : s;
}

/** `format()` text for interpolation parts: literal braces are doubled. */
export function formatLiteral(s: string): string {
  return s.replace(/\{/g, '{{').replace(/\}/g, '}}');
}

/** An ARM expression that always produces `null` (placeholder after an error was reported). */
export const NULL = 'null()';
