import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { JsonDocument, plainValue, type JsonNode } from '../../../src/arm/json-document.js';
import { BicepCompiler } from '../../../src/bicep/compile/bicep-compiler.js';
import { ea, emitJson, emitTree, eo, ev } from '../../../src/bicep/compile/emit-json.js';
import { SpanFinder } from '../../../src/bicep/compile/span-finder.js';
import { member, memberCount, memberKeyAt, memberValueAt } from '../../../src/arm/json-document.js';

const MAIN = path.join('test', 'fixtures', 'bicep-scan', 'main.bicep');

describe('emitTree', () => {
  const template = new BicepCompiler().compileFile(MAIN, readFileSync(MAIN, 'utf8')).template;

  it('builds the same template as emitting JSON text and parsing it', () => {
    const fromText = JsonDocument.fromCompiled(MAIN, emitJson(template).text, emitJson(template).spans);
    const { root, spans } = emitTree(template);
    const fromTree = JsonDocument.fromCompiledTree(MAIN, root as JsonNode, spans);
    expect(plainValue(fromTree.root)).toEqual(plainValue(fromText.root));
  });

  it('answers ranges with the Bicep spans', () => {
    const { root, spans } = emitTree(template);
    const doc = JsonDocument.fromCompiledTree(MAIN, root as JsonNode, spans);
    const resources = (root.children ?? []).find((p) => p.children?.[0].value === 'resources')!.children![1];
    const lake = resources.children!.find((p) => p.children?.[0].value === 'lake')!.children![1];
    expect(doc.rangeOf(lake)).toMatchObject({ file: MAIN, startLine: 12, startColumn: 1 });
  });

  it('gives a value without a range of its own the range of the closest enclosing value with one', () => {
    const finder = new SpanFinder('x.bicep', 'line one\nline two\nline three\n');
    const inner = eo(['plain', 'own'], [ev('a'), ev('b', finder, { start: 18, end: 23 })], finder, { start: 9, end: 17 });
    const root = eo(['outer', 'list'], [inner, ea([ev(1), ev({ deep: [true] })])]);
    const { root: tree, spans } = emitTree(root);
    const doc = JsonDocument.fromCompiledTree('x.bicep', tree as JsonNode, spans);
    const outer = member(tree as JsonNode, 'outer')!;
    expect(doc.rangeOf(member(outer, 'plain')!)).toMatchObject({ startLine: 2, startColumn: 1 });
    expect(doc.rangeOf(member(outer, 'own')!)).toMatchObject({ startLine: 3, startColumn: 1 });
    // Nothing above has a range: the document's start.
    expect(doc.rangeOf(member(tree as JsonNode, 'list')!.children![1])).toMatchObject({ startLine: 1, startColumn: 1, endLine: 1, endColumn: 1 });
    // Property nodes, made only when `children` is read, have their value's range.
    const own = outer.children![1];
    expect(own.children![0].value).toBe('own');
    expect(doc.rangeOf(own)).toMatchObject({ startLine: 3 });
    expect([memberCount(outer), memberKeyAt(outer, 0), memberValueAt(outer, 1).value]).toEqual([2, 'plain', 'b']);
    expect(plainValue(tree as JsonNode)).toEqual({ outer: { plain: 'a', own: 'b' }, list: [1, { deep: [true] }] });
  });
});
