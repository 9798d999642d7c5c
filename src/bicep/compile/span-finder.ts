// Bicep ranges for compiled values: one per emitted value, so this is on the compiler's hot path.
// The same lines and columns as LineMap (LF, CRLF and a lone CR end a line), found with one
// allocation per range and a shortcut for nodes on the line of the previous lookup.
import type { SourceRange } from '../../core/source-range.js';

export class SpanFinder {
  private readonly starts: number[] = [0];
  private last = 0;

  constructor(
    private readonly file: string,
    text: string,
  ) {
    if (!text.includes('\r')) {
      for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) this.starts.push(i + 1);
      return;
    }
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 10) this.starts.push(i + 1);
      else if (c === 13 && text.charCodeAt(i + 1) !== 10) this.starts.push(i + 1);
    }
  }

  /** The 0-based line holding `offset`. */
  private line(offset: number): number {
    const starts = this.starts;
    const last = this.last;
    if (starts[last] <= offset && (last + 1 === starts.length || starts[last + 1] > offset)) return last;
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    this.last = lo;
    return lo;
  }

  range(start: number, end: number): SourceRange {
    const to = end > start ? end : start;
    const a = this.line(start);
    const startColumn = start - this.starts[a] + 1;
    const b = this.line(to);
    return { file: this.file, startLine: a + 1, startColumn, endLine: b + 1, endColumn: to - this.starts[b] + 1 };
  }
}
