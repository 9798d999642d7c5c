// Syntax tree of an ARM template expression (`[concat(parameters('a'), '-x')]`). Offsets are
// relative to the expression text inside the brackets.

export type ExpressionNode =
  | { kind: 'string'; value: string; offset: number }
  | { kind: 'number'; value: number; offset: number }
  | { kind: 'call'; name: string; args: ExpressionNode[]; offset: number }
  | { kind: 'property'; object: ExpressionNode; name: string; safe: boolean; offset: number }
  | { kind: 'index'; object: ExpressionNode; index: ExpressionNode; safe: boolean; offset: number };

export interface ExpressionError {
  code: 'arm/invalid-expression';
  message: string;
  offset: number;
}
