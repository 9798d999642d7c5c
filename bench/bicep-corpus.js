// Benchmark: the whole Bicep corpus through lex, parse, compile and expand, against JSON.parse of
// the official compiled JSON in the same run (target: at most 3×), with the time of each stage,
// and a cold `azready scan` of one Bicep file (target: under 0.4 s wall). The corpus is compiled
// as a folder scan compiles it: one fresh compile cache per round, so each module is compiled
// once per round and every round pays for every file.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { expandTemplate } from '../dist/arm/expand-template.js';
import { JsonDocument } from '../dist/arm/json-document.js';
import { BicepCompiler } from '../dist/bicep/compile/bicep-compiler.js';
import { CompileCache } from '../dist/bicep/compile/compile-cache.js';
import { emitTree } from '../dist/bicep/compile/emit-json.js';
import { loadBicepFile } from '../dist/bicep/load-bicep.js';
import { parseBicep } from '../dist/bicep/parse-bicep.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const ROUNDS = Number(process.env.AZREADY_BENCH_ROUNDS ?? 5);

/** Median wall time of `run` over the rounds (after one warm-up); `prepare` runs untimed before each. */
function measure(run, prepare = () => undefined) {
  run(prepare());
  const times = [];
  for (let r = 0; r < ROUNDS; r++) {
    const input = prepare();
    const t0 = performance.now();
    run(input);
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)];
}

export function benchBicepCorpus() {
  const corpus = path.resolve(root, '..', 'shared', 'corpus');
  const manifest = path.join(corpus, 'manifest.json');
  if (!existsSync(manifest)) {
    console.log(`bicep corpus: skipped — no shared corpus at ${corpus}`);
    return;
  }
  const entries = JSON.parse(readFileSync(manifest, 'utf8')).filter((e) => e.format === 'bicep' && e.json && !e.expectErrors);
  const files = entries.map((e) => ({ file: path.join(corpus, e.bicep), text: readFileSync(path.join(corpus, e.bicep), 'utf8'), jsonFile: path.join(corpus, e.json), json: readFileSync(path.join(corpus, e.json), 'utf8') }));
  const bytes = files.reduce((s, f) => s + Buffer.byteLength(f.text), 0);

  // What one round parses: the files not already compiled as a module of an earlier file, and
  // each module once.
  const parsed = [];
  const templates = [];
  const setup = new CompileCache();
  // The main files' texts are read before timing, and so are the files they call as modules: the
  // timed rounds read them from memory, as JSON.parse gets the official JSON already read.
  const texts = new Map();
  const inMemory = (file) => texts.get(file) ?? readFileSync(file, 'utf8');
  const readFile = (file) => {
    const text = readFileSync(file, 'utf8');
    texts.set(file, text);
    // Bicep modules (and files imported from); JSON modules are not lexed.
    if (/\.bicep$/i.test(file)) parsed.push({ file, text });
    return text;
  };
  for (const f of files) {
    if (!setup.compiled(f.file, f.text)) parsed.push(f);
    templates.push(new BicepCompiler({ cache: setup, readFile }).compileFile(f.file, f.text).template);
  }
  const mains = new Set(files.map((f) => f.file));
  const others = new Set(parsed.filter((f) => !mains.has(f.file)).map((f) => f.file)).size;

  const jsonMs = measure(() => {
    for (const f of files) JSON.parse(f.json);
  });
  const ms = measure(() => {
    const cache = new CompileCache();
    for (const f of files) loadBicepFile(f.file, { cache, readFile: inMemory }, f.text);
  });
  const parseMs = measure(() => {
    for (const f of parsed) parseBicep(f.file, f.text);
  });
  const compileMs = measure(() => {
    const cache = new CompileCache();
    for (const f of files) new BicepCompiler({ cache, readFile: inMemory }).compileFile(f.file, f.text);
  }) - parseMs;
  const treeMs = measure(() => {
    for (const t of templates) emitTree(t);
  });
  const expandMs = measure(
    (trees) => {
      for (let i = 0; i < files.length; i++) expandTemplate(JsonDocument.fromCompiledTree(files[i].file, trees[i].root, trees[i].spans), { origin: 'bicep' });
    },
    () => templates.map((t) => emitTree(t)),
  );
  // The same expander over the official JSON (parsed before timing): what expansion costs whatever
  // front end produced the template, so what of the target is left for lexing, parsing and compiling.
  const officialDocs = files.map((f) => JsonDocument.parse(f.jsonFile, f.json).doc);
  const officialExpandMs = measure(() => {
    for (const doc of officialDocs) expandTemplate(doc, { origin: 'bicep' });
  });
  const ratio = (x) => `${(x / jsonMs).toFixed(1)}×`;
  console.log(`bicep corpus: ${files.length} files, ${(bytes / 1e6).toFixed(1)} MB of Bicep and ${others} more Bicep files they call as modules or import from; a round parses ${parsed.length} files, as a folder scan does: each module is compiled once per round through the scan cache, and a file compiled as a module before its turn is not compiled again; all files are read before timing`);
  console.log(`  lex+parse+compile+expand ${(files.length / (ms / 1000)).toFixed(0)} files/s, ${(bytes / 1e6 / (ms / 1000)).toFixed(1)} MB/s (${ms.toFixed(0)} ms); JSON.parse of the official JSON ${jsonMs.toFixed(0)} ms; ratio ${ratio(ms)} (target ≤ 3×)`);
  console.log(`  by stage (ms, ratio to JSON.parse): lex+parse ${parseMs.toFixed(0)} (${ratio(parseMs)}), compile ${compileMs.toFixed(0)} (${ratio(compileMs)}), tree ${treeMs.toFixed(0)} (${ratio(treeMs)}), expand ${expandMs.toFixed(0)} (${ratio(expandMs)})`);
  console.log(`  for reference: expanding the official JSON itself (already parsed) ${officialExpandMs.toFixed(0)} ms (${ratio(officialExpandMs)})`);

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
