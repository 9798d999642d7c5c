// Readable dumps of tokens, syntax trees and diagnostics: the per-stage golden files of the parser tests,
// and a debugging aid. Positions are shown as 1-based line:column.
import type { Diagnostic } from '../../core/diagnostic.js';
import type { LineMap } from '../../core/line-map.js';
import { lex } from './lexer.js';
import type { SyntaxTree } from './nodes.js';

function at(lineMap: LineMap, offset: number): string {
  const p = lineMap.position(offset);
  return `${p.line}:${p.column}`;
}

/** One token per line: `line:column kind value`. */
export function printTokens(text: string, lineMap: LineMap): string {
  const out: string[] = [];
  const lexed = lex(text);
  const multiline = new Set(lexed.multiline);
  for (const t of lexed.tokens) {
    const value = t.kind === 'identifier' || t.kind === 'number' || t.kind.startsWith('string') ? ` ${JSON.stringify(t.name)}` : '';
    out.push(`${at(lineMap, t.start)} ${t.kind}${multiline.has(t) ? ' (multiline)' : ''}${value}`);
  }
  return out.join('\n') + '\n';
}

function isNode(value: unknown): value is { kind: string; start: number; end: number } {
  return typeof value === 'object' && value !== null && typeof (value as { kind?: unknown }).kind === 'string';
}

/** The statements as an indented outline: `kind @start-end scalar=fields`, then labelled children. */
export function printTree(tree: SyntaxTree): string {
  const out: string[] = [];
  const visit = (node: { kind: string; start: number; end: number }, indent: string, label: string): void => {
    const scalars: string[] = [];
    const children: [string, unknown][] = [];
    for (const [key, value] of Object.entries(node)) {
      if (key === 'kind' || key === 'start' || key === 'end') continue;
      if (isNode(value) || (Array.isArray(value) && value.some(isNode))) children.push([key, value]);
      else if (Array.isArray(value) && value.length === 0) continue;
      else scalars.push(`${key}=${JSON.stringify(value)}`);
    }
    const span = `@${at(tree.lineMap, node.start)}-${at(tree.lineMap, node.end)}`;
    out.push(`${indent}${label}${node.kind} ${span}${scalars.length > 0 ? ' ' + scalars.join(' ') : ''}`);
    for (const [key, value] of children) {
      if (Array.isArray(value)) {
        value.forEach((child, i) => {
          if (isNode(child)) visit(child, indent + '  ', `${key}[${i}]: `);
        });
      } else if (isNode(value)) visit(value, indent + '  ', `${key}: `);
    }
  };
  for (const s of tree.statements) visit(s, '', '');
  for (const d of tree.directives) out.push(`directive ${d.kind} line=${d.line} codes=${JSON.stringify(d.codes)}`);
  for (const c of tree.comments) out.push(`comment @${at(tree.lineMap, c.start)} ${JSON.stringify(c.text)}`);
  return out.join('\n') + '\n';
}

/** The source with each diagnostic printed under its line, a caret run marking its columns. */
export function printDiagnostics(text: string, diagnostics: readonly Diagnostic[]): string {
  const lines = text.split(/\r\n|\n|\r/);
  const byLine = new Map<number, Diagnostic[]>();
  for (const d of diagnostics) {
    if (!d.location) continue;
    const list = byLine.get(d.location.startLine) ?? [];
    list.push(d);
    byLine.set(d.location.startLine, list);
  }
  const out: string[] = [];
  lines.forEach((line, i) => {
    out.push(line);
    for (const d of byLine.get(i + 1) ?? []) {
      const loc = d.location!;
      const width = loc.endLine === loc.startLine ? Math.max(1, loc.endColumn - loc.startColumn) : Math.max(1, line.length - loc.startColumn + 1);
      out.push(`${' '.repeat(loc.startColumn - 1)}${'^'.repeat(width)} ${loc.startLine}:${loc.startColumn} ${d.severity} ${d.code}: ${d.message}`);
    }
  });
  return out.join('\n');
}
