// parseBicep: exact 1-based positions of diagnostics (LF, CRLF, BOM), directives and comments, the shape
// of representative declarations, and .bicepparam files.
import { describe, expect, it } from 'vitest';
import { parseBicep } from '../../src/bicep/parse-bicep.js';
import { propertyKeyName, stringValue } from '../../src/bicep/syntax/nodes.js';
import { nodeAt, walk } from '../../src/bicep/syntax/visit.js';

function errorsOf(text: string, file = 'main.bicep') {
  return parseBicep(file, text).diagnostics.map((d) => ({
    code: d.code,
    line: d.location?.startLine,
    column: d.location?.startColumn,
    endLine: d.location?.endLine,
    endColumn: d.location?.endColumn,
  }));
}

describe('diagnostic positions', () => {
  it('places an unterminated string on its line in a CRLF file', () => {
    expect(errorsOf("param a string\r\nvar b = 'open\r\nvar c = 1\r\n")).toEqual([
      { code: 'bicep/unterminated-string', line: 2, column: 9, endLine: 2, endColumn: 14 },
    ]);
  });

  it('reports a missing operand right after the operator, not on the next line', () => {
    expect(errorsOf('var a = 1 +\n\nvar b = 2\n')).toEqual([
      { code: 'bicep/expected-expression', line: 1, column: 12, endLine: 1, endColumn: 12 },
    ]);
  });

  it('counts the lines inside multi-line strings and comments (LF, CRLF, lone CR)', () => {
    for (const eol of ['\n', '\r\n', '\r']) {
      const text = ["var s = '''", 'a', "b'''", '/* c', 'd */', "var t = $'''${1}", "e'''", 'var u = 1 +', ''].join(eol);
      expect(errorsOf(text)).toEqual([{ code: 'bicep/expected-expression', line: 8, column: 12, endLine: 8, endColumn: 12 }]);
    }
  });

  it('ignores a BOM when counting columns', () => {
    expect(errorsOf("\ufeffvar x = 'a' 'b'\n")).toMatchObject([{ code: 'bicep/expected-newline', line: 1, column: 13 }]);
  });

  it('points at the bad escape inside a string and at a comma followed by a newline', () => {
    expect(errorsOf("var s = {\n  a: 'x\\qy',\n  b: 2\n}\n")).toEqual([
      { code: 'bicep/invalid-escape', line: 2, column: 8, endLine: 2, endColumn: 10 },
      { code: 'bicep/newline-after-comma', line: 2, column: 13, endLine: 2, endColumn: 13 },
    ]);
  });

  it('reports a declaration keyword it does not know, then carries on', () => {
    const tree = parseBicep('main.bicep', "foo bar = 1\nvar ok = 'yes'\n");
    expect(tree.diagnostics).toMatchObject([{ code: 'bicep/expected-declaration', location: { startLine: 1, startColumn: 1 } }]);
    expect(tree.statements.map((s) => s.kind)).toEqual(['skipped', 'var-decl']);
  });

  it('recovers from an unclosed object at the next column-1 declaration', () => {
    const tree = parseBicep('main.bicep', "resource r 'A/b@1' = {\n  name: 'x'\n\nparam p string\n");
    expect(tree.diagnostics).toMatchObject([{ code: 'bicep/expected-token', location: { startLine: 2, startColumn: 12 } }]);
    expect(tree.statements.map((s) => s.kind)).toEqual(['resource-decl', 'param-decl']);
  });
});

describe('trivia', () => {
  it('keeps comments and directives with their lines', () => {
    const tree = parseBicep(
      'main.bicep',
      "// azready-disable-next-line storage/min-tls legacy app\n#disable-next-line BCP081 no-unused-vars\nvar a = 1 /* why */\n",
    );
    expect(tree.comments.map((c) => c.text)).toEqual(['// azready-disable-next-line storage/min-tls legacy app', '/* why */']);
    expect(tree.directives).toMatchObject([{ kind: 'disable-next-line', codes: ['BCP081', 'no-unused-vars'], line: 2 }]);
    expect(tree.diagnostics).toEqual([]);
  });
});

describe('declarations', () => {
  it('parses a conditional resource with a nested child and an existing resource', () => {
    const tree = parseBicep(
      'main.bicep',
      "@description('d')\nresource sa 'Microsoft.Storage/storageAccounts@2023-01-01' = if (deploy) {\n  name: 'sa'\n  resource blob 'blobServices' = {\n    name: 'default'\n  }\n}\nresource kv 'Microsoft.KeyVault/vaults@2023-07-01' existing = {\n  name: 'kv'\n}\n",
    );
    expect(tree.diagnostics).toEqual([]);
    const [sa, kv] = tree.statements;
    expect(sa).toMatchObject({
      kind: 'resource-decl',
      name: { name: 'sa' },
      existing: false,
      decorators: [{ expression: { kind: 'call', name: { name: 'description' } } }],
      value: { kind: 'if', condition: { kind: 'identifier', name: 'deploy' }, body: { kind: 'object' } },
    });
    if (sa.kind !== 'resource-decl' || sa.value.kind !== 'if' || sa.value.body.kind !== 'object') throw new Error('shape');
    expect(stringValue(sa.typeString)).toBe('Microsoft.Storage/storageAccounts@2023-01-01');
    const [nameProp, child] = sa.value.body.items;
    expect(nameProp.kind === 'object-property' && propertyKeyName(nameProp.key)).toBe('name');
    expect(child).toMatchObject({ kind: 'resource-decl', name: { name: 'blob' } });
    expect(kv).toMatchObject({ kind: 'resource-decl', existing: true });
  });

  it('parses modules with loops, outputs, user functions and imports', () => {
    const tree = parseBicep(
      'main.bicep',
      [
        "module m './m.bicep' = [for (x, i) in items: {",
        "  name: 'm${i}'",
        '}]',
        "output ids array = [for x in items: x.id]",
        "func double(n int) int => n * 2",
        "import { a as b } from './t.bicep'",
        "import * as types from './t.bicep'",
        "type pair = [string, int]",
      ].join('\n'),
    );
    expect(tree.diagnostics).toEqual([]);
    expect(tree.statements).toMatchObject([
      { kind: 'module-decl', value: { kind: 'for', item: { name: 'x' }, index: { name: 'i' }, body: { kind: 'object' } } },
      { kind: 'output-decl', type: { kind: 'type-name', name: { name: 'array' } }, value: { kind: 'for' } },
      { kind: 'func-decl', parameters: [{ name: { name: 'n' }, type: { kind: 'type-name' } }], body: { kind: 'binary', operator: '*' } },
      { kind: 'import-decl', symbols: [{ name: { name: 'a' }, alias: { name: 'b' } }] },
      { kind: 'import-decl', wildcardAlias: { name: 'types' } },
      { kind: 'type-decl', value: { kind: 'tuple-type', items: [{ value: { kind: 'type-name' } }, { value: { kind: 'type-name' } }] } },
    ]);
  });

  it('parses .bicepparam files', () => {
    const tree = parseBicep(
      'main.bicepparam',
      "using './main.bicep'\nparam name = 'x'\nvar v = 1\nparam count = v + 1\n",
    );
    expect(tree.format).toBe('bicepparam');
    expect(tree.diagnostics).toEqual([]);
    expect(tree.statements).toMatchObject([
      { kind: 'using-decl', path: { kind: 'string', parts: ['./main.bicep'] } },
      { kind: 'param-assignment', name: { name: 'name' } },
      { kind: 'var-decl' },
      { kind: 'param-assignment', value: { kind: 'binary', operator: '+' } },
    ]);
  });

  it('parses experimental and legacy declarations', () => {
    const tree = parseBicep(
      'main.bicep',
      [
        "assert positive = length(name) > 0",
        "test smoke 'main.bicep' = {",
        "  params: { name: 'x' }",
        '}',
        "import 'az@1.0.0' with { foo: 1 } as azure",
        "provider 'kubernetes@1.0.0' as k8s",
        "param sa resource 'Microsoft.Storage/storageAccounts@2023-01-01'",
        "output kv resource 'Microsoft.KeyVault/vaults@2023-07-01' = vault",
      ].join('\n'),
    );
    expect(tree.diagnostics).toEqual([]);
    expect(tree.statements).toMatchObject([
      { kind: 'assert-decl', name: { name: 'positive' }, value: { kind: 'binary', operator: '>' } },
      { kind: 'test-decl', name: { name: 'smoke' }, path: { parts: ['main.bicep'] }, value: { kind: 'object' } },
      { kind: 'extension-decl', legacyImport: true, specification: { parts: ['az@1.0.0'] }, config: { kind: 'object' }, alias: { name: 'azure' } },
      { kind: 'extension-decl', legacyImport: true, alias: { name: 'k8s' } },
      { kind: 'param-decl', type: { kind: 'resource-type', typeString: { parts: ['Microsoft.Storage/storageAccounts@2023-01-01'] } } },
      { kind: 'output-decl', type: { kind: 'resource-type' }, value: { kind: 'identifier', name: 'vault' } },
    ]);
  });

  it('accepts keywords as names where Bicep does', () => {
    const tree = parseBicep('main.bicep', "var if = true\nvar resource = { param: 1, if: 2 }\n");
    expect(tree.diagnostics).toEqual([]);
    expect(tree.statements).toMatchObject([{ name: { name: 'if' } }, { name: { name: 'resource' } }]);
  });
});

describe('traversal', () => {
  it('walks children in source order and finds the node under an offset', () => {
    const text = "@description('d')\nparam p string = 'x${y}'\n";
    const tree = parseBicep('main.bicep', text);
    const kinds: string[] = [];
    for (const s of tree.statements) walk(s, (n) => void kinds.push(n.kind));
    expect(kinds).toEqual(['param-decl', 'decorator', 'call', 'identifier', 'string', 'identifier', 'type-name', 'identifier', 'string', 'identifier']);
    expect(nodeAt(tree.statements, text.indexOf('y}'))).toMatchObject({ kind: 'identifier', name: 'y' });
  });
});
