// Maps property paths of one resource to the source ranges they came from, with fallback to the
// closest ancestor when a path (an absent property, say) has no range of its own.
import type { SourceRange } from '../core/source-range.js';
import { parentPath } from '../core/json-path.js';

export class SourceMap {
  /** A range, or the target a range is resolved from when first read (see setLazy). */
  private readonly ranges = new Map<string, SourceRange | object>();

  /** `resolve` turns what setLazy recorded into a range. */
  constructor(private readonly resolve?: (target: object) => SourceRange) {}

  /** `''` is the whole resource declaration. */
  set(path: string, range: SourceRange): void {
    this.ranges.set(path, range);
  }

  /**
   * Records the range of `path` as `target` (a template node), resolved only when read: expansion
   * maps every property of every resource, and findings read a few of them.
   */
  setLazy(path: string, target: object): void {
    this.ranges.set(path, target);
  }

  get size(): number {
    return this.ranges.size;
  }

  entries(): IterableIterator<[string, SourceRange]> {
    for (const [path, v] of this.ranges) if (!isRange(v)) this.ranges.set(path, this.resolve!(v));
    return this.ranges.entries() as IterableIterator<[string, SourceRange]>;
  }

  /** The range of `path`, else of its nearest ancestor, else of the declaration. */
  rangeOf(path: string): SourceRange | undefined {
    let p: string | undefined = normalizeWildcards(path);
    while (p !== undefined) {
      const r = this.ranges.get(p);
      if (r) return isRange(r) ? r : this.resolved(p, r);
      p = parentPath(p);
    }
    return undefined;
  }

  private resolved(path: string, target: object): SourceRange {
    const range = this.resolve!(target);
    this.ranges.set(path, range);
    return range;
  }
}

function isRange(v: SourceRange | object): v is SourceRange {
  return typeof (v as SourceRange).startLine === 'number';
}

/** `a[*].b` has no range of its own; the array `a` does. */
function normalizeWildcards(path: string): string {
  const star = path.indexOf('[*]');
  return star < 0 ? path : path.slice(0, star);
}
