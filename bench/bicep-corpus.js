// Benchmark: the whole Bicep corpus through lex, parse, compile and expand, against JSON.parse of
// the official compiled JSON in the same run (target: at most 3×), and a cold `azready scan` of
// one Bicep file (target: under 0.4 s wall).
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { loadBicepFile } from '../dist/bicep/load-bicep.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export function benchBicepCorpus() {
  const corpus = path.resolve(root, '..', 'shared', 'corpus');
  const manifest = path.join(corpus, 'manifest.json');
  if (!existsSync(manifest)) {
    console.log(`bicep corpus: skipped — no shared corpus at ${corpus}`);
    return;
  }
  const entries = JSON.parse(readFileSync(manifest, 'utf8')).filter((e) => e.format === 'bicep' && e.json && !e.expectErrors);
  const files = entries.map((e) => ({ file: path.join(corpus, e.bicep), text: readFileSync(path.join(corpus, e.bicep), 'utf8'), json: readFileSync(path.join(corpus, e.json), 'utf8') }));
  const bytes = files.reduce((s, f) => s + Buffer.byteLength(f.text), 0);
  for (const f of files) loadBicepFile(f.file, {}, f.text);
  const rounds = 3;
  let t0 = performance.now();
  for (let r = 0; r < rounds; r++) for (const f of files) JSON.parse(f.json);
  const parseMs = (performance.now() - t0) / rounds;
  t0 = performance.now();
  for (let r = 0; r < rounds; r++) for (const f of files) loadBicepFile(f.file, {}, f.text);
  const ms = (performance.now() - t0) / rounds;
  console.log(`bicep corpus: ${files.length} files, ${(bytes / 1e6).toFixed(1)} MB of Bicep`);
  console.log(`  lex+parse+compile+expand ${(files.length / (ms / 1000)).toFixed(0)} files/s, ${(bytes / 1e6 / (ms / 1000)).toFixed(1)} MB/s (${ms.toFixed(0)} ms); JSON.parse of the official JSON ${parseMs.toFixed(0)} ms; ratio ${(ms / parseMs).toFixed(1)}× (target ≤ 3×)`);

  const sample = path.join(root, 'examples', 'quickstart', 'main.json');
  const bicep = path.join(root, 'test', 'fixtures', 'bicep-scan', 'main.bicep');
  const target = existsSync(bicep) ? bicep : sample;
  const runs = [];
  for (let i = 0; i < 5; i++) {
    const s = performance.now();
    execFileSync(process.execPath, [path.join(root, 'bin', 'run.js'), 'scan', target, '--format', 'json'], { stdio: 'ignore' });
    runs.push(performance.now() - s);
  }
  runs.sort((a, b) => a - b);
  console.log(`  cold scan of one Bicep file: median ${(runs[2] / 1000).toFixed(2)} s wall (target < 0.4 s)`);
}
