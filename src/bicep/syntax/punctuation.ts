// Recognises Bicep punctuation and operators at a position of the text (longest match first). A
// punctuation token's kind is its own text, so its length is `kind.length`.
import type { PunctuationKind } from './token.js';

/** The punctuation or operator starting at `start` (whose code unit is `c`), or undefined for any other character. */
export function punctuationAt(text: string, start: number, c: number): PunctuationKind | undefined {
  const next = text.charCodeAt(start + 1);
  switch (c) {
    case 123: return '{';
    case 125: return '}';
    case 40: return '(';
    case 41: return ')';
    case 91: return '[';
    case 93: return ']';
    case 64: return '@';
    case 44: return ',';
    case 59: return ';';
    case 43: return '+';
    case 45: return '-';
    case 42: return '*';
    case 47: return '/';
    case 37: return '%';
    case 94: return '^';
    case 46: // .
      return next === 46 && text.charCodeAt(start + 2) === 46 ? '...' : '.';
    case 63: // ?
      return next === 63 ? '??' : '?';
    case 58: // :
      return next === 58 ? '::' : ':';
    case 33: // !
      return next === 61 ? '!=' : next === 126 ? '!~' : '!';
    case 60: // <
      return next === 61 ? '<=' : '<';
    case 62: // >
      return next === 61 ? '>=' : '>';
    case 61: // =
      return next === 61 ? '==' : next === 126 ? '=~' : next === 62 ? '=>' : '=';
    case 38: // &
      return next === 38 ? '&&' : undefined;
    case 124: // |
      return next === 124 ? '||' : '|';
    default:
      return undefined;
  }
}
