import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { walkPaths } from '../../src/discover/walk-paths.js';

function tree(files: Record<string, string>): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'azready-walk-'));
  for (const [rel, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    writeFileSync(path.join(dir, rel), text);
  }
  return dir;
}

describe('walkPaths', () => {
  it('finds template candidates and skips node_modules, .git and gitignored files', () => {
    const dir = tree({
      'infra/main.json': '{}',
      'infra/main.bicep': '',
      'infra/readme.md': '',
      'node_modules/x/t.json': '{}',
      '.git/config.json': '{}',
      'build/out.json': '{}',
      'infra/secret.local.json': '{}',
      '.gitignore': 'build/\n*.local.json\n',
    });
    const { files, diagnostics } = walkPaths([dir]);
    expect(diagnostics).toEqual([]);
    expect(files.map((f) => path.relative(dir, f.path))).toEqual(['infra/main.bicep', 'infra/main.json']);
    expect(files.every((f) => !f.explicit)).toBe(true);
  });

  it('honours a .gitignore above the walked folder', () => {
    const dir = tree({ '.gitignore': 'generated.json\n', 'sub/generated.json': '{}', 'sub/kept.json': '{}' });
    mkdirSync(path.join(dir, '.git'));
    expect(walkPaths([path.join(dir, 'sub')]).files.map((f) => path.basename(f.path))).toEqual(['kept.json']);
  });

  it('takes named files as given, once, and reports missing paths', () => {
    const dir = tree({ 'a.json': '{}' });
    const a = path.join(dir, 'a.json');
    const { files, diagnostics } = walkPaths([a, a, path.join(dir, 'missing.json')]);
    expect(files).toEqual([{ path: a, explicit: true }]);
    expect(diagnostics[0]).toMatchObject({ code: 'input/not-found', severity: 'error' });
  });
});
