// Compiles Bicep files to ARM templates: one unit per file, modules compiled recursively (local
// files; `br:`/`ts:` from the local Bicep module cache, as `bicep restore` fills it; aliases from
// bicepconfig.json), compile-time imports pulled into the importing template.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { getNodeValue } from 'jsonc-parser';
import { DEFAULT_DEPLOYMENT } from '../../arm/deployment-context.js';
import { JsonDocument } from '../../arm/json-document.js';
import { TemplateScope } from '../../arm/template-scope.js';
import { isUnknown, type Value } from '../../core/unknown.js';
import { diagnostic, type Diagnostic } from '../../core/diagnostic.js';
import type { SourceRange } from '../../core/source-range.js';
import { bindSymbols, type BicepSymbol, type ResourceSymbol } from '../bind/symbols.js';
import { parseBicep } from '../parse-bicep.js';
import type { Expression, ModuleDeclNode, SyntaxTree } from '../syntax/nodes.js';
import { stringValue } from '../syntax/nodes.js';
import { call, quote } from './arm-text.js';
import { NO_LOCALS, type CompileUnit, type Scope } from './compile-scope.js';
import { toArm, toJson } from './compile-expression.js';
import { CompileCache } from './compile-cache.js';
import { registryCacheFile } from './registry-cache.js';
import { compileTemplate, type ModuleTemplate, type TemplateCompileHost } from './compile-template.js';
import { ea, eo, ev, put, type Emitted } from './emit-json.js';
import { refIdArm, resolveResourceRef } from './resource-access.js';
import { computeResourceInfo, resourceInfoOf, type ResourceInfo } from './resource-info.js';
import { SpanFinder } from './span-finder.js';

export interface CompilerOptions {
  /** Root of the Bicep module cache (default `~/.bicep`, or `$BICEP_CACHE_DIRECTORY`). */
  moduleCache?: string;
  readFile?: (file: string) => string;
  /**
   * Files read and modules compiled so far in this scan, shared by the scan's compilers; a
   * compiler without one keeps its own.
   */
  cache?: CompileCache;
}

export interface CompileResult {
  template: Emitted;
  diagnostics: Diagnostic[];
}

const MAX_MODULE_DEPTH = 32;

/** Where an importing file collects what it imports (and numbers the files it imports from). */
interface ImportSink {
  variables: Map<string, Emitted>;
  functions: Map<string, Emitted>;
  count: number;
}

const readUtf8 = (file: string) => readFileSync(file, 'utf8');

export class BicepCompiler implements TemplateCompileHost {
  private readonly stack: string[] = [];
  // Made at the first import (most files import nothing).
  private imports: Map<CompileUnit, ImportSink> | undefined;
  /** Files imported from, parsed once per compiler (imports are small; trees are not kept longer). */
  private importTrees: Map<string, SyntaxTree> | undefined;
  private readonly cache: CompileCache;
  private readonly readFile: (file: string) => string;

  constructor(private readonly options: CompilerOptions = {}) {
    this.cache = options.cache ?? new CompileCache();
    this.readFile = options.readFile ?? readUtf8;
  }

  private read(file: string, key?: string): string {
    return this.cache.text(file, this.readFile, key);
  }

  private tryRead(file: string, key: string): string | undefined {
    try {
      return this.read(file, key);
    } catch {
      return undefined;
    }
  }

  /** A file a load*() function reads (from disk: `readFile` serves Bicep sources only). */
  loadText(file: string): string {
    return this.cache.text(file, readUtf8);
  }

  /**
   * Compiles `file` (its `text`, or what the file holds). A file that this compiler's cache
   * already compiled as a module from the same text is not compiled again.
   */
  compileFile(file: string, text?: string): CompileResult {
    return this.compile(file, text ?? this.read(file), false);
  }

  /**
   * `keep`: a module's compile is kept for the other files of the scan that call it. A file
   * compiled for itself is not kept: holding every template of a scan until its end costs more
   * garbage-collection time than compiling the odd file again saves.
   */
  private compile(file: string, source: string, keep: boolean, key = this.cache.resolve(file)): CompileResult {
    const hit = this.cache.compiled(file, source, key);
    if (hit) return { template: hit.template, diagnostics: [...hit.diagnostics] };
    const tree = parseBicep(file, source);
    const unit = new Unit(tree, this, '');
    this.stack.push(key);
    try {
      const template = compileTemplate(unit, this);
      const diagnostics = [...tree.diagnostics, ...unit.symbols.diagnostics, ...unit.diagnostics];
      // A file that met a module cycle compiled differently than it would on its own: the cycle
      // depends on who called it, so that compile is not reused.
      if (keep && !diagnostics.some((d) => d.code === 'bicep/module-cycle')) this.cache.remember({ file, text: source, template, diagnostics }, key);
      return { template, diagnostics };
    } finally {
      this.stack.pop();
    }
  }

  /**
   * A .bicepparam file as a template whose outputs are the parameter values (its `var`s are the
   * template's variables), plus the file its `using` names.
   */
  compileParamsFile(file: string, text?: string): CompileResult & { tree: SyntaxTree; using?: string } {
    const tree = parseBicep(file, text ?? this.read(file));
    const unit = new Unit(tree, this, '');
    const root: Scope = { unit, locals: NO_LOCALS };
    const variables = eo([], []);
    const outputs = eo([], []);
    let using: string | undefined;
    for (const s of tree.statements) {
      if (s.kind === 'var-decl') put(variables, s.name.name, toJson(s.value, root));
      else if (s.kind === 'param-assignment') {
        // Also a variable, for the values that read it.
        put(variables, s.name.name, toJson(s.value, root));
        put(outputs, s.name.name, eo(['type', 'value'], [ev('object'), toJson(s.value, root)], unit.finder, s));
      }
      else if (s.kind === 'using-decl' && s.path) using = stringValue(s.path);
    }
    // What the values use from `import` declarations (`shared.resources`, `naming.prefix()`).
    for (const [k, v] of this.importedVariables(unit) ?? []) put(variables, k, v);
    const functions = eo([], []);
    for (const [k, v] of this.importedFunctions(unit) ?? []) put(functions, k, v);
    const template = eo(
      ['$schema', 'languageVersion', 'contentVersion', 'variables', 'resources', 'outputs'],
      [ev('https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#'), ev('2.0'), ev('1.0.0.0'), variables, eo([], []), outputs],
    );
    if (functions.keys!.length) put(template, 'functions', ea([eo(['namespace', 'members'], [ev('__bicep'), functions])]));
    return { template, tree, diagnostics: [...tree.diagnostics, ...unit.diagnostics], ...(using ? { using: path.join(path.dirname(file), using) } : {}) };
  }

  moduleTemplate(unit: CompileUnit, decl: ModuleDeclNode, ref: string): ModuleTemplate {
    const from = unit.tree.file;
    if (/^(br|ts)[:/]/.test(ref)) {
      const cached = this.registryModule(ref, path.dirname(from));
      if (typeof cached === 'string') return { kind: 'unavailable', reference: ref, reason: cached };
      return { kind: 'template', template: ev(cached) };
    }
    // Module files keep the form of the path the user gave (relative stays relative in findings).
    const file = path.join(path.dirname(from), ref);
    // Reading tells whether the file is there (a missing file or a folder cannot be read): one
    // system call instead of a check and a read.
    const key = this.cache.resolve(file);
    const source = this.tryRead(file, key);
    if (source === undefined) {
      unit.error('bicep/module-not-found', `the module file '${ref}' does not exist (looked for ${file})`, decl.path);
      return { kind: 'unavailable', reference: ref, reason: `the module file '${ref}' does not exist` };
    }
    if (this.stack.includes(key) || this.stack.length > MAX_MODULE_DEPTH) {
      unit.error('bicep/module-cycle', `the module '${ref}' refers back to a file that is being compiled`, decl.path);
      return { kind: 'unavailable', reference: ref, reason: 'module cycle' };
    }
    // Bicep compiles .bicep files and reads any other file as an ARM template, which may be
    // .jsonc and hold comments, trailing commas and line breaks in strings as ARM accepts.
    if (!/\.bicep$/i.test(file)) {
      const json = this.cache.derived(`json:${key}`, (): { value: unknown } | { error: string } => {
        const { doc, diagnostics } = JsonDocument.parse(file, source);
        const syntax = diagnostics.find((d) => d.severity === 'error');
        if (!syntax && doc.root) return { value: getNodeValue(doc.root) as unknown };
        return { error: syntax?.message ?? 'the file is empty' };
      });
      if ('error' in json) {
        unit.error('bicep/module-invalid', `the module '${ref}' is not valid JSON: ${json.error}`, decl.path);
        return { kind: 'unavailable', reference: ref, reason: 'invalid JSON module' };
      }
      return { kind: 'template', template: ev(json.value) };
    }
    const result = this.compile(file, source, true, key);
    for (const d of result.diagnostics) if (d.severity === 'error') unit.diagnostics.push(d);
    return { kind: 'template', template: result.template };
  }

  /** `br:registry/repo:tag`, `br/alias:repo:tag`, `ts:sub/rg/name:version` from the local cache. */
  private registryModule(ref: string, dir: string): unknown | string {
    // Files of one folder call the same registry modules over and over: the reference is resolved
    // (aliases looked up, the cached template found and read) once per scan for a folder.
    return this.cache.derived(`registry-ref:${this.options.moduleCache ?? ''}\0${dir}\0${ref}`, () => this.findRegistryModule(ref, dir));
  }

  private findRegistryModule(ref: string, dir: string): unknown | string {
    const found = registryCacheFile(ref, dir, this.cache, this.options.moduleCache);
    if ('reason' in found) return found.reason;
    const cached = found.file;
    return this.cache.derived(`registry:${this.cache.resolve(cached)}`, (): unknown => {
      try {
        return JSON.parse(this.read(cached));
      } catch {
        return `the cached module ${cached} is not valid JSON`;
      }
    });
  }

  /** Makes an imported symbol available to `unit`; returns its ARM reference text. */
  importSymbol(unit: CompileUnit, fromPath: string, name: string, at: { start: number; end: number }): string | undefined {
    const file = path.resolve(path.dirname(unit.tree.file), fromPath);
    if (!this.cache.exists(file)) {
      unit.error('bicep/import-not-found', `the file '${fromPath}' to import from does not exist`, at);
      return undefined;
    }
    const imports = (this.imports ??= new Map());
    let sink = imports.get(unit);
    if (!sink) {
      sink = { variables: new Map(), functions: new Map(), count: 0 };
      imports.set(unit, sink);
    }
    // An ARM template exports variables too (metadata `__bicep_exported_variables!`): compile-time
    // constants, evaluated here with the ARM expander and inlined as values.
    if (/\.json$/i.test(file)) return this.importJsonVariable(unit, file, fromPath, name, at);
    const trees = (this.importTrees ??= new Map());
    let tree = trees.get(file);
    if (!tree) {
      tree = parseBicep(file, this.read(file));
      trees.set(file, tree);
    }
    // Numbered per importing file, so a module compiles the same whoever calls it.
    const exporter = new Unit(tree, this, `_${++sink.count}.`, sink);
    const sym = exporter.symbols.values.get(name);
    if (!sym) return undefined;
    if (sym.kind === 'var') return call('variables', quote(exporter.variableName(name)));
    if (sym.kind === 'func') return `__bicep.${exporter.functionName(name)}()`;
    return undefined;
  }

  private importJsonVariable(unit: CompileUnit, file: string, fromPath: string, name: string, at: { start: number; end: number }): string | undefined {
    const template = this.cache.derived(`import-json:${file}`, () => JsonDocument.parse(file, this.read(file)));
    if (template.diagnostics.some((d) => d.severity === 'error') || !template.doc.root) {
      unit.error('bicep/import-invalid', `the file '${fromPath}' to import from is not valid JSON`, at);
      return undefined;
    }
    let value: Value | undefined;
    try {
      value = new TemplateScope(template.doc, template.doc.root, DEFAULT_DEPLOYMENT, new Map()).variable(name);
    } catch {
      value = undefined;
    }
    if (value === undefined || isUnknown(value)) return undefined;
    if (typeof value === 'string') return quote(value);
    if (typeof value === 'number') return String(value);
    if (typeof value === 'boolean') return value ? 'true()' : 'false()';
    if (value === null) return 'null()';
    return call('json', quote(JSON.stringify(value)));
  }

  templateFact<T>(key: object, make: () => T): T {
    return this.cache.fact(key, make);
  }

  importedVariables(unit: CompileUnit): ReadonlyMap<string, Emitted> | undefined {
    return this.imports?.get(unit)?.variables;
  }

  importedFunctions(unit: CompileUnit): ReadonlyMap<string, Emitted> | undefined {
    return this.imports?.get(unit)?.functions;
  }
}

/** One Bicep file being compiled (or one file imported into another, with prefixed names). */
class Unit implements CompileUnit {
  readonly symbols;
  readonly diagnostics: Diagnostic[] = [];
  readonly targetScope: CompileUnit['targetScope'];
  private readonly infos = new Map<ResourceSymbol, ResourceInfo>();
  readonly finder: SpanFinder;
  private nested?: Map<string, ResourceSymbol>;
  private importCount = 0;
  readonly loopScopes = new Map<object, Scope>();
  readonly declarationTexts = new Map<object, string>();
  moduleSignatures: CompileUnit['moduleSignatures'] = undefined;
  outputReads: CompileUnit['outputReads'] = undefined;
  /** Imported names being emitted (made at the first; only imported units emit). */
  private emitting: Set<string> | undefined;

  constructor(
    readonly tree: SyntaxTree,
    private readonly compiler: BicepCompiler,
    private readonly prefix: string,
    private readonly sink?: ImportSink,
  ) {
    this.symbols = bindSymbols(tree);
    this.finder = new SpanFinder(tree.file, tree.text, tree.lineMap.lineStarts);
    const scopeDecl = tree.statements.find((s) => s.kind === 'target-scope-decl');
    const value = scopeDecl && scopeDecl.kind === 'target-scope-decl' ? stringValue(scopeDecl.value) : undefined;
    this.targetScope = value === 'subscription' || value === 'managementGroup' || value === 'tenant' ? value : 'resourceGroup';
  }

  span(node: { start: number; end: number }): SourceRange {
    return this.finder.range(node.start, node.end);
  }

  effects(): number {
    return this.diagnostics.length + this.importCount;
  }

  lookupValue(name: string): BicepSymbol | undefined {
    const sym = this.symbols.values.get(name);
    if (sym) return sym;
    if (!this.nested) {
      // Nested resources by their own name; the first declared wins when two parents reuse one.
      this.nested = new Map();
      for (const r of this.symbols.resources) if (r.parent && !this.nested.has(r.name)) this.nested.set(r.name, r);
    }
    return this.nested.get(name);
  }

  error(code: string, message: string, node: { start: number; end: number }): void {
    this.diagnostics.push(diagnostic(code, 'error', message, this.span(node)));
  }

  /** The infos being computed, innermost last (a stack: a set would rehash as it grows and shrinks). */
  private readonly computingInfos: ResourceSymbol[] = [];

  resourceInfo(sym: ResourceSymbol): ResourceInfo {
    let info = this.infos.get(sym);
    if (info) return info;
    if (this.computingInfos.includes(sym)) {
      // `parent: self` or parents in a circle: report it and treat the resource as parentless.
      this.error('bicep/cycle', `'${sym.name}' is its own parent through its 'parent' chain`, sym.decl.name);
      return resourceInfoOf(sym, sym.name, '', '', false, undefined, undefined, undefined, undefined, undefined);
    }
    this.computingInfos.push(sym);
    try {
      info = computeResourceInfo(this, sym);
    } finally {
      this.computingInfos.pop();
    }
    this.infos.set(sym, info);
    return info;
  }

  variableName(name: string): string {
    if (!this.prefix) return name;
    const arm = `${this.prefix}${name}`;
    this.emitImported('var', name, arm);
    return arm;
  }

  functionName(name: string): string {
    if (!this.prefix) return name;
    const arm = `${this.prefix}${name}`;
    this.emitImported('func', name, arm);
    return arm;
  }

  /** An imported file's variable or function lands in the importing template once. */
  private emitImported(kind: 'var' | 'func', name: string, arm: string): void {
    if (!this.sink || this.emitting?.has(arm) || this.sink.variables.has(arm) || this.sink.functions.has(arm)) return;
    (this.emitting ??= new Set()).add(arm);
    const sym = this.symbols.values.get(name);
    const root: Scope = { unit: this, locals: NO_LOCALS };
    if (kind === 'var' && sym?.kind === 'var') this.sink.variables.set(arm, toJson(sym.decl.value, root));
    if (kind === 'func' && sym?.kind === 'func') {
      const locals = new Map(sym.decl.parameters.map((p) => [p.name.name, { kind: 'func-param' as const, name: p.name.name }]));
      this.sink.functions.set(arm, ev({ parameters: sym.decl.parameters.map((p) => ({ name: p.name.name, type: 'object' })), output: { type: 'object', value: `[${toArm(sym.decl.body, { unit: this, locals })}]` } }));
    }
  }

  importedValue(sym: BicepSymbol & { kind: 'import' }, memberName?: string): string | undefined {
    const from = stringValue(sym.decl.path);
    const name = sym.wildcard ? memberName : sym.importedName;
    if (!from || !name) return undefined;
    if (/^(br|ts)[:/]/.test(from)) {
      this.error('bicep/import-unavailable', `imports from '${from}' are not available offline`, sym.decl.path);
      return undefined;
    }
    this.importCount++;
    return this.compiler.importSymbol(this, from, name, sym.decl.path);
  }

  readRelative(p: string): { text: string; file: string } | string {
    const file = path.resolve(path.dirname(this.tree.file), p);
    try {
      // Bicep reads files as text with byte-order-mark detection: a BOM is not part of the content.
      const text = this.compiler.loadText(file);
      return { text: text.charCodeAt(0) === 0xfeff ? text.slice(1) : text, file };
    } catch (e) {
      return `cannot read ${file} (${(e as NodeJS.ErrnoException).code ?? 'error'})`;
    }
  }

  templateFact<T>(key: object, make: () => T): T {
    return this.compiler.templateFact(key, make);
  }

  compileArm(e: Expression, scope: Scope): string {
    return toArm(e, scope);
  }

  resourceRefId(e: Expression, scope: Scope): string | undefined {
    const ref = resolveResourceRef(e, scope);
    return ref ? refIdArm(ref, scope) : undefined;
  }
}
