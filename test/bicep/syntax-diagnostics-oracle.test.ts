// Compares our syntax errors with the official compiler's expected diagnostics (`main.diagnostics.bicep`):
// every error we report must sit on a line where Bicep reports an error too (no false alarms), and we
// measure how many of Bicep's syntax-level errors (BCP001-BCP024 and the other parser codes) we find.
import { describe, expect, it } from 'vitest';
import { parseBicep } from '../../src/bicep/parse-bicep.js';
import { loadCorpus, readCorpusFile } from './corpus.js';

/** Codes the official parser (not the type checker) reports. */
const SYNTAX_CODES = new Set([
  ...Array.from({ length: 24 }, (_, i) => `BCP${String(i + 1).padStart(3, '0')}`),
  'BCP096', 'BCP097', 'BCP103', 'BCP118', 'BCP123', 'BCP132', 'BCP140', 'BCP162', 'BCP167', 'BCP202',
  'BCP226', 'BCP236', 'BCP238', 'BCP266', 'BCP279', 'BCP325', 'BCP346', 'BCP347',
]);

interface Expected {
  line: number;
  code: string;
}

/** Error annotations `//@[startCol:endCol) [BCPnnn (Error)] ...`, each about the source line above it. */
function expectedErrors(annotated: string): Expected[] {
  const out: Expected[] = [];
  let line = 0;
  for (const raw of annotated.split(/\r\n|\n|\r/)) {
    const m = /^\/\/@\[\d+:\d+\) \[(BCP\d+) \(Error\)\]/.exec(raw);
    if (raw.startsWith('//@[')) {
      if (m) out.push({ line, code: m[1] });
    } else line++;
  }
  return out;
}

/**
 * Known places where our recovery puts an error on a neighbouring line: we stop an unclosed body at the
 * next column-1 declaration, Bicep reads on and complains later; a lambda spread over lines differs too;
 * the baseline writer counts lines of a CRLF file at CRLF only, so a bare LF in a string shifts its lines.
 */
const KNOWN_RECOVERY_DIFFERENCES = [
  'bicep-baselines/baselines/InvalidLambdas_LF/main.bicep:86 ',
  'bicep-baselines/baselines/InvalidMultilineString_CRLF/main.bicep:1 ',
  // An unclosed test body followed by column-1 `test` lines: Bicep reads them as properties of the body.
  'bicep-baselines/baselines/InvalidTestFramework_CRLF/main.bicep:',
];

const corpus = loadCorpus();

describe.skipIf(!corpus)('syntax errors against the official diagnostics', () => {
  it('reports errors only where Bicep does, and finds most of its syntax errors', () => {
    const falseAlarms: string[] = [];
    const missed: string[] = [];
    let syntaxExpected = 0;
    let syntaxFound = 0;
    for (const entry of corpus ?? []) {
      if (!entry.diagnostics) continue;
      const expected = expectedErrors(readCorpusFile(entry.diagnostics));
      const errorLines = new Set(expected.map((e) => e.line));
      const tree = parseBicep(entry.bicep, readCorpusFile(entry.bicep), entry.format);
      const ours = new Set<number>();
      for (const d of tree.diagnostics) {
        if (d.severity !== 'error' || !d.location) continue;
        const line = d.location.startLine;
        ours.add(line);
        if (!errorLines.has(line)) falseAlarms.push(`${entry.bicep}:${line} ${d.code} ${d.message}`);
      }
      for (const e of expected) {
        if (!SYNTAX_CODES.has(e.code)) continue;
        syntaxExpected++;
        if (ours.has(e.line)) syntaxFound++;
        else missed.push(`${entry.bicep}:${e.line} ${e.code}`);
      }
    }
    console.log(
      `Syntax errors: found ${syntaxFound}/${syntaxExpected} of Bicep's parser errors on the same line; ` +
        `${falseAlarms.length} errors on lines where Bicep reports none.`,
    );
    if (falseAlarms.length > 0) console.log(`False alarms:\n${falseAlarms.join('\n')}`);
    if (process.env.AZREADY_VERBOSE) console.log(`Missed:\n${missed.join('\n')}`);
    const unexpected = falseAlarms.filter((f) => !KNOWN_RECOVERY_DIFFERENCES.some((k) => f.startsWith(k)));
    expect(unexpected).toEqual([]);
  });
});
