// Optional cross-check of tree structure against the official parser's syntax dumps
// (`main.syntax.bicep` in Azure/bicep's src/Bicep.Core.Samples/Files, not part of the corpus). Set
// AZREADY_BICEP_SAMPLES to that folder: for every valid baseline, each node span of a mapped kind must be the
// same in both trees. Skipped otherwise.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseBicep } from '../../src/bicep/parse-bicep.js';
import type { SyntaxNode } from '../../src/bicep/syntax/nodes.js';
import { walk } from '../../src/bicep/syntax/visit.js';
import { loadCorpus, readCorpusFile } from './corpus.js';

/** Official syntax class → our node kind. Type-level literals use other classes upstream and are left out. */
const KINDS: Record<string, string> = {
  BinaryOperationSyntax: 'binary', UnaryOperationSyntax: 'unary', TernaryOperationSyntax: 'ternary',
  FunctionCallSyntax: 'call', InstanceFunctionCallSyntax: 'call', PropertyAccessSyntax: 'property-access',
  ArrayAccessSyntax: 'index-access', ResourceAccessSyntax: 'resource-access', NonNullAssertionSyntax: 'non-null-assertion',
  ObjectSyntax: 'object', ArraySyntax: 'array', ForSyntax: 'for', IfConditionSyntax: 'if', LambdaSyntax: 'lambda',
  ParenthesizedExpressionSyntax: 'parenthesized', ObjectPropertySyntax: 'object-property', IntegerLiteralSyntax: 'number',
  SpreadExpressionSyntax: 'spread', StringSyntax: 'string', VariableDeclarationSyntax: 'var-decl',
  ParameterDeclarationSyntax: 'param-decl', ParameterAssignmentSyntax: 'param-assignment', ResourceDeclarationSyntax: 'resource-decl',
  ModuleDeclarationSyntax: 'module-decl', OutputDeclarationSyntax: 'output-decl', TypeDeclarationSyntax: 'type-decl',
  FunctionDeclarationSyntax: 'func-decl', DecoratorSyntax: 'decorator', UnionTypeSyntax: 'union-type',
  ObjectTypeSyntax: 'object-type', ObjectTypePropertySyntax: 'object-type-property', TupleTypeSyntax: 'tuple-type',
  ArrayTypeSyntax: 'array-type', NullableTypeSyntax: 'nullable-type',
};
/** Our nodes under these hold literals that upstream calls type literals. */
const TYPE_LITERAL_PARENTS = new Set(['literal-type', 'resource-type', 'parameterized-type']);

const samples = process.env.AZREADY_BICEP_SAMPLES;
const corpus = loadCorpus();

/** `kind start-end` for every mapped node of the official dump (spans are columns relative to their line). */
function upstreamSpans(dump: string, lineStarts: number[], text: string): Set<string> {
  const spans = new Set<string>();
  let line = -1;
  for (const raw of dump.replace(/^\ufeff/, '').split(/\r\n|\n|\r/)) {
    if (!raw.startsWith('//@[')) {
      line++;
      continue;
    }
    const m = /^\/\/@\[(\d+):(\d+)\)[ |├└─]*([A-Za-z]+Syntax)\b/.exec(raw);
    const kind = m ? KINDS[m[3]] : undefined;
    if (!m || !kind) continue;
    const start = (lineStarts[line] ?? 0) + Number(m[1]);
    // We keep an `if` condition without its parentheses.
    if (kind === 'parenthesized' && /\bif\s*$/.test(text.slice(Math.max(0, start - 10), start))) continue;
    spans.add(`${kind} ${start}-${(lineStarts[line] ?? 0) + Number(m[2])}`);
  }
  return spans;
}

describe.skipIf(!samples || !corpus)('tree spans against the official syntax dumps', () => {
  it('matches every mapped node span of the valid baselines', () => {
    const differences: string[] = [];
    let matched = 0;
    for (const entry of corpus ?? []) {
      if (entry.expectErrors || !entry.bicep.startsWith('bicep-baselines/')) continue;
      const rel = entry.bicep.replace('bicep-baselines/', '').replace(/\.(bicep|bicepparam)$/, '.syntax.$1');
      const dumpFile = path.join(samples!, rel);
      if (!existsSync(dumpFile)) continue;
      const text = readCorpusFile(entry.bicep).replace(/^\ufeff/, '');
      const lineStarts = [0];
      for (const m of text.matchAll(/\r\n|\n|\r/g)) lineStarts.push(m.index + m[0].length);
      const theirs = upstreamSpans(readFileSync(dumpFile, 'utf8'), lineStarts, text);
      const ours = new Set<string>();
      const mapped = new Set(Object.values(KINDS));
      const tree = parseBicep(entry.bicep, text, entry.format);
      for (const s of tree.statements) {
        walk(s, (n: SyntaxNode, parent) => {
          if (parent && TYPE_LITERAL_PARENTS.has(parent.kind)) return false;
          const kind = n.kind === 'multiline-string' ? 'string' : n.kind;
          if (mapped.has(kind)) ours.add(`${kind} ${n.start}-${n.end}`);
        });
      }
      for (const s of theirs) {
        if (ours.has(s)) matched++;
        else differences.push(`${entry.bicep}: official only ${s}`);
      }
      for (const s of ours) if (!theirs.has(s)) differences.push(`${entry.bicep}: ours only ${s}`);
    }
    console.log(`Official syntax dumps: ${matched} node spans matched, ${differences.length} differences.`);
    expect(differences).toEqual([]);
  });
});
