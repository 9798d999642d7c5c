// A CSV table as RFC 4180 writes it (quoted cells, doubled quotes, line breaks inside quotes, CRLF
// or LF, a UTF-8 BOM), with the offset of every cell: findings and errors on a CSV snapshot point
// at the cell, and a JSON value inside a quoted cell at its own line and column. Written here
// rather than taken from a CSV library because none of them reports where each field starts.
// Errors are values.

export interface CsvCell {
  /** The cell's text with the quoting undone. */
  text: string;
  /** Offsets in the file: the first and one past the last character of the cell, quotes included. */
  start: number;
  end: number;
  /** Where `text` starts in the file (after an opening quote). */
  contentStart: number;
  /** Indexes in `text` of quotes that are doubled in the file (each shifts what follows by one). */
  doubled: number[];
}

export interface CsvTable {
  rows: CsvCell[][];
  errors: { message: string; offset: number }[];
  delimiter: string;
}

/**
 * Parses `text`. The delimiter is the comma, or the semicolon when the first line has semicolons
 * and no comma (a CSV saved again by a spreadsheet in a locale that uses the comma for decimals).
 */
export function parseCsv(text: string): CsvTable {
  const rows: CsvCell[][] = [];
  const errors: CsvTable['errors'] = [];
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const firstLine = text.slice(i, lineEnd(text, i));
  const delimiter = !firstLine.includes(',') && firstLine.includes(';') ? ';' : ',';
  const d = delimiter.charCodeAt(0);
  while (i < text.length) {
    // A blank line (or the final line break) holds no row.
    if (text.charCodeAt(i) === 10 || text.charCodeAt(i) === 13) {
      i = skipBreak(text, i);
      continue;
    }
    const row: CsvCell[] = [];
    for (;;) {
      const cell = readCell(text, i, d, errors);
      row.push(cell);
      i = cell.end;
      if (i < text.length && text.charCodeAt(i) === d) {
        i++;
        continue;
      }
      break;
    }
    rows.push(row);
    if (i < text.length) i = skipBreak(text, i);
  }
  return { rows, errors, delimiter };
}

function readCell(text: string, start: number, delimiter: number, errors: CsvTable['errors']): CsvCell {
  if (text.charCodeAt(start) !== 34) {
    let end = start;
    while (end < text.length) {
      const c = text.charCodeAt(end);
      if (c === delimiter || c === 10 || c === 13) break;
      end++;
    }
    return { text: text.slice(start, end), start, end, contentStart: start, doubled: [] };
  }
  let out = '';
  const doubled: number[] = [];
  let from = start + 1;
  for (;;) {
    const q = text.indexOf('"', from);
    if (q < 0) {
      errors.push({ message: 'a quoted cell is not closed: add the closing double quote', offset: start });
      out += text.slice(from);
      return { text: out, start, end: text.length, contentStart: start + 1, doubled };
    }
    out += text.slice(from, q);
    if (text.charCodeAt(q + 1) === 34) {
      doubled.push(out.length);
      out += '"';
      from = q + 2;
      continue;
    }
    let end = q + 1;
    const next = text.charCodeAt(end);
    if (end < text.length && next !== delimiter && next !== 10 && next !== 13) {
      errors.push({ message: `unexpected text after a quoted cell; a double quote inside a cell is written twice ("")`, offset: end });
      while (end < text.length && text.charCodeAt(end) !== delimiter && text.charCodeAt(end) !== 10 && text.charCodeAt(end) !== 13) end++;
    }
    return { text: out, start, end, contentStart: start + 1, doubled };
  }
}

function lineEnd(text: string, from: number): number {
  const n = text.indexOf('\n', from);
  return n < 0 ? text.length : n;
}

function skipBreak(text: string, i: number): number {
  if (text.charCodeAt(i) === 13 && text.charCodeAt(i + 1) === 10) return i + 2;
  return i + 1;
}

/** The file offset of index `index` of a cell's text. */
export function cellOffset(cell: CsvCell, index: number): number {
  // Doubled quotes before `index` (the list is sorted): a binary search, as every value of a large
  // properties cell is located.
  const doubled = cell.doubled;
  let lo = 0;
  let hi = doubled.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (doubled[mid] < index) lo = mid + 1;
    else hi = mid;
  }
  return cell.contentStart + index + lo;
}
