// Bicep types → ARM parameter/output declarations: base type, allowed values, nullability and
// @secure(); what cannot be known (an imported type) stays unconstrained.
import type { SymbolTable } from '../bind/symbols.js';
import type { DecoratorNode, Expression, TypeNode } from '../syntax/nodes.js';

export interface ArmType {
  type?: 'string' | 'int' | 'bool' | 'array' | 'object' | 'securestring' | 'secureObject';
  allowedValues?: unknown[];
  nullable?: boolean;
}

/** The plain types, shared (nobody changes an ArmType once made): most parameters have one. */
const BASE: Readonly<Record<string, ArmType>> = {
  string: Object.freeze({ type: 'string' }),
  int: Object.freeze({ type: 'int' }),
  bool: Object.freeze({ type: 'bool' }),
  array: Object.freeze({ type: 'array' }),
  object: Object.freeze({ type: 'object' }),
};

export function armType(t: TypeNode, symbols: SymbolTable, depth = 0): ArmType {
  if (depth > 20) return {};
  switch (t.kind) {
    case 'type-name': {
      const n = t.name.name;
      if (n === 'string' || n === 'int' || n === 'bool' || n === 'array' || n === 'object') return BASE[n];
      const decl = symbols.types.get(n);
      if (decl?.kind === 'type') return armType(decl.decl.value, symbols, depth + 1);
      return {};
    }
    case 'literal-type': {
      const v = t.value;
      if (v.kind === 'string' || v.kind === 'multiline-string') return v.expressions.length ? { type: 'string' } : { type: 'string', allowedValues: [v.parts[0]] };
      if (v.kind === 'number') return { type: 'int', allowedValues: [v.value] };
      if (v.kind === 'unary' && v.operand.kind === 'number') return { type: 'int', allowedValues: [-v.operand.value] };
      if (v.kind === 'boolean') return { type: 'bool', allowedValues: [v.value] };
      return { nullable: true };
    }
    case 'union-type': {
      // One pass over the members (AVM parameters carry unions of dozens of literals).
      let nullable = false;
      let type: ArmType['type'];
      let mixed = false;
      let allValues: unknown[] | undefined = [];
      for (const m of t.members) {
        const a = armType(m, symbols, depth + 1);
        if (a.nullable) nullable = true;
        if (!a.type) continue;
        if (type === undefined) type = a.type;
        else if (type !== a.type) mixed = true;
        if (allValues && a.allowedValues) for (const v of a.allowedValues) allValues.push(v);
        else allValues = undefined;
      }
      if (type === undefined || mixed) return nullable ? { nullable } : {};
      const out: ArmType = { type };
      if (allValues) out.allowedValues = allValues;
      if (nullable) out.nullable = nullable;
      return out;
    }
    case 'array-type':
    case 'tuple-type':
      return { type: 'array' };
    case 'object-type':
      return { type: 'object' };
    case 'nullable-type':
      return { ...armType(t.base, symbols, depth + 1), nullable: true };
    case 'parenthesized-type':
      return armType(t.type, symbols, depth + 1);
    case 'resource-type':
      return { type: 'string' };
    default:
      return {};
  }
}

export function findDecorator(decorators: DecoratorNode[], name: string): DecoratorNode | undefined {
  for (const d of decorators) if (d.expression.kind === 'call' && d.expression.name.name === name) return d;
  return undefined;
}

const NO_ARGUMENTS: readonly Expression[] = [];

export function decoratorArgs(d: DecoratorNode | undefined): readonly Expression[] {
  return d && d.expression.kind === 'call' ? d.expression.arguments : NO_ARGUMENTS;
}

/** `@secure()` turns string/object into their secure ARM types. */
export function secureType(t: ArmType): ArmType {
  if (t.type === 'string') return { ...t, type: 'securestring' };
  if (t.type === 'object') return { ...t, type: 'secureObject' };
  return t;
}
