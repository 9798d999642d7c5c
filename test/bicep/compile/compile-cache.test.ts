// A scan compiles each Bicep module once, however many files call it, and every caller still
// gets its own resources with the module's Bicep lines.
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BicepCompiler } from '../../../src/bicep/compile/bicep-compiler.js';
import { CompileCache } from '../../../src/bicep/compile/compile-cache.js';
import type { Emitted } from '../../../src/bicep/compile/emit-json.js';
import { emitJson } from '../../../src/bicep/compile/emit-json.js';
import { loadBicepFile } from '../../../src/bicep/load-bicep.js';

const MODULE = `param name string
param tls string

resource st 'Microsoft.Storage/storageAccounts@2023-01-01' = {
  name: name
  location: 'westeurope'
  properties: {
    minimumTlsVersion: tls
  }
}

output id string = st.id
`;

function folder(files: Record<string, string>): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'azready-cache-'));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), text);
  }
  return dir;
}

const caller = (sym: string, name: string, tls: string, pad = '') => `${pad}module ${sym} 'modules/st.bicep' = {\n  name: '${sym}'\n  params: { name: '${name}', tls: '${tls}' }\n}\n`;

/** Freezes a compiled template so any later write to it throws. */
function deepFreeze(e: Emitted): void {
  Object.freeze(e);
  if (e.kind === 'object') Object.freeze(e.keys);
  if (e.kind === 'object' || e.kind === 'array') for (const item of Object.freeze(e.items)) deepFreeze(item);
}

describe('the per-scan compile cache', () => {
  const dir = folder({
    'modules/st.bicep': MODULE,
    'a.bicep': caller('one', 'stone', 'TLS1_0') + caller('again', 'stagain', 'TLS1_2'),
    'b.bicep': caller('two', 'sttwo', 'TLS1_1', '// further down\n\n\n'),
  });
  const file = (name: string) => path.join(dir, name);

  it('reads and compiles a module once for all the files that call it', () => {
    const reads: string[] = [];
    const readFile = (f: string) => {
      reads.push(path.relative(dir, f));
      return readFileSync(f, 'utf8');
    };
    const cache = new CompileCache();
    const a = new BicepCompiler({ cache, readFile }).compileFile(file('a.bicep'));
    const b = new BicepCompiler({ cache, readFile }).compileFile(file('b.bicep'));
    expect(reads.sort()).toEqual(['a.bicep', 'b.bicep', path.join('modules', 'st.bicep')]);
    expect([...a.diagnostics, ...b.diagnostics]).toEqual([]);
    // Both callers embed the one compiled module template.
    const get = (e: Emitted | undefined, key: string) => (e?.kind === 'object' ? e.items[e.keys.indexOf(key)] : undefined);
    const moduleOf = (t: Emitted, sym: string) => get(get(get(get(t, 'resources'), sym), 'properties'), 'template');
    expect(moduleOf(a.template, 'one')).toBeDefined();
    expect(moduleOf(a.template, 'again')).toBe(moduleOf(a.template, 'one'));
    expect(moduleOf(b.template, 'two')).toBe(moduleOf(a.template, 'one'));
  });

  it('gives every caller the template and resources it would get without the cache', () => {
    const cache = new CompileCache();
    for (const name of ['a.bicep', 'b.bicep']) {
      const alone = new BicepCompiler().compileFile(file(name));
      const shared = new BicepCompiler({ cache }).compileFile(file(name));
      expect(emitJson(shared.template)).toEqual(emitJson(alone.template));
    }
    const seen = (r: { name: string; properties?: unknown; sourceMap?: { rangeOf(p: string): unknown } }) => [r.name, r.properties, r.sourceMap?.rangeOf('properties.minimumTlsVersion'), r.sourceMap?.rangeOf('')];
    const cached = new CompileCache();
    for (const name of ['a.bicep', 'b.bicep']) {
      const withCache = loadBicepFile(file(name), { cache: cached });
      expect(withCache.resources.map(seen)).toEqual(loadBicepFile(file(name)).resources.map(seen));
    }
    const b = loadBicepFile(file('b.bicep'), { cache: cached });
    expect(b.resources.map(seen)).toEqual([
      ['sttwo', { minimumTlsVersion: 'TLS1_1' }, expect.objectContaining({ file: file('modules/st.bicep'), startLine: 8 }), expect.objectContaining({ file: file('modules/st.bicep'), startLine: 4 })],
    ]);
  });

  it('never changes a compiled module template it hands out', () => {
    const cache = new CompileCache();
    const first = new BicepCompiler({ cache }).compileFile(file('modules/st.bicep'));
    deepFreeze(first.template);
    // Frozen: any write by a caller, the emitter or the expander would throw.
    const a = loadBicepFile(file('a.bicep'), { cache });
    const b = loadBicepFile(file('b.bicep'), { cache });
    expect([...a.resources, ...b.resources].map((r) => r.name)).toEqual(['stone', 'stagain', 'sttwo']);
  });

  it('reuses a module compile only for the same text and the same spelling of its path', () => {
    const cache = new CompileCache();
    const mod = file('modules/st.bicep');
    new BicepCompiler({ cache }).compileFile(file('a.bicep'));
    const kept = cache.compiled(mod, MODULE);
    expect(kept).toBeDefined();
    // The module compiled on its own from the same text is the kept compile.
    expect(new BicepCompiler({ cache }).compileFile(mod).template).toBe(kept?.template);
    const changed = MODULE.replace("'westeurope'", "'northeurope'");
    expect(cache.compiled(mod, changed)).toBeUndefined();
    const other = new BicepCompiler({ cache }).compileFile(mod, changed);
    expect(emitJson(other.template).text).toContain('northeurope');
    expect(cache.compiled(path.relative(process.cwd(), mod), MODULE)).toBeUndefined();
    // A file compiled for itself is not kept.
    expect(cache.compiled(file('a.bicep'), readFileSync(file('a.bicep'), 'utf8'))).toBeUndefined();
  });

  it('does not keep a compile that met a module cycle', () => {
    const cyc = folder({ 'x.bicep': "module y 'y.bicep' = {\n  name: 'y'\n}\n", 'y.bicep': "module x 'x.bicep' = {\n  name: 'x'\n}\n" });
    const cache = new CompileCache();
    const x = new BicepCompiler({ cache }).compileFile(path.join(cyc, 'x.bicep'));
    expect(x.diagnostics.map((d) => d.code)).toEqual(['bicep/module-cycle']);
    expect(cache.compiled(path.join(cyc, 'y.bicep'), readFileSync(path.join(cyc, 'y.bicep'), 'utf8'))).toBeUndefined();
    // y on its own reports the cycle through x, as without a cache.
    const y = new BicepCompiler({ cache }).compileFile(path.join(cyc, 'y.bicep'));
    expect(y.diagnostics.map((d) => d.code)).toEqual(new BicepCompiler().compileFile(path.join(cyc, 'y.bicep')).diagnostics.map((d) => d.code));
  });

  it('resolves paths as path.resolve does, plain absolute ones without it', () => {
    const cache = new CompileCache();
    for (const p of ['/a/b/c.bicep', '/a/./b.bicep', '/a/../b.bicep', '/a//b.bicep', '/a/.hidden/b.bicep', '/a/b/', 'rel/x.bicep', '../up.bicep', '/']) {
      expect(cache.resolve(p)).toBe(path.resolve(p));
    }
  });
});
