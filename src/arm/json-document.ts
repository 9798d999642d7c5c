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

/** The member `key` of an object node (exact key first, then case-insensitive as ARM is). */
export function member(node: JsonNode | undefined, key: string): JsonNode | undefined {
  if (!node || node.type !== 'object' || !node.children) return undefined;
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

const NO_MEMBERS: readonly JsonNode[] = [];

/**
 * The property nodes of an object node that have a string key and a value (`children[0].value` and
 * `children[1]`), as members() pairs them; no array is built when every property has both.
 */
export function memberProps(node: JsonNode | undefined): readonly JsonNode[] {
  if (!node || node.type !== 'object' || !node.children) return NO_MEMBERS;
  const props = node.children;
  for (let i = 0; i < props.length; i++) {
    const pair = props[i].children;
    if (!pair?.[0] || !pair[1] || typeof pair[0].value !== 'string') return props.filter((p) => p.children?.[0] && p.children[1] && typeof p.children[0].value === 'string');
  }
  return props;
}

/** The `[key, valueNode]` pairs of an object node, in source order. */
export function members(node: JsonNode | undefined): [string, JsonNode][] {
  if (!node || node.type !== 'object' || !node.children) return [];
  const out: [string, JsonNode][] = [];
  for (const prop of node.children) {
    const k = prop.children?.[0];
    const v = prop.children?.[1];
    if (k && v && typeof k.value === 'string') out.push([k.value, v]);
  }
  return out;
}

/** The plain value of a node (no expression evaluation). */
export function plainValue(node: JsonNode | undefined): unknown {
  if (!node) return undefined;
  switch (node.type) {
    case 'object': {
      const out: Record<string, unknown> = {};
      for (const prop of node.children ?? []) {
        const k = prop.children?.[0];
        const v = prop.children?.[1];
        if (k && v && typeof k.value === 'string') defineEntry(out, k.value, plainValue(v));
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
