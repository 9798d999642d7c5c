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

export interface Token {
  kind: TokenKind;
  start: number;
  end: number;
  /** Identifier name, number digits, or the cooked text of a string piece; '' otherwise. */
  value: string;
}

/** A diagnostic before line/column resolution; `parse-bicep` turns these into `Diagnostic`s. */
export interface RawDiagnostic {
  code: string;
  severity: 'error' | 'warning';
  message: string;
  start: number;
  end: number;
}
