// The Bicep syntax tree: a discriminated union on `kind`, every node carrying 0-based `start`/`end` offsets.
// This is the contract between the parser and the binder/compiler; comments and newlines are not in it,
// but the tree keeps the comments and the `#disable-*` directives on the side.
import type { Diagnostic } from '../../core/diagnostic.js';
import type { LineMap } from '../../core/line-map.js';

/** Fields every node has: its kind and its span as 0-based offsets into the source text (`end` exclusive). */
export interface NodeBase {
  kind: string;
  start: number;
  end: number;
}

// ---------------------------------------------------------------------------------------------------------
// Expressions
// ---------------------------------------------------------------------------------------------------------

/** A name: a symbol reference when used as an expression, or the name of a declaration/property/parameter. */
export interface IdentifierNode extends NodeBase {
  kind: 'identifier';
  name: string;
}

/**
 * A single-quoted string. `parts` are the cooked (escape-decoded) literal pieces and `expressions` the
 * `${...}` holes between them: `parts.length === expressions.length + 1`. A plain string has one part.
 */
export interface StringNode extends NodeBase {
  kind: 'string';
  parts: string[];
  expressions: Expression[];
}

/**
 * A `'''...'''` string (no escapes; a newline right after the opening quotes is dropped). With a `$` prefix
 * (`$'''..${x}..'''`, `$$'''..$${x}..'''`) it may hold interpolations, in the same shape as `StringNode`.
 */
export interface MultilineStringNode extends NodeBase {
  kind: 'multiline-string';
  parts: string[];
  expressions: Expression[];
}

/** An integer literal. `value` may lose precision past 2^53; `text` is the exact digits (use BigInt when needed). */
export interface NumberNode extends NodeBase {
  kind: 'number';
  value: number;
  text: string;
}

export interface BooleanNode extends NodeBase {
  kind: 'boolean';
  value: boolean;
}

export interface NullNode extends NodeBase {
  kind: 'null';
}

/** `key: value` inside an object. The key is an identifier or a (possibly interpolated) string. */
export interface ObjectPropertyNode extends NodeBase {
  kind: 'object-property';
  key: IdentifierNode | StringNode | MultilineStringNode;
  value: Expression;
}

/** `...expr` inside an object or an array. */
export interface SpreadNode extends NodeBase {
  kind: 'spread';
  expression: Expression;
}

/**
 * `{ ... }`. Items are properties, spreads, and (inside resource bodies) nested `resource` declarations;
 * unparsable lines become `skipped` items so positions of the rest stay exact.
 */
export interface ObjectNode extends NodeBase {
  kind: 'object';
  items: ObjectItem[];
}
export type ObjectItem = ObjectPropertyNode | SpreadNode | ResourceDeclNode | SkippedNode;

/** `[ ... ]`: items are expressions or spreads (or `skipped` for unparsable lines). */
export interface ArrayNode extends NodeBase {
  kind: 'array';
  items: ArrayItem[];
}
export type ArrayItem = Expression | SpreadNode | SkippedNode;

/**
 * A function call `f(a, b)`. With `base` it is a member call: `sys.concat(...)`, `az.resourceGroup()`,
 * `ns.func()`, `storage.listKeys()`, `kv.getSecret('s')`, `this.exists()`; the binder decides which.
 */
export interface CallNode extends NodeBase {
  kind: 'call';
  base?: Expression;
  name: IdentifierNode;
  arguments: Expression[];
}

/** `base.property`, or `base.?property` when `safe`. */
export interface PropertyAccessNode extends NodeBase {
  kind: 'property-access';
  base: Expression;
  property: IdentifierNode;
  safe: boolean;
}

/** `base[index]`; `safe` for `[?`, `fromEnd` for `[^` (both for `[?^`). */
export interface IndexAccessNode extends NodeBase {
  kind: 'index-access';
  base: Expression;
  index: Expression;
  safe: boolean;
  fromEnd: boolean;
}

/** `parent::child`: access to a nested resource declared inside `parent`'s body. */
export interface ResourceAccessNode extends NodeBase {
  kind: 'resource-access';
  base: Expression;
  name: IdentifierNode;
}

/** Postfix `expr!` (non-null assertion); erased in compiled output. */
export interface NonNullAssertionNode extends NodeBase {
  kind: 'non-null-assertion';
  expression: Expression;
}

export type UnaryOperator = '!' | '-' | '+';

export interface UnaryNode extends NodeBase {
  kind: 'unary';
  operator: UnaryOperator;
  operand: Expression;
}

/**
 * Binary operators. Precedence, loosest first (all left-associative):
 * `??` < `||` < `&&` < `== != =~ !~` < `< <= > >=` < `+ -` < `* / %`. The ternary is looser still.
 */
export type BinaryOperator =
  | '??'
  | '||'
  | '&&'
  | '=='
  | '!='
  | '=~'
  | '!~'
  | '<'
  | '<='
  | '>'
  | '>='
  | '+'
  | '-'
  | '*'
  | '/'
  | '%';

export interface BinaryNode extends NodeBase {
  kind: 'binary';
  operator: BinaryOperator;
  left: Expression;
  right: Expression;
}

/** `condition ? whenTrue : whenFalse` (right-associative). */
export interface TernaryNode extends NodeBase {
  kind: 'ternary';
  condition: Expression;
  whenTrue: Expression;
  whenFalse: Expression;
}

/**
 * `[for item in iterable: body]` or `[for (item, index) in iterable: body]`. `body` is an `if` node for a
 * filtered loop (`[for x in xs: if (cond) {...}]`). `item` is absent only in broken input.
 */
export interface ForNode extends NodeBase {
  kind: 'for';
  item?: IdentifierNode;
  index?: IdentifierNode;
  iterable: Expression;
  body: Expression | IfNode;
}

/** `if (condition) body`: the condition of a resource/module/test body or of a loop body. */
export interface IfNode extends NodeBase {
  kind: 'if';
  condition: Expression;
  body: Expression;
}

/** A lambda parameter; `type` is present (only) in `func` declarations. */
export interface LambdaParameterNode extends NodeBase {
  kind: 'lambda-parameter';
  name: IdentifierNode;
  type?: TypeNode;
}

/** `x => e`, `(x, y) => e`, `() => e` (untyped; typed parameters exist only in `func` declarations). */
export interface LambdaNode extends NodeBase {
  kind: 'lambda';
  parameters: LambdaParameterNode[];
  body: Expression;
}

export interface ParenthesizedNode extends NodeBase {
  kind: 'parenthesized';
  expression: Expression;
}

/** A placeholder where an expression (or type) was expected but missing or malformed; a diagnostic was reported. */
export interface ErrorNode extends NodeBase {
  kind: 'error';
  message: string;
}

/** Tokens the parser skipped while recovering (a statement, object/array item, or argument it could not read). */
export interface SkippedNode extends NodeBase {
  kind: 'skipped';
  text: string;
}

export type Expression =
  | IdentifierNode
  | StringNode
  | MultilineStringNode
  | NumberNode
  | BooleanNode
  | NullNode
  | ObjectNode
  | ArrayNode
  | CallNode
  | PropertyAccessNode
  | IndexAccessNode
  | ResourceAccessNode
  | NonNullAssertionNode
  | UnaryNode
  | BinaryNode
  | TernaryNode
  | ForNode
  | LambdaNode
  | ParenthesizedNode
  | ErrorNode;

// ---------------------------------------------------------------------------------------------------------
// Types
// ---------------------------------------------------------------------------------------------------------

/** A named type: `string`, `int`, `object`, `MyType`; `sys.string` and `ns.T` are `type-property-access`. */
export interface TypeNameNode extends NodeBase {
  kind: 'type-name';
  name: IdentifierNode;
}

/** A literal type: `'a'`, `1`, `-1`, `true`, `null`. */
export interface LiteralTypeNode extends NodeBase {
  kind: 'literal-type';
  value: StringNode | MultilineStringNode | NumberNode | BooleanNode | NullNode | UnaryNode;
}

/** `A | B | C` (a leading `|` is allowed and not recorded). */
export interface UnionTypeNode extends NodeBase {
  kind: 'union-type';
  members: TypeNode[];
}

/** `T[]`. */
export interface ArrayTypeNode extends NodeBase {
  kind: 'array-type';
  item: TypeNode;
}

/** `T?`. */
export interface NullableTypeNode extends NodeBase {
  kind: 'nullable-type';
  base: TypeNode;
}

/** `T!`: `T` with `null` removed. */
export interface NonNullableTypeNode extends NodeBase {
  kind: 'non-nullable-type';
  base: TypeNode;
}

/** `{ a: string, 'b-c'?: int, *: string }` with decorators on each member. */
export interface ObjectTypeNode extends NodeBase {
  kind: 'object-type';
  members: ObjectTypeMember[];
}
export type ObjectTypeMember = ObjectTypePropertyNode | ObjectTypeAdditionalPropertiesNode | SkippedNode;

export interface ObjectTypePropertyNode extends NodeBase {
  kind: 'object-type-property';
  decorators: DecoratorNode[];
  key: IdentifierNode | StringNode | MultilineStringNode;
  optional: boolean;
  value: TypeNode;
}

/** `*: T` inside an object type. */
export interface ObjectTypeAdditionalPropertiesNode extends NodeBase {
  kind: 'object-type-additional-properties';
  decorators: DecoratorNode[];
  value: TypeNode;
}

/** `[string, int]`, items may carry decorators. */
export interface TupleTypeNode extends NodeBase {
  kind: 'tuple-type';
  items: TupleTypeItemNode[];
}

export interface TupleTypeItemNode extends NodeBase {
  kind: 'tuple-type-item';
  decorators: DecoratorNode[];
  value: TypeNode;
}

/** `resource 'T@v'` as the type of a param or output. */
export interface ResourceTypeNode extends NodeBase {
  kind: 'resource-type';
  typeString: StringNode | ErrorNode;
}

/** `resourceInput<'T@v'>`, `resourceOutput<'T@v'>`, `resource<'T@v'>`; `base` for `sys.resourceInput<...>`. */
export interface ParameterizedTypeNode extends NodeBase {
  kind: 'parameterized-type';
  base?: TypeNode;
  name: IdentifierNode;
  arguments: TypeNode[];
}

/** `T.prop` or `ns.T` / `sys.string`. */
export interface TypePropertyAccessNode extends NodeBase {
  kind: 'type-property-access';
  base: TypeNode;
  property: IdentifierNode;
}

/** `T.*`: the type of the additional properties of an object type. */
export interface TypeAdditionalPropertiesAccessNode extends NodeBase {
  kind: 'type-additional-properties-access';
  base: TypeNode;
}

/** `T[0]`: one item of a tuple type. */
export interface TypeIndexAccessNode extends NodeBase {
  kind: 'type-index-access';
  base: TypeNode;
  index: NumberNode | ErrorNode;
}

/** `T[*]`: the item type of an array type. */
export interface TypeItemsAccessNode extends NodeBase {
  kind: 'type-items-access';
  base: TypeNode;
}

export interface ParenthesizedTypeNode extends NodeBase {
  kind: 'parenthesized-type';
  type: TypeNode;
}

export type TypeNode =
  | TypeNameNode
  | LiteralTypeNode
  | UnionTypeNode
  | ArrayTypeNode
  | NullableTypeNode
  | NonNullableTypeNode
  | ObjectTypeNode
  | TupleTypeNode
  | ResourceTypeNode
  | ParameterizedTypeNode
  | TypePropertyAccessNode
  | TypeAdditionalPropertiesAccessNode
  | TypeIndexAccessNode
  | TypeItemsAccessNode
  | ParenthesizedTypeNode
  | ErrorNode;

// ---------------------------------------------------------------------------------------------------------
// Statements
// ---------------------------------------------------------------------------------------------------------

/** `@name(args)` or `@ns.name(args)` on its own line before a declaration, object-type member or tuple item. */
export interface DecoratorNode extends NodeBase {
  kind: 'decorator';
  /** Normally a `call` (possibly with `base` = `sys`); anything else is reported by the binder. */
  expression: Expression;
}

interface DeclarationBase extends NodeBase {
  decorators: DecoratorNode[];
}

/** `targetScope = 'subscription'`. */
export interface TargetScopeDeclNode extends DeclarationBase {
  kind: 'target-scope-decl';
  value: Expression;
}

/** `metadata name = expr`. */
export interface MetadataDeclNode extends DeclarationBase {
  kind: 'metadata-decl';
  name: IdentifierNode;
  value: Expression;
}

/** `param name type [= default]` in a `.bicep` file. */
export interface ParamDeclNode extends DeclarationBase {
  kind: 'param-decl';
  name: IdentifierNode;
  type: TypeNode;
  defaultValue?: Expression;
}

/** `param name = value` in a `.bicepparam` file. */
export interface ParamAssignmentNode extends DeclarationBase {
  kind: 'param-assignment';
  name: IdentifierNode;
  value: Expression;
}

/** `var name [type] = value`. */
export interface VarDeclNode extends DeclarationBase {
  kind: 'var-decl';
  name: IdentifierNode;
  type?: TypeNode;
  value: Expression;
}

/** The value of a resource, module or test: `{...}`, `if (c) {...}` or `[for ...: ...]`. */
export type DeclarationBody = ObjectNode | IfNode | ForNode | ErrorNode;

/**
 * `resource name 'Type@version' [existing] = body`. Also nested inside a parent resource's body
 * (then `typeString` may be a short child type such as `'blobServices'` without an api version).
 */
export interface ResourceDeclNode extends DeclarationBase {
  kind: 'resource-decl';
  name: IdentifierNode;
  typeString: StringNode | MultilineStringNode | ErrorNode;
  existing: boolean;
  value: DeclarationBody;
}

/** `module name 'path' = body`. */
export interface ModuleDeclNode extends DeclarationBase {
  kind: 'module-decl';
  name: IdentifierNode;
  path: StringNode | MultilineStringNode | ErrorNode;
  value: DeclarationBody;
}

/** `output name type = value` (type may be `resource 'T@v'`). */
export interface OutputDeclNode extends DeclarationBase {
  kind: 'output-decl';
  name: IdentifierNode;
  type: TypeNode;
  value: Expression;
}

/** `type Name = typeExpr`. */
export interface TypeDeclNode extends DeclarationBase {
  kind: 'type-decl';
  name: IdentifierNode;
  value: TypeNode;
}

/** `func name(a string, b int) returnType => body`. */
export interface FuncDeclNode extends DeclarationBase {
  kind: 'func-decl';
  name: IdentifierNode;
  parameters: LambdaParameterNode[];
  returnType: TypeNode;
  body: Expression;
}

/** One entry of `import { a, b as c } from '...'`; `name` is a string for quoted names. */
export interface ImportedSymbolNode extends NodeBase {
  kind: 'imported-symbol';
  name: IdentifierNode | StringNode;
  alias?: IdentifierNode;
}

/**
 * Compile-time import: `import { a, b as c } from 'path'` (`symbols`) or `import * as ns from 'path'`
 * (`wildcardAlias`). The legacy provider form `import 'az@1.0' [with {...}] [as x]` is an `extension-decl`.
 */
export interface ImportDeclNode extends DeclarationBase {
  kind: 'import-decl';
  symbols?: ImportedSymbolNode[];
  wildcardAlias?: IdentifierNode;
  path: StringNode | MultilineStringNode | ErrorNode;
}

/**
 * `extension name|'br:...' [with {config}] [as alias]`; `legacyImport` when written as `import 'x@v'`
 * or `provider 'x@v'`.
 */
export interface ExtensionDeclNode extends DeclarationBase {
  kind: 'extension-decl';
  specification: IdentifierNode | StringNode | MultilineStringNode | ErrorNode;
  config?: Expression;
  alias?: IdentifierNode;
  legacyImport: boolean;
}

/** `test name 'file.bicep' = body` (experimental testFramework). */
export interface TestDeclNode extends DeclarationBase {
  kind: 'test-decl';
  name: IdentifierNode;
  path: StringNode | MultilineStringNode | ErrorNode;
  value: DeclarationBody;
}

/** `assert name = condition` (experimental assertions). */
export interface AssertDeclNode extends DeclarationBase {
  kind: 'assert-decl';
  name: IdentifierNode;
  value: Expression;
}

/** `.bicepparam`: `using 'path' [with {config}]` or `using none` (`path` absent). */
export interface UsingDeclNode extends DeclarationBase {
  kind: 'using-decl';
  path?: StringNode | MultilineStringNode | ErrorNode;
  config?: Expression;
}

/** `.bicepparam`: `extends 'base.bicepparam'`. */
export interface ExtendsDeclNode extends DeclarationBase {
  kind: 'extends-decl';
  path: StringNode | MultilineStringNode | ErrorNode;
}

/** `.bicepparam`: `extensionConfig alias with { ... }`. */
export interface ExtensionConfigDeclNode extends DeclarationBase {
  kind: 'extension-config-decl';
  name: IdentifierNode;
  value: Expression;
}

export type Statement =
  | TargetScopeDeclNode
  | MetadataDeclNode
  | ParamDeclNode
  | ParamAssignmentNode
  | VarDeclNode
  | ResourceDeclNode
  | ModuleDeclNode
  | OutputDeclNode
  | TypeDeclNode
  | FuncDeclNode
  | ImportDeclNode
  | ExtensionDeclNode
  | TestDeclNode
  | AssertDeclNode
  | UsingDeclNode
  | ExtendsDeclNode
  | ExtensionConfigDeclNode
  | SkippedNode;

/** Every node kind in the tree. */
export type SyntaxNode =
  | Statement
  | Expression
  | TypeNode
  | DecoratorNode
  | ObjectPropertyNode
  | SpreadNode
  | IfNode
  | LambdaParameterNode
  | ImportedSymbolNode
  | ObjectTypePropertyNode
  | ObjectTypeAdditionalPropertiesNode
  | TupleTypeItemNode;

export type SyntaxKind = SyntaxNode['kind'];

// ---------------------------------------------------------------------------------------------------------
// The tree
// ---------------------------------------------------------------------------------------------------------

/** A comment, kept outside the tree (e.g. for `// azready-disable-next-line <rule> <reason>`). */
export interface Comment {
  start: number;
  end: number;
  /** The full comment text including `//` or `/* *\/`. */
  text: string;
}

/** `#disable-next-line CODE...`, `#disable-diagnostics CODE...` or `#restore-diagnostics CODE...`. */
export interface Directive {
  kind: 'disable-next-line' | 'disable-diagnostics' | 'restore-diagnostics';
  codes: string[];
  start: number;
  end: number;
  /** 1-based line of the directive itself. */
  line: number;
}

export type BicepFormat = 'bicep' | 'bicepparam';

/** The result of parsing one file: always returned, even for garbage input (then with error diagnostics). */
export interface SyntaxTree {
  file: string;
  text: string;
  format: BicepFormat;
  statements: Statement[];
  diagnostics: Diagnostic[];
  lineMap: LineMap;
  directives: Directive[];
  comments: Comment[];
}

/** The literal text of a string with no interpolation, or undefined. */
export function stringValue(node: SyntaxNode | undefined): string | undefined {
  if (!node || (node.kind !== 'string' && node.kind !== 'multiline-string')) return undefined;
  return node.expressions.length === 0 ? node.parts[0] : undefined;
}

/** The name of an object property key (identifier or non-interpolated string), or undefined. */
export function propertyKeyName(key: ObjectPropertyNode['key']): string | undefined {
  return key.kind === 'identifier' ? key.name : stringValue(key);
}
