// Writes the compiled template as JSON text while recording, for every emitted value that
// carries a Bicep range, the offset it lands at: the span map JsonDocument.fromCompiled reads.
import type { SourceRange } from '../../core/source-range.js';

/** A JSON value under construction, optionally tagged with the Bicep range it came from. */
export type Emitted =
  | { kind: 'value'; value: unknown; span?: SourceRange }
  | { kind: 'object'; entries: [string, Emitted][]; span?: SourceRange }
  | { kind: 'array'; items: Emitted[]; span?: SourceRange };

export const ev = (value: unknown, span?: SourceRange): Emitted => ({ kind: 'value', value, ...(span ? { span } : {}) });
export const eo = (entries: [string, Emitted][], span?: SourceRange): Emitted => ({ kind: 'object', entries, ...(span ? { span } : {}) });
export const ea = (items: Emitted[], span?: SourceRange): Emitted => ({ kind: 'array', items, ...(span ? { span } : {}) });

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
export function emitTree(root: Emitted): { root: TreeNode; spans: Map<number, SourceRange> } {
  const spans = new Map<number, SourceRange>();
  let next = 0;
  const leaf = (value: unknown, parent?: TreeNode): TreeNode => {
    const type = value === null || value === undefined ? 'null' : typeof value === 'string' ? 'string' : typeof value === 'number' ? 'number' : 'boolean';
    return { type, offset: next++, length: 1, value: value ?? null, ...(parent ? { parent } : {}) };
  };
  const plain = (value: unknown, parent?: TreeNode): TreeNode => {
    if (Array.isArray(value)) {
      const node: TreeNode = { type: 'array', offset: next++, length: 1, children: [], ...(parent ? { parent } : {}) };
      node.children = value.map((v) => plain(v, node));
      return node;
    }
    if (value && typeof value === 'object') {
      const node: TreeNode = { type: 'object', offset: next++, length: 1, children: [], ...(parent ? { parent } : {}) };
      node.children = Object.entries(value).map(([k, v]) => property(k, (p) => plain(v, p), node));
      return node;
    }
    return leaf(value, parent);
  };
  const property = (key: string, makeValue: (p: TreeNode) => TreeNode, parent: TreeNode, span?: SourceRange): TreeNode => {
    const prop: TreeNode = { type: 'property', offset: next++, length: 1, parent, children: [] };
    if (span) spans.set(prop.offset, span);
    prop.children = [leaf(key, prop), makeValue(prop)];
    return prop;
  };
  const visit = (e: Emitted, parent?: TreeNode): TreeNode => {
    let node: TreeNode;
    if (e.kind === 'value') {
      node = plain(e.value, parent);
    } else if (e.kind === 'array') {
      node = { type: 'array', offset: next++, length: 1, children: [], ...(parent ? { parent } : {}) };
      const self = node;
      node.children = e.items.map((item) => visit(item, self));
    } else {
      node = { type: 'object', offset: next++, length: 1, children: [], ...(parent ? { parent } : {}) };
      const self = node;
      node.children = e.entries.map(([k, v]) => property(k, (p) => visit(v, p), self, v.span));
    }
    if (e.span) spans.set(node.offset, e.span);
    return node;
  };
  return { root: visit(root), spans };
}
