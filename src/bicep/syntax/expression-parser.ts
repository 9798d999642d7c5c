// Recursive-descent parsing of Bicep expressions: ternary, binary precedence levels, unary, the postfix
// chain (`.x .?x [i] [?i] [^i] ::c f() !`), primaries (literals, strings with holes, objects, arrays,
// for-expressions, lambdas) and decorators. Never throws: missing pieces become `error` nodes.
import { append, Cursor, fitted, NO_ITEMS } from './cursor.js';
import type {
  ArrayItem,
  ArrayNode,
  BinaryOperator,
  DecoratorNode,
  Expression,
  ForNode,
  IdentifierNode,
  IfNode,
  LambdaNode,
  LambdaParameterNode,
  MultilineStringNode,
  ObjectItem,
  ObjectNode,
  ObjectPropertyNode,
  ResourceDeclNode,
  StringNode,
  TypeNode,
} from './nodes.js';
import type { TokenKind } from './token.js';

/** Binding power of a binary operator (higher binds tighter); 0 for any other token. */
function precedence(kind: TokenKind): number {
  // A switch on the kind string, not a keyed lookup: this runs after every operand.
  switch (kind) {
    case '??':
      return 1;
    case '||':
      return 2;
    case '&&':
      return 3;
    case '==':
    case '!=':
    case '=~':
    case '!~':
      return 4;
    case '<':
    case '<=':
    case '>':
    case '>=':
      return 5;
    case '+':
    case '-':
      return 6;
    case '*':
    case '/':
    case '%':
      return 7;
    default:
      return 0;
  }
}

export abstract class ExpressionParser extends Cursor {
  /** Types are parsed by the subclass (lambda parameters and return types need them). */
  protected abstract parseType(): TypeNode;
  /** Nested `resource` declarations inside an object are parsed by the statement parser. */
  protected abstract parseResourceDecl(decorators: DecoratorNode[], start: number): ResourceDeclNode;

  // Item parsers for `parseItems`, bound once per parser rather than once per object or array.
  private readonly objectItem = (): ObjectItem | undefined => this.parseObjectItem();
  private readonly arrayItem = (): ArrayItem => this.parseArrayItem();

  parseExpression(): Expression {
    // `nested` inlined: this is the hottest entry point, and two closures per expression add up.
    if (!this.deeper()) return this.missing('Nested too deeply.');
    const expression = this.parseTernary();
    this.nesting--;
    return expression;
  }

  private parseTernary(): Expression {
    const condition = this.parseBinary(1);
    if (!this.lookPastNewlines('?')) return condition;
    this.next();
    const whenTrue = this.parseExpression();
    let whenFalse: Expression;
    if (this.lookPastNewlines(':')) {
      this.next();
      whenFalse = this.parseExpression();
    } else {
      this.errorExpected("':'");
      whenFalse = this.missing('Expected the else branch of a ternary.');
    }
    return { kind: 'ternary', condition, whenTrue, whenFalse, start: condition.start, end: this.lastEnd };
  }

  private parseBinary(minLevel: number): Expression {
    let left = this.parseUnary();
    const outer = this.nesting;
    for (;;) {
      const op = this.cur();
      const level = precedence(op);
      if (level < minLevel || !this.deeper()) break;
      this.next();
      const right = this.parseBinary(level + 1);
      left = { kind: 'binary', operator: op as BinaryOperator, left, right, start: left.start, end: this.lastEnd };
    }
    this.nesting = outer;
    return left;
  }

  private parseUnary(): Expression {
    const k = this.cur();
    if (k === '!' || k === '-' || k === '+') {
      const start = this.tokStart;
      this.advance();
      // One prefix operator per operand, as in Bicep (`--1` and `!!x` are errors).
      const operand = this.parsePostfix(this.parsePrimary());
      return { kind: 'unary', operator: k, operand, start, end: this.lastEnd };
    }
    return this.parsePostfix(this.parsePrimaryAt(k));
  }

  protected parsePostfix(base: Expression): Expression {
    const outer = this.nesting;
    const result = this.parsePostfixChain(base);
    this.nesting = outer;
    return result;
  }

  private parsePostfixChain(base: Expression): Expression {
    for (;;) {
      const k = this.cur();
      if (k !== '.' && k !== '[' && k !== '::' && k !== '!') return base;
      if (!this.deeper()) return base;
      if (k === '.') {
        this.advance();
        const safe = this.eat('?');
        const name = this.expectIdentifier('a property name');
        if (!safe && this.cur() === '(' && name.name !== '') {
          const args = this.parseArguments();
          base = { kind: 'call', base, name, arguments: args, start: base.start, end: this.lastEnd };
        } else {
          base = { kind: 'property-access', base, property: name, safe, start: base.start, end: this.lastEnd };
        }
      } else if (k === '[') {
        this.advance();
        const saved = this.newlines;
        this.newlines = false;
        const safe = this.eat('?');
        const fromEnd = this.eat('^');
        const index = this.parseExpression();
        this.expect(']');
        this.newlines = saved;
        base = { kind: 'index-access', base, index, safe, fromEnd, start: base.start, end: this.lastEnd };
      } else if (k === '::') {
        this.advance();
        const name = this.expectIdentifier('a nested resource name');
        base = { kind: 'resource-access', base, name, start: base.start, end: this.lastEnd };
      } else {
        this.advance();
        base = { kind: 'non-null-assertion', expression: base, start: base.start, end: this.lastEnd };
      }
    }
  }

  protected parsePrimary(): Expression {
    return this.parsePrimaryAt(this.cur());
  }

  /** Whether the raw token after the current one is `=>` (told from the text when it can be). */
  private arrowAhead(): boolean {
    const c = this.charAhead(false);
    return c === -1 || c === 61 ? this.peekKind(1) === '=>' : false;
  }

  /** `parsePrimary` when the caller already has the current token's kind `k`. */
  private parsePrimaryAt(k: TokenKind): Expression {
    switch (k) {
      case 'identifier': {
        if (this.arrowAhead()) return this.parseLambda();
        const value = this.tokValue;
        if (value === 'true' || value === 'false' || value === 'null') {
          const start = this.tokStart;
          const end = this.tokEnd;
          this.advance();
          if (value === 'null') return { kind: 'null', start, end };
          return { kind: 'boolean', value: value === 'true', start, end };
        }
        const name = this.takeIdentifier();
        if (this.tokKind === '(') {
          const args = this.parseArguments();
          return { kind: 'call', name, arguments: args, start: name.start, end: this.lastEnd };
        }
        return name;
      }
      case 'number': {
        const text = this.tokValue;
        const start = this.tokStart;
        const end = this.tokEnd;
        this.advance();
        if (text.length > 18 && BigInt(text) > 9223372036854775807n) {
          this.error('bicep/invalid-integer', 'Expected a valid 64-bit signed integer.', start, end);
        }
        return { kind: 'number', value: Number(text), text, start, end };
      }
      case 'string':
      case 'string-left':
        return this.parseString();
      case '{':
        return this.parseObject();
      case '[':
        return this.parseArrayOrFor();
      case '(':
        return this.isLambdaAhead() ? this.parseLambda() : this.parseParenthesized();
      default:
        this.errorExpected('an expression', 'bicep/expected-expression');
        return this.missing('Expected an expression.');
    }
  }

  /** A zero-width error node right after the last token read (the diagnostic is reported by the caller). */
  protected missing(message: string): Expression & { kind: 'error' } {
    const at = this.lastEnd;
    return { kind: 'error', message, start: at, end: at };
  }

  protected parseString(): StringNode | MultilineStringNode {
    const firstKind = this.cur();
    const start = this.tokStart;
    const end = this.tokEnd;
    let parts = [this.tokValue];
    this.advance();
    // The first piece is lexed from `'` or from `'''` / `$'''`: the text tells which.
    const c = this.text.charCodeAt(start);
    const multiline = c === 36 || (this.text.charCodeAt(start + 1) === 39 && this.text.charCodeAt(start + 2) === 39);
    const kind = multiline ? 'multiline-string' : 'string';
    if (firstKind === 'string') return { kind, parts, expressions: NO_ITEMS, start, end };
    let expressions: Expression[] | undefined;
    for (;;) {
      const saved = this.newlines;
      this.newlines = false;
      expressions = append(expressions, this.parseExpression());
      this.newlines = saved;
      let k = this.cur();
      if (k !== 'string-middle' && k !== 'string-right') {
        if (k === '}') {
          this.error('bicep/object-in-interpolation', "An object literal cannot be used inside '${...}' (Bicep cannot tell its '}' from the end of the hole).", this.tokStart, this.tokEnd);
        } else {
          this.errorExpected("'}' to close the interpolation");
        }
        while (k !== 'string-middle' && k !== 'string-right' && k !== 'eof' && k !== 'newline') {
          this.scan();
          k = this.tokKind;
        }
        if (k !== 'string-middle' && k !== 'string-right') {
          parts = append(parts, '');
          break;
        }
      }
      parts = append(parts, this.tokValue);
      this.next();
      if (k === 'string-right') break;
    }
    return { kind, parts: fitted(parts), expressions: fitted(expressions), start, end: this.lastEnd };
  }

  /** `( args )`, newlines allowed anywhere inside. */
  private parseArguments(): Expression[] {
    const saved = this.newlines;
    this.newlines = false;
    this.next(); // (
    const args = this.parseArgumentList();
    this.newlines = saved;
    return args;
  }

  /** The body of `parseArguments`, with newlines already insignificant. */
  private parseArgumentList(): Expression[] {
    let args: Expression[] | undefined;
    for (;;) {
      const k = this.cur();
      if (k === ')' || k === 'eof' || k === 'newline') break;
      const before = this.pos;
      args = append(args, this.parseExpression());
      const t = this.cur();
      if (t === ',') {
        this.advance();
        if (this.at(')')) this.errorExpected('an argument after the comma', 'bicep/expected-expression');
        continue;
      }
      if (t !== ')') {
        if (this.pos === before && !this.atHardStop()) this.skipOne();
        this.errorExpected("',' or ')'");
        return args;
      }
    }
    this.expect(')');
    return args === undefined ? NO_ITEMS : fitted(args);
  }

  private parseParenthesized(): Expression {
    const start = this.next();
    const saved = this.newlines;
    this.newlines = false;
    const expression = this.parseExpression();
    this.expect(')');
    this.newlines = saved;
    return { kind: 'parenthesized', expression, start, end: this.lastEnd };
  }

  /** At `(`: does the matching `)` come before a `=>`? */
  private isLambdaAhead(): boolean {
    const state = this.save();
    let depth = 0;
    let result = false;
    for (;;) {
      const k = this.tokKind;
      if (k === '(') depth++;
      else if (k === ')' && --depth === 0) {
        this.scan();
        this.skipNewlines();
        result = this.tokKind === '=>';
        break;
      } else if (k === 'eof') break;
      this.scan();
    }
    this.restore(state);
    return result;
  }

  private parseLambda(): LambdaNode {
    this.cur();
    const start = this.tokStart;
    let parameters: LambdaParameterNode[];
    if (this.at('(')) {
      parameters = this.parseParameterList(false);
    } else {
      const name = this.expectIdentifier('a lambda parameter');
      parameters = [{ kind: 'lambda-parameter', name, start: name.start, end: name.end }];
    }
    this.expect('=>');
    const body = this.parseExpression();
    return { kind: 'lambda', parameters, body, start, end: this.lastEnd };
  }

  /** `(a, b)` for lambdas, or `(a string, b int)` with `typed` (user functions; lambdas are untyped). */
  protected parseParameterList(typed: boolean): LambdaParameterNode[] {
    let parameters: LambdaParameterNode[] | undefined;
    const saved = this.newlines;
    this.newlines = false;
    this.expect('(');
    while (!this.at(')') && !this.atHardStop()) {
      const name = this.expectIdentifier('a parameter name');
      const p: LambdaParameterNode = { kind: 'lambda-parameter', name, start: name.start, end: name.end };
      if (typed) {
        p.type = this.parseType();
        p.end = this.lastEnd;
      }
      parameters = append(parameters, p);
      if (this.eat(',')) continue;
      if (!this.at(')')) {
        this.errorExpected("',' or ')'");
        while (!this.at(')') && !this.atHardStop() && !this.at('=>')) this.next();
        break;
      }
    }
    this.expect(')');
    this.newlines = saved;
    return parameters === undefined ? NO_ITEMS : fitted(parameters);
  }

  protected parseObject(): ObjectNode {
    const start = this.next();
    const outer = this.inResourceBody;
    this.inResourceBody = this.resourceBodyNext;
    this.resourceBodyNext = false;
    const items: ObjectItem[] = this.parseItems<ObjectItem>('}', this.objectItem, 'a property');
    this.inResourceBody = outer;
    return { kind: 'object', items, start, end: this.lastEnd };
  }

  private parseObjectItem(): ObjectItem | undefined {
    const k = this.cur();
    const start = this.tokStart;
    if (k === '...') {
      this.advance();
      const expression = this.parseExpression();
      return { kind: 'spread', expression, start, end: this.lastEnd };
    }
    if (k === '@' || (k === 'identifier' && this.tokValue === 'resource' && this.peekKind(1) === 'identifier')) {
      const decorators = this.parseDecorators();
      if (!this.atKeyword('resource')) {
        const last = decorators[decorators.length - 1];
        if (last) this.error('bicep/expected-declaration', "Expected a nested 'resource' declaration after the decorator.", last.start, last.end);
        else this.errorExpected("a nested 'resource' declaration");
        return undefined;
      }
      return this.parseResourceDecl(decorators, decorators.length > 0 ? decorators[0].start : start);
    }
    let key: ObjectPropertyNode['key'];
    if (k === 'identifier') {
      key = this.takeIdentifier();
    } else if (k === 'string' || k === 'string-left') {
      key = this.parseString();
    } else {
      this.errorExpected('a property name', 'bicep/expected-property');
      return undefined;
    }
    let value: Expression;
    if (this.expect(':')) value = this.parseExpression();
    else value = this.missing('Expected a property value.');
    return { kind: 'object-property', key, value, start, end: this.lastEnd };
  }

  protected parseArrayOrFor(): ArrayNode | ForNode {
    this.cur();
    const start = this.tokStart;
    if (this.forAhead()) return this.parseFor();
    this.next();
    const items: ArrayItem[] = this.parseItems<ArrayItem>(']', this.arrayItem, 'an expression');
    return { kind: 'array', items, start, end: this.lastEnd };
  }

  /** At `[`: is the next token past newlines `for`? */
  private forAhead(): boolean {
    const c = this.charAhead(true);
    if (c !== -1 && c !== 102 /* f */) return false;
    const state = this.save();
    this.scan();
    this.skipNewlines();
    const result = this.tokKind === 'identifier' && this.tokValue === 'for';
    this.restore(state);
    return result;
  }

  private parseArrayItem(): ArrayItem {
    if (this.cur() === '...') {
      const start = this.next();
      const expression = this.parseExpression();
      return { kind: 'spread', expression, start, end: this.lastEnd };
    }
    return this.parseExpression();
  }

  private parseFor(): ForNode {
    const start = this.next(); // [
    return this.withNewlines(false, () => {
      this.next(); // for
      let item: IdentifierNode | undefined;
      let index: IdentifierNode | undefined;
      if (this.eat('(')) {
        item = this.expectIdentifier('a loop item variable');
        if (this.eat(',')) index = this.expectIdentifier('a loop index variable');
        this.expect(')');
      } else {
        item = this.expectIdentifier('a loop item variable');
      }
      if (item.name === '') item = undefined;
      this.expectKeyword('in');
      const iterable = this.parseExpression();
      let body: Expression | IfNode;
      if (this.expect(':')) {
        body = this.atKeyword('if') ? this.parseIf() : this.parseExpression();
      } else {
        body = this.missing('Expected the loop body.');
      }
      if (!this.eat(']')) {
        this.errorExpected("']'");
        // Recover: skip to the closing bracket of this loop if it is on the way.
        let depth = 0;
        while (!this.atHardStop()) {
          const k = this.cur();
          if (k === '[' || k === '(' || k === '{') depth++;
          else if (k === ']' && depth === 0) {
            this.next();
            break;
          } else if (k === ']' || k === ')' || k === '}') {
            if (depth === 0) break;
            depth--;
          }
          this.next();
        }
      }
      const node: ForNode = { kind: 'for', iterable, body, start, end: this.lastEnd };
      if (item) node.item = item;
      if (index) node.index = index;
      return node;
    });
  }

  /** `if (condition) body`. */
  protected parseIf(): IfNode {
    const start = this.next(); // if
    const saved = this.newlines;
    this.newlines = false;
    let condition: Expression;
    if (this.expect('(')) {
      condition = this.parseExpression();
      this.expect(')');
    } else condition = this.missing('Expected a condition.');
    this.newlines = saved;
    const body = this.parseExpression();
    return { kind: 'if', condition, body, start, end: this.lastEnd };
  }

  /** Zero or more `@expr` lines. */
  protected parseDecorators(): DecoratorNode[] {
    let decorators: DecoratorNode[] | undefined;
    while (this.cur() === '@') {
      const start = this.tokStart;
      this.advance();
      const expression = this.parsePostfix(this.parsePrimary());
      decorators = append<DecoratorNode>(decorators, { kind: 'decorator', expression, start, end: this.lastEnd });
      const k = this.cur();
      if (k !== 'newline' && k !== 'eof') {
        this.errorExpected('a new line after the decorator', 'bicep/expected-newline');
        this.skipToLineEnd();
      }
      this.skipNewlines();
    }
    return decorators === undefined ? NO_ITEMS : fitted(decorators);
  }
}
