// Canonical property paths (`properties.ipRules[0].value`) used as source-map keys and evidence paths.

export type PathSegment = string | number;

const IDENT = /^[A-Za-z_$][A-Za-z0-9_$-]*$/;

export function formatPath(segments: readonly PathSegment[]): string {
  let out = '';
  for (const s of segments) {
    if (typeof s === 'number') out += `[${s}]`;
    else if (IDENT.test(s)) out += out ? `.${s}` : s;
    else out += `['${s.replace(/'/g, "''")}']`;
  }
  return out;
}

export function childPath(parent: string, segment: PathSegment): string {
  if (typeof segment === 'number') return `${parent}[${segment}]`;
  if (IDENT.test(segment)) return parent ? `${parent}.${segment}` : segment;
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
