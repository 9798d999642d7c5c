// Bicep lexer: text to tokens with offsets, pulled one token at a time by the parser (`Scanner`) or listed
// whole (`lex`). Newlines are tokens; comments and `#` directives are collected beside the token stream.
// String interpolation is lexed with a stack of open `${` holes, so the parser sees
// `string-left expr string-middle expr string-right` and never re-scans text.
import type { Comment, Directive } from './nodes.js';
import { punctuationAt } from './punctuation.js';
import type { RawDiagnostic, Token, TokenKind } from './token.js';

export interface LexResult {
  tokens: Token[];
  comments: Comment[];
  directives: Omit<Directive, 'line'>[];
  diagnostics: RawDiagnostic[];
  /** The string pieces of `'''` strings, in order (rare, so kept beside the stream rather than in a token field). */
  multiline: Token[];
  /**
   * Offsets where lines start (0 first), with the line ends `LineMap` counts (LF, CRLF, lone CR), so
   * `parseBicep` can build its `LineMap` without scanning the text again.
   */
  lineStarts: number[];
}

/** Slots of `Scanner.nextOf`'s cache. */
const BACKSLASH = 0;
const LF = 1;
const CR = 2;
const HOLE = 3;

const DIRECTIVES = new Set(['disable-next-line', 'disable-diagnostics', 'restore-diagnostics']);

/** An open `${` hole: which kind of string to resume at its closing `}`, and nested braces inside it. */
interface Hole {
  multiline: boolean;
  dollars: number;
  depth: number;
}

// Character classes of ASCII code points (0 for any other), so the main loop dispatches with one table load.
// Identifier parts are the classes >= IDENT. Code points from 128 up are handled apart (see `isSpace`).
const SPACE = 1;
const IDENT = 2;
const DIGIT = 3;
const CLASS = new Uint8Array(128);
for (let c = 0; c < 128; c++) {
  if ((c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95) CLASS[c] = IDENT;
  else if (c >= 48 && c <= 57) CLASS[c] = DIGIT;
  else if (c === 32 || c === 9 || c === 11 || c === 12) CLASS[c] = SPACE;
}

/** Whether `c` can start an identifier. */
export function isIdentStart(c: number): boolean {
  return c < 128 && CLASS[c] === IDENT;
}
function isIdentPart(c: number): boolean {
  return c < 128 && CLASS[c] >= IDENT;
}
function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}
function isHex(c: number): boolean {
  return isDigit(c) || (c >= 97 && c <= 102) || (c >= 65 && c <= 70);
}
function isSpace(c: number): boolean {
  return c < 128 ? CLASS[c] === SPACE : c === 0xa0 || c === 0xfeff || c === 0x200b;
}

/** Tokenizes a whole Bicep or Bicep-params file. Never throws. */
export function lex(text: string): LexResult {
  const scanner = new Scanner(text);
  const tokens: Token[] = [];
  const multiline: Token[] = [];
  do {
    scanner.scan();
    const t: Token = { kind: scanner.tokKind, name: scanner.tokValue, start: scanner.tokStart, end: scanner.tokEnd };
    tokens.push(t);
    if (scanner.tokMultiline && t.kind.startsWith('string')) multiline.push(t);
  } while (scanner.tokKind !== 'eof');
  return { tokens, comments: scanner.comments, directives: scanner.directives, diagnostics: scanner.lexDiagnostics, multiline, lineStarts: scanner.lineStarts };
}

/** A scanner position saved for lookahead (see `Scanner.save`). */
export interface ScanState {
  offset: number;
  pos: number;
  kind: TokenKind;
  value: string;
  start: number;
  end: number;
  holes: Hole[] | undefined;
  next0: number;
  next1: number;
  next2: number;
  next3: number;
  quiet: boolean;
}

/**
 * The lexer, pulled one token at a time: `scan` reads the next token into the `tok*` fields, so no token
 * object is made (the parser builds a node only for what it keeps) and no token array is held. Comments,
 * directives, lexer diagnostics and line starts are collected on the side as the scan moves forward;
 * lookahead (`save`, `scan`..., `restore`) is quiet, so nothing is recorded twice.
 */
export class Scanner {
  /** The current token's kind. */
  tokKind: TokenKind = 'eof';
  /** Identifier name, number digits, or the cooked text of a string piece; '' otherwise. */
  tokValue = '';
  tokStart = 0;
  tokEnd = 0;
  /** Whether the current string piece belongs to a `'''` string (set only for string pieces). */
  tokMultiline = false;
  /** Index of the current token in the stream (newlines included): the parser's measure of progress. */
  protected pos = -1;
  /** Where scanning resumes (after the current token, and after a newline token past the indentation). */
  protected offset: number;
  /** While true (lookahead), nothing is recorded on the side. */
  private quiet = false;
  readonly comments: Comment[] = [];
  readonly directives: Omit<Directive, 'line'>[] = [];
  readonly lexDiagnostics: RawDiagnostic[] = [];
  /**
   * Offsets where lines start (0 first), with the line ends `LineMap` counts (LF, CRLF, lone CR), so
   * `parseBicep` can build its `LineMap` without scanning the text again.
   */
  readonly lineStarts: number[] = [0];
  private holes: Hole[] = [];
  /** Cached offsets of the next `\\`, LF, CR and `${` (see `nextOf`); -1 until first searched. */
  private readonly nextFound = [-1, -1, -1, -1];

  constructor(protected readonly text: string) {
    this.offset = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  }

  /** Saves the scan position for lookahead; until `restore`, nothing is recorded on the side. */
  protected save(): ScanState {
    const next = this.nextFound;
    const state: ScanState = {
      offset: this.offset,
      pos: this.pos,
      kind: this.tokKind,
      value: this.tokValue,
      start: this.tokStart,
      end: this.tokEnd,
      // Holes are rare; scanning changes their objects, so they are copied.
      holes: this.holes.length > 0 ? this.holes.map((h) => ({ ...h })) : undefined,
      next0: next[0],
      next1: next[1],
      next2: next[2],
      next3: next[3],
      quiet: this.quiet,
    };
    this.quiet = true;
    return state;
  }

  /** Goes back to a position `save` returned (at most once per saved state). */
  protected restore(state: ScanState): void {
    this.offset = state.offset;
    this.pos = state.pos;
    this.tokKind = state.kind;
    this.tokValue = state.value;
    this.tokStart = state.start;
    this.tokEnd = state.end;
    this.holes = state.holes ?? [];
    // The cached searches were made from before the saved offset, so they still hold there.
    const next = this.nextFound;
    next[0] = state.next0;
    next[1] = state.next1;
    next[2] = state.next2;
    next[3] = state.next3;
    this.quiet = state.quiet;
  }

  private set(kind: TokenKind, start: number, end: number, value: string): void {
    this.tokKind = kind;
    this.tokValue = value;
    this.tokStart = start;
    this.tokEnd = end;
    this.offset = end;
  }

  /** Reads the next token into the `tok*` fields (at the end of the text, `eof` again and again). */
  scan(): void {
    const text = this.text;
    const n = text.length;
    this.pos++;
    // The hot cases (blanks, identifiers, numbers, newlines, common punctuation) are handled inline with a
    // local position; the rarer ones call a method, which leaves its end in `this.offset` or returns it.
    let pos = this.offset;
    while (pos < n) {
      const start = pos;
      const c = text.charCodeAt(start);
      if (c < 128) {
        const cls = CLASS[c];
        if (cls === IDENT) {
          let i = start + 1;
          while (i < n) {
            const d = text.charCodeAt(i);
            if (d >= 128 || CLASS[d] < IDENT) break;
            i++;
          }
          this.set('identifier', start, i, text.slice(start, i));
          return;
        }
        if (cls === SPACE) {
          pos++;
          continue;
        }
        if (cls === DIGIT) {
          let i = start + 1;
          while (i < n && isDigit(text.charCodeAt(i))) i++;
          this.set('number', start, i, text.slice(start, i));
          return;
        }
      }
      switch (c) {
        case 10:
        case 13: {
          if (this.holes.length > 0) {
            // A `${...}` hole cannot span lines (as in Bicep): end the string here, empty and unterminated.
            this.lexError('bicep/unterminated-string', 'The string is not closed before the end of the line.', start, start);
            this.holes.length = 0;
            this.tokMultiline = false;
            this.set('string-right', start, start, '');
            return;
          }
          pos += c === 13 && text.charCodeAt(start + 1) === 10 ? 2 : 1;
          this.set('newline', start, pos, '');
          if (!this.quiet) this.lineStarts.push(pos);
          // Skip the next line's indentation here rather than one blank per turn of the loop.
          for (let d = text.charCodeAt(pos); d === 32 || d === 9; d = text.charCodeAt(pos)) pos++;
          this.offset = pos;
          return;
        }
        // The most common punctuation, set directly; the rest goes through `punctuation`.
        case 40:
          this.set('(', start, start + 1, '');
          return;
        case 41:
          this.set(')', start, start + 1, '');
          return;
        case 91:
          this.set('[', start, start + 1, '');
          return;
        case 93:
          this.set(']', start, start + 1, '');
          return;
        case 44:
          this.set(',', start, start + 1, '');
          return;
        case 64:
          this.set('@', start, start + 1, '');
          return;
        case 58:
          if (text.charCodeAt(start + 1) === 58) break;
          this.set(':', start, start + 1, '');
          return;
        case 123:
          if (this.holes.length > 0) break;
          this.set('{', start, start + 1, '');
          return;
        case 125:
          if (this.holes.length > 0 && this.holes[this.holes.length - 1].depth === 0) {
            const hole = this.holes.pop()!;
            if (hole.multiline) {
              this.multilineString(start, hole.dollars, start + 1, true);
              this.markLines(start, this.offset);
            } else this.string(start, start + 1, 'string-right', 'string-middle');
            return;
          }
          break;
        case 39: // '
          if (text.charCodeAt(start + 1) === 39 && text.charCodeAt(start + 2) === 39) {
            this.multilineString(start, 0, start + 3);
            this.markLines(start, this.offset);
          } else this.string(start, start + 1, 'string', 'string-left');
          return;
        case 36: // $
          if (this.multilineOpening(start)) {
            this.markLines(start, this.offset);
            return;
          }
          break;
        case 47: { // /
          const next = text.charCodeAt(start + 1);
          if (next === 47) {
            let i = start + 2;
            while (i < n) {
              const d = text.charCodeAt(i);
              if (d === 10 || d === 13) break;
              i++;
            }
            if (!this.quiet) this.comments.push({ start, end: i, text: text.slice(start, i) });
            pos = i;
            continue;
          }
          if (next === 42 /* * */) {
            const close = text.indexOf('*/', start + 2);
            const end = close < 0 ? n : close + 2;
            if (close < 0) this.lexError('bicep/unterminated-comment', 'The multi-line comment is not closed with */.', start, end);
            if (!this.quiet) this.comments.push({ start, end, text: text.slice(start, end) });
            this.markLines(start, end);
            pos = end;
            continue;
          }
          break;
        }
        case 35: // #
          pos = this.directive(start);
          continue;
      }
      if (c >= 128 && isSpace(c)) pos++;
      else {
        this.punctuation(start, c);
        return;
      }
    }
    this.set('eof', n, n, '');
  }

  /**
   * The offset of the next `search` at or after `from` (the text length when there is none). Results are
   * cached per `slot`: string scanning moves forward (lookahead restores the cache), so each search runs
   * about once per occurrence.
   */
  private nextOf(slot: number, search: string, from: number): number {
    const cached = this.nextFound[slot];
    if (cached >= from) return cached;
    const found = this.text.indexOf(search, from);
    const at = found < 0 ? this.text.length : found;
    this.nextFound[slot] = at;
    return at;
  }

  /**
   * Records the line starts inside `[from, to)`, a token or comment that may span lines (multi-line strings
   * and comments; every other line end is a newline token). Such spans never split a CRLF.
   */
  private markLines(from: number, to: number): void {
    if (this.quiet) return;
    const text = this.text;
    for (let i = from; i < to; i++) {
      const c = text.charCodeAt(i);
      if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) this.lineStarts.push(i + 1);
    }
  }

  /** Sets a string piece ending at `this.offset` as the current token. */
  private push(kind: TokenKind, start: number, value: string, multiline: boolean): void {
    this.tokMultiline = multiline;
    this.set(kind, start, this.offset, value);
  }

  private lexError(code: string, message: string, start: number, end: number): void {
    if (!this.quiet) this.lexDiagnostics.push({ code, severity: 'error', message, start, end });
  }

  /** Lexes one operator or punctuation token (or an unknown character) at `start`. */
  private punctuation(start: number, c: number): void {
    const kind = punctuationAt(this.text, start, c);
    if (kind === undefined) {
      // One unknown code point (keep surrogate pairs together).
      const cp = this.text.codePointAt(start) ?? c;
      const end = start + (cp > 0xffff ? 2 : 1);
      this.lexError('bicep/unrecognized-character', `The character '${String.fromCodePoint(cp)}' is not valid here.`, start, end);
      this.set('unknown', start, end, this.text.slice(start, end));
      return;
    }
    // Inside a hole a '{' opens an object, whose '}' must not end the hole. An object's '}' does not re-open
    // the string, and (as in Bicep's lexer) the hole stays unclosable after it: `'${{a: 1}.a}'` is an error.
    if (kind === '{' && this.holes.length > 0) this.holes[this.holes.length - 1].depth++;
    this.set(kind, start, start + kind.length, '');
  }

  /**
   * Scans a single-quoted string piece whose content starts at `from` (after `'` or a hole's `}`), up to the
   * closing quote (`closedKind`) or the next `${` (`openKind`).
   */
  private string(start: number, from: number, closedKind: TokenKind, openKind: TokenKind): void {
    const text = this.text;
    const n = text.length;
    // Fast path: most strings have no escape and no line end before the closing quote, so their value is one
    // slice of the text, found with native searches instead of a loop over the characters.
    const close = text.indexOf("'", from);
    if (close >= 0) {
      const hole = this.nextOf(HOLE, '${', from);
      const stop = Math.min(this.nextOf(BACKSLASH, '\\', from), this.nextOf(LF, '\n', from), this.nextOf(CR, '\r', from));
      if (close < hole && close < stop) {
        this.offset = close + 1;
        this.push(closedKind, start, text.slice(from, close), false);
        return;
      }
      if (hole < close && hole < stop) {
        this.offset = hole + 2;
        this.push(openKind, start, text.slice(from, hole), false);
        this.holes.push({ multiline: false, dollars: 1, depth: 0 });
        return;
      }
    }
    let i = from;
    let value = '';
    let chunk = from;
    while (i < n) {
      const c = text.charCodeAt(i);
      if (c === 39) {
        value += text.slice(chunk, i);
        this.offset = i + 1;
        this.push(closedKind, start, value, false);
        return;
      }
      if (c === 10 || c === 13) break;
      if (c === 36 && text.charCodeAt(i + 1) === 123) {
        value += text.slice(chunk, i);
        this.offset = i + 2;
        this.push(openKind, start, value, false);
        this.holes.push({ multiline: false, dollars: 1, depth: 0 });
        return;
      }
      if (c === 92 /* \ */) {
        value += text.slice(chunk, i);
        const e = text.charCodeAt(i + 1);
        let len = 2;
        switch (e) {
          case 110: value += '\n'; break;
          case 114: value += '\r'; break;
          case 116: value += '\t'; break;
          case 92: value += '\\'; break;
          case 39: value += "'"; break;
          case 36: value += '$'; break;
          case 117: {
            // \u{hex+}
            let j = i + 2;
            let ok = text.charCodeAt(j) === 123;
            if (ok) {
              j++;
              const hexStart = j;
              while (j < n && isHex(text.charCodeAt(j))) j++;
              const cp = j > hexStart && j - hexStart <= 8 ? parseInt(text.slice(hexStart, j), 16) : -1;
              ok = text.charCodeAt(j) === 125 && cp >= 0 && cp <= 0x10ffff;
              if (ok) value += String.fromCodePoint(cp);
              len = j + 1 - i;
            }
            if (!ok) {
              len = Math.max(2, Math.min(len, j - i));
              this.lexError('bicep/invalid-escape', 'A \\u escape must be \\u{...} with 1 to 8 hex digits of a code point up to 10FFFF.', i, i + len);
            }
            break;
          }
          default:
            if (i + 1 >= n || e === 10 || e === 13) {
              len = 1;
            } else {
              this.lexError('bicep/invalid-escape', `The escape sequence '\\${text[i + 1]}' is not recognized; use \\\\ \\' \\n \\r \\t \\$ or \\u{...}.`, i, i + 2);
            }
        }
        i += len;
        chunk = i;
        continue;
      }
      i++;
    }
    value += text.slice(chunk, i);
    this.offset = i;
    this.lexError('bicep/unterminated-string', 'The string is not closed with a single quote before the end of the line.', start, i);
    this.push(closedKind, start, value, false);
  }

  /** At `$`: a `$...$'''` opening of an interpolated multi-line string? If so, lexes it. */
  private multilineOpening(start: number): boolean {
    let i = start;
    while (this.text.charCodeAt(i) === 36) i++;
    if (!this.text.startsWith("'''", i)) return false;
    this.multilineString(start, i - start, i + 3);
    return true;
  }

  /** Scans a `'''` string piece whose content starts at `from`; `dollars` > 0 enables `${` holes. */
  private multilineString(start: number, dollars: number, from: number, resumed = false): void {
    const text = this.text;
    const n = text.length;
    let i = from;
    if (!resumed) {
      if (text.charCodeAt(i) === 13 && text.charCodeAt(i + 1) === 10) i += 2;
      else if (text.charCodeAt(i) === 10 || text.charCodeAt(i) === 13) i++;
    }
    let value = '';
    const chunk = i;
    while (i < n) {
      const c = text.charCodeAt(i);
      if (c === 39 && text.startsWith("'''", i)) {
        let j = i + 3;
        while (text.charCodeAt(j) === 39) j++;
        value += text.slice(chunk, j - 3);
        this.offset = j;
        this.push(resumed ? 'string-right' : 'string', start, value, true);
        return;
      }
      if (c === 36 && dollars > 0) {
        let j = i;
        while (text.charCodeAt(j) === 36) j++;
        if (j - i >= dollars && text.charCodeAt(j) === 123) {
          value += text.slice(chunk, j - dollars);
          this.offset = j + 1;
          this.push(resumed ? 'string-middle' : 'string-left', start, value, true);
          this.holes.push({ multiline: true, dollars, depth: 0 });
          return;
        }
        i = j;
        continue;
      }
      i++;
    }
    value += text.slice(chunk, n);
    this.offset = n;
    this.lexError('bicep/unterminated-multiline-string', "The multi-line string is not closed with '''.", start, n);
    this.push(resumed ? 'string-right' : 'string', start, value, true);
  }

  /** `#disable-next-line code1 code2`, up to the end of the line or a comment; returns where it ends. */
  private directive(start: number): number {
    const text = this.text;
    const n = text.length;
    let i = start + 1;
    while (i < n && (isIdentPart(text.charCodeAt(i)) || text.charCodeAt(i) === 45)) i++;
    const name = text.slice(start + 1, i);
    let end = i;
    while (end < n) {
      const c = text.charCodeAt(end);
      if (c === 10 || c === 13) break;
      if (c === 47 && (text.charCodeAt(end + 1) === 47 || text.charCodeAt(end + 1) === 42)) break;
      end++;
    }
    if (this.quiet) return end;
    // A directive must start its line (only blanks before it).
    let lineStart = start;
    while (lineStart > 0 && isSpace(text.charCodeAt(lineStart - 1))) lineStart--;
    if (lineStart > 0 && text.charCodeAt(lineStart - 1) !== 10 && text.charCodeAt(lineStart - 1) !== 13 && !(lineStart === 1 && text.charCodeAt(0) === 0xfeff)) {
      this.lexError('bicep/unrecognized-character', "A '#' directive must be at the start of a line.", start, start + 1);
      return end;
    }
    if (!DIRECTIVES.has(name)) {
      this.lexError('bicep/unknown-directive', `'#${name}' is not a known directive; expected #disable-next-line, #disable-diagnostics or #restore-diagnostics.`, start, i);
      return end;
    }
    const codes = text.slice(i, end).split(/\s+/).filter((s) => s.length > 0);
    if (codes.length === 0 && name !== 'restore-diagnostics') {
      this.lexError('bicep/missing-diagnostic-code', `'#${name}' needs at least one diagnostic code.`, start, end);
    }
    this.directives.push({ kind: name as Directive['kind'], codes, start, end: end });
    return end;
  }
}
