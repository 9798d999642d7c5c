// Structural checks of the syntax trees of the corpus: spans nest and stay in the file, valid files hold no
// error/skipped nodes, and each baseline parses to the same tree as its formatter output
// (`main.formatted.bicep`), which catches newline-sensitive misparses that produce no diagnostic.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseBicep } from '../../src/bicep/parse-bicep.js';
import type { SyntaxTree } from '../../src/bicep/syntax/nodes.js';
import { CORPUS_DIR, loadCorpus, readCorpusFile } from './corpus.js';

interface Walked {
  problems: string[];
  kinds: Set<string>;
}

/** Walks every object with a string `kind` and numeric offsets, checking that children nest in parents. */
function walk(tree: SyntaxTree): Walked {
  const problems: string[] = [];
  const kinds = new Set<string>();
  const visit = (node: unknown, parent: { start: number; end: number; kind: string } | undefined): void => {
    if (Array.isArray(node)) {
      for (const n of node) visit(n, parent);
      return;
    }
    if (typeof node !== 'object' || node === null) return;
    const n = node as { kind?: unknown; start?: unknown; end?: unknown };
    let here = parent;
    if (typeof n.kind === 'string' && typeof n.start === 'number' && typeof n.end === 'number') {
      kinds.add(n.kind);
      if (n.start > n.end || n.start < 0 || n.end > tree.text.length) problems.push(`${n.kind} has span ${n.start}-${n.end}`);
      if (parent && (n.start < parent.start || n.end > parent.end)) {
        problems.push(`${n.kind} ${n.start}-${n.end} outside its parent ${parent.kind} ${parent.start}-${parent.end}`);
      }
      here = { start: n.start, end: n.end, kind: n.kind };
    }
    for (const value of Object.values(node)) if (typeof value === 'object') visit(value, here);
  };
  visit(tree.statements, undefined);
  return { problems, kinds };
}

/** The tree without offsets (and with LF line ends inside strings), for comparing two layouts of one program. */
function shape(tree: SyntaxTree): string {
  return JSON.stringify(tree.statements, (key, value: unknown) => {
    if (key === 'start' || key === 'end' || key === 'text') return undefined;
    return typeof value === 'string' ? value.replace(/\r\n/g, '\n') : value;
  });
}

/** The formatter joins a decorated tuple item onto one line (`[@discriminator('type'), A | B]`), not valid input. */
const FORMATTER_QUIRKS = new Set(['bicep-baselines/baselines/TypeDeclarations_LF/main.bicep']);

const corpus = loadCorpus();

describe.skipIf(!corpus)('syntax tree invariants over the corpus', () => {
  it('keeps spans nested and valid trees free of error nodes', () => {
    const problems: string[] = [];
    const seen = new Set<string>();
    for (const entry of corpus ?? []) {
      const tree = parseBicep(entry.bicep, readCorpusFile(entry.bicep), entry.format);
      const walked = walk(tree);
      for (const k of walked.kinds) seen.add(k);
      for (const p of walked.problems.slice(0, 3)) problems.push(`${entry.bicep}: ${p}`);
      if (!entry.expectErrors && (walked.kinds.has('error') || walked.kinds.has('skipped'))) {
        problems.push(`${entry.bicep}: error or skipped node in a valid file`);
      }
    }
    console.log(`Node kinds seen in the corpus (${seen.size}): ${[...seen].sort().join(' ')}`);
    expect(problems).toEqual([]);
  });

  it('parses each baseline and its formatted twin to the same tree', () => {
    const differing: string[] = [];
    let compared = 0;
    for (const entry of corpus ?? []) {
      if (entry.expectErrors || entry.format !== 'bicep') continue;
      const formatted = entry.bicep.replace(/main\.bicep$/, 'main.formatted.bicep');
      if (formatted === entry.bicep || !existsSync(join(CORPUS_DIR, formatted)) || FORMATTER_QUIRKS.has(entry.bicep)) continue;
      compared++;
      const a = parseBicep(entry.bicep, readCorpusFile(entry.bicep));
      const b = parseBicep(formatted, readCorpusFile(formatted));
      if (b.diagnostics.some((d) => d.severity === 'error')) differing.push(`${formatted}: errors in the formatted file`);
      else if (shape(a) !== shape(b)) differing.push(entry.bicep);
    }
    console.log(`Compared ${compared} baselines with their formatted twins.`);
    expect(differing).toEqual([]);
  });
});
