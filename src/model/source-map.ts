// Maps property paths of one resource to the source ranges they came from, with fallback to the
// closest ancestor when a path (an absent property, say) has no range of its own.
import type { SourceRange } from '../core/source-range.js';
import { parentPath } from '../core/json-path.js';

export class SourceMap {
  private readonly ranges = new Map<string, SourceRange>();

  /** `''` is the whole resource declaration. */
  set(path: string, range: SourceRange): void {
    this.ranges.set(path, range);
  }

  get size(): number {
    return this.ranges.size;
  }

  entries(): IterableIterator<[string, SourceRange]> {
    return this.ranges.entries();
  }

  /** The range of `path`, else of its nearest ancestor, else of the declaration. */
  rangeOf(path: string): SourceRange | undefined {
    let p: string | undefined = normalizeWildcards(path);
    while (p !== undefined) {
      const r = this.ranges.get(p);
      if (r) return r;
      p = parentPath(p);
    }
    return undefined;
  }
}

/** `a[*].b` has no range of its own; the array `a` does. */
function normalizeWildcards(path: string): string {
  const star = path.indexOf('[*]');
  return star < 0 ? path : path.slice(0, star);
}
