// Parses `field` paths: `properties.a.b`, `properties.rules[*].value`, `tags['cost center']`,
// `tags.env`, `tags[env]`. Parsed paths are cached: rules reuse a handful of paths many times.

export type FieldSegment = { kind: 'key'; name: string } | { kind: 'index'; index: number } | { kind: 'all' };

const cache = new Map<string, FieldSegment[] | string>();

/** The segments of a path, or an error message. */
export function parseFieldPath(path: string): FieldSegment[] | string {
  const hit = cache.get(path);
  if (hit !== undefined) return hit;
  const result = parse(path);
  cache.set(path, result);
  return result;
}

function parse(path: string): FieldSegment[] | string {
  const out: FieldSegment[] = [];
  let i = 0;
  const n = path.length;
  while (i < n) {
    const c = path[i];
    if (c === '.') {
      i++;
      continue;
    }
    if (c === '[') {
      const close = findClose(path, i);
      if (close < 0) return `unclosed "[" in '${path}'`;
      const inner = path.slice(i + 1, close).trim();
      if (inner === '*') out.push({ kind: 'all' });
      else if (/^\d+$/.test(inner)) out.push({ kind: 'index', index: Number(inner) });
      else if (inner.startsWith("'") && inner.endsWith("'") && inner.length >= 2) out.push({ kind: 'key', name: inner.slice(1, -1).replace(/''/g, "'") });
      else if (inner) out.push({ kind: 'key', name: inner });
      else return `empty "[]" in '${path}'`;
      i = close + 1;
      continue;
    }
    let j = i;
    while (j < n && path[j] !== '.' && path[j] !== '[') j++;
    out.push({ kind: 'key', name: path.slice(i, j) });
    i = j;
  }
  if (out.length === 0) return 'the field path is empty';
  return out;
}

/** The matching `]`, skipping quoted text (`tags['a]b']`). */
function findClose(path: string, open: number): number {
  let quoted = false;
  for (let k = open + 1; k < path.length; k++) {
    const c = path[k];
    if (c === "'") {
      if (quoted && path[k + 1] === "'") {
        k++;
        continue;
      }
      quoted = !quoted;
    } else if (c === ']' && !quoted) return k;
  }
  return -1;
}

export function hasWildcard(segments: readonly FieldSegment[]): boolean {
  return segments.some((s) => s.kind === 'all');
}
