// The binder's symbol table: every top-level declaration of a Bicep file by name, nested resources
// by `parent::child` path, and the diagnostics for duplicates. Expression-level scopes (loop
// variables, lambda and function parameters) are handled by the compiler's local bindings.
import { diagnostic, type Diagnostic } from '../../core/diagnostic.js';
import type { SourceRange } from '../../core/source-range.js';
import type {
  FuncDeclNode, ImportDeclNode, ModuleDeclNode, OutputDeclNode, ParamDeclNode, ResourceDeclNode, Statement, SyntaxTree, TypeDeclNode, VarDeclNode,
} from '../syntax/nodes.js';

export type BicepSymbol =
  | { kind: 'param'; name: string; decl: ParamDeclNode; armText?: string }
  | { kind: 'var'; name: string; decl: VarDeclNode; armText?: string }
  | { kind: 'resource'; name: string; decl: ResourceDeclNode; parent?: BicepSymbol & { kind: 'resource' }; children: Map<string, BicepSymbol & { kind: 'resource' }> }
  | { kind: 'module'; name: string; decl: ModuleDeclNode }
  | { kind: 'output'; name: string; decl: OutputDeclNode }
  | { kind: 'type'; name: string; decl: TypeDeclNode }
  | { kind: 'func'; name: string; decl: FuncDeclNode }
  | { kind: 'import'; name: string; decl: ImportDeclNode; importedName?: string; wildcard: boolean };

// `armText`: the compiler's memo of the ARM text that reads a parameter or variable (a symbol
// table belongs to one compile of one file).

export type ResourceSymbol = BicepSymbol & { kind: 'resource' };

export interface SymbolTable {
  /** Value namespace: params, vars, resources, modules, functions, imports. */
  values: Map<string, BicepSymbol>;
  /** Type namespace. */
  types: Map<string, BicepSymbol>;
  outputs: Map<string, BicepSymbol>;
  /** Every resource, nested ones included, in declaration order. */
  resources: ResourceSymbol[];
  diagnostics: Diagnostic[];
}

/**
 * The children of a resource without nested declarations (most): one empty map for all of them.
 * Only the binder adds children, and it gives a resource its own map before the first.
 */
const NO_CHILDREN: Map<string, ResourceSymbol> = new Map();

/** The types or outputs of a file that declares none (only the binder adds to a table's maps). */
const NO_SYMBOLS: Map<string, BicepSymbol> = new Map();

export function bindSymbols(tree: SyntaxTree): SymbolTable {
  // Types and outputs start as the shared empty map: a file without any gets no map of its own.
  const table: SymbolTable = { values: new Map(), types: NO_SYMBOLS, outputs: NO_SYMBOLS, resources: [], diagnostics: [] };
  const range = (start: number, end: number): SourceRange => tree.lineMap.range(tree.file, start, end - start);
  const declare = (map: Map<string, BicepSymbol>, sym: BicepSymbol, at: { start: number; end: number }) => {
    if (map.has(sym.name)) {
      table.diagnostics.push(diagnostic('bicep/duplicate-symbol', 'error', `'${sym.name}' is declared more than once; rename one of them`, range(at.start, at.end)));
      return;
    }
    map.set(sym.name, sym);
  };
  const addResource = (decl: ResourceDeclNode, parent?: ResourceSymbol): ResourceSymbol => {
    // One shape for every resource symbol (`parent` undefined at the top level).
    const sym: ResourceSymbol = { kind: 'resource', name: decl.name.name, decl, parent, children: NO_CHILDREN };
    table.resources.push(sym);
    const body = decl.value.kind === 'if' ? decl.value.body : decl.value.kind === 'for' ? (decl.value.body.kind === 'if' ? decl.value.body.body : decl.value.body) : decl.value;
    if (body.kind === 'object') {
      for (const item of body.items) {
        if (item.kind === 'resource-decl') {
          if (sym.children === NO_CHILDREN) sym.children = new Map();
          const child = addResource(item, sym);
          if (sym.children.has(child.name)) table.diagnostics.push(diagnostic('bicep/duplicate-symbol', 'error', `'${child.name}' is declared more than once in '${sym.name}'`, range(item.name.start, item.name.end)));
          sym.children.set(child.name, child);
        }
      }
    }
    return sym;
  };
  for (const s of tree.statements as Statement[]) {
    switch (s.kind) {
      case 'param-decl':
        declare(table.values, { kind: 'param', name: s.name.name, decl: s, armText: undefined }, s.name);
        break;
      case 'var-decl':
        declare(table.values, { kind: 'var', name: s.name.name, decl: s, armText: undefined }, s.name);
        break;
      case 'param-assignment':
        // A .bicepparam value may read another one (`param subnets = [cidrSubnet(prefixes[0], …)]`):
        // each is also a variable of the compiled parameters template.
        declare(table.values, { kind: 'var', name: s.name.name, decl: { ...s, kind: 'var-decl' }, armText: undefined }, s.name);
        break;
      case 'resource-decl':
        declare(table.values, addResource(s), s.name);
        break;
      case 'module-decl':
        declare(table.values, { kind: 'module', name: s.name.name, decl: s }, s.name);
        break;
      case 'output-decl':
        if (table.outputs === NO_SYMBOLS) table.outputs = new Map();
        declare(table.outputs, { kind: 'output', name: s.name.name, decl: s }, s.name);
        break;
      case 'type-decl':
        if (table.types === NO_SYMBOLS) table.types = new Map();
        declare(table.types, { kind: 'type', name: s.name.name, decl: s }, s.name);
        break;
      case 'func-decl':
        declare(table.values, { kind: 'func', name: s.name.name, decl: s }, s.name);
        break;
      case 'import-decl':
        if (s.wildcardAlias) declare(table.values, { kind: 'import', name: s.wildcardAlias.name, decl: s, wildcard: true }, s.wildcardAlias);
        for (const imp of s.symbols ?? []) {
          const original = imp.name.kind === 'identifier' ? imp.name.name : imp.name.parts.join('');
          const local = imp.alias?.name ?? original;
          const sym: BicepSymbol = { kind: 'import', name: local, decl: s, importedName: original, wildcard: false };
          // An imported name may be a type or a value; record it in both namespaces.
          if (!table.values.has(local)) table.values.set(local, sym);
          if (table.types === NO_SYMBOLS) table.types = new Map();
          if (!table.types.has(local)) table.types.set(local, sym);
        }
        break;
      default:
        break;
    }
  }
  return table;
}
