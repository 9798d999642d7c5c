// The parser's view of the token stream: a position, whether newlines are significant right now, error
// reporting, and the recovery primitive (skip to the end of the line, respecting brackets).
import type { IdentifierNode, SkippedNode } from './nodes.js';
import { lex } from './lexer.js';
import type { RawDiagnostic, Token, TokenKind } from './token.js';

const OPENERS = new Set<TokenKind>(['{', '(', '[']);
const CLOSERS = new Set<TokenKind>(['}', ')', ']']);
const DECLARATION_KEYWORDS = new Set([
  'param', 'var', 'resource', 'module', 'output', 'type', 'func', 'metadata', 'targetScope', 'import',
  'extension', 'provider', 'test', 'assert', 'using', 'extends', 'extensionConfig',
]);

/**
 * Expression and type trees are at most this deep (nesting plus operator/postfix chains), so neither the
 * parser nor the recursive stages after it can exhaust the stack; deeper input is reported and the rest
 * of the file skipped.
 */
export const MAX_NESTING = 256;

export class Cursor {
  protected pos = 0;
  /** Current nesting of expressions and types (recursion guard for hostile input). */
  protected nesting = 0;
  /** When false (inside parentheses, index brackets, `${}`), newline tokens are skipped as trivia. */
  protected newlines = true;
  /** End offset of the last consumed token other than a newline. */
  protected lastEnd = 0;
  readonly diagnostics: RawDiagnostic[] = [];

  constructor(
    protected readonly tokens: Token[],
    protected readonly text: string,
  ) {}

  /**
   * The current token (newlines skipped when they are not significant, except the one before a line that
   * starts a new declaration: that line ends whatever was left open, the anchor of error recovery).
   */
  protected get tok(): Token {
    const t = this.tokens[this.pos];
    return t.kind === 'newline' && !this.newlines ? this.skipTrivia() : t;
  }

  /** The slow path of `tok`: skips newlines that are not significant. */
  private skipTrivia(): Token {
    while (this.tokens[this.pos].kind === 'newline' && !this.isDeclarationStart(this.pos + 1)) this.pos++;
    return this.tokens[this.pos];
  }

  /** Whether token `i` begins a line at column 1 with a declaration keyword (`param x`, `resource r '...'`). */
  protected isDeclarationStart(i: number): boolean {
    const t = this.tokens[i];
    if (t.kind !== 'identifier') return false;
    // Cheap position checks first: most newlines are followed by indentation, not a column-1 keyword.
    // Column 1: right after a line end, which only a newline token holds (comments, strings and directives
    // never end with one), so the token before is that newline. Read from the text: newline tokens given
    // to the parser carry no position (see `lexForParser`).
    const before = this.text.charCodeAt(t.start - 1);
    if ((before !== 10 && before !== 13) || !DECLARATION_KEYWORDS.has(t.name)) return false;
    const after = this.tokens[i + 1].kind;
    if (after === 'identifier' || after === 'string' || after === 'string-left') return true;
    return (t.name === 'targetScope' && after === '=') || (t.name === 'import' && (after === '{' || after === '*'));
  }

  /** A newline that cannot be skipped (see `tok`) or the end of the file: nothing more belongs here. */
  protected atHardStop(): boolean {
    const k = this.tok.kind;
    return k === 'eof' || k === 'newline';
  }

  /** The raw token `offset` places after the current one, newlines included. */
  protected peekRaw(offset: number): Token {
    const i = Math.min(this.pos + offset, this.tokens.length - 1);
    return this.tokens[i];
  }

  protected next(): Token {
    return this.consume(this.tok);
  }

  /** Moves past `t`, which must be the token `tok` just returned (saves looking it up again). */
  protected consume(t: Token): Token {
    if (t.kind !== 'eof') {
      this.pos++;
      if (t.kind !== 'newline') this.lastEnd = t.end;
    }
    return t;
  }

  protected at(kind: TokenKind): boolean {
    return this.tok.kind === kind;
  }

  protected atKeyword(name: string): boolean {
    const t = this.tok;
    return t.kind === 'identifier' && t.name === name;
  }

  protected eat(kind: TokenKind): Token | undefined {
    const t = this.tok;
    return t.kind === kind ? this.consume(t) : undefined;
  }

  protected eatKeyword(name: string): boolean {
    const t = this.tok;
    if (t.kind !== 'identifier' || t.name !== name) return false;
    this.consume(t);
    return true;
  }

  protected skipNewlines(): void {
    while (this.tokens[this.pos].kind === 'newline') this.pos++;
  }

  /** If the next token after any newlines is `kind`, moves onto it and returns true. */
  protected lookPastNewlines(kind: TokenKind): boolean {
    let i = this.pos;
    while (this.tokens[i].kind === 'newline') i++;
    if (this.tokens[i].kind !== kind) return false;
    this.pos = i;
    return true;
  }

  /** Runs `fn` with newline significance set to `significant`, then restores it. */
  protected withNewlines<T>(significant: boolean, fn: () => T): T {
    const saved = this.newlines;
    this.newlines = significant;
    try {
      return fn();
    } finally {
      this.newlines = saved;
    }
  }

  /** Reports an error, unless one was already reported at the same offset (one cause, one message). */
  protected error(code: string, message: string, start: number, end: number): void {
    const last = this.diagnostics[this.diagnostics.length - 1];
    if (last && last.start === start) return;
    this.diagnostics.push({ code, severity: 'error', message, start, end });
  }

  /**
   * Reports that `what` was expected at the current token; at a line end or the end of the file, the error
   * sits right after the last token read (where the user has to type), not on a later blank line.
   */
  protected errorExpected(what: string, code = 'bicep/expected-token'): void {
    const t = this.tok;
    if (t.kind === 'newline' || t.kind === 'eof') {
      this.error(code, `Expected ${what} but found ${describe(t)}.`, this.lastEnd, this.lastEnd);
    } else {
      this.error(code, `Expected ${what} but found ${describe(t)}.`, t.start, t.end);
    }
  }

  protected expect(kind: TokenKind, what?: string): Token | undefined {
    const t = this.tok;
    if (t.kind === kind) return this.consume(t);
    this.errorExpected(what ?? `'${kind}'`);
    return undefined;
  }

  protected expectKeyword(name: string): boolean {
    if (this.eatKeyword(name)) return true;
    this.errorExpected(`'${name}'`);
    return false;
  }

  /** An identifier, or an empty-named identifier at the current position after reporting an error. */
  protected expectIdentifier(what: string): IdentifierNode {
    const t = this.tok;
    if (t.kind === 'identifier') {
      this.consume(t);
      if (t.name.length > 255) this.error('bicep/identifier-too-long', 'An identifier may have at most 255 characters.', t.start, t.end);
      return identifierNode(t);
    }
    this.errorExpected(what, 'bicep/expected-identifier');
    return { kind: 'identifier', name: '', start: this.lastEnd, end: this.lastEnd };
  }

  /**
   * Skips tokens up to the end of the line (or an unmatched closing bracket, which is left in place), keeping
   * bracketed groups together; at statement level (`consumeClosers`) brackets are not matched and only the
   * line is skipped. Returns the skipped span, if any.
   */
  protected skipToLineEnd(consumeClosers = false): SkippedNode | undefined {
    const from = this.pos;
    let depth = 0;
    let start = -1;
    for (;;) {
      const t = this.tokens[this.pos];
      if (t.kind === 'eof') break;
      if (t.kind === 'newline' && (depth === 0 || this.isDeclarationStart(this.pos + 1))) break;
      if (consumeClosers) {
        // Statement level: like Bicep, skip just this line; an opened body's lines are reported one by one.
      } else if (CLOSERS.has(t.kind)) {
        if (depth === 0) break;
        depth--;
      } else if (OPENERS.has(t.kind)) depth++;
      if (start < 0 && t.kind !== 'newline') start = t.start;
      this.pos++;
      if (t.kind !== 'newline') this.lastEnd = t.end;
    }
    if (this.pos === from || start < 0) return undefined;
    return { kind: 'skipped', start, end: this.lastEnd, text: this.text.slice(start, this.lastEnd) };
  }

  /**
   * Reads the items of `{...}` or `[...]` up to `close`: items are separated by a newline or by one comma;
   * a comma followed by a newline, and an empty item between commas, are errors (as in Bicep).
   */
  protected parseItems<T>(close: TokenKind, item: () => T | undefined, what: string): (T | SkippedNode)[] {
    // Newline significance is saved and restored by hand (no closure per list: this runs for every
    // object and array). The parser never throws, so no `finally` is needed.
    const savedNewlines = this.newlines;
    this.newlines = true;
    let items: (T | SkippedNode)[] | undefined;
    for (;;) {
      // Newlines are significant here, so `tok` is the raw token: read it once per turn.
      let first = this.tokens[this.pos];
      while (first.kind === 'newline' && !this.isDeclarationStart(this.pos + 1)) first = this.tokens[++this.pos];
      const k = first.kind;
      if (k === close || k === 'eof' || k === 'newline') break;
      if (k === ',') {
        this.errorExpected(what, 'bicep/expected-item');
        this.consume(first);
        continue;
      }
      const before = this.pos;
      const value = item();
      if (value !== undefined) items = append(items, value);
      const t = this.tok;
      if (t.kind === ',') {
        this.consume(t);
        if (this.at('newline')) {
          this.error('bicep/newline-after-comma', 'Unexpected new line after a comma: separate items with either a comma or a new line.', this.lastEnd, this.lastEnd);
        }
        continue;
      }
      if (t.kind === 'newline' || t.kind === close) continue;
      this.errorExpected(this.pos === before ? what : `',', a new line or '${close}'`);
      const skipped = this.skipToLineEnd();
      if (skipped) items = append(items, skipped);
      else if (this.pos === before && !this.at('eof')) {
        if (this.at('}') || this.at(')') || this.at(']')) break;
        items = append(items, this.skipOne());
      }
    }
    this.newlines = savedNewlines;
    this.expect(close);
    return items ?? [];
  }

  /**
   * Enters one more level of tree depth (a nested expression, or one more link of an operator or postfix
   * chain, which deepens the tree as much). Past `MAX_NESTING` it reports once, jumps to the end of the
   * file and returns false; the caller then stops. On true the caller must decrement `nesting` later.
   */
  protected deeper(): boolean {
    if (this.nesting >= MAX_NESTING) {
      let t = this.tok;
      if (t.kind !== 'eof') {
        // The parser's newline tokens have no position (see `lexForParser`); this one error needs it.
        if (t.kind === 'newline') t = lex(this.text).tokens[this.pos];
        this.error('bicep/nesting-too-deep', `Expressions may nest at most ${MAX_NESTING} levels deep; the rest of the file is not read.`, t.start, t.end);
        this.pos = this.tokens.length - 1;
      }
      return false;
    }
    this.nesting++;
    return true;
  }

  /** Consumes one token as a skipped node (guarantees progress in loops). */
  protected skipOne(): SkippedNode {
    const t = this.next();
    return { kind: 'skipped', start: t.start, end: t.end, text: this.text.slice(t.start, t.end) };
  }
}

/**
 * The tree node of an identifier token: the token itself, whose fields are an `IdentifierNode`'s (see `Token`).
 * The parser never backtracks, so a token becomes at most one node and nodes stay distinct objects.
 */
export function identifierNode(t: Token): IdentifierNode {
  return t as unknown as IdentifierNode;
}

/**
 * `list` with `value` appended; an absent list becomes `[value]`. Most lists (arguments, decorators, object
 * items) hold one or two values: an array literal is sized to fit, while `[]` grows to 17 slots on its first push.
 */
export function append<T>(list: T[] | undefined, value: T): T[] {
  if (list === undefined) return [value];
  list.push(value);
  return list;
}

export function describe(t: Token): string {
  switch (t.kind) {
    case 'eof':
      return 'the end of the file';
    case 'newline':
      return 'a new line';
    case 'identifier':
      return `'${t.name}'`;
    case 'number':
      return `'${t.name}'`;
    case 'string':
    case 'string-left':
    case 'string-middle':
    case 'string-right':
      return 'a string';
    case 'unknown':
      return `'${t.name}'`;
    default:
      return `'${t.kind}'`;
  }
}
