import { describe, expect, it } from 'vitest';
import { LineMap } from '../../../src/core/line-map.js';
import { SpanFinder } from '../../../src/bicep/compile/span-finder.js';

describe('SpanFinder', () => {
  it('gives the ranges LineMap gives, for LF, CRLF and lone-CR line ends, in any order, from the text or from given line starts', () => {
    for (const text of ['', 'one line', 'a\nbb\n\nccc\n', 'a\r\nbb\r\n\r\nccc', 'a\rbb\r\rc\r\nd\n', '\n\n\n']) {
      const lines = new LineMap(text);
      const spans = new SpanFinder('f.bicep', text);
      const shared = new SpanFinder('f.bicep', text, lines.lineStarts);
      const offsets = Array.from({ length: text.length + 2 }, (_, i) => i);
      for (const [start, end] of [...offsets.map((o) => [o, o + 1]), ...offsets.reverse().map((o) => [o, 0]), [0, text.length]]) {
        expect(spans.range(start, end)).toEqual(lines.range('f.bicep', start, Math.max(0, end - start)));
        expect(shared.range(start, end)).toEqual(lines.range('f.bicep', start, Math.max(0, end - start)));
      }
    }
  });
});
