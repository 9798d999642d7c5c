// Argument checks shared by the template functions; each throws an EvaluationError that names
// the function, so a user can act on it.
import type { Value } from '../../../core/unknown.js';
import { EvaluationError, type EvaluationErrorKind } from '../eval-context.js';

export function arity(name: string, args: readonly unknown[], min: number, max = min): void {
  if (args.length < min || args.length > max) {
    const want = min === max ? `${min}` : max === Infinity ? `at least ${min}` : `${min} to ${max}`;
    throw new EvaluationError(`${name}() takes ${want} argument(s), got ${args.length}`);
  }
}

export function str(name: string, v: Value): string {
  if (typeof v !== 'string') throw new EvaluationError(`${name}() expects a string, got ${describe(v)}`, 'runtime');
  return v;
}

export function num(name: string, v: Value): number {
  if (typeof v !== 'number') throw new EvaluationError(`${name}() expects an integer, got ${describe(v)}`, 'runtime');
  return v;
}

export function int(name: string, v: Value): number {
  if (typeof v !== 'number' || !Number.isInteger(v)) throw new EvaluationError(`${name}() expects an integer, got ${describe(v)}`, 'runtime');
  return v;
}

export function bool(name: string, v: Value): boolean {
  if (typeof v !== 'boolean') throw new EvaluationError(`${name}() expects a bool, got ${describe(v)}`, 'runtime');
  return v;
}

export function arr(name: string, v: Value): Value[] {
  if (!Array.isArray(v)) throw new EvaluationError(`${name}() expects an array, got ${describe(v)}`, 'runtime');
  return v;
}

export function obj(name: string, v: Value): Record<string, Value> {
  if (v === null || typeof v !== 'object' || Array.isArray(v)) throw new EvaluationError(`${name}() expects an object, got ${describe(v)}`, 'runtime');
  return v as Record<string, Value>;
}

/** Throws `name(): message`. */
export function fail(name: string, message: string, kind: EvaluationErrorKind = 'invalid'): never {
  throw new EvaluationError(`${name}() ${message}`, kind);
}

export function describe(v: Value): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'an array';
  return typeof v === 'object' ? 'an object' : `${typeof v} ${JSON.stringify(v)}`;
}
