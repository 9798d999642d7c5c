// Small pieces of ARM expression text: quoted literals, function calls, JSON-position escaping.
// These run for every node of every template, so they build strings by plain concatenation
// (V8 joins the pieces lazily) and skip the regex when there is nothing to escape.

/** `'it''s'`: a string literal inside an ARM expression. */
export function quote(s: string): string {
  return s.indexOf("'") < 0 ? "'" + s + "'" : "'" + s.replace(/'/g, "''") + "'";
}

/**
 * `name(a, b, …)` for up to six arguments, without an array per call (there are tens of
 * thousands per corpus pass); more, or arguments already in an array, go through `callOf`.
 */
export function call(name: string, a?: string, b?: string, c?: string, d?: string, e?: string, f?: string): string {
  switch (arguments.length) {
    case 1:
      return name + '()';
    case 2:
      return name + '(' + a + ')';
    case 3:
      return name + '(' + a + ', ' + b + ')';
    case 4:
      return name + '(' + a + ', ' + b + ', ' + c + ')';
    case 5:
      return name + '(' + a + ', ' + b + ', ' + c + ', ' + d + ')';
    case 6:
      return name + '(' + a + ', ' + b + ', ' + c + ', ' + d + ', ' + e + ')';
    default:
      return name + '(' + a + ', ' + b + ', ' + c + ', ' + d + ', ' + e + ', ' + f + ')';
  }
}

/** `call` for arguments already in an array. */
export function callOf(name: string, args: readonly string[]): string {
  let s = name + '(';
  for (let i = 0; i < args.length; i++) s += i === 0 ? args[i] : ', ' + args[i];
  return s + ')';
}

/** A literal JSON string that would read as an expression gets ARM's `[[` escape. */
export function escapeJsonString(s: string): string {
  return s.charCodeAt(0) === 91 /* [ */ && s.charCodeAt(s.length - 1) === 93 /* ] */ ? '[' + s : s;
}

/** `format()` text for interpolation parts: literal braces are doubled. */
export function formatLiteral(s: string): string {
  if (s.indexOf('{') < 0 && s.indexOf('}') < 0) return s;
  return s.replace(/\{/g, '{{').replace(/\}/g, '}}');
}

/** An ARM expression that always produces `null` (placeholder after an error was reported). */
export const NULL = 'null()';
