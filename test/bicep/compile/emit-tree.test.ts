import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { JsonDocument, plainValue, type JsonNode } from '../../../src/arm/json-document.js';
import { BicepCompiler } from '../../../src/bicep/compile/bicep-compiler.js';
import { emitJson, emitTree } from '../../../src/bicep/compile/emit-json.js';

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
});
