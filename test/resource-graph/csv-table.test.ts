import { describe, expect, it } from 'vitest';
import { cellOffset, parseCsv } from '../../src/resource-graph/csv-table.js';
import { readCsvSnapshot } from '../../src/resource-graph/read-csv-snapshot.js';

describe('CSV tables', () => {
  it('reads quoted cells with doubled quotes, delimiters and line breaks, CRLF and a BOM', () => {
    const text = '\ufeffid,note\r\n"/a","say ""hi"", then\r\nbreak"\r\n/b,plain\r\n';
    const { rows, errors, delimiter } = parseCsv(text);
    expect(errors).toEqual([]);
    expect(delimiter).toBe(',');
    expect(rows.map((r) => r.map((c) => c.text))).toEqual([['id', 'note'], ['/a', 'say "hi", then\r\nbreak'], ['/b', 'plain']]);
    const note = rows[1][1];
    // The second quote of `""hi""` is at text index 7; in the file it sits one further on.
    expect(text[cellOffset(note, 4)]).toBe('"');
    expect(text.slice(cellOffset(note, 5), cellOffset(note, 7))).toBe('hi');
  });

  it('takes the semicolon as delimiter when the header has no comma', () => {
    const { rows, delimiter } = parseCsv('id;type\n/x;"a;b"\n');
    expect(delimiter).toBe(';');
    expect(rows[1].map((c) => c.text)).toEqual(['/x', 'a;b']);
  });

  it('reports an unclosed quote and text after a closing quote at their offsets', () => {
    expect(parseCsv('a,b\n"x"y,z\n').errors).toEqual([{ message: expect.stringMatching(/unexpected text after a quoted cell/), offset: 7 }]);
    expect(parseCsv('a,b\n1,"open\n').errors).toEqual([{ message: expect.stringMatching(/not closed/), offset: 6 }]);
  });

  it('keeps empty cells and skips blank lines', () => {
    const { rows } = parseCsv('a,b,c\n\n1,,3\n\n');
    expect(rows.map((r) => r.map((c) => c.text))).toEqual([['a', 'b', 'c'], ['1', '', '3']]);
  });
});

describe('CSV tables on arbitrary input (seeded fuzz)', () => {
  it('never throws, and every cell lies inside the text', () => {
    let seed = 7;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
    const alphabet = ['"', ',', ';', '\n', '\r', '{', '}', ':', 'a', 'id', 'type', ' ', '\ufeff'];
    for (let run = 0; run < 2000; run++) {
      let text = '';
      const length = Math.floor(random() * 60);
      for (let i = 0; i < length; i++) text += alphabet[Math.floor(random() * alphabet.length)];
      const table = parseCsv(text);
      for (const row of table.rows) {
        for (const cell of row) {
          expect(cell.start).toBeGreaterThanOrEqual(0);
          expect(cell.end).toBeLessThanOrEqual(text.length);
          expect(cellOffset(cell, cell.text.length)).toBeLessThanOrEqual(text.length);
        }
      }
      expect(() => readCsvSnapshot('fuzz.csv', `id,type,properties\n${text}`)).not.toThrow();
    }
  });
});
