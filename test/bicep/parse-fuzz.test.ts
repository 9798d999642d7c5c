// Seeded fuzzing of the Bicep front end: truncations, deleted and duplicated tokens and random bytes over
// ~50 corpus files (or the fixtures when the corpus is absent). No exception may escape, every run returns
// a tree, every node span stays inside the text, and the line map matches one built by scanning the text.
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseBicep } from '../../src/bicep/parse-bicep.js';
import { lex } from '../../src/bicep/syntax/lexer.js';
import { LineMap } from '../../src/core/line-map.js';
import { loadCorpus, readCorpusFile } from './corpus.js';

/** mulberry32: a tiny deterministic PRNG. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const NOISE = ["'", "'''", '${', '}', '{', '[', '(', ')', ']', '\n', '\r\n', '\r', '#', '@', '\\', '$', '/*', '//', '::', '.?', '=>', '?', '\u00e9', '\ud83d\ude00', '\u0000', '\ufeff'];

function mutate(text: string, random: () => number): string {
  const pick = (n: number) => Math.floor(random() * n);
  const tokens = lex(text).tokens;
  const token = tokens[pick(tokens.length)];
  switch (pick(5)) {
    case 0: // truncate
      return text.slice(0, pick(text.length + 1));
    case 1: // delete a token
      return text.slice(0, token.start) + text.slice(token.end);
    case 2: // duplicate a token
      return text.slice(0, token.end) + text.slice(token.start, token.end) + text.slice(token.end);
    case 3: {
      // random bytes and syntax noise
      let out = text;
      for (let i = 0, n = 1 + pick(4); i < n; i++) {
        const at = pick(out.length + 1);
        const noise = random() < 0.6 ? NOISE[pick(NOISE.length)] : String.fromCharCode(pick(0x7f));
        out = out.slice(0, at) + noise + out.slice(at);
      }
      return out;
    }
    default: {
      // swap two tokens
      const other = tokens[pick(tokens.length)];
      const [a, b] = token.start <= other.start ? [token, other] : [other, token];
      if (a.end > b.start) return text;
      return text.slice(0, a.start) + text.slice(b.start, b.end) + text.slice(a.end, b.start) + text.slice(a.start, a.end) + text.slice(b.end);
    }
  }
}

/** The first node whose span is empty-negative or leaves the text, described; undefined when all are fine. */
function badSpan(node: unknown, length: number): string | undefined {
  if (typeof node !== 'object' || node === null) return undefined;
  const n = node as { kind?: unknown; start?: unknown; end?: unknown };
  if (typeof n.start === 'number' && typeof n.end === 'number' && (n.start < 0 || n.end > length || n.start > n.end)) {
    return `${String(n.kind)} ${n.start}-${n.end}`;
  }
  for (const v of Object.values(node)) {
    const bad = badSpan(v, length);
    if (bad) return bad;
  }
  return undefined;
}

/**
 * The first line end where the tree's LineMap (built from the lexer's line starts) disagrees with one built
 * by scanning the text; undefined when they agree.
 */
function lineMapMismatch(text: string, lineMap: LineMap): string | undefined {
  const reference = new LineMap(text);
  for (let i = 0; i <= text.length; i++) {
    const c = text.charCodeAt(i - 1);
    if (i > 0 && c !== 10 && c !== 13) continue;
    const got = lineMap.position(i);
    const want = reference.position(i);
    if (got.line !== want.line || got.column !== want.column) return `offset ${i}: ${got.line}:${got.column}, expected ${want.line}:${want.column}`;
  }
  return undefined;
}

function samples(): { name: string; text: string }[] {
  const corpus = loadCorpus();
  if (corpus) {
    const step = Math.max(1, Math.floor(corpus.length / 50));
    return corpus.filter((_, i) => i % step === 0).slice(0, 50).map((e) => ({ name: e.bicep, text: readCorpusFile(e.bicep) }));
  }
  const dir = path.join(path.dirname(fileURLToPath(import.meta.url)), '../fixtures/bicep');
  return readdirSync(dir)
    .filter((f) => /\.bicep(param)?$/.test(f))
    .map((f) => ({ name: f, text: readFileSync(path.join(dir, f), 'utf8') }));
}

/** More mutations per file for a longer local run, e.g. AZREADY_FUZZ_ITERATIONS=500. */
const ITERATIONS = Number(process.env.AZREADY_FUZZ_ITERATIONS ?? 20);

describe('Bicep parser fuzzing', () => {
  it('survives hostile nesting without exhausting the stack', () => {
    for (const open of ['[', '(', '{a:', "'${", 'a ? ', '-']) {
      const tree = parseBicep('deep.bicep', `var x = ${open.repeat(20_000)}`);
      expect(tree.diagnostics.length).toBeGreaterThan(0);
    }
    const types = parseBicep('deep.bicep', `type t = ${'('.repeat(20_000)}`);
    expect(types.diagnostics).toMatchObject([{ code: 'bicep/nesting-too-deep' }]);
    // Long operator and postfix chains deepen the tree as much as nesting does.
    for (const text of [`var x = 1${'+1'.repeat(50_000)}`, `var x = a${'.b'.repeat(50_000)}`, `type t = a${'[]'.repeat(50_000)}`]) {
      expect(parseBicep('long.bicep', text).diagnostics).toMatchObject([{ code: 'bicep/nesting-too-deep' }]);
    }
  });

  it(`survives ${ITERATIONS} seeded mutations of each sample file`, { timeout: 600_000 }, () => {
    const random = prng(Number(process.env.AZREADY_FUZZ_SEED ?? 20261127));
    const failures: string[] = [];
    let runs = 0;
    for (const { name, text } of samples()) {
      for (let i = 0; i < ITERATIONS; i++) {
        let mutated = mutate(text, random);
        if (random() < 0.3) mutated = mutate(mutated, random);
        runs++;
        try {
          const tree = parseBicep(name, mutated);
          const bad = Array.isArray(tree.statements) ? badSpan(tree.statements, mutated.length) : 'no statements';
          if (bad) failures.push(`${name} #${i}: bad tree (${bad}) in ${JSON.stringify(mutated.slice(0, 300))}`);
          const lines = lineMapMismatch(tree.text, tree.lineMap);
          if (lines) failures.push(`${name} #${i}: line map differs (${lines}) in ${JSON.stringify(mutated.slice(0, 300))}`);
        } catch (e) {
          failures.push(`${name} #${i}: ${(e as Error).stack ?? String(e)}`);
        }
      }
    }
    console.log(`Bicep fuzz: ${runs} mutated files parsed, ${failures.length} failures.`);
    expect(failures).toEqual([]);
  });
});
