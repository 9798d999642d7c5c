// Token and raw-diagnostic shapes shared by the Bicep lexer and parser (offsets only, no line/column).

/** Punctuation and operator tokens are their own text. */
export type PunctuationKind =
  | '{'
  | '}'
  | '('
  | ')'
  | '['
  | ']'
  | '@'
  | ','
  | '.'
  | '...'
  | '?'
  | '??'
  | ':'
  | '::'
  | ';'
  | '+'
  | '-'
  | '*'
  | '/'
  | '%'
  | '^'
  | '!'
  | '!='
  | '!~'
  | '<'
  | '<='
  | '>'
  | '>='
  | '='
  | '=='
  | '=~'
  | '=>'
  | '&&'
  | '||'
  | '|';

/**
 * `string` is a whole string without holes; an interpolated string is `string-left` (up to `${`),
 * zero or more `string-middle` (from `}` to `${`) and `string-right` (from `}` to the closing quote).
 */
export type StringTokenKind = 'string' | 'string-left' | 'string-middle' | 'string-right';

export type TokenKind =
  | 'identifier'
  | 'number'
  | StringTokenKind
  | 'newline'
  | 'unknown'
  | 'eof'
  | PunctuationKind;

/**
 * A token. Its fields are those of an `IdentifierNode`, in the same order, so the parser uses an identifier
 * token as the tree's identifier node instead of copying it into a new object (one allocation less per name).
 */
export interface Token {
  kind: TokenKind;
  /** Identifier name, number digits, or the cooked text of a string piece; '' otherwise. */
  name: string;
  start: number;
  end: number;
}

/** A diagnostic before line/column resolution; `parse-bicep` turns these into `Diagnostic`s. */
export interface RawDiagnostic {
  code: string;
  severity: 'error' | 'warning';
  message: string;
  start: number;
  end: number;
}
