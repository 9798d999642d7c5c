// Maps property paths of one resource to the source ranges they came from, with fallback to the
// closest ancestor when a path (an absent property, say) has no range of its own.
import type { SourceRange } from '../core/source-range.js';
import { childPath, parentPath, type PathSegment } from '../core/json-path.js';

/**
 * How the recorder of lazy entries reads its targets: `range` turns one into a source range, and
 * `members` (for setTree) lists the children a target's paths descend into, in source order.
 */
export interface SourceTargets {
  range(target: object): SourceRange;
  members?(target: object): readonly (readonly [PathSegment, object])[];
}

/** A whole subtree recorded by its root (see setTree), expanded into paths when first needed. */
class Tree {
  range?: SourceRange;
  constructor(readonly root: object) {}
}

export class SourceMap {
  /** A range, or the target a range is resolved from when first read (see setLazy), or a Tree. */
  private ranges = new Map<string, SourceRange | object>();
  private readonly targets?: SourceTargets;

  /** `targets` (or a plain `range` function) resolves what setLazy and setTree recorded. */
  constructor(targets?: SourceTargets | ((target: object) => SourceRange)) {
    this.targets = typeof targets === 'function' ? { range: targets } : targets;
  }

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

  /**
   * Records `path` as `root` and every path below it as the target that `members` finds there,
   * as if each had been given to setLazy in a depth-first walk (a later duplicate overriding an
   * earlier one in place). No path string is built until a path inside is read: findings read a
   * few paths of a few resources. Nothing else may be recorded below `path`.
   */
  setTree(path: string, root: object): void {
    this.ranges.set(path, new Tree(root));
  }

  get size(): number {
    this.expandTrees();
    return this.ranges.size;
  }

  entries(): IterableIterator<[string, SourceRange]> {
    this.expandTrees();
    for (const [path, v] of this.ranges) if (!isRange(v)) this.ranges.set(path, this.targets!.range(v));
    return this.ranges.entries() as IterableIterator<[string, SourceRange]>;
  }

  /** The range of `path`, else of its nearest ancestor, else of the declaration. */
  rangeOf(path: string): SourceRange | undefined {
    const wanted = normalizeWildcards(path);
    let p: string | undefined = wanted;
    while (p !== undefined) {
      const r = this.ranges.get(p);
      if (r) {
        if (r instanceof Tree) {
          // The root itself needs no walk; a path below it does.
          if (p === wanted) return (r.range ??= this.targets!.range(r.root));
          this.expandTrees();
          p = wanted;
          continue;
        }
        return isRange(r) ? r : this.resolved(p, r);
      }
      p = parentPath(p);
    }
    return undefined;
  }

  private resolved(path: string, target: object): SourceRange {
    const range = this.targets!.range(target);
    this.ranges.set(path, range);
    return range;
  }

  /** Replaces every Tree by the entries it stands for, in place, keeping the order of entries. */
  private expandTrees(): void {
    let any = false;
    for (const v of this.ranges.values()) if (v instanceof Tree) any = true;
    if (!any) return;
    const expanded = new Map<string, SourceRange | object>();
    for (const [path, v] of this.ranges) {
      if (v instanceof Tree) this.walk(path, v.root, expanded);
      else expanded.set(path, v);
    }
    this.ranges = expanded;
  }

  private walk(path: string, target: object, out: Map<string, SourceRange | object>): void {
    out.set(path, target);
    for (const [segment, child] of this.targets!.members!(target)) this.walk(childPath(path, segment), child, out);
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
