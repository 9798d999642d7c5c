// A fast reader for the common case of strict JSON: it builds the same node tree as jsonc-parser's
// parseTree (same types, offsets, lengths, values, parents; no colonOffset, which nothing reads),
// several times faster. Every node has one layout, that of compiled Bicep trees too (type, offset,
// length, parent, children, value), so the expander's reads of nodes stay monomorphic. Anything else
// (comments, trailing commas, odd whitespace, any syntax error) returns undefined, and the caller
// parses with jsonc-parser, which reports the errors.
import type { Node } from 'jsonc-parser';

/** The node tree of `text` when it is strict JSON, else undefined. */
export function parseStrictJsonTree(text: string): Node | undefined {
  const reader = new StrictReader(text);
  try {
    reader.skipSpace();
    const root: Partial<Building> = reader.value(undefined);
    reader.skipSpace();
    if (reader.pos !== text.length) return undefined;
    // jsonc-parser hangs the root under an artificial parent that it then deletes; undefined
    // rather than a delete keeps the root's layout that of every other node.
    root.parent = undefined;
    return root as Node;
  } catch (e) {
    if (e === NOT_STRICT) return undefined;
    throw e;
  }
}

const NOT_STRICT = Symbol('not strict JSON');

/**
 * JSON whitespace, and plain string characters (from space up, but the quote and the backslash),
 * as sticky scanners: they always match, maybe empty.
 */
const SPACE = /[ \n\r\t]*/y;
const PLAIN = /[ !#-[\]-\uffff]*/y;

/** jsonc-parser's Node while it is being built (lengths are known only at the end). */
type Building = { -readonly [K in keyof Node]: Node[K] };

// Character codes.
const QUOTE = 34;
const BACKSLASH = 92;
const COMMA = 44;
const COLON = 58;
const OPEN_BRACE = 123;
const CLOSE_BRACE = 125;
const OPEN_BRACKET = 91;
const CLOSE_BRACKET = 93;
const MINUS = 45;
const DOT = 46;
const ZERO = 48;
const NINE = 57;

class StrictReader {
  pos = 0;

  constructor(private readonly text: string) {}

  skipSpace(): void {
    const text = this.text;
    const pos = this.pos;
    const c = text.charCodeAt(pos);
    if (!(c === 32 || c === 10 || c === 13 || c === 9)) return;
    const d = text.charCodeAt(pos + 1);
    if (!(d === 32 || d === 10 || d === 13 || d === 9)) {
      this.pos = pos + 1;
      return;
    }
    // A line break and its indentation: the regular expression engine skips runs faster than a
    // character loop, which costs more than the rest of reading on pretty-printed templates.
    SPACE.lastIndex = pos + 2;
    SPACE.test(text);
    this.pos = SPACE.lastIndex;
  }

  value(parent: Node | undefined): Node {
    const c = this.text.charCodeAt(this.pos);
    if (c === QUOTE) {
      const offset = this.pos;
      const value = this.string();
      return { type: 'string', offset, length: this.pos - offset, parent: parent!, children: undefined, value };
    }
    if (c === OPEN_BRACE) return this.object(parent);
    if (c === OPEN_BRACKET) return this.array(parent);
    if (c === MINUS || (c >= ZERO && c <= NINE)) return this.number(parent);
    if (this.word('true')) return this.literal(parent, true, 4);
    if (this.word('false')) return this.literal(parent, false, 5);
    if (this.word('null')) return this.literal(parent, null, 4);
    throw NOT_STRICT;
  }

  private object(parent: Node | undefined): Node {
    const node: Building = { type: 'object', offset: this.pos, length: -1, parent: parent!, children: [], value: undefined };
    this.pos++;
    this.skipSpace();
    if (this.text.charCodeAt(this.pos) !== CLOSE_BRACE) {
      for (;;) {
        if (this.text.charCodeAt(this.pos) !== QUOTE) throw NOT_STRICT;
        const keyOffset = this.pos;
        const prop: Building = { type: 'property', offset: keyOffset, length: -1, parent: node, children: undefined, value: undefined };
        const key = this.string();
        const keyNode: Node = { type: 'string', offset: keyOffset, length: this.pos - keyOffset, parent: prop, children: undefined, value: key };
        this.skipSpace();
        if (this.text.charCodeAt(this.pos) !== COLON) throw NOT_STRICT;
        this.pos++;
        this.skipSpace();
        const value = this.value(prop);
        // An array of exactly two: one grown by push would hold room for sixteen, per property.
        prop.children = [keyNode, value];
        prop.length = value.offset + value.length - keyOffset;
        node.children!.push(prop);
        this.skipSpace();
        const c = this.text.charCodeAt(this.pos);
        if (c === COMMA) {
          this.pos++;
          this.skipSpace();
          continue;
        }
        if (c === CLOSE_BRACE) break;
        throw NOT_STRICT;
      }
    }
    this.pos++;
    node.length = this.pos - node.offset;
    return node;
  }

  private array(parent: Node | undefined): Node {
    const node: Building = { type: 'array', offset: this.pos, length: -1, parent: parent!, children: [], value: undefined };
    this.pos++;
    this.skipSpace();
    if (this.text.charCodeAt(this.pos) !== CLOSE_BRACKET) {
      for (;;) {
        node.children!.push(this.value(node));
        this.skipSpace();
        const c = this.text.charCodeAt(this.pos);
        if (c === COMMA) {
          this.pos++;
          this.skipSpace();
          continue;
        }
        if (c === CLOSE_BRACKET) break;
        throw NOT_STRICT;
      }
    }
    this.pos++;
    node.length = this.pos - node.offset;
    return node;
  }

  /** A string token at `pos` (the opening quote); leaves `pos` after the closing quote. */
  private string(): string {
    const text = this.text;
    const start = this.pos;
    // The run of plain characters, skipped by the regular expression engine; the loop below
    // takes over at the closing quote, an escape or an error.
    PLAIN.lastIndex = start + 1;
    PLAIN.test(text);
    let pos = PLAIN.lastIndex;
    let escaped = false;
    for (;;) {
      const c = text.charCodeAt(pos);
      if (c === QUOTE) break;
      if (c === BACKSLASH) {
        escaped = true;
        pos += 2;
        continue;
      }
      // Control characters (line breaks included) and the end of the text are errors.
      if (!(c >= 0x20)) throw NOT_STRICT;
      pos++;
    }
    this.pos = pos + 1;
    if (!escaped) return text.slice(start + 1, pos);
    // Escapes decode as JSON decodes them; a bad one is a syntax error.
    try {
      return JSON.parse(text.slice(start, pos + 1)) as string;
    } catch {
      throw NOT_STRICT;
    }
  }

  private number(parent: Node | undefined): Node {
    const text = this.text;
    const start = this.pos;
    let pos = start;
    if (text.charCodeAt(pos) === MINUS) pos++;
    const first = text.charCodeAt(pos);
    if (first === ZERO) pos++;
    else if (first > ZERO && first <= NINE) pos = this.digits(pos);
    else throw NOT_STRICT;
    if (text.charCodeAt(pos) === DOT) {
      if (!isDigit(text.charCodeAt(pos + 1))) throw NOT_STRICT;
      pos = this.digits(pos + 1);
    }
    const e = text.charCodeAt(pos);
    if (e === 101 || e === 69) {
      pos++;
      const sign = text.charCodeAt(pos);
      if (sign === 43 || sign === MINUS) pos++;
      if (!isDigit(text.charCodeAt(pos))) throw NOT_STRICT;
      pos = this.digits(pos);
    }
    this.pos = pos;
    this.delimiterFollows();
    return { type: 'number', offset: start, length: pos - start, parent: parent!, children: undefined, value: Number(text.slice(start, pos)) };
  }

  private digits(pos: number): number {
    while (isDigit(this.text.charCodeAt(pos))) pos++;
    return pos;
  }

  private word(w: string): boolean {
    if (!this.text.startsWith(w, this.pos)) return false;
    this.pos += w.length;
    this.delimiterFollows();
    return true;
  }

  private literal(parent: Node | undefined, value: boolean | null, length: number): Node {
    return { type: value === null ? 'null' : 'boolean', offset: this.pos - length, length, parent: parent!, children: undefined, value };
  }

  /** `1x` or `truex` is one bad token to jsonc-parser, not a value and then garbage. */
  private delimiterFollows(): void {
    const c = this.text.charCodeAt(this.pos);
    if (Number.isNaN(c) || c === COMMA || c === CLOSE_BRACE || c === CLOSE_BRACKET || c === 32 || c === 10 || c === 13 || c === 9) return;
    throw NOT_STRICT;
  }
}

function isDigit(c: number): boolean {
  return c >= ZERO && c <= NINE;
}
