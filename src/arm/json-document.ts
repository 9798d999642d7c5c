// A JSON (or JSONC, as ARM accepts comments) file parsed with positions: the tree keeps offsets
// and the line map turns them into the 1-based ranges that findings and diagnostics carry.
import { parseTree, printParseErrorCode, type Node, type ParseError } from 'jsonc-parser';
import { diagnostic, type Diagnostic } from '../core/diagnostic.js';
import { LineMap } from '../core/line-map.js';
import type { SourceRange } from '../core/source-range.js';
import { maskRawBreaksInStrings, restoreRawBreaks } from './multiline-strings.js';
import { parseStrictJsonTree } from './parse-json-tree.js';

export type JsonNode = Node;

/**
 * For a template compiled from another language: JSON offset → range in the original source
 * (a Map, or any lookup with the same `get`).
 */
export interface SpanMap {
  get(offset: number): SourceRange | undefined;
}

/** For a template compiled from another language: a node → its range in the original source. */
export interface NodeSpans {
  rangeOfNode(node: JsonNode): SourceRange | undefined;
}

export class JsonDocument {
  /** Built on the first range asked for: many documents never need one. */
  private lines?: LineMap;

  private constructor(
    readonly file: string,
    readonly text: string,
    readonly root: JsonNode | undefined,
    private readonly spans?: NodeSpans,
  ) {}

  /**
   * A template compiled from Bicep: `text` is the emitted JSON, `spans` maps the offsets of
   * emitted values to their Bicep ranges, and every range this document reports is a Bicep one.
   */
  static fromCompiled(file: string, text: string, spans: SpanMap): JsonDocument {
    return new JsonDocument(file, text, parseStrictJsonTree(text) ?? parseTree(text, [], { allowTrailingComma: true }), { rangeOfNode: (node) => spans.get(node.offset) });
  }

  /** A compiled template given as a node tree already (no JSON text to parse), its nodes' ranges in `spans`. */
  static fromCompiledTree(file: string, root: JsonNode, spans: NodeSpans): JsonDocument {
    return new JsonDocument(file, '', root, spans);
  }

  /** Parses `text`; syntax errors come back as diagnostics with the file, line and column. */
  static parse(file: string, text: string): { doc: JsonDocument; diagnostics: Diagnostic[] } {
    const errors: ParseError[] = [];
    const body = text.charCodeAt(0) === 0xfeff ? ' ' + text.slice(1) : text;
    let root: JsonNode | undefined;
    try {
      root = parseStrictJsonTree(body) ?? parseTree(body, errors, { allowTrailingComma: true, disallowComments: false });
      const masked = errors.length ? maskRawBreaksInStrings(body) : undefined;
      if (masked !== undefined) {
        errors.length = 0;
        root = parseTree(masked, errors, { allowTrailingComma: true, disallowComments: false });
        restoreRawBreaks(root, body);
      }
    } catch (e) {
      // Both readers recurse per nesting level: a document nested deeper than the stack allows.
      if (!(e instanceof RangeError)) throw e;
      const doc = new JsonDocument(file, body, undefined);
      return { doc, diagnostics: [diagnostic('json/too-deep', 'error', 'the JSON nests too deeply to be read (thousands of levels); no template needs that, check how the file was generated', doc.range(0, 1))] };
    }
    const doc = new JsonDocument(file, body, root);
    const diagnostics = errors.map((e) =>
      diagnostic(
        'json/syntax-error',
        'error',
        `invalid JSON: ${describeError(printParseErrorCode(e.error))}; fix the syntax at this position`,
        doc.range(e.offset, Math.max(e.length, 1)),
      ),
    );
    return { doc, diagnostics };
  }

  range(offset: number, length: number): SourceRange {
    this.lines ??= new LineMap(this.text);
    return this.lines.range(this.file, offset, length);
  }

  rangeOf(node: JsonNode): SourceRange {
    // A property's range starts at its key, so a finding points at `"key": value`.
    const target = node.parent?.type === 'property' && node.parent.children?.[1] === node ? node.parent : node;
    if (this.spans) return this.compiledRange(target);
    return this.range(target.offset, target.length);
  }

  /** The source range of the closest emitted node that has one. */
  private compiledRange(node: JsonNode): SourceRange {
    for (let n: JsonNode | undefined = node; n; n = n.parent) {
      const hit = this.spans!.rangeOfNode(n) ?? (n.type === 'property' && n.children?.[1] ? this.spans!.rangeOfNode(n.children[1]) : undefined);
      if (hit) return hit;
    }
    return { file: this.file, startLine: 1, startColumn: 1, endLine: 1, endColumn: 1 };
  }
}

/**
 * An object node that keeps its members as keys and value nodes (a compiled Bicep tree's): read
 * through the functions below, its members need no property nodes, and a value node's parent is
 * the object itself. Its `children` still lists property nodes, built for a reader that asks.
 */
export interface KeyedObjectNode extends JsonNode {
  readonly memberKeys: readonly string[];
  memberValue(index: number): JsonNode;
}

function keysOf(node: JsonNode): readonly string[] | undefined {
  return (node as Partial<KeyedObjectNode>).memberKeys;
}

/** How many members an object node lists (memberKeyAt and memberValueAt read them); 0 for any other node. */
export function memberCount(node: JsonNode | undefined): number {
  if (!node || node.type !== 'object') return 0;
  const keys = keysOf(node);
  if (keys !== undefined) return keys.length;
  return node.children?.length ?? 0;
}

/**
 * The key of the member at `index` of an object node (below memberCount), or undefined when that
 * property has no string key or no value: members() skips it.
 */
export function memberKeyAt(node: JsonNode, index: number): string | undefined {
  const keys = keysOf(node);
  if (keys !== undefined) return keys[index];
  const pair = node.children![index].children;
  const k = pair?.[0]?.value;
  return typeof k === 'string' && pair![1] ? k : undefined;
}

/** The value node of the member at `index`, when memberKeyAt gives it a key. */
export function memberValueAt(node: JsonNode, index: number): JsonNode {
  if (keysOf(node) !== undefined) return (node as KeyedObjectNode).memberValue(index);
  return node.children![index].children![1];
}

/** The member `key` of an object node (exact key first, then case-insensitive as ARM is). */
export function member(node: JsonNode | undefined, key: string): JsonNode | undefined {
  if (!node || node.type !== 'object') return undefined;
  const keys = keysOf(node);
  if (keys !== undefined) {
    const at = keyIndex(keys, key);
    return at < 0 ? undefined : (node as KeyedObjectNode).memberValue(at);
  }
  if (!node.children) return undefined;
  const props = node.children;
  const length = key.length;
  if (!isAscii(key)) return memberFolding(props, key);
  // One pass: an exact key wins wherever it is, else the first that differs only in case. An ASCII
  // key can only match a key of its length (only İ lower-cases to two characters, never ASCII).
  let folded: JsonNode | undefined;
  for (let i = 0; i < props.length; i++) {
    const pair = props[i].children;
    const k = pair?.[0]?.value;
    if (typeof k !== 'string' || k.length !== length || !pair![1]) continue;
    if (k === key) return pair![1];
    if (folded === undefined && sameAsciiFolded(k, key)) folded = pair![1];
  }
  return folded;
}

/** Whether member() finds `key`, without making the member's node (a compiled tree makes one per read). */
export function hasMember(node: JsonNode | undefined, key: string): boolean {
  if (!node || node.type !== 'object') return false;
  const keys = keysOf(node);
  return keys !== undefined ? keyIndex(keys, key) >= 0 : member(node, key) !== undefined;
}

/** member() over a keyed object's keys: the index of `key`, else -1. */
function keyIndex(keys: readonly string[], key: string): number {
  const length = key.length;
  if (!isAscii(key)) {
    const exact = keys.indexOf(key);
    if (exact >= 0) return exact;
    const lower = key.toLowerCase();
    for (let i = 0; i < keys.length; i++) if (keys[i].toLowerCase() === lower) return i;
    return -1;
  }
  let folded = -1;
  for (let i = 0; i < keys.length; i++) {
    const k = keys[i];
    if (k.length !== length) continue;
    if (k === key) return i;
    if (folded < 0 && sameAsciiFolded(k, key)) folded = i;
  }
  return folded;
}

function isAscii(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) >= 128) return false;
  return true;
}

/** `k.toLowerCase() === key.toLowerCase()` for an ASCII `key` and a `k` of the same length. */
function sameAsciiFolded(k: string, key: string): boolean {
  for (let i = 0; i < k.length; i++) {
    const c = k.charCodeAt(i);
    // Beyond ASCII, only String.prototype.toLowerCase knows the mapping (K, the Kelvin sign, is k).
    if (c >= 128) return k.toLowerCase() === key.toLowerCase();
    const d = key.charCodeAt(i);
    if (c !== d && (c >= 65 && c <= 90 ? c + 32 : c) !== (d >= 65 && d <= 90 ? d + 32 : d)) return false;
  }
  return true;
}

/** member() for a key beyond ASCII: exact key first, then any that lower-cases the same. */
function memberFolding(props: JsonNode[], key: string): JsonNode | undefined {
  for (let i = 0; i < props.length; i++) {
    const pair = props[i].children;
    if (pair?.[0]?.value === key && pair[1]) return pair[1];
  }
  const lower = key.toLowerCase();
  for (let i = 0; i < props.length; i++) {
    const pair = props[i].children;
    const k = pair?.[0]?.value;
    if (typeof k === 'string' && pair![1] && k.toLowerCase() === lower) return pair![1];
  }
  return undefined;
}

/** The `[key, valueNode]` pairs of an object node, in source order. */
export function members(node: JsonNode | undefined): [string, JsonNode][] {
  const out: [string, JsonNode][] = [];
  const n = memberCount(node);
  for (let i = 0; i < n; i++) {
    const k = memberKeyAt(node!, i);
    if (k !== undefined) out.push([k, memberValueAt(node!, i)]);
  }
  return out;
}

/** The plain value of a node (no expression evaluation). */
export function plainValue(node: JsonNode | undefined): unknown {
  if (!node) return undefined;
  switch (node.type) {
    case 'object': {
      const out: Record<string, unknown> = {};
      const n = memberCount(node);
      for (let i = 0; i < n; i++) {
        const k = memberKeyAt(node, i);
        if (k !== undefined) defineEntry(out, k, plainValue(memberValueAt(node, i)));
      }
      return out;
    }
    case 'array':
      return (node.children ?? []).map(plainValue);
    default:
      return node.value;
  }
}

/** Sets `out[key]` as Object.fromEntries does: an own data property, even for `__proto__`. */
function defineEntry(out: Record<string, unknown>, key: string, value: unknown): void {
  if (key === '__proto__') Object.defineProperty(out, key, { value, writable: true, enumerable: true, configurable: true });
  else out[key] = value;
}

function describeError(code: string): string {
  return code.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
}
