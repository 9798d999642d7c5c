// What expression compilation needs to know: the file being compiled (its symbols, diagnostics,
// spans) and the local names in force (loop items, lambda and function parameters).
import type { Diagnostic } from '../../core/diagnostic.js';
import type { SourceRange } from '../../core/source-range.js';
import type { BicepSymbol, ResourceSymbol, SymbolTable } from '../bind/symbols.js';
import type { ModuleDeclNode, SyntaxTree } from '../syntax/nodes.js';
import type { ModuleSignature, OutputRead } from './check-module-contracts.js';
import type { ResourceInfo } from './resource-info.js';
import type { SpanFinder } from './span-finder.js';

/**
 * How a local name compiles: a lambda variable, a fixed ARM text (loop item), a function
 * parameter, or one copy of a looped resource or module (`collection[index]`, in lambdas over it).
 */
export type Local =
  | { kind: 'lambda'; name: string }
  | { kind: 'arm'; text: string }
  | { kind: 'func-param'; name: string }
  | { kind: 'element'; collection: string; index: import('../syntax/nodes.js').Expression };

export interface CompileUnit {
  tree: SyntaxTree;
  symbols: SymbolTable;
  diagnostics: Diagnostic[];
  targetScope: 'resourceGroup' | 'subscription' | 'managementGroup' | 'tenant';
  span(node: { start: number; end: number }): SourceRange;
  /** Turns offsets into this file's ranges; emitted values keep it and ask it only when read. */
  readonly finder: SpanFinder;
  error(code: string, message: string, node: { start: number; end: number }): void;
  resourceInfo(sym: ResourceSymbol): ResourceInfo;
  /**
   * A name in value position: a top-level symbol, else a nested resource (visible by its own name
   * inside its parent's body; the first one declared wins when two parents reuse a name).
   */
  lookupValue(name: string): BicepSymbol | undefined;
  /** Counts what compiling an expression can do besides returning text: diagnostics, imports. */
  effects(): number;
  /** Memo of the top-level loop scopes of resources and modules (keyed by their info or declaration). */
  loopScopes: Map<object, Scope>;
  /** Memo of texts compiled once per declaration (loop sources, module names), keyed by their node. */
  declarationTexts: Map<object, string>;
  /** The ARM name of a variable or function of this unit (imported units prefix theirs). */
  variableName(name: string): string;
  functionName(name: string): string;
  /** A symbol imported from another file, made available in the output; its ARM reference text. */
  importedValue(sym: BicepSymbol & { kind: 'import' }, member?: string): string | undefined;
  /** Compiles an expression to ARM text (breaks the module cycle between compiler files). */
  compileArm(e: import('../syntax/nodes.js').Expression, scope: Scope): string;
  /** The ARM id text when `e` refers to a resource (`stg`, `stgs[i]`, `vnet::subnet`), else undefined. */
  resourceRefId(e: import('../syntax/nodes.js').Expression, scope: Scope): string | undefined;
  /**
   * The module contract check's notes (kept on the unit rather than in maps keyed by it): the
   * signature of each module called, and the output reads to check once all are known.
   */
  moduleSignatures: Map<ModuleDeclNode, ModuleSignature> | undefined;
  /** What `make` works out from `key` (a module's template), once per scan. */
  templateFact<T>(key: object, make: () => T): T;
  outputReads: OutputRead[] | undefined;
  /** Reads a file relative to this one (load* functions). */
  readRelative(path: string): { text: string; file: string } | string;
}

/** The locals of a top-level scope: none (one map for all: scopes are copied, never changed). */
export const NO_LOCALS: ReadonlyMap<string, Local> = new Map();

export interface Scope {
  unit: CompileUnit;
  locals: ReadonlyMap<string, Local>;
}

/**
 * What `make` builds in the unit's top-level scope, built once per `key` — unless building it
 * reported something or imported a value (both must happen at every use, as they did before).
 */
export function memoInRoot<T>(scope: Scope, memo: Map<object, T>, key: object, make: () => T): T {
  const hit = memo.get(key);
  if (hit !== undefined) return hit;
  const before = scope.unit.effects();
  const value = make();
  if (scope.unit.effects() === before) memo.set(key, value);
  return value;
}

export function withLocals(scope: Scope, entries: [string, Local][]): Scope {
  // Copied with forEach: the Map constructor and for-of go through an iterator (a result object
  // and an entry array per local).
  const locals = new Map<string, Local>();
  if (scope.locals.size) scope.locals.forEach((v, k) => locals.set(k, v));
  for (let i = 0; i < entries.length; i++) locals.set(entries[i][0], entries[i][1]);
  return { unit: scope.unit, locals };
}

/**
 * The text `make` compiles for `key` in the unit's top-level scope, compiled once per declaration
 * rather than at every use, unless compiling it did something that must happen at every use:
 * reported something, imported a value, or noted a module output read (each read is checked on
 * its own).
 */
export function declarationText(unit: CompileUnit, key: object, make: () => string): string {
  const hit = unit.declarationTexts.get(key);
  if (hit !== undefined) return hit;
  const before = unit.effects();
  const reads = unit.outputReads?.length ?? 0;
  const text = make();
  if (unit.effects() === before && (unit.outputReads?.length ?? 0) === reads) unit.declarationTexts.set(key, text);
  return text;
}
