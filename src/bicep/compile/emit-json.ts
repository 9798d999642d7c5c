// Writes the compiled template as JSON text while recording, for every emitted value that
// carries a Bicep range, the offset it lands at: the span map JsonDocument.fromCompiled reads.
import type { SourceRange } from '../../core/source-range.js';

/**
 * A JSON value under construction, optionally tagged with the Bicep range it came from. Each kind
 * also carries the other kinds' fields, left undefined: ev/eo/ea then build every Emitted with one
 * object layout, which keeps the walks in emitJson and emitTree monomorphic.
 */
export type Emitted =
  | { kind: 'value'; value: unknown; entries?: undefined; items?: undefined; span?: SourceRange }
  | { kind: 'object'; value?: undefined; entries: [string, Emitted][]; items?: undefined; span?: SourceRange }
  | { kind: 'array'; value?: undefined; entries?: undefined; items: Emitted[]; span?: SourceRange };

export const ev = (value: unknown, span?: SourceRange): Emitted => ({ kind: 'value', value, entries: undefined, items: undefined, span });
export const eo = (entries: [string, Emitted][], span?: SourceRange): Emitted => ({ kind: 'object', value: undefined, entries, items: undefined, span });
export const ea = (items: Emitted[], span?: SourceRange): Emitted => ({ kind: 'array', value: undefined, entries: undefined, items, span });

export function emitJson(root: Emitted): { text: string; spans: Map<number, SourceRange> } {
  const parts: string[] = [];
  let length = 0;
  const spans = new Map<number, SourceRange>();
  const write = (s: string) => {
    parts.push(s);
    length += s.length;
  };
  const visit = (e: Emitted) => {
    if (e.span) spans.set(length, e.span);
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
        e.entries.forEach(([k, v], i) => {
          if (i) write(',');
          // The key's offset stands for the whole member, as JsonDocument reads members.
          if (v.span && !spans.has(length)) spans.set(length, v.span);
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
 * parse again. Offsets are sequence numbers; `spans` maps them to Bicep ranges.
 */
export function emitTree(root: Emitted): { root: TreeNode; spans: OffsetSpans } {
  const builder = new TreeBuilder();
  return { root: builder.visit(root, undefined), spans: builder.spans };
}

/**
 * Every node gets the same fields in the same order (absent ones undefined), so the engine keeps
 * one object shape for the whole tree; this runs once per compiled file on the scan's hot path.
 */
class TreeBuilder {
  readonly spans = new OffsetSpans();
  private next = 0;

  visit(e: Emitted, parent: TreeNode | undefined): TreeNode {
    let node: TreeNode;
    if (e.kind === 'value') node = this.plain(e.value, parent);
    else if (e.kind === 'array') {
      node = this.node('array', parent, undefined);
      const items = e.items;
      const children = new Array<TreeNode>(items.length);
      for (let i = 0; i < items.length; i++) children[i] = this.visit(items[i], node);
      node.children = children;
    } else {
      node = this.node('object', parent, undefined);
      const entries = e.entries;
      const children = new Array<TreeNode>(entries.length);
      for (let i = 0; i < entries.length; i++) {
        const [key, value] = entries[i];
        // JsonDocument finds a property's range through its value node, so the property itself
        // needs no span of its own.
        const prop = this.node('property', node, undefined);
        prop.children = [this.node('string', prop, key), this.visit(value, prop)];
        children[i] = prop;
      }
      node.children = children;
    }
    if (e.span) this.spans.set(node.offset, e.span);
    return node;
  }

  private plain(value: unknown, parent: TreeNode | undefined): TreeNode {
    if (value === null || value === undefined) return this.node('null', parent, null);
    switch (typeof value) {
      case 'string':
        return this.node('string', parent, value);
      case 'number':
        return this.node('number', parent, value);
      case 'object':
        break;
      default:
        return this.node('boolean', parent, value);
    }
    if (Array.isArray(value)) {
      const node = this.node('array', parent, undefined);
      const children = new Array<TreeNode>(value.length);
      for (let i = 0; i < value.length; i++) children[i] = this.plain(value[i], node);
      node.children = children;
      return node;
    }
    const node = this.node('object', parent, undefined);
    const children: TreeNode[] = [];
    for (const key in value) {
      if (!Object.hasOwn(value, key)) continue;
      const prop = this.node('property', node, undefined);
      prop.children = [this.node('string', prop, key), this.plain((value as Record<string, unknown>)[key], prop)];
      children.push(prop);
    }
    node.children = children;
    return node;
  }

  private node(type: TreeNode['type'], parent: TreeNode | undefined, value: unknown): TreeNode {
    return { type, offset: this.next++, length: 1, parent, children: undefined, value };
  }
}


/**
 * The span map of a tree: offsets are small sequence numbers, so an array indexed by offset
 * stands in for a Map at a fraction of the cost (tens of thousands of entries per corpus pass).
 */
export class OffsetSpans {
  private readonly ranges: (SourceRange | undefined)[] = [];

  get(offset: number): SourceRange | undefined {
    return this.ranges[offset];
  }

  set(offset: number, range: SourceRange): void {
    this.ranges[offset] = range;
  }
}
