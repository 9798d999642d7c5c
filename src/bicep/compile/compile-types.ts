// Bicep types → ARM parameter/output declarations: base type, allowed values, nullability and
// @secure(); what cannot be known (an imported type) stays unconstrained.
import type { SymbolTable } from '../bind/symbols.js';
import type { DecoratorNode, TypeNode } from '../syntax/nodes.js';

export interface ArmType {
  type?: 'string' | 'int' | 'bool' | 'array' | 'object' | 'securestring' | 'secureObject';
  allowedValues?: unknown[];
  nullable?: boolean;
}

export function armType(t: TypeNode, symbols: SymbolTable, depth = 0): ArmType {
  if (depth > 20) return {};
  switch (t.kind) {
    case 'type-name': {
      const n = t.name.name;
      if (n === 'string' || n === 'int' || n === 'bool' || n === 'array' || n === 'object') return { type: n };
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
      const members = t.members.map((m) => armType(m, symbols, depth + 1));
      const nullable = members.some((m) => m.nullable);
      const typed = members.filter((m) => m.type);
      const types = new Set(typed.map((m) => m.type));
      if (types.size !== 1) return nullable ? { nullable } : {};
      const allValues = typed.every((m) => m.allowedValues) ? typed.flatMap((m) => m.allowedValues!) : undefined;
      return { type: typed[0].type, ...(allValues ? { allowedValues: allValues } : {}), ...(nullable ? { nullable } : {}) };
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

export function decoratorArgs(d: DecoratorNode | undefined) {
  return d && d.expression.kind === 'call' ? d.expression.arguments : [];
}

/** `@secure()` turns string/object into their secure ARM types. */
export function secureType(t: ArmType): ArmType {
  if (t.type === 'string') return { ...t, type: 'securestring' };
  if (t.type === 'object') return { ...t, type: 'secureObject' };
  return t;
}
