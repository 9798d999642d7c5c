// Parsing of Bicep type expressions: names, literal types, unions (a leading `|` and line breaks before `|`
// allowed), `T[]`, `T?`, object types with decorated members, tuples, `resource 'T@v'`, `name<...>`
// instantiations, and the access forms `T.p`, `T.*`, `T[0]`, `T[*]`.
import { append, fitted, NO_ITEMS } from './cursor.js';
import { ExpressionParser } from './expression-parser.js';
import type {
  DecoratorNode,
  LiteralTypeNode,
  ObjectTypeMember,
  ObjectTypePropertyNode,
  TupleTypeItemNode,
  TypeIndexAccessNode,
  TypeNode,
} from './nodes.js';

export abstract class TypeParser extends ExpressionParser {
  // Item parsers for `parseItems`, bound once per parser rather than once per object or tuple type.
  private readonly objectTypeMember = (): ObjectTypeMember | undefined => this.parseObjectTypeMember();
  private readonly tupleTypeItem = (): TupleTypeItemNode => this.parseTupleTypeItem();

  protected parseType(): TypeNode {
    // `nested` inlined (no closures per type).
    if (!this.deeper()) return this.missing('Nested too deeply.');
    const type = this.parseUnionType();
    this.nesting--;
    return type;
  }

  private parseUnionType(): TypeNode {
    // A union may start on the next line: `type t =` / `key:` followed by `| 'a'` lines.
    if (this.at('newline')) this.lookPastNewlines('|');
    this.cur();
    const start = this.tokStart;
    const leading = this.eat('|');
    if (leading) this.skipNewlines();
    const first = this.parseTypePostfix(this.parseTypePrimary());
    let members = [first];
    while (this.lookPastNewlines('|')) {
      this.next();
      this.skipNewlines();
      members = append(members, this.parseTypePostfix(this.parseTypePrimary()));
    }
    if (members.length === 1 && !leading) return first;
    return { kind: 'union-type', members: fitted(members), start, end: this.lastEnd };
  }

  private parseTypePrimary(): TypeNode {
    const k = this.cur();
    const start = this.tokStart;
    switch (k) {
      case 'identifier': {
        const value = this.tokValue;
        if (value === 'true' || value === 'false' || value === 'null') {
          return this.literalType(this.parsePrimary());
        }
        if (value === 'resource') {
          const after = this.peekKind(1);
          if (after === 'string' || after === 'string-left') {
            this.next();
            const typeString = this.parseString();
            const type = typeString.kind === 'string' ? typeString : this.missing('Expected a resource type string.');
            return { kind: 'resource-type', typeString: type, start, end: this.lastEnd };
          }
        }
        const name = this.takeIdentifier();
        if (this.tokKind === '<') {
          return { kind: 'parameterized-type', name, arguments: this.parseTypeArguments(), start, end: this.lastEnd };
        }
        return { kind: 'type-name', name, start, end: name.end };
      }
      case 'string':
      case 'string-left':
      case 'number':
        return this.literalType(this.parsePrimary());
      case '-':
      case '!': {
        // `-1`, `!true`: negated literal types.
        this.next();
        const operand = this.cur();
        const ok = k === '-' ? operand === 'number' : operand === 'identifier' && (this.tokValue === 'true' || this.tokValue === 'false');
        if (!ok) {
          this.errorExpected(k === '-' ? 'a number' : "'true' or 'false'", 'bicep/expected-type');
          return this.missing('Expected a type.');
        }
        const n = this.parsePrimary();
        return this.literalType({ kind: 'unary', operator: k, operand: n, start, end: this.lastEnd });
      }
      case '{':
        return this.parseObjectType();
      case '[':
        return this.parseTupleType();
      case '(': {
        this.next();
        return this.withNewlines(false, () => {
          const type = this.parseType();
          this.expect(')');
          return { kind: 'parenthesized-type', type, start, end: this.lastEnd };
        });
      }
      default:
        this.errorExpected('a type', 'bicep/expected-type');
        return this.missing('Expected a type.');
    }
  }

  private literalType(value: ReturnType<TypeParser['parsePrimary']>): TypeNode {
    if (value.kind === 'error') return value;
    return { kind: 'literal-type', value: value as LiteralTypeNode['value'], start: value.start, end: value.end };
  }

  private parseTypeArguments(): TypeNode[] {
    let args: TypeNode[] | undefined;
    const saved = this.newlines;
    this.newlines = false;
    this.next(); // <
    while (!this.at('>') && !this.atHardStop()) {
      const before = this.pos;
      args = append(args, this.parseType());
      if (this.eat(',')) continue;
      if (!this.at('>')) {
        if (this.pos === before && !this.atHardStop()) this.skipOne();
        break;
      }
    }
    this.expect('>');
    this.newlines = saved;
    return args === undefined ? NO_ITEMS : fitted(args);
  }

  private parseTypePostfix(base: TypeNode): TypeNode {
    const outer = this.nesting;
    const result = this.parseTypePostfixChain(base);
    this.nesting = outer;
    return result;
  }

  private parseTypePostfixChain(base: TypeNode): TypeNode {
    for (;;) {
      const k = this.cur();
      if (k !== '.' && k !== '[' && k !== '?' && k !== '!') return base;
      if (!this.deeper()) return base;
      if (k === '[') {
        this.next();
        const b = base;
        base = this.withNewlines(false, (): TypeNode => {
          if (this.eat(']')) return { kind: 'array-type', item: b, start: b.start, end: this.lastEnd };
          if (this.eat('*')) {
            this.expect(']');
            return { kind: 'type-items-access', base: b, start: b.start, end: this.lastEnd };
          }
          let index: TypeIndexAccessNode['index'];
          if (this.cur() === 'number') {
            const text = this.tokValue;
            const start = this.tokStart;
            const end = this.tokEnd;
            this.next();
            index = { kind: 'number', value: Number(text), text, start, end };
          } else {
            this.errorExpected("']', '*' or an index", 'bicep/expected-type');
            index = this.missing('Expected an index.');
          }
          this.expect(']');
          return { kind: 'type-index-access', base: b, index, start: b.start, end: this.lastEnd };
        });
      } else if (k === '.') {
        this.next();
        if (this.eat('*')) {
          base = { kind: 'type-additional-properties-access', base, start: base.start, end: this.lastEnd };
          continue;
        }
        const property = this.expectIdentifier('a property or type name');
        if (this.tokKind === '<') {
          const args = this.parseTypeArguments();
          base = { kind: 'parameterized-type', base, name: property, arguments: args, start: base.start, end: this.lastEnd };
        } else {
          base = { kind: 'type-property-access', base, property, start: base.start, end: this.lastEnd };
        }
      } else if (k === '?') {
        this.next();
        base = { kind: 'nullable-type', base, start: base.start, end: this.lastEnd };
      } else {
        this.next();
        base = { kind: 'non-nullable-type', base, start: base.start, end: this.lastEnd };
      }
    }
  }

  private parseObjectType(): TypeNode {
    const start = this.next();
    const members: ObjectTypeMember[] = this.parseItems<ObjectTypeMember>('}', this.objectTypeMember, 'a property');
    return { kind: 'object-type', members, start, end: this.lastEnd };
  }

  private parseObjectTypeMember(): ObjectTypeMember | undefined {
    const decorators: DecoratorNode[] = this.parseDecorators();
    const k = this.cur();
    const start = decorators.length > 0 ? decorators[0].start : this.tokStart;
    if (k === '*') {
      this.next();
      this.expect(':');
      const value = this.parseType();
      return { kind: 'object-type-additional-properties', decorators, value, start, end: this.lastEnd };
    }
    let key: ObjectTypePropertyNode['key'];
    if (k === 'identifier') {
      key = this.takeIdentifier();
    } else if (k === 'string' || k === 'string-left') {
      key = this.parseString();
    } else {
      this.errorExpected('a property name', 'bicep/expected-property');
      return undefined;
    }
    const optional = this.eat('?');
    const value: TypeNode = this.expect(':') ? this.parseType() : this.missing('Expected a property type.');
    return { kind: 'object-type-property', decorators, key, optional, value, start, end: this.lastEnd };
  }

  private parseTupleType(): TypeNode {
    const start = this.next();
    const members = this.parseItems<TupleTypeItemNode>(']', this.tupleTypeItem, 'a type');
    const items = members.filter((m): m is TupleTypeItemNode => m.kind === 'tuple-type-item');
    return { kind: 'tuple-type', items, start, end: this.lastEnd };
  }

  private parseTupleTypeItem(): TupleTypeItemNode {
    const decorators = this.parseDecorators();
    const value = this.parseType();
    const itemStart = decorators.length > 0 ? decorators[0].start : value.start;
    return { kind: 'tuple-type-item', decorators, value, start: itemStart, end: Math.max(itemStart, this.lastEnd) };
  }
}
