// Writes the compiled template as JSON text while recording, for every emitted value that
// carries a Bicep range, the offset it lands at: the span map JsonDocument.fromCompiled reads.
import type { SourceRange } from '../../core/source-range.js';
import type { SpanFinder } from './span-finder.js';

/**
 * A JSON value under construction, optionally tagged with the Bicep range it came from. The range
 * is kept as the file's SpanFinder and two offsets and turned into a SourceRange only when someone
 * asks for it: expansion reads a few ranges of the tens of thousands a corpus pass emits. An
 * object keeps its keys and values in two arrays (no pair per member). Each kind also carries the
 * other kinds' fields, left undefined: every Emitted has one object layout, which keeps the walks
 * in emitJson and emitTree monomorphic.
 */
export type Emitted =
  | { kind: 'value'; value: unknown; keys: undefined; items: undefined; src: SpanFinder | undefined; start: number; end: number }
  | { kind: 'object'; value: undefined; keys: string[]; items: Emitted[]; src: SpanFinder | undefined; start: number; end: number }
  | { kind: 'array'; value: undefined; keys: undefined; items: Emitted[]; src: SpanFinder | undefined; start: number; end: number };

/** Where in a Bicep file a value came from (any syntax node, or another Emitted). */
export interface At {
  start: number;
  end: number;
}

export const ev = (value: unknown, src?: SpanFinder, at?: At): Emitted => ({ kind: 'value', value, keys: undefined, items: undefined, src, start: at ? at.start : 0, end: at ? at.end : 0 });
/** An object from its keys and, in the same order, its values. */
export const eo = (keys: string[], items: Emitted[], src?: SpanFinder, at?: At): Emitted => ({ kind: 'object', value: undefined, keys, items, src, start: at ? at.start : 0, end: at ? at.end : 0 });
export const ea = (items: Emitted[], src?: SpanFinder, at?: At): Emitted => ({ kind: 'array', value: undefined, keys: undefined, items, src, start: at ? at.start : 0, end: at ? at.end : 0 });

/** Adds a member to an object under construction. */
export function put(o: Emitted, key: string, value: Emitted): void {
  o.keys!.push(key);
  o.items!.push(value);
}

export function emitJson(root: Emitted): { text: string; spans: Map<number, SourceRange> } {
  const parts: string[] = [];
  let length = 0;
  const spans = new Map<number, SourceRange>();
  const write = (s: string) => {
    parts.push(s);
    length += s.length;
  };
  const visit = (e: Emitted) => {
    if (e.src) spans.set(length, e.src.range(e.start, e.end));
    switch (e.kind) {
      case 'value':
        write(JSON.stringify(e.value ?? null));
        return;
      case 'array':
        write('[');
        e.items.forEach((item, i) => {
          if (i) write(',');
          visit(item);
        });
        write(']');
        return;
      case 'object':
        write('{');
        e.keys.forEach((k, i) => {
          const v = e.items[i];
          if (i) write(',');
          // The key's offset stands for the whole member, as JsonDocument reads members.
          if (v.src && !spans.has(length)) spans.set(length, v.src.range(v.start, v.end));
          write(JSON.stringify(k));
          write(':');
          visit(v);
        });
        write('}');
        return;
    }
  };
  visit(root);
  return { text: parts.join(''), spans };
}

/** The shape JsonDocument reads (jsonc-parser's Node). */
export interface TreeNode {
  type: 'object' | 'array' | 'property' | 'string' | 'number' | 'boolean' | 'null';
  offset: number;
  length: number;
  parent?: TreeNode;
  children?: TreeNode[];
  value?: unknown;
}

/**
 * The same template as `emitJson`, built directly as a node tree: no JSON text to write and
 * parse again. Nodes are made when read, and made again when read again: expansion never reads
 * much of a template (metadata, type definitions, the descriptions of parameters), and a tree
 * that kept what was read would keep alive, for the garbage collector to copy, every node of
 * every module instance until the whole template is expanded. An object's members are read by
 * key (JsonDocument's member functions) without property nodes; `children` makes those for a
 * reader that asks. `spans` answers the Bicep range of a node from the emitted value it was
 * built from.
 */
export function emitTree(root: Emitted): { root: TreeNode; spans: EmittedSpans } {
  return { root: fromEmitted(root, undefined), spans: SPANS };
}

const NO_KEYS: readonly string[] = [];

/**
 * A node of an emitted tree. Every node, whatever its type, is of this class with the same fields
 * in the same order, so the engine keeps one object shape for the whole tree. Nothing holds on to
 * a node but its reader: a node has no parent and keeps none of its children. Its range is that of
 * the closest emitted value, its own or an enclosing one's, that has one (`ranged`): what
 * JsonDocument finds by walking up parents in a parsed tree. An object keeps its keys
 * (`memberKeys`, as JsonDocument's KeyedObjectNode) and makes the node of a member's value on
 * each read (`memberValue`); no property node stands between them, which changes no range
 * (property nodes of a compiled tree have none of their own).
 */
class EmittedNode implements TreeNode {
  constructor(
    readonly type: TreeNode['type'],
    readonly value: unknown,
    /** The closest emitted value, this node's own or an enclosing one's, that has a Bicep range. */
    readonly ranged: Emitted | undefined,
    /** The emitted object or array that members or items are made from. */
    private readonly source: Emitted | undefined,
    /** The plain object or array they are made from instead, or a property's key and value nodes. */
    private readonly plain: object | undefined,
    /** An object's keys; undefined for any other node. */
    readonly memberKeys: readonly string[] | undefined,
  ) {}

  // Nothing reads positions in a compiled tree: ranges come from `ranged`.
  get offset(): number {
    return 0;
  }

  get length(): number {
    return 1;
  }

  memberValue(index: number): TreeNode {
    const plain = this.plain;
    if (plain === undefined) return fromEmitted(this.source!.items![index], this.ranged);
    return fromPlain((plain as Record<string, unknown>)[this.memberKeys![index]], this.ranged, undefined);
  }

  get children(): TreeNode[] | undefined {
    switch (this.type) {
      case 'object':
        return this.properties();
      case 'array':
        return this.items();
      case 'property':
        return this.plain as TreeNode[];
      default:
        return undefined;
    }
  }

  private properties(): TreeNode[] {
    const keys = this.memberKeys!;
    const children = new Array<TreeNode>(keys.length);
    for (let i = 0; i < keys.length; i++) {
      const value = this.memberValue(i) as EmittedNode;
      // The key and the property have the value's range, as JsonDocument finds it through the value.
      const key = new EmittedNode('string', keys[i], value.ranged, undefined, undefined, undefined);
      children[i] = new EmittedNode('property', undefined, value.ranged, undefined, [key, value], undefined);
    }
    return children;
  }

  private items(): TreeNode[] {
    const ranged = this.ranged;
    const plain = this.plain;
    if (plain === undefined) {
      const items = this.source!.items!;
      const children = new Array<TreeNode>(items.length);
      for (let i = 0; i < items.length; i++) children[i] = fromEmitted(items[i], ranged);
      return children;
    }
    const value = plain as unknown[];
    const children = new Array<TreeNode>(value.length);
    for (let i = 0; i < value.length; i++) children[i] = fromPlain(value[i], ranged, undefined);
    return children;
  }
}

/** The node of `e`, inside a node whose range is that of `enclosing`. */
function fromEmitted(e: Emitted, enclosing: Emitted | undefined): TreeNode {
  switch (e.kind) {
    case 'value':
      return fromPlain(e.value, enclosing, e);
    case 'object':
      return new EmittedNode('object', undefined, e.src ? e : enclosing, e, undefined, e.keys);
    default:
      return new EmittedNode('array', undefined, e.src ? e : enclosing, e, undefined, undefined);
  }
}

/** A node for a plain value; `e` is the emitted value it is (none for one inside a plain value). */
function fromPlain(value: unknown, enclosing: Emitted | undefined, e: Emitted | undefined): TreeNode {
  const ranged = e !== undefined && e.src ? e : enclosing;
  if (value === null || value === undefined) return new EmittedNode('null', null, ranged, undefined, undefined, undefined);
  switch (typeof value) {
    case 'string':
      return new EmittedNode('string', value, ranged, undefined, undefined, undefined);
    case 'number':
      return new EmittedNode('number', value, ranged, undefined, undefined, undefined);
    case 'object':
      if (Array.isArray(value)) return new EmittedNode('array', undefined, ranged, undefined, value, undefined);
      return new EmittedNode('object', undefined, ranged, undefined, value, ownKeys(value));
    default:
      return new EmittedNode('boolean', value, ranged, undefined, undefined, undefined);
  }
}

/** The keys a plain object's members are listed by (own enumerable ones, as `for…in` with hasOwn finds). */
function ownKeys(value: object): readonly string[] {
  const keys = Object.keys(value);
  return keys.length ? keys : NO_KEYS;
}

/** The Bicep ranges of an emitted tree's nodes, read from the emitted values they were built from. */
export class EmittedSpans {
  rangeOfNode(node: TreeNode): SourceRange | undefined {
    const e = (node as { ranged?: Emitted }).ranged;
    return e !== undefined ? e.src!.range(e.start, e.end) : undefined;
  }
}

const SPANS = new EmittedSpans();
