// Parser for the ARM template expression language: function calls, string and number literals,
// property access (`.name`, `.?name`) and indexing (`[0]`, `['key']`). Errors are values.
import type { ExpressionError, ExpressionNode } from './ast.js';

export type ParseResult = { ok: true; node: ExpressionNode } | { ok: false; error: ExpressionError };

const cache = new Map<string, ParseResult>();

/** Is this JSON string an expression (`[...]`) rather than a literal or an escaped `[[` literal? */
export function isExpression(text: string): boolean {
  // Character codes rather than startsWith/endsWith: this runs for every string in a template.
  return text.length >= 2 && text.charCodeAt(0) === 91 && text.charCodeAt(1) !== 91 && text.charCodeAt(text.length - 1) === 93;
}

/** The literal a `[[...]` escaped string stands for. */
export function unescapeLiteral(text: string): string {
  return text.charCodeAt(0) === 91 && text.charCodeAt(1) === 91 ? text.slice(1) : text;
}

const bracketedCache = new Map<string, ParseResult>();

/**
 * Parses a whole `[...]` template string. The cache is keyed by the string itself, not by the
 * slice between the brackets: a template's strings are met again and again (every copy-loop
 * iteration, every pass), and an existing string's hash is computed once while a fresh slice's is
 * computed at every lookup. Results are shared, so callers must not mutate them.
 */
export function parseBracketed(text: string): ParseResult {
  const hit = bracketedCache.get(text);
  if (hit) return hit;
  const result = parseUncached(text.slice(1, -1));
  if (bracketedCache.size > 50_000) bracketedCache.clear();
  bracketedCache.set(text, result);
  return result;
}

/** Parses the text between the outer brackets; results are cached by text. */
export function parseExpression(source: string): ParseResult {
  const hit = cache.get(source);
  if (hit) return hit;
  const result = parseUncached(source);
  if (cache.size > 50_000) cache.clear();
  cache.set(source, result);
  return result;
}

function parseUncached(source: string): ParseResult {
  try {
    const p = new Parser(source);
    const node = p.parseExpression();
    p.skipSpace();
    if (!p.atEnd()) p.fail(`unexpected '${source[p.pos]}' after the end of the expression`);
    return { ok: true, node };
  } catch (e) {
    if (!(e instanceof ParseFailure)) throw e;
    return { ok: false, error: { code: 'arm/invalid-expression', message: e.message, offset: e.offset } };
  }
}

/**
 * Builds a node with every field of every kind (undefined when not its own), so the whole AST
 * shares one object layout and the evaluator's dispatch on it stays monomorphic.
 */
function astNode(kind: ExpressionNode['kind'], offset: number, fields: { value?: string | number; name?: string; args?: ExpressionNode[]; object?: ExpressionNode; index?: ExpressionNode; safe?: boolean }): ExpressionNode {
  return { kind, value: fields.value, name: fields.name, args: fields.args, object: fields.object, index: fields.index, safe: fields.safe, offset } as ExpressionNode;
}

class ParseFailure extends Error {
  constructor(message: string, readonly offset: number) {
    super(message);
  }
}

class Parser {
  pos = 0;
  constructor(private readonly src: string) {}

  atEnd(): boolean {
    return this.pos >= this.src.length;
  }

  fail(message: string, offset = this.pos): never {
    throw new ParseFailure(message, offset);
  }

  skipSpace(): void {
    while (this.pos < this.src.length && /\s/.test(this.src[this.pos])) this.pos++;
  }

  parseExpression(): ExpressionNode {
    this.skipSpace();
    let node = this.parsePrimary();
    for (;;) {
      this.skipSpace();
      const c = this.src[this.pos];
      if (c === '.') {
        const offset = this.pos++;
        let safe = false;
        if (this.src[this.pos] === '?') {
          safe = true;
          this.pos++;
        }
        this.skipSpace();
        const name = this.readIdentifier();
        if (!name) this.fail('expected a property name after "."');
        node = astNode('property', offset, { object: node, name, safe });
      } else if (c === '[' || (c === '?' && this.src[this.pos + 1] === '[')) {
        const offset = this.pos;
        const safe = c === '?';
        this.pos += safe ? 2 : 1;
        const index = this.parseExpression();
        this.skipSpace();
        if (this.src[this.pos] !== ']') this.fail('expected "]" to close the index');
        this.pos++;
        node = astNode('index', offset, { object: node, index, safe });
      } else {
        return node;
      }
    }
  }

  private parsePrimary(): ExpressionNode {
    const offset = this.pos;
    const c = this.src[this.pos];
    if (c === undefined) this.fail('the expression ends too early');
    if (c === "'") return astNode('string', offset, { value: this.readString() });
    if (/[0-9-]/.test(c)) {
      const m = /^-?[0-9]+(\.[0-9]+)?/.exec(this.src.slice(this.pos));
      if (!m) this.fail(`unexpected '${c}'`);
      this.pos += m[0].length;
      return astNode('number', offset, { value: Number(m[0]) });
    }
    const name = this.readIdentifier();
    if (!name) this.fail(`unexpected '${c}'`);
    this.skipSpace();
    if (this.src[this.pos] !== '(') this.fail(`expected "(" after the function name '${name}'`);
    this.pos++;
    const args: ExpressionNode[] = [];
    this.skipSpace();
    if (this.src[this.pos] === ')') {
      this.pos++;
      return astNode('call', offset, { name, args });
    }
    for (;;) {
      args.push(this.parseExpression());
      this.skipSpace();
      const d = this.src[this.pos];
      if (d === ',') {
        this.pos++;
        continue;
      }
      if (d === ')') {
        this.pos++;
        return astNode('call', offset, { name, args });
      }
      this.fail(d === undefined ? `missing ")" to close the call of '${name}'` : `expected "," or ")" but found '${d}'`);
    }
  }

  private readIdentifier(): string {
    const m = /^[A-Za-z_$][A-Za-z0-9_$]*/.exec(this.src.slice(this.pos));
    if (!m) return '';
    // Namespaced user functions are `ns.fn(`; plain property access stops at the dot. A member
    // name may itself hold dots: Bicep names functions it imports indirectly `__bicep._1.fn`.
    let ident = m[0];
    const rest = this.src.slice(this.pos + ident.length);
    const ns = /^((?:\.[A-Za-z_$][A-Za-z0-9_$]*)+)\s*\(/.exec(rest);
    if (ns && this.looksLikeCallStart()) ident += ns[1];
    this.pos += ident.length;
    return ident;
  }

  /** A namespaced call can only start a primary, never follow a `.` member access. */
  private looksLikeCallStart(): boolean {
    let i = this.pos - 1;
    while (i >= 0 && /\s/.test(this.src[i])) i--;
    return i < 0 || this.src[i] !== '.';
  }

  private readString(): string {
    const start = this.pos;
    this.pos++;
    let out = '';
    for (;;) {
      const c = this.src[this.pos];
      if (c === undefined) this.fail('unterminated string literal', start);
      if (c === "'") {
        if (this.src[this.pos + 1] === "'") {
          out += "'";
          this.pos += 2;
          continue;
        }
        this.pos++;
        return out;
      }
      out += c;
      this.pos++;
    }
  }
}
