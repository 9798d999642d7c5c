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
 * parse again. Nodes are built when first read: expansion never reads much of a template
 * (metadata, type definitions, the descriptions of parameters). An object's members are read by
 * key (JsonDocument's member functions) without property nodes; `children` builds those only
 * for a reader that asks. `spans` answers the Bicep range of a node from the emitted value it
 * was built from.
 */
export function emitTree(root: Emitted): { root: TreeNode; spans: EmittedSpans } {
  return { root: fromEmitted(root, undefined), spans: SPANS };
}

/** What a node's members or items are built from (see EmittedNode.source). */
const NONE = 0;
const EMITTED = 1;
const PLAIN = 2;

const NO_KEYS: readonly string[] = [];

/**
 * A node of an emitted tree. Every node, whatever its type, is of this class with the same fields
 * in the same order, so the engine keeps one object shape for the whole tree. An object keeps its
 * keys (`memberKeys`, as JsonDocument's KeyedObjectNode) and builds the node of a member's value
 * when it is first read (`memberValue`), with the object as its parent: no property node stands
 * between them, which changes no range (property nodes of a compiled tree have none). `children`
 * is a getter that builds items, or property nodes over the same value nodes, on the first read.
 */
class EmittedNode implements TreeNode {
  constructor(
    readonly type: TreeNode['type'],
    readonly parent: TreeNode | undefined,
    readonly value: unknown,
    /** The emitted value whose Bicep range this node has, when it has one. */
    readonly at: Emitted | undefined,
    /** An Emitted object or array (`from` EMITTED), or a plain one (`from` PLAIN). */
    private readonly source: unknown,
    private readonly from: number,
    /** An object's keys; undefined for any other node. */
    readonly memberKeys: readonly string[] | undefined,
    /** The children once built (a property's are given when it is made). */
    private built: TreeNode[] | undefined,
  ) {}

  /** An object's member value nodes, by index, as they are built. */
  private values: (TreeNode | undefined)[] | undefined = undefined;

  // Nothing reads positions in a compiled tree: ranges come from `at`.
  get offset(): number {
    return 0;
  }

  get length(): number {
    return 1;
  }

  memberValue(index: number): TreeNode {
    const values = (this.values ??= new Array<TreeNode | undefined>(this.memberKeys!.length));
    const known = values[index];
    if (known !== undefined) return known;
    const node = this.from === EMITTED ? fromEmitted((this.source as Emitted).items![index], this) : fromPlain((this.source as Record<string, unknown>)[this.memberKeys![index]], this, undefined);
    values[index] = node;
    return node;
  }

  get children(): TreeNode[] | undefined {
    const built = this.built;
    if (built !== undefined || this.from === NONE) return built;
    return (this.built = this.memberKeys !== undefined ? this.properties() : this.items());
  }

  private properties(): TreeNode[] {
    const keys = this.memberKeys!;
    const children = new Array<TreeNode>(keys.length);
    for (let i = 0; i < keys.length; i++) {
      const prop = new EmittedNode('property', this, undefined, undefined, undefined, NONE, undefined, undefined);
      prop.built = [new EmittedNode('string', prop, keys[i], undefined, undefined, NONE, undefined, undefined), this.memberValue(i)];
      children[i] = prop;
    }
    return children;
  }

  private items(): TreeNode[] {
    if (this.from === EMITTED) {
      const items = (this.source as Emitted).items!;
      const children = new Array<TreeNode>(items.length);
      for (let i = 0; i < items.length; i++) children[i] = fromEmitted(items[i], this);
      return children;
    }
    const value = this.source as unknown[];
    const children = new Array<TreeNode>(value.length);
    for (let i = 0; i < value.length; i++) children[i] = fromPlain(value[i], this, undefined);
    return children;
  }
}

function fromEmitted(e: Emitted, parent: TreeNode | undefined): TreeNode {
  const at = e.src ? e : undefined;
  switch (e.kind) {
    case 'value':
      return fromPlain(e.value, parent, at);
    case 'object':
      return new EmittedNode('object', parent, undefined, at, e, EMITTED, e.keys, undefined);
    default:
      return new EmittedNode('array', parent, undefined, at, e, EMITTED, undefined, undefined);
  }
}

function fromPlain(value: unknown, parent: TreeNode | undefined, at: Emitted | undefined): TreeNode {
  if (value === null || value === undefined) return new EmittedNode('null', parent, null, at, undefined, NONE, undefined, undefined);
  switch (typeof value) {
    case 'string':
      return new EmittedNode('string', parent, value, at, undefined, NONE, undefined, undefined);
    case 'number':
      return new EmittedNode('number', parent, value, at, undefined, NONE, undefined, undefined);
    case 'object':
      if (Array.isArray(value)) return new EmittedNode('array', parent, undefined, at, value, PLAIN, undefined, undefined);
      return new EmittedNode('object', parent, undefined, at, value, PLAIN, ownKeys(value), undefined);
    default:
      return new EmittedNode('boolean', parent, value, at, undefined, NONE, undefined, undefined);
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
    const e = (node as { at?: Emitted }).at;
    return e !== undefined && e.src !== undefined ? e.src.range(e.start, e.end) : undefined;
  }
}

const SPANS = new EmittedSpans();
