// Benchmark: ARM expansion of every compiled template in the shared corpus, against plain
// JSON.parse of the same files in the same run (the floor any reader pays).
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { JsonDocument, expandTemplate } from '../dist/index.js';

export function benchCorpusExpansion() {
  const corpus = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'shared', 'corpus');
  const manifest = path.join(corpus, 'manifest.json');
  if (!existsSync(manifest)) {
    console.log(`corpus expansion: skipped — no shared corpus at ${corpus}`);
    return;
  }
  const files = JSON.parse(readFileSync(manifest, 'utf8'))
    .filter((e) => e.json && e.format === 'bicep' && !e.expectErrors)
    .map((e) => ({ name: e.json, text: readFileSync(path.join(corpus, e.json), 'utf8') }));
  const bytes = files.reduce((s, f) => s + Buffer.byteLength(f.text), 0);
  const rounds = 3;
  // Warm up once so both measurements run on optimized code.
  for (const f of files) expandTemplate(JsonDocument.parse(f.name, f.text).doc);
  let t0 = performance.now();
  for (let r = 0; r < rounds; r++) for (const f of files) JSON.parse(f.text);
  const parseMs = (performance.now() - t0) / rounds;
  t0 = performance.now();
  for (let r = 0; r < rounds; r++) for (const f of files) expandTemplate(JsonDocument.parse(f.name, f.text).doc);
  const expandMs = (performance.now() - t0) / rounds;
  console.log(`corpus expansion: ${files.length} templates, ${(bytes / 1e6).toFixed(1)} MB`);
  console.log(`  expand ${(files.length / (expandMs / 1000)).toFixed(0)} files/s (${expandMs.toFixed(0)} ms), JSON.parse ${parseMs.toFixed(0)} ms, ratio ${(expandMs / parseMs).toFixed(1)}×`);
}
