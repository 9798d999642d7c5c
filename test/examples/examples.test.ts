// reports/examples/ must be what `npm run examples` writes today: regenerate into a temporary folder
// (with the built CLI code) and compare file by file.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../cli/run-cli.js';

const COMMITTED = path.join(ROOT, 'reports', 'examples');

function files(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => statSync(path.join(dir, f)).isFile())
    .map((f) => f.split(path.sep).join('/'))
    .sort();
}

describe('reports/examples', () => {
  it('are up to date with the examples and the formatters (npm run examples regenerates them)', () => {
    const out = mkdtempSync(path.join(tmpdir(), 'azready-examples-'));
    const run = spawnSync(process.execPath, [path.join(ROOT, 'scripts', 'generate-examples.js'), '--out', out], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
    expect(run.status, run.stderr).toBe(0);
    const generated = files(out);
    expect(generated).toContain('quickstart/azready.json');
    expect(files(COMMITTED), 'the example reports differ in files; run npm run examples').toEqual(generated);
    const stale = generated.filter((f) => readFileSync(path.join(out, f), 'utf8') !== readFileSync(path.join(COMMITTED, f), 'utf8'));
    expect(stale, 'stale example reports; run npm run examples').toEqual([]);
    // Every format is there for every example.
    for (const dir of new Set(generated.map((f) => path.posix.dirname(f)))) {
      expect(generated.filter((f) => path.posix.dirname(f) === dir).map((f) => path.posix.basename(f))).toEqual(['azready.csv', 'azready.html', 'azready.json', 'azready.md', 'azready.sarif', 'azready.xml']);
    }
  });
});
