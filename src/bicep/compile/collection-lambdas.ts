// A looped resource or module used whole as an array: `map(storageAccounts, s => s.id)`,
// `toObject(modules, m => m.name, m => m.outputs.endpoint)`, `length(storageAccounts)`. The
// lambdas run over the copy indexes instead (`range(0, length(<loop source>))`), and inside them the
// parameter stands for that copy (`storageAccounts[i]`), which the compiler already reads.
import type { CallNode, Expression, LambdaNode } from '../syntax/nodes.js';
import { call, callOf, quote } from './arm-text.js';
import { type Scope, withLocals } from './compile-scope.js';
import { moduleParts } from './module-info.js';
import { lookupValue } from './resource-access.js';

/**
 * Which lambda parameters stand for elements of the array, per function (by argument position of
 * the lambda): only functions whose result is built from what the lambdas return, not the
 * elements themselves (filter and sort would return copy indexes).
 */
const ELEMENT_PARAMETERS: ReadonlyMap<string, readonly (readonly number[] | undefined)[]> = new Map([
  ['map', [undefined, [0]]],
  ['toobject', [undefined, [0], [0]]],
  ['reduce', [undefined, undefined, [1]]],
]);

/** The loop source of a looped resource or module named by `e` (a bare identifier), if it is one. */
export function collectionSource(e: Expression | undefined, scope: Scope): Expression | undefined {
  if (e?.kind !== 'identifier' || scope.locals.has(e.name)) return undefined;
  const sym = lookupValue(e.name, scope);
  if (sym?.kind === 'resource') return scope.unit.resourceInfo(sym).loop?.iterable;
  if (sym?.kind === 'module') return moduleParts(sym).loop?.iterable;
  return undefined;
}

/** Loop sources being compiled. */
const compiling: Expression[] = [];

/** `map(coll, x => …)` and friends over a resource or module collection; undefined otherwise. */
export function collectionCall(e: CallNode, lower: string, scope: Scope, toArm: (e: Expression, scope: Scope) => string): string | undefined {
  const collection = e.arguments[0];
  const source = collectionSource(collection, scope);
  // A loop over its own length (`for i in range(0, length(m))`) is left to the cycle check.
  if (!source || collection?.kind !== 'identifier' || compiling.includes(source)) return undefined;
  compiling.push(source);
  let count: string;
  try {
    count = call('length', toArm(source, scope));
  } finally {
    compiling.pop();
  }
  if (lower === 'length') return e.arguments.length === 1 ? count : undefined;
  const positions = ELEMENT_PARAMETERS.get(lower);
  if (!positions) return undefined;
  const args = [call('range', '0', count)];
  for (let i = 1; i < e.arguments.length; i++) {
    const arg = e.arguments[i];
    const elements = positions[i];
    args.push(elements && arg.kind === 'lambda' ? elementLambda(arg, elements, collection.name, scope, toArm) : toArm(arg, scope));
  }
  return callOf(e.name.name, args);
}

/** A lambda whose parameters at `elements` are copies of `collection` (by their index). */
function elementLambda(e: LambdaNode, elements: readonly number[], collection: string, scope: Scope, toArm: (e: Expression, scope: Scope) => string): string {
  const names = e.parameters.map((p) => p.name.name);
  const inner = withLocals(scope, [
    ...names.map((n): [string, { kind: 'lambda'; name: string }] => [n, { kind: 'lambda', name: n }]),
    // `s` is `collection[$s]`, where `$s` (no Bicep name can start with $) is the lambda variable.
    ...elements.filter((i) => i < names.length).flatMap((i): [string, import('./compile-scope.js').Local][] => [
      [names[i], { kind: 'element', collection, index: { kind: 'identifier', name: `$${names[i]}`, start: e.start, end: e.start } }],
      [`$${names[i]}`, { kind: 'lambda', name: names[i] }],
    ]),
  ]);
  return callOf('lambda', [...names.map(quote), toArm(e.body, inner)]);
}
