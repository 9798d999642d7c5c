// Bicep ranges for compiled values: one per emitted value, so this is on the compiler's hot path.
// The same lines and columns as LineMap (LF, CRLF and a lone CR end a line), found with one
// allocation per range and shortcuts for the usual cases: a node on the line of the previous
// lookup or the next one, and a node that ends on the line it starts on.
import type { SourceRange } from '../../core/source-range.js';

export class SpanFinder {
  private readonly starts: readonly number[];
  private last = 0;

  /**
   * `lineStarts`, when given, are the offsets where the lines of `text` start (0 first), as the
   * lexer recorded them; the text is then not scanned again.
   */
  constructor(
    private readonly file: string,
    text: string,
    lineStarts?: readonly number[],
  ) {
    this.starts = lineStarts ?? lineStartsOf(text);
  }

  /** The 0-based line holding `offset`. */
  private line(offset: number): number {
    const starts = this.starts;
    const last = this.last;
    // Compiling walks the tree in source order: the next node is mostly on this line or a little
    // further down; a jump back (a declaration's own range after its body) searches from the top.
    if (starts[last] <= offset) {
      if (last + 1 === starts.length || starts[last + 1] > offset) return last;
      return (this.last = this.search(last + 1, offset));
    }
    return (this.last = this.search(0, offset));
  }

  /** The last line from `from` on that starts at or before `offset` (`starts[from] <= offset`). */
  private search(from: number, offset: number): number {
    const starts = this.starts;
    const n = starts.length;
    // Galloping first: the line sought is mostly a few lines down (the end of a small object).
    let lo = from;
    let step = 1;
    while (lo + step < n && starts[lo + step] <= offset) {
      lo += step;
      step <<= 1;
    }
    let hi = lo + step < n ? lo + step - 1 : n - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  range(start: number, end: number): SourceRange {
    const starts = this.starts;
    const to = end > start ? end : start;
    const a = this.line(start);
    // Most nodes end on the line they start on; the others end further down, never above.
    const b = a + 1 === starts.length || starts[a + 1] > to ? a : this.search(a + 1, to);
    return { file: this.file, startLine: a + 1, startColumn: start - starts[a] + 1, endLine: b + 1, endColumn: to - starts[b] + 1 };
  }
}

function lineStartsOf(text: string): number[] {
  const starts = [0];
  if (!text.includes('\r')) {
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
    return starts;
  }
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) starts.push(i + 1);
    else if (c === 13 && text.charCodeAt(i + 1) !== 10) starts.push(i + 1);
  }
  return starts;
}
