// Parses every .bicep/.bicepparam of the shared oracle corpus: valid files must give zero syntax errors,
// nothing may throw, and the share of invalid files with at least one error is reported.
import { describe, expect, it } from 'vitest';
import { formatDiagnostic } from '../../src/core/diagnostic.js';
import { parseBicep } from '../../src/bicep/parse-bicep.js';
import { loadCorpus, readCorpusFile } from './corpus.js';

const corpus = loadCorpus();

describe.skipIf(!corpus)('parse the oracle corpus', () => {
  if (!corpus) {
    console.warn('Skipping the Bicep corpus test: ../shared/corpus/manifest.json is missing.');
    return;
  }

  it('parses every valid file with zero errors and never throws', () => {
    const texts = corpus.map((e) => ({ entry: e, text: readCorpusFile(e.bicep) }));
    const failures: string[] = [];
    let valid = 0;
    let validClean = 0;
    let invalid = 0;
    let invalidFlagged = 0;
    const invalidClean: string[] = [];
    const started = performance.now();
    for (const { entry, text } of texts) {
      const tree = parseBicep(entry.bicep, text, entry.format);
      const errors = tree.diagnostics.filter((d) => d.severity === 'error');
      if (entry.expectErrors) {
        invalid++;
        if (errors.length > 0) invalidFlagged++;
        else invalidClean.push(entry.bicep);
      } else {
        valid++;
        if (errors.length === 0) validClean++;
        else failures.push(`${entry.bicep}: ${errors.length} errors, first ${formatDiagnostic(errors[0])}`);
      }
    }
    const elapsed = performance.now() - started;
    // A second pass shows the steady-state speed once the JIT has warmed up.
    const again = performance.now();
    for (const { entry, text } of texts) parseBicep(entry.bicep, text, entry.format);
    const warm = performance.now() - again;
    const bytes = texts.reduce((n, t) => n + t.text.length, 0);
    console.log(
      `Bicep corpus: ${validClean}/${valid} valid files with zero errors (${((100 * validClean) / valid).toFixed(1)}%); ` +
        `${invalidFlagged}/${invalid} invalid files with at least one syntax error; ` +
        `${texts.length} files, ${(bytes / 1e6).toFixed(1)} MB parsed in ${elapsed.toFixed(0)} ms (again: ${warm.toFixed(0)} ms)`,
    );
    if (failures.length > 0) console.log(failures.join('\n'));
    // Expected: these hold only semantic errors (types, scopes, cycles), which later stages report.
    console.log(`Invalid files without a syntax error:\n  ${invalidClean.join('\n  ')}`);
    expect(failures).toEqual([]);
  });
});
