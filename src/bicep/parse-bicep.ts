// Entry point of the Bicep front end: text to a syntax tree with diagnostics (lexing, then parsing).
// Never throws on bad input; every diagnostic carries a stable code and a 1-based range.
import { diagnostic } from '../core/diagnostic.js';
import { LineMap } from '../core/line-map.js';
import type { BicepFormat, SyntaxTree } from './syntax/nodes.js';
import { Parser } from './syntax/parser.js';

/**
 * Parses a `.bicep` or `.bicepparam` file (chosen by `format`, defaulting to the file extension).
 * A leading UTF-8 BOM is dropped: `tree.text` and every offset are relative to the text after it, so
 * columns on line 1 match what an editor shows.
 */
export function parseBicep(file: string, source: string, format?: BicepFormat): SyntaxTree {
  const text = source.charCodeAt(0) === 0xfeff ? source.slice(1) : source;
  const kind: BicepFormat = format ?? (file.toLowerCase().endsWith('.bicepparam') ? 'bicepparam' : 'bicep');
  // The parser pulls its tokens from the lexer; comments, directives, lexer errors and line starts are
  // complete once it has read to the end.
  const parser = new Parser(text, kind);
  const statements = parser.parseProgram();
  const lineMap = new LineMap(text, parser.lineStarts);
  const raw = [...parser.lexDiagnostics, ...parser.diagnostics].sort((a, b) => a.start - b.start);
  return {
    file,
    text,
    format: kind,
    statements,
    diagnostics: raw.map((d) => diagnostic(d.code, d.severity, d.message, lineMap.range(file, d.start, d.end - d.start))),
    lineMap,
    directives: parser.directives.map((d) => ({ ...d, line: lineMap.position(d.start).line })),
    comments: parser.comments,
  };
}
