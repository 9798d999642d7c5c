// Pieces the expander leans on for speed, held to the behaviour they replace: member() key
// matching, the strict reader's node layout, compiled expressions and lazily resolved source maps.
import { parseTree } from 'jsonc-parser';
import { describe, expect, it } from 'vitest';
import { Unknown } from '../../src/core/unknown.js';
import { DEFAULT_DEPLOYMENT, resourceIdAt } from '../../src/arm/deployment-context.js';
import type { EvalContext } from '../../src/arm/expression/eval-context.js';
import { compileBracketed } from '../../src/arm/expression/compile-expression.js';
import { evaluateExpression } from '../../src/arm/expression/evaluate-expression.js';
import { parseBracketed } from '../../src/arm/expression/parse-expression.js';
import { JsonDocument, member } from '../../src/arm/json-document.js';
import { parseStrictJsonTree } from '../../src/arm/parse-json-tree.js';
import { SourceMap } from '../../src/model/source-map.js';
import { sameIgnoringCase } from '../../src/arm/same-ignoring-case.js';

function root(json: string) {
  return JsonDocument.parse('t.json', json).doc.root;
}

describe('member()', () => {
  it('prefers the exact key, then the first case-insensitive one', () => {
    const node = root('{"Name": 1, "name": 2, "NAME": 3, "other": 4}');
    expect(member(node, 'name')?.value).toBe(2);
    expect(member(node, 'nAmE')?.value).toBe(1);
    expect(member(node, 'OTHER')?.value).toBe(4);
    expect(member(node, 'nam')).toBeUndefined();
  });

  it('folds case beyond ASCII as String.prototype.toLowerCase does', () => {
    const node = root('{"ÉTAT": 1, "İd": 2}');
    expect(member(node, 'état')?.value).toBe(1);
    // İ lower-cases to two code units, so the key and the name differ in length.
    expect(member(node, 'i\u0307d')?.value).toBe(2);
    expect(member(node, 'id')).toBeUndefined();
  });
});

describe('parseStrictJsonTree', () => {
  it('builds the tree jsonc-parser builds, every node with the same members', () => {
    const text = '{"a": [1, -2.5e3, true, null, "x\\"y"], "b": {"c": {}}, "d": []}';
    const strict = parseStrictJsonTree(text)!;
    const strip = (n: unknown): unknown => JSON.parse(JSON.stringify(n, (k, v: unknown) => (k === 'parent' || k === 'colonOffset' ? undefined : v)));
    expect(strip(strict)).toEqual(strip(parseTree(text)));
    const keys = new Set<string>();
    const walk = (n: typeof strict) => {
      keys.add(Object.keys(n).join(','));
      for (const c of n.children ?? []) walk(c);
    };
    walk(strict);
    expect([...keys]).toEqual(['type,offset,length,parent,children,value']);
  });
});

describe('sameIgnoringCase()', () => {
  it('answers as comparing lower-cased copies does', () => {
    const names = ['name', 'Name', 'NAME', 'nam', 'names', 'état', 'ÉTAT', 'kind', '\u212Aind', 'i\u0307d', '\u0130d', 'id', 'ID', ''];
    for (const a of names) for (const b of names) expect(sameIgnoringCase(a, b)).toBe(a.toLowerCase() === b.toLowerCase());
  });
});

describe('compileBracketed', () => {
  const ctx: EvalContext = {
    deployment: DEFAULT_DEPLOYMENT,
    parameter: (n) => (n.toLowerCase() === 'p' ? 'value' : undefined),
    variable: (n) => (n.toLowerCase() === 'v' ? { Key: [10, 20] } : undefined),
    copyIndex: () => undefined,
    unsupported: () => undefined,
  };
  it.each([
    "[parameters('p')]",
    "[toUpper(parameters('P'))]",
    "[variables('v').key[1]]",
    "[if(equals(parameters('p'), 'value'), 'yes', variables('missing'))]",
    "[concat('a', string(add(1, 2)))]",
    "[noSuchFunction('x')]",
  ])('%s evaluates as the parsed tree does', (text) => {
    const compiled = compileBracketed(text);
    const parsed = parseBracketed(text);
    if (!compiled.ok || !parsed.ok) throw new Error('parse failed');
    expect(compiled.run(ctx)).toEqual(evaluateExpression(parsed.node, ctx));
  });

  it.each(["[parameters('nope')]", "[variables('nope')]", "[if(true(), 'a')]"])('%s throws the error the parsed tree throws', (text) => {
    const compiled = compileBracketed(text);
    const parsed = parseBracketed(text);
    if (!compiled.ok || !parsed.ok) throw new Error('parse failed');
    const node = parsed.node;
    expect(() => evaluateExpression(node, ctx)).toThrow();
    let message = '';
    try {
      evaluateExpression(node, ctx);
    } catch (e) {
      message = (e as Error).message;
    }
    expect(() => compiled.run(ctx)).toThrow(message);
  });

  it('asks the context for its own functions first', () => {
    const local: EvalContext = { ...ctx, localFunction: (n) => (n === 'parameters' ? { evaluate: () => new Unknown('local') } : undefined) };
    const compiled = compileBracketed("[parameters('p')]");
    if (!compiled.ok) throw new Error('parse failed');
    expect(compiled.run(local)).toEqual(new Unknown('local'));
  });

  it('asks only for the names a context says it may define, and namespaced ones', () => {
    const asked: string[] = [];
    const fn = { evaluate: () => 'local' };
    const local: EvalContext = { ...ctx, localFunctionNames: new Set(['toupper']), localFunction: (n) => (asked.push(n), fn) };
    const run = (text: string) => {
      const compiled = compileBracketed(text);
      if (!compiled.ok) throw new Error('parse failed');
      return compiled.run(local);
    };
    expect(run("[parameters('p')]")).toBe('value');
    expect(run("[concat('a', 'b')]")).toBe('ab');
    expect(run("[toUpper('a')]")).toBe('local');
    expect(run("[ns.fn('a')]")).toBe('local');
    expect(asked).toEqual(['toupper', 'ns.fn']);
  });
});

describe('SourceMap', () => {
  it('resolves lazily recorded targets when read, in insertion order', () => {
    const seen: object[] = [];
    const range = (line: number) => ({ file: 'f', startLine: line, startColumn: 1, endLine: line, endColumn: 2 });
    const a = { line: 1 };
    const b = { line: 2 };
    const map = new SourceMap((t) => {
      seen.push(t);
      return range((t as { line: number }).line);
    });
    map.setLazy('', a);
    map.set('x', range(5));
    map.setLazy('x.y', b);
    expect(seen).toEqual([]);
    expect(map.rangeOf('x.y.z')).toEqual(range(2));
    expect(map.rangeOf('x.y')).toEqual(range(2));
    expect(seen).toEqual([b]);
    expect([...map.entries()]).toEqual([['', range(1)], ['x', range(5)], ['x.y', range(2)]]);
  });

  it('walks a tree recorded by its root only when a path below it is read, as setLazy of each path would', () => {
    type T = { line: number; kids?: [string | number, T][] };
    const range = (line: number) => ({ file: 'f', startLine: line, startColumn: 1, endLine: line, endColumn: 2 });
    let walked = 0;
    const map = new SourceMap({
      range: (t) => range((t as T).line),
      members: (t) => (walked++, (t as T).kids ?? []),
    });
    // A duplicate key overrides the earlier one in place, as a second setLazy of a path does.
    const tree: T = { line: 10, kids: [['a', { line: 11, kids: [[0, { line: 12 }]] }], ['b c', { line: 13 }], ['a', { line: 14 }]] };
    map.setLazy('', { line: 1 });
    map.setTree('properties', tree);
    map.setLazy('tags', { line: 20 });
    expect(map.rangeOf('properties')).toEqual(range(10));
    expect(walked).toBe(0);
    expect(map.rangeOf('properties.a[0].x')).toEqual(range(12));
    expect(map.rangeOf("properties['b c']")).toEqual(range(13));
    expect(map.rangeOf('properties.a')).toEqual(range(14));
    expect(map.rangeOf('properties.z')).toEqual(range(10));
    expect(map.size).toBe(6);
    expect([...map.entries()].map(([p, r]) => [p, r.startLine])).toEqual([['', 1], ['properties', 10], ['properties.a', 14], ['properties.a[0]', 12], ["properties['b c']", 13], ['tags', 20]]);
  });
});

describe('resourceIdAt', () => {
  it('pairs type segments with name segments', () => {
    expect(resourceIdAt('/p', 'Ns/a/b', 'x/y')).toBe('/p/providers/Ns/a/x/b/y');
    expect(resourceIdAt('/p', 'Ns/a/b', 'x')).toBe('/p/providers/Ns/a/x/b/');
  });
});
