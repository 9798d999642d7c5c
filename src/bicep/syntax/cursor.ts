// The parser's view of the token stream: the current token (pulled from the scanner it extends), whether
// newlines are significant right now, lookahead, error reporting, and the recovery primitive (skip to the
// end of the line, respecting brackets).
import { isIdentStart, Scanner } from './lexer.js';
import type { IdentifierNode, SkippedNode } from './nodes.js';
import type { RawDiagnostic, TokenKind } from './token.js';

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

export class Cursor extends Scanner {
  /** Current nesting of expressions and types (recursion guard for hostile input). */
  protected nesting = 0;
  /** When false (inside parentheses, index brackets, `${}`), newline tokens are skipped as trivia. */
  protected newlines = true;
  /** End offset of the last consumed token other than a newline. */
  protected lastEnd = 0;
  readonly diagnostics: RawDiagnostic[] = [];
  /**
   * Whether the innermost open object is a resource body, where `resource` at column 1 starts a
   * nested declaration (Bicep ignores indentation), not the next top-level one.
   */
  protected inResourceBody = false;
  /** Set by a resource declaration for the object its body opens next. */
  protected resourceBodyNext = false;

  constructor(text: string) {
    super(text);
    this.scan();
  }

  /**
   * The current token's kind (newlines skipped when they are not significant, except the one before a line
   * that starts a new declaration: that line ends whatever was left open, the anchor of error recovery).
   * The token's value and span are in the scanner's `tok*` fields.
   */
  protected cur(): TokenKind {
    const k = this.tokKind;
    return k === 'newline' && !this.newlines ? this.skipTrivia() : k;
  }

  /** The slow path of `cur`: skips newlines that are not significant. */
  private skipTrivia(): TokenKind {
    while (this.tokKind === 'newline' && !this.declarationAhead()) this.scan();
    return this.tokKind;
  }

  /**
   * At a newline token: whether the next token begins a line at column 1 with a declaration keyword
   * (`param x`, `resource r '...'`).
   */
  protected declarationAhead(): boolean {
    // Column 1 means right after this line end (the scanner skips indentation, comments never end with a
    // line end): most lines are indented, so one character tells.
    if (!isIdentStart(this.text.charCodeAt(this.tokEnd))) return false;
    const state = this.save();
    this.scan();
    let result = false;
    if (this.tokKind === 'identifier' && this.tokStart === state.end && DECLARATION_KEYWORDS.has(this.tokValue) && !(this.inResourceBody && this.tokValue === 'resource')) {
      const name = this.tokValue;
      this.scan();
      const after = this.tokKind;
      result = after === 'identifier' || after === 'string' || after === 'string-left' ||
        (name === 'targetScope' && after === '=') || (name === 'import' && (after === '{' || after === '*'));
    }
    this.restore(state);
    return result;
  }

  /** A newline that cannot be skipped (see `cur`) or the end of the file: nothing more belongs here. */
  protected atHardStop(): boolean {
    const k = this.cur();
    return k === 'eof' || k === 'newline';
  }

  /** The kind of the raw token `offset` places after the current one, newlines included. */
  protected peekKind(offset: number): TokenKind {
    const state = this.save();
    for (let i = 0; i < offset && this.tokKind !== 'eof'; i++) this.scan();
    const k = this.tokKind;
    this.restore(state);
    return k;
  }

  /** Moves past the current raw token (never past `eof`). */
  protected advance(): void {
    const k = this.tokKind;
    if (k !== 'eof') {
      if (k !== 'newline') this.lastEnd = this.tokEnd;
      this.scan();
    }
  }

  /** Moves past the current token (after skipping insignificant newlines); returns where it started. */
  protected next(): number {
    this.cur();
    const start = this.tokStart;
    this.advance();
    return start;
  }

  protected at(kind: TokenKind): boolean {
    return this.cur() === kind;
  }

  protected atKeyword(name: string): boolean {
    return this.cur() === 'identifier' && this.tokValue === name;
  }

  protected eat(kind: TokenKind): boolean {
    if (this.cur() !== kind) return false;
    this.advance();
    return true;
  }

  protected eatKeyword(name: string): boolean {
    if (this.cur() !== 'identifier' || this.tokValue !== name) return false;
    this.advance();
    return true;
  }

  protected skipNewlines(): void {
    while (this.tokKind === 'newline') this.scan();
  }

  /**
   * The first character after the current token that is not a blank (nor a line end, with `lineEnds`), or -1
   * when the token there cannot be told from its first character (a comment, a directive, other blanks); NaN
   * at the end of the text. Lets the common lookaheads answer "no" without scanning.
   */
  protected charAhead(lineEnds: boolean): number {
    const text = this.text;
    // From where the scan resumes: after a newline token its indentation is already skipped.
    let from = this.offset;
    let c = text.charCodeAt(from);
    while (c === 32 || c === 9 || (lineEnds && (c === 10 || c === 13))) c = text.charCodeAt(++from);
    return c === 47 || c === 35 || c === 11 || c === 12 || c >= 128 ? -1 : c;
  }

  /** If the next token after any newlines is `kind` (one of `?`, `:`, `|`), moves onto it and returns true. */
  protected lookPastNewlines(kind: TokenKind): boolean {
    if (this.tokKind !== 'newline') return this.tokKind === kind;
    // After a line end no `${` hole is open, so the first character tells most tokens.
    const c = this.charAhead(true);
    if (c !== -1 && c !== kind.charCodeAt(0)) return false;
    const state = this.save();
    this.skipNewlines();
    const found = this.tokKind === kind;
    this.restore(state);
    // Scanned again, not kept: the lookahead recorded nothing (line starts, comments) on the way.
    if (found) this.skipNewlines();
    return found;
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
    const k = this.cur();
    if (k === 'newline' || k === 'eof') {
      this.error(code, `Expected ${what} but found ${this.describe()}.`, this.lastEnd, this.lastEnd);
    } else {
      this.error(code, `Expected ${what} but found ${this.describe()}.`, this.tokStart, this.tokEnd);
    }
  }

  protected expect(kind: TokenKind, what?: string): boolean {
    if (this.cur() === kind) {
      this.advance();
      return true;
    }
    this.errorExpected(what ?? `'${kind}'`);
    return false;
  }

  protected expectKeyword(name: string): boolean {
    if (this.eatKeyword(name)) return true;
    this.errorExpected(`'${name}'`);
    return false;
  }

  /** The current identifier token as a tree node, consumed. */
  protected takeIdentifier(): IdentifierNode {
    const node: IdentifierNode = { kind: 'identifier', name: this.tokValue, start: this.tokStart, end: this.tokEnd };
    this.lastEnd = this.tokEnd;
    this.scan();
    return node;
  }

  /** An identifier, or an empty-named identifier at the current position after reporting an error. */
  protected expectIdentifier(what: string): IdentifierNode {
    if (this.cur() === 'identifier') {
      const node = this.takeIdentifier();
      if (node.name.length > 255) this.error('bicep/identifier-too-long', 'An identifier may have at most 255 characters.', node.start, node.end);
      return node;
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
      const k = this.tokKind;
      if (k === 'eof') break;
      if (k === 'newline' && (depth === 0 || this.declarationAhead())) break;
      if (consumeClosers) {
        // Statement level: like Bicep, skip just this line; an opened body's lines are reported one by one.
      } else if (k === '}' || k === ')' || k === ']') {
        if (depth === 0) break;
        depth--;
      } else if (k === '{' || k === '(' || k === '[') depth++;
      if (start < 0 && k !== 'newline') start = this.tokStart;
      this.advance();
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
      // Newlines are significant here, so the current token is the raw one.
      while (this.tokKind === 'newline' && !this.declarationAhead()) this.scan();
      const k = this.tokKind;
      if (k === close || k === 'eof' || k === 'newline') break;
      if (k === ',') {
        this.errorExpected(what, 'bicep/expected-item');
        this.advance();
        continue;
      }
      const before = this.pos;
      const value = item();
      if (value !== undefined) items = append(items, value);
      const t = this.cur();
      if (t === ',') {
        this.advance();
        if (this.at('newline')) {
          this.error('bicep/newline-after-comma', 'Unexpected new line after a comma: separate items with either a comma or a new line.', this.lastEnd, this.lastEnd);
        }
        continue;
      }
      if (t === 'newline' || t === close) continue;
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
    return items === undefined ? NO_ITEMS : fitted(items);
  }

  /**
   * Enters one more level of tree depth (a nested expression, or one more link of an operator or postfix
   * chain, which deepens the tree as much). Past `MAX_NESTING` it reports once, jumps to the end of the
   * file and returns false; the caller then stops. On true the caller must decrement `nesting` later.
   */
  protected deeper(): boolean {
    if (this.nesting >= MAX_NESTING) {
      if (this.cur() !== 'eof') {
        this.error('bicep/nesting-too-deep', `Expressions may nest at most ${MAX_NESTING} levels deep; the rest of the file is not read.`, this.tokStart, this.tokEnd);
        // The rest is still scanned, for its comments, directives, line starts and lexer errors.
        while (this.tokKind !== 'eof') this.scan();
      }
      return false;
    }
    this.nesting++;
    return true;
  }

  /** Consumes one token as a skipped node (guarantees progress in loops). */
  protected skipOne(): SkippedNode {
    this.cur();
    const start = this.tokStart;
    const end = this.tokEnd;
    this.advance();
    return { kind: 'skipped', start, end, text: this.text.slice(start, end) };
  }

  /** The current token for a message. */
  protected describe(): string {
    const k = this.tokKind;
    switch (k) {
      case 'eof':
        return 'the end of the file';
      case 'newline':
        return 'a new line';
      case 'identifier':
      case 'number':
      case 'unknown':
        return `'${this.tokValue}'`;
      case 'string':
      case 'string-left':
      case 'string-middle':
      case 'string-right':
        return 'a string';
      default:
        return `'${k}'`;
    }
  }
}

/**
 * The one empty list every node with no items, arguments, decorators or holes shares (about half the
 * corpus's node lists are empty: a string's `expressions`, `?? {}` objects, undecorated declarations).
 * Frozen, so a stage that tried to add to it would throw instead of changing every tree.
 */
export const NO_ITEMS: never[] = Object.freeze([]) as unknown as never[];

/**
 * `list` with `value` appended; an absent list becomes `[value]`. Most lists (arguments, decorators, object
 * items) hold one to four values and live as long as their tree: they are remade as literals sized to fit,
 * since a push grows an array to 17 slots (and 4 to 22) whose spare room the garbage collector then copies
 * for the life of the tree. Longer lists are pushed to; `fitted` trims them when done.
 */
export function append<T>(list: T[] | undefined, value: T): T[] {
  if (list === undefined) return [value];
  switch (list.length) {
    case 1:
      return [list[0], value];
    case 2:
      return [list[0], list[1], value];
    case 3:
      return [list[0], list[1], list[2], value];
  }
  list.push(value);
  return list;
}

/** `list` at its size: a list `append` had to push to is copied without its spare room. */
export function fitted<T>(list: T[]): T[] {
  return list.length > 4 ? list.slice() : list;
}
