// Statement-level Bicep parser: one declaration per line group (decorators first), keywords recognised only
// at the start of a statement. A statement that does not end at a newline is cut there and the rest skipped,
// so one bad line never hides the declarations after it.
import type {
  BicepFormat,
  DeclarationBody,
  DecoratorNode,
  ErrorNode,
  ExtensionDeclNode,
  Expression,
  IdentifierNode,
  ImportDeclNode,
  ImportedSymbolNode,
  MultilineStringNode,
  ParamDeclNode,
  ResourceDeclNode,
  Statement,
  StringNode,
  UsingDeclNode,
} from './nodes.js';
import type { TokenKind } from './token.js';
import { TypeParser } from './type-parser.js';
import { append, fitted, NO_ITEMS } from './cursor.js';

/** A statement without the fields `parseStatement` fills in (distributes over the union). */
type Bare<T> = T extends unknown ? Omit<T, 'decorators' | 'start' | 'end'> : never;

export class Parser extends TypeParser {
  constructor(
    text: string,
    private readonly format: BicepFormat,
  ) {
    super(text);
  }

  parseProgram(): Statement[] {
    const statements: Statement[] = [];
    for (;;) {
      this.skipNewlines();
      if (this.at('eof')) break;
      const before = this.pos;
      const errors = this.diagnostics.length;
      const statement = this.parseStatement();
      if (statement) statements.push(statement);
      const k = this.cur();
      if (k !== 'newline' && k !== 'eof') {
        if (this.diagnostics.length === errors) this.errorExpected('a new line', 'bicep/expected-newline');
        const skipped = this.skipToLineEnd(true);
        if (skipped) statements.push(skipped);
      }
      if (this.pos === before) statements.push(this.skipOne());
    }
    return statements;
  }

  private parseStatement(): Statement | undefined {
    const decorators = this.parseDecorators();
    const k = this.cur();
    const start = decorators.length > 0 ? decorators[0].start : this.tokStart;
    if (k !== 'identifier') {
      if (decorators.length > 0 && (k === 'eof' || k === '}' || k === ')' || k === ']')) {
        const last = decorators[decorators.length - 1];
        this.error('bicep/expected-declaration', 'Expected a declaration after the decorator.', last.start, last.end);
        return undefined;
      }
      this.errorExpected('a declaration', 'bicep/expected-declaration');
      return this.skipToLineEnd(true);
    }
    // The common declarations are built as literals in the key order `finish` gives (kind, fields, decorators,
    // start, end): printed trees list keys in order, and a spread per statement is slow.
    switch (this.tokValue) {
      case 'targetScope': {
        this.next();
        const value = this.parseAssignedValue();
        return this.finish({ kind: 'target-scope-decl', value }, decorators, start);
      }
      case 'metadata': {
        this.next();
        const name = this.expectIdentifier('a metadata name');
        const value = this.parseAssignedValue();
        return { kind: 'metadata-decl', name, value, decorators, start, end: this.lastEnd };
      }
      case 'param': {
        this.next();
        const name = this.expectIdentifier('a parameter name');
        if (this.format === 'bicepparam') return this.finish({ kind: 'param-assignment', name, value: this.parseAssignedValue() }, decorators, start);
        const type = this.parseType();
        const node: ParamDeclNode = { kind: 'param-decl', name, type, decorators, start, end: this.lastEnd };
        if (this.eat('=')) {
          node.defaultValue = this.parseExpression();
          node.end = this.lastEnd;
        }
        return node;
      }
      case 'var': {
        this.next();
        const name = this.expectIdentifier('a variable name');
        const type = this.at('=') ? undefined : this.parseType();
        const value = this.parseAssignedValue();
        if (type) return { kind: 'var-decl', name, value, type, decorators, start, end: this.lastEnd };
        return { kind: 'var-decl', name, value, decorators, start, end: this.lastEnd };
      }
      case 'resource':
        return this.parseResourceDecl(decorators, start);
      case 'module': {
        this.next();
        const name = this.expectIdentifier('a module name');
        const path = this.expectString('a module path');
        const value = path.kind === 'error' ? this.missing('Expected a body.') : this.parseBody();
        return { kind: 'module-decl', name, path, value, decorators, start, end: this.lastEnd };
      }
      case 'test': {
        this.next();
        const name = this.expectIdentifier('a test name');
        const path = this.expectString('a test file path');
        return this.finish({ kind: 'test-decl', name, path, value: path.kind === 'error' ? this.missing('Expected a body.') : this.parseBody() }, decorators, start);
      }
      case 'output': {
        this.next();
        const name = this.expectIdentifier('an output name');
        const type = this.parseType();
        const value = this.parseAssignedValue();
        return { kind: 'output-decl', name, type, value, decorators, start, end: this.lastEnd };
      }
      case 'type': {
        this.next();
        const name = this.expectIdentifier('a type name');
        const value = this.expect('=') ? this.parseType() : this.missing('Expected a type.');
        return { kind: 'type-decl', name, value, decorators, start, end: this.lastEnd };
      }
      case 'func': {
        this.next();
        const name = this.expectIdentifier('a function name');
        const parameters = this.parseParameterList(true);
        const returnType = this.parseType();
        let body: Expression;
        if (this.expect('=>')) {
          this.skipNewlines();
          body = this.parseExpression();
        } else body = this.missing('Expected the function body.');
        return this.finish({ kind: 'func-decl', name, parameters, returnType, body }, decorators, start);
      }
      case 'assert': {
        this.next();
        const name = this.expectIdentifier('an assertion name');
        return this.finish({ kind: 'assert-decl', name, value: this.parseAssignedValue() }, decorators, start);
      }
      case 'import':
        this.next();
        if (this.at('string') || this.at('string-left')) return this.finish(this.parseExtensionTail(true), decorators, start);
        return this.finish(this.parseImportTail(), decorators, start);
      case 'provider':
        this.next();
        return this.finish(this.parseExtensionTail(true), decorators, start);
      case 'extension':
        this.next();
        return this.finish(this.parseExtensionTail(false), decorators, start);
      case 'using': {
        this.next();
        const node = this.finish<UsingDeclNode>({ kind: 'using-decl' }, decorators, start);
        if (!this.eatKeyword('none')) node.path = this.expectString('a template path');
        if (this.eatKeyword('with')) node.config = this.parseConfigObject();
        node.end = this.lastEnd;
        return node;
      }
      case 'extends': {
        this.next();
        return this.finish({ kind: 'extends-decl', path: this.expectString('a parameters file path') }, decorators, start);
      }
      case 'extensionConfig': {
        this.next();
        const name = this.expectIdentifier('an extension alias');
        const value = this.expectKeyword('with') ? this.parseConfigObject() : this.missing('Expected a configuration object.');
        return this.finish({ kind: 'extension-config-decl', name, value }, decorators, start);
      }
      default:
        this.errorExpected('a declaration keyword', 'bicep/expected-declaration');
        return this.skipToLineEnd(true);
    }
  }

  /** `node` completed with the fields every statement ends with (a statement's key order: kind, fields, these). */
  private finish<T extends Statement = Statement>(node: Bare<T>, decorators: DecoratorNode[], start: number): T {
    return { ...node, decorators, start, end: this.lastEnd } as unknown as T;
  }

  /** The object literal after `with` (anything else is reported, then parsed as an expression). */
  private parseConfigObject(): Expression {
    if (this.at('{')) return this.parseObject();
    this.errorExpected("'{'");
    return this.parseExpression();
  }

  /** `= expr`. */
  private parseAssignedValue(): Expression {
    if (!this.expect('=')) return this.missing('Expected a value.');
    return this.parseExpression();
  }

  protected parseResourceDecl(decorators: DecoratorNode[], start: number): ResourceDeclNode {
    this.next(); // resource
    const name = this.expectIdentifier('a resource name');
    const typeString = this.expectString('a resource type string');
    const existing = this.eatKeyword('existing');
    // Without a type string the header is broken: leave the rest of the line to statement recovery.
    this.resourceBodyNext = typeString.kind !== 'error';
    const value = typeString.kind === 'error' ? this.missing('Expected a body.') : this.parseBody();
    this.resourceBodyNext = false;
    return { kind: 'resource-decl', decorators, name, typeString, existing, value, start, end: this.lastEnd };
  }

  /** `= {...}`, `= if (c) {...}` or `= [for ...]`. */
  private parseBody(): DeclarationBody {
    if (!this.expect('=')) return this.missing('Expected a body.');
    // `=` may end the line when the condition follows on the next one.
    if (this.at('newline')) {
      const state = this.save();
      this.skipNewlines();
      let found = false;
      if (this.tokKind === 'identifier' && this.tokValue === 'if') {
        this.scan();
        found = (this.tokKind as TokenKind) === '(';
      }
      this.restore(state);
      // Scanned again, not kept: the lookahead recorded nothing (line starts, comments) on the way.
      if (found) this.skipNewlines();
    }
    const k = this.cur();
    if (k === '{') return this.parseObject();
    if (k === 'identifier' && this.tokValue === 'if') {
      const node = this.parseIf();
      if (node.body.kind !== 'object' && node.body.kind !== 'error') {
        this.error('bicep/expected-body', 'Expected an object after the condition.', node.body.start, node.body.end);
      }
      return node;
    }
    if (k === '[') {
      const node = this.parseArrayOrFor();
      if (node.kind === 'for') {
        const body = node.body.kind === 'if' ? node.body.body : node.body;
        if (body.kind !== 'object' && body.kind !== 'error') {
          this.error('bicep/expected-body', "Expected an object or 'if' as the loop body.", body.start, body.end);
        }
        return node;
      }
      this.error('bicep/expected-body', 'Expected an object, an if-condition or a for-expression.', node.start, node.end);
      return { kind: 'error', message: 'Expected a body.', start: node.start, end: node.end };
    }
    this.errorExpected("'{', 'if' or '[for'", 'bicep/expected-body');
    return this.missing('Expected a body.');
  }

  private expectString(what: string): StringNode | MultilineStringNode | ErrorNode {
    if (this.at('string') || this.at('string-left')) return this.parseString();
    this.errorExpected(what, 'bicep/expected-string');
    return this.missing(`Expected ${what}.`);
  }

  /** After `import`: `{ a, b as c } from 'p'` or `* as ns from 'p'`. */
  private parseImportTail(): Bare<ImportDeclNode> {
    let symbols: ImportedSymbolNode[] | undefined;
    let wildcardAlias: IdentifierNode | undefined;
    if (this.at('{')) {
      let list: ImportedSymbolNode[] | undefined;
      this.withNewlines(true, () => {
        this.next();
        for (;;) {
          while ((this.at('newline') && !this.declarationAhead()) || this.at(',')) this.next();
          if (this.at('}') || this.atHardStop()) break;
          const k = this.cur();
          const start = this.tokStart;
          let name: IdentifierNode | StringNode | undefined;
          if (k === 'identifier') name = this.expectIdentifier('an imported symbol');
          else if (k === 'string') {
            const s = this.parseString();
            if (s.kind === 'string') name = s;
          }
          if (!name) {
            this.errorExpected('an imported symbol name', 'bicep/expected-identifier');
            break;
          }
          const symbol: ImportedSymbolNode = { kind: 'imported-symbol', name, start, end: this.lastEnd };
          if (this.eatKeyword('as')) {
            symbol.alias = this.expectIdentifier('an alias');
            symbol.end = this.lastEnd;
          }
          list = append(list, symbol);
          if (!this.at(',') && !this.at('newline') && !this.at('}')) {
            this.errorExpected("',', a new line or '}'");
            break;
          }
        }
        this.expect('}');
      });
      symbols = list === undefined ? NO_ITEMS : fitted(list);
    } else if (this.eat('*')) {
      this.expectKeyword('as');
      wildcardAlias = this.expectIdentifier('a namespace alias');
    } else {
      this.errorExpected("'{' or '*'");
    }
    const path = this.expectKeyword('from') ? this.expectString('an import path') : this.missing('Expected an import path.');
    return { kind: 'import-decl', path, ...(symbols ? { symbols } : {}), ...(wildcardAlias ? { wildcardAlias } : {}) };
  }

  /** After `extension` (or legacy `import`/`provider`): `spec [with {...}] [as alias]`. */
  private parseExtensionTail(legacyImport: boolean): Bare<ExtensionDeclNode> {
    let specification: IdentifierNode | StringNode | MultilineStringNode | ErrorNode;
    if (this.at('identifier')) specification = this.expectIdentifier('an extension name');
    else specification = this.expectString('an extension name or reference');
    const node: Bare<ExtensionDeclNode> = {
      kind: 'extension-decl',
      specification,
      legacyImport,
    };
    if (this.eatKeyword('with')) node.config = this.parseConfigObject();
    if (this.eatKeyword('as')) node.alias = this.expectIdentifier('an extension alias');
    return node;
  }
}
