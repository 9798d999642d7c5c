// Bicep lexer: text to tokens with offsets. Newlines are tokens; comments and `#` directives are collected
// beside the token stream. String interpolation is lexed with a stack of open `${` holes, so the parser
// sees `string-left expr string-middle expr string-right` and never re-scans text.
import type { Comment, Directive } from './nodes.js';
import { punctuationAt } from './punctuation.js';
import type { RawDiagnostic, Token, TokenKind } from './token.js';

export interface LexResult {
  tokens: Token[];
  comments: Comment[];
  directives: Omit<Directive, 'line'>[];
  diagnostics: RawDiagnostic[];
  /**
   * The string pieces of `'''` strings, in order (rare, so kept beside the stream: a fifth token field
   * for them made every token bigger and lexing measurably slower).
   */
  multiline: Token[];
  /**
   * Offsets where lines start (0 first), with the line ends `LineMap` counts (LF, CRLF, lone CR), so
   * `parseBicep` can build its `LineMap` without scanning the text again.
   */
  lineStarts: number[];
}

/** Slots of `Lexer.nextOf`'s cache. */
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

/**
 * Every token has the same four fields in the same order, so the parser's property reads stay monomorphic;
 * they are an `IdentifierNode`'s fields in its order (see `Token`).
 */
function token(kind: TokenKind, start: number, end: number, value: string): Token {
  return { kind, name: value, start, end };
}

/** Tokenizes a whole Bicep or Bicep-params file. Never throws. */
export function lex(text: string): LexResult {
  return new Lexer(text, false).run();
}

/**
 * `lex` for the parser: every newline token is one shared object without a position (start and end are -1).
 * The parser reads only a newline's kind (it tells a column-1 keyword from the text, and re-lexes in the one
 * error that reports at a newline), and a fifth of all tokens are newlines: that many objects fewer.
 */
export function lexForParser(text: string): LexResult {
  return new Lexer(text, true).run();
}

class Lexer {
  private pos = 0;
  private readonly tokens: Token[] = [];
  private readonly comments: Comment[] = [];
  private readonly directives: Omit<Directive, 'line'>[] = [];
  private readonly diagnostics: RawDiagnostic[] = [];
  private readonly multiline: Token[] = [];
  private readonly holes: Hole[] = [];
  private readonly lineStarts: number[] = [0];
  /** Cached offsets of the next `\\`, LF, CR and `${` (see `nextOf`); -1 until first searched. */
  private readonly next = [-1, -1, -1, -1];

  /** The shared newline token of `lexForParser`, or undefined for real ones. */
  private readonly newline: Token | undefined;

  constructor(
    private readonly text: string,
    sharedNewlines: boolean,
  ) {
    this.newline = sharedNewlines ? token('newline', -1, -1, '') : undefined;
  }

  run(): LexResult {
    const text = this.text;
    const tokens = this.tokens;
    const newline = this.newline;
    const n = text.length;
    // The hot cases (blanks, identifiers, numbers, newlines, common punctuation) are handled inline with a
    // local position; the rarer ones call a method, which leaves its end in `this.pos` or returns it.
    let pos = text.charCodeAt(0) === 0xfeff ? 1 : 0;
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
          tokens.push(token('identifier', start, i, text.slice(start, i)));
          pos = i;
          continue;
        }
        if (cls === SPACE) {
          pos++;
          continue;
        }
        if (cls === DIGIT) {
          let i = start + 1;
          while (i < n && isDigit(text.charCodeAt(i))) i++;
          tokens.push(token('number', start, i, text.slice(start, i)));
          pos = i;
          continue;
        }
      }
      switch (c) {
        case 10:
        case 13: {
          if (this.holes.length > 0) {
            // A `${...}` hole cannot span lines (as in Bicep): end the string here, empty and unterminated.
            this.error('bicep/unterminated-string', 'The string is not closed before the end of the line.', start, start);
            tokens.push(token('string-right', start, start, ''));
            this.holes.length = 0;
          }
          pos += c === 13 && text.charCodeAt(start + 1) === 10 ? 2 : 1;
          tokens.push(newline ?? token('newline', start, pos, ''));
          this.lineStarts.push(pos);
          // Skip the next line's indentation here rather than one blank per turn of the main loop.
          for (let d = text.charCodeAt(pos); d === 32 || d === 9; d = text.charCodeAt(pos)) pos++;
          continue;
        }
        // The most common punctuation, pushed directly; the rest goes through `punctuation`.
        case 40:
          tokens.push(token('(', start, ++pos, ''));
          continue;
        case 41:
          tokens.push(token(')', start, ++pos, ''));
          continue;
        case 91:
          tokens.push(token('[', start, ++pos, ''));
          continue;
        case 93:
          tokens.push(token(']', start, ++pos, ''));
          continue;
        case 44:
          tokens.push(token(',', start, ++pos, ''));
          continue;
        case 64:
          tokens.push(token('@', start, ++pos, ''));
          continue;
        case 58:
          if (text.charCodeAt(start + 1) === 58) break;
          tokens.push(token(':', start, ++pos, ''));
          continue;
        case 123:
          if (this.holes.length > 0) break;
          tokens.push(token('{', start, ++pos, ''));
          continue;
        case 125:
          if (this.holes.length > 0 && this.holes[this.holes.length - 1].depth === 0) {
            const hole = this.holes.pop()!;
            if (hole.multiline) {
              this.multilineString(start, hole.dollars, start + 1, true);
              this.markLines(start, this.pos);
            }
            else this.string(start, start + 1, 'string-right', 'string-middle');
            pos = this.pos;
            continue;
          }
          break;
        case 39: // '
          if (text.charCodeAt(start + 1) === 39 && text.charCodeAt(start + 2) === 39) {
            this.multilineString(start, 0, start + 3);
            this.markLines(start, this.pos);
          } else this.string(start, start + 1, 'string', 'string-left');
          pos = this.pos;
          continue;
        case 36: // $
          if (this.multilineOpening(start)) {
            this.markLines(start, this.pos);
            pos = this.pos;
            continue;
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
            this.comments.push({ start, end: i, text: text.slice(start, i) });
            pos = i;
            continue;
          }
          if (next === 42 /* * */) {
            const close = text.indexOf('*/', start + 2);
            const end = close < 0 ? n : close + 2;
            if (close < 0) this.error('bicep/unterminated-comment', 'The multi-line comment is not closed with */.', start, end);
            this.comments.push({ start, end, text: text.slice(start, end) });
            this.markLines(start, end);
            pos = end;
            continue;
          }
          break;
        }
        case 35: // #
          this.directive(start);
          pos = this.pos;
          continue;
      }
      if (c >= 128 && isSpace(c)) pos++;
      else pos = this.punctuation(start, c);
    }
    tokens.push(token('eof', n, n, ''));
    return { tokens, comments: this.comments, directives: this.directives, diagnostics: this.diagnostics, multiline: this.multiline, lineStarts: this.lineStarts };
  }

  /**
   * The offset of the next `search` at or after `from` (the text length when there is none). Results are
   * cached per `slot`: string scanning only moves forward, so each search runs about once per occurrence.
   */
  private nextOf(slot: number, search: string, from: number): number {
    const cached = this.next[slot];
    if (cached >= from) return cached;
    const found = this.text.indexOf(search, from);
    const at = found < 0 ? this.text.length : found;
    this.next[slot] = at;
    return at;
  }

  /**
   * Records the line starts inside `[from, to)`, a token or comment that may span lines (multi-line strings
   * and comments; every other line end is a newline token). Such spans never split a CRLF.
   */
  private markLines(from: number, to: number): void {
    const text = this.text;
    for (let i = from; i < to; i++) {
      const c = text.charCodeAt(i);
      if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) this.lineStarts.push(i + 1);
    }
  }

  private push(kind: TokenKind, start: number, value: string, multiline: boolean): void {
    const t = token(kind, start, this.pos, value);
    this.tokens.push(t);
    if (multiline) this.multiline.push(t);
  }

  private error(code: string, message: string, start: number, end: number): void {
    this.diagnostics.push({ code, severity: 'error', message, start, end });
  }

  /** Lexes one operator or punctuation token (or an unknown character) at `start`; returns its end. */
  private punctuation(start: number, c: number): number {
    const kind = punctuationAt(this.text, start, c);
    if (kind === undefined) {
      // One unknown code point (keep surrogate pairs together).
      const cp = this.text.codePointAt(start) ?? c;
      const end = start + (cp > 0xffff ? 2 : 1);
      this.error('bicep/unrecognized-character', `The character '${String.fromCodePoint(cp)}' is not valid here.`, start, end);
      this.tokens.push(token('unknown', start, end, this.text.slice(start, end)));
      return end;
    }
    // Inside a hole a '{' opens an object, whose '}' must not end the hole. An object's '}' does not re-open
    // the string, and (as in Bicep's lexer) the hole stays unclosable after it: `'${{a: 1}.a}'` is an error.
    if (kind === '{' && this.holes.length > 0) this.holes[this.holes.length - 1].depth++;
    const end = start + kind.length;
    this.tokens.push(token(kind, start, end, ''));
    return end;
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
        this.pos = close + 1;
        this.push(closedKind, start, text.slice(from, close), false);
        return;
      }
      if (hole < close && hole < stop) {
        this.pos = hole + 2;
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
        this.pos = i + 1;
        this.push(closedKind, start, value, false);
        return;
      }
      if (c === 10 || c === 13) break;
      if (c === 36 && text.charCodeAt(i + 1) === 123) {
        value += text.slice(chunk, i);
        this.pos = i + 2;
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
              this.error('bicep/invalid-escape', 'A \\u escape must be \\u{...} with 1 to 8 hex digits of a code point up to 10FFFF.', i, i + len);
            }
            break;
          }
          default:
            if (i + 1 >= n || e === 10 || e === 13) {
              len = 1;
            } else {
              this.error('bicep/invalid-escape', `The escape sequence '\\${text[i + 1]}' is not recognized; use \\\\ \\' \\n \\r \\t \\$ or \\u{...}.`, i, i + 2);
            }
        }
        i += len;
        chunk = i;
        continue;
      }
      i++;
    }
    value += text.slice(chunk, i);
    this.pos = i;
    this.error('bicep/unterminated-string', 'The string is not closed with a single quote before the end of the line.', start, i);
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
        this.pos = j;
        this.push(resumed ? 'string-right' : 'string', start, value, true);
        return;
      }
      if (c === 36 && dollars > 0) {
        let j = i;
        while (text.charCodeAt(j) === 36) j++;
        if (j - i >= dollars && text.charCodeAt(j) === 123) {
          value += text.slice(chunk, j - dollars);
          this.pos = j + 1;
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
    this.pos = n;
    this.error('bicep/unterminated-multiline-string', "The multi-line string is not closed with '''.", start, n);
    this.push(resumed ? 'string-right' : 'string', start, value, true);
  }

  /** `#disable-next-line code1 code2`, up to the end of the line or a comment. */
  private directive(start: number): void {
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
    this.pos = end;
    // A directive must start its line (only blanks before it).
    let lineStart = start;
    while (lineStart > 0 && isSpace(text.charCodeAt(lineStart - 1))) lineStart--;
    if (lineStart > 0 && text.charCodeAt(lineStart - 1) !== 10 && text.charCodeAt(lineStart - 1) !== 13 && !(lineStart === 1 && text.charCodeAt(0) === 0xfeff)) {
      this.error('bicep/unrecognized-character', "A '#' directive must be at the start of a line.", start, start + 1);
      return;
    }
    if (!DIRECTIVES.has(name)) {
      this.error('bicep/unknown-directive', `'#${name}' is not a known directive; expected #disable-next-line, #disable-diagnostics or #restore-diagnostics.`, start, i);
      return;
    }
    const codes = text.slice(i, end).split(/\s+/).filter((s) => s.length > 0);
    if (codes.length === 0 && name !== 'restore-diagnostics') {
      this.error('bicep/missing-diagnostic-code', `'#${name}' needs at least one diagnostic code.`, start, end);
    }
    this.directives.push({ kind: name as Directive['kind'], codes, start, end: end });
  }
}
