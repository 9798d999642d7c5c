// Canonical property paths (`properties.ipRules[0].value`) used as source-map keys and evidence paths.

export type PathSegment = string | number;

/**
 * `/^[A-Za-z_$][A-Za-z0-9_$-]*$/.test(s)`, as a loop: expansion builds a path for every property
 * it evaluates, and the regular expression cost more than the rest of the path building.
 */
function isIdentifier(s: string): boolean {
  if (s.length === 0) return false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    const letter = (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95 || c === 36;
    if (letter || (i > 0 && ((c >= 48 && c <= 57) || c === 45))) continue;
    return false;
  }
  return true;
}

export function formatPath(segments: readonly PathSegment[]): string {
  let out = '';
  for (const s of segments) {
    if (typeof s === 'number') out += `[${s}]`;
    else if (isIdentifier(s)) out += out ? `.${s}` : s;
    else out += `['${s.replace(/'/g, "''")}']`;
  }
  return out;
}

export function childPath(parent: string, segment: PathSegment): string {
  if (typeof segment === 'number') return `${parent}[${segment}]`;
  if (isIdentifier(segment)) return parent ? `${parent}.${segment}` : segment;
  return `${parent}['${segment.replace(/'/g, "''")}']`;
}

/** The path one level up: `a.b[2]` → `a.b`, `a.b` → `a`, `a` → ``. */
export function parentPath(path: string): string | undefined {
  if (!path) return undefined;
  if (path.endsWith(']')) {
    const open = path.lastIndexOf('[');
    return path.slice(0, open);
  }
  const dot = path.lastIndexOf('.');
  return dot < 0 ? '' : path.slice(0, dot);
}
