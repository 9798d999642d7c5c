// Glob patterns for config paths and suppression targets: `**` crosses `/`, `*` and `?` do not,
// `{a,b}` alternates. Matching is case-insensitive for resource ids and optional for paths.

/** A regular expression for `pattern`, anchored at both ends. */
export function globToRegExp(pattern: string, options: { ignoreCase?: boolean } = {}): RegExp {
  let re = '';
  let depth = 0;
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === '*') {
      if (pattern[i + 1] === '*') {
        // `**/` also matches no folder at all, so `**/x.json` matches `x.json`.
        if (pattern[i + 2] === '/') {
          re += '(?:.*/)?';
          i += 2;
        } else {
          re += '.*';
          i += 1;
        }
      } else re += '[^/]*';
    } else if (c === '?') re += '[^/]';
    else if (c === '{') {
      depth++;
      re += '(?:';
    } else if (c === '}' && depth > 0) {
      depth--;
      re += ')';
    } else if (c === ',' && depth > 0) re += '|';
    else re += c.replace(/[.+^$()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${re}$`, options.ignoreCase ? 'i' : '');
}

/** Whether `pattern` has glob syntax (otherwise it is compared as a literal). */
export function isGlob(pattern: string): boolean {
  return /[*?{]/.test(pattern);
}
