// A longer seeded fuzz run than the test suite's: corpus files truncated, with tokens deleted or
// duplicated and random bytes written over them, through the whole Bicep pipeline (parse,
// compile, expand). No exception may escape; every run must end with diagnostics or resources.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { loadBicepFile } from '../dist/bicep/load-bicep.js';

function prng(seed) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function mutate(text, rnd) {
  const pos = Math.floor(rnd() * text.length);
  const len = 1 + Math.floor(rnd() * 12);
  switch (Math.floor(rnd() * 4)) {
    case 0:
      return text.slice(0, pos);
    case 1:
      return text.slice(0, pos) + text.slice(pos + len);
    case 2:
      return text.slice(0, pos) + text.slice(pos, pos + len) + text.slice(pos);
    default: {
      const bytes = Array.from({ length: len }, () => String.fromCharCode(Math.floor(rnd() * 128)));
      return text.slice(0, pos) + bytes.join('') + text.slice(pos + len);
    }
  }
}

export function benchBicepFuzz(iterations = Number(process.env.AZREADY_FUZZ_ITERATIONS ?? 5000), seed = 20261127) {
  const corpus = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'shared', 'corpus');
  const manifest = path.join(corpus, 'manifest.json');
  if (!existsSync(manifest)) {
    console.log('bicep fuzz: skipped — no shared corpus');
    return;
  }
  const files = JSON.parse(readFileSync(manifest, 'utf8')).filter((e) => e.format === 'bicep').map((e) => path.join(corpus, e.bicep));
  const rnd = prng(seed);
  let failures = 0;
  const t0 = performance.now();
  for (let i = 0; i < iterations; i++) {
    const file = files[Math.floor(rnd() * files.length)];
    let text = readFileSync(file, 'utf8');
    const rounds = 1 + Math.floor(rnd() * 3);
    for (let r = 0; r < rounds; r++) text = mutate(text, rnd);
    try {
      const out = loadBicepFile(file, {}, text);
      if (!Array.isArray(out.diagnostics) || !Array.isArray(out.resources)) throw new Error('no result');
    } catch (e) {
      failures++;
      if (failures <= 5) console.log(`  fuzz failure #${i} on ${path.relative(corpus, file)}: ${e instanceof Error ? e.stack?.split('\n').slice(0, 3).join(' ') : e}`);
    }
  }
  const s = (performance.now() - t0) / 1000;
  console.log(`bicep fuzz: ${iterations} mutated files through parse+compile+expand in ${s.toFixed(1)} s (seed ${seed}): ${failures} exceptions`);
}
