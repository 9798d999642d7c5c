// Turns offsets into 1-based line/column lazily: parsers keep offsets, users see lines.
import type { SourceRange } from './source-range.js';

export class LineMap {
  private readonly starts: number[];

  /**
   * `lineStarts`, when given, are the offsets where lines start (0 first), as a lexer that already saw every
   * line end computed them; the text is then not scanned again.
   */
  constructor(text: string, lineStarts?: number[]) {
    this.starts = lineStarts ?? [0];
    if (lineStarts) return;
    // Searching with indexOf is several times faster than a character loop on large templates;
    // a lone CR (old Mac line ends) needs the slow path.
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

  /** The offsets where lines start (0 first), for callers that map many offsets their own way; read only. */
  get lineStarts(): readonly number[] {
    return this.starts;
  }

  /** 1-based line and column of a 0-based offset. */
  position(offset: number): { line: number; column: number } {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - this.starts[lo] + 1 };
  }

  range(file: string, offset: number, length: number): SourceRange {
    const start = this.position(offset);
    const end = this.position(offset + length);
    return { file, startLine: start.line, startColumn: start.column, endLine: end.line, endColumn: end.column };
  }
}
