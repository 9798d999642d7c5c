// Conformance runs over the shared corpus (../shared/corpus, MIT test data read in place):
//   arm: every compiled template in the manifest must expand with no error diagnostic and no
//        exception. Prints the counts and the failures; exits 1 when a figure falls below the
//        ratchet in conformance/ratchet.json (raise the ratchet when figures improve).
// Usage: npm run conformance [-- --verbose] [-- --write-ratchet]
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { JsonDocument, expandTemplate } from '../dist/index.js';
import { runBicepOracle } from './bicep-oracle.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const corpus = path.resolve(here, '..', '..', 'shared', 'corpus');
const manifestFile = path.join(corpus, 'manifest.json');
const verbose = process.argv.includes('--verbose');
const writeRatchet = process.argv.includes('--write-ratchet');

if (!existsSync(manifestFile)) {
  console.log(`conformance: skipped — the shared corpus is not at ${corpus} (it exists in CI and on the development machines)`);
  process.exit(0);
}

const manifest = JSON.parse(readFileSync(manifestFile, 'utf8'));
const templates = manifest.filter((e) => e.json && e.format === 'bicep' && !e.expectErrors);

let clean = 0;
const failures = [];
const started = performance.now();
for (const entry of templates) {
  const file = path.join(corpus, entry.json);
  try {
    const { doc, diagnostics: syntax } = JsonDocument.parse(entry.json, readFileSync(file, 'utf8'));
    const out = expandTemplate(doc, { baseDir: path.dirname(file) });
    const errors = [...syntax, ...out.diagnostics].filter((d) => d.severity === 'error');
    if (errors.length === 0) clean++;
    else failures.push({ file: entry.json, problem: errors.slice(0, 3).map((d) => `${d.location ? `${d.location.startLine}:${d.location.startColumn} ` : ''}${d.code} ${d.message}`).join(' | ') + (errors.length > 3 ? ` (+${errors.length - 3} more)` : '') });
  } catch (e) {
    failures.push({ file: entry.json, problem: `EXCEPTION ${e instanceof Error ? e.stack?.split('\n').slice(0, 3).join(' ') : String(e)}` });
  }
}
const seconds = (performance.now() - started) / 1000;
const share = templates.length ? clean / templates.length : 1;
console.log(`arm expansion: ${clean}/${templates.length} compiled templates expand without error (${(share * 100).toFixed(1)}%), ${failures.filter((f) => f.problem.startsWith('EXCEPTION')).length} exceptions, ${seconds.toFixed(1)} s`);
for (const f of failures.slice(0, verbose ? failures.length : 25)) console.log(`  ${f.file}: ${f.problem}`);
if (!verbose && failures.length > 25) console.log(`  … ${failures.length - 25} more (--verbose)`);

const bicep = runBicepOracle(corpus, manifest);
const pct = (a, b) => (b ? ((a / b) * 100).toFixed(1) : '100.0');
console.log(`bicep: ${bicep.syntaxClean}/${bicep.valid} valid files parse without error (${pct(bicep.syntaxClean, bicep.valid)}%), ${bicep.parsedClean}/${bicep.valid} compile without error (${pct(bicep.parsedClean, bicep.valid)}%); ${bicep.agree}/${bicep.pairs} pairs agree with the official compiler (${pct(bicep.agree, bicep.pairs)}%); ${bicep.rejected}/${bicep.invalid} expected-error files rejected (${pct(bicep.rejected, bicep.invalid)}%); ${bicep.exceptions} exceptions`);
console.log(`bicep: ${bicep.avmTestsClean}/${bicep.avmTests} AVM end-to-end test deployments compile and expand without error (${pct(bicep.avmTestsClean, bicep.avmTests)}%)`);
console.log(`bicep: ${bicep.outputsAgree}/${bicep.pairs} pairs give the same outputs as the official compiler's template (${pct(bicep.outputsAgree, bicep.pairs)}%)`);
for (const m of bicep.outputMismatches.slice(0, verbose ? Infinity : 5)) console.log(`  outputs ${m.file}:\n    ours   ${m.ours.slice(0, 300)}\n    theirs ${m.theirs.slice(0, 300)}`);
for (const f of bicep.parseFailures.slice(0, verbose ? Infinity : 10)) console.log(`  compile: ${f}`);
for (const m of bicep.mismatches.slice(0, verbose ? Infinity : 15)) {
  if (m.exception) console.log(`  EXCEPTION ${m.file}: ${m.exception}`);
  else console.log(`  mismatch ${m.file}: ${m.missing.length} missing, ${m.extra.length} extra, ${m.differ.length} differ${m.missing[0] ? ` (missing ${m.missing[0]})` : ''}${m.extra[0] ? ` (extra ${m.extra[0]})` : ''}${m.sample && verbose ? `\n    ours   ${m.sample.ours}\n    theirs ${m.sample.theirs}` : ''}`);
}
if (verbose) for (const a of bicep.accepted) console.log(`  accepted (should be rejected): ${a}`);

const ratchetFile = path.join(here, 'ratchet.json');
const ratchet = existsSync(ratchetFile) ? JSON.parse(readFileSync(ratchetFile, 'utf8')) : {};
const figures = { armExpansionClean: clean, bicepParseClean: bicep.syntaxClean, bicepCompileClean: bicep.parsedClean, bicepPairsAgree: bicep.agree, bicepInvalidRejected: bicep.rejected, avmTestsClean: bicep.avmTestsClean, bicepOutputsAgree: bicep.outputsAgree };
if (writeRatchet) {
  writeFileSync(ratchetFile, JSON.stringify({ ...ratchet, ...figures }, null, 2) + '\n');
  console.log(`conformance: ratchet written: ${JSON.stringify(figures)}`);
}
let dropped = false;
for (const [k, v] of Object.entries(figures)) {
  if (typeof ratchet[k] === 'number' && v < ratchet[k]) {
    console.log(`conformance: ${k} fell from ${ratchet[k]} to ${v}`);
    dropped = true;
  }
}
process.exit(dropped ? 1 : 0);
