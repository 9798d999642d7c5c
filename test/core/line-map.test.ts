import { describe, expect, it } from 'vitest';
import { LineMap } from '../../src/core/line-map.js';

describe('LineMap', () => {
  it.each([
    ['LF', 'ab\ncd\n\nef', 7, { line: 4, column: 1 }],
    ['LF end', 'ab\ncd', 4, { line: 2, column: 2 }],
    ['CRLF', 'ab\r\ncd\r\nef', 8, { line: 3, column: 1 }],
    ['lone CR', 'ab\rcd\ref', 6, { line: 3, column: 1 }],
    ['first char', 'x', 0, { line: 1, column: 1 }],
  ])('maps offsets to 1-based positions (%s)', (_name, text, offset, pos) => {
    expect(new LineMap(text).position(offset)).toEqual(pos);
  });

  it('uses line starts a lexer already found instead of scanning the text', () => {
    const text = 'ab\r\ncd\ref';
    expect(new LineMap(text, [0, 4, 7]).position(8)).toEqual(new LineMap(text).position(8));
    expect(new LineMap('', [0, 2]).position(3)).toEqual({ line: 2, column: 2 });
  });

  it('gives ranges with end positions', () => {
    expect(new LineMap('ab\ncdef').range('f.json', 4, 2)).toEqual({ file: 'f.json', startLine: 2, startColumn: 2, endLine: 2, endColumn: 4 });
  });
});
