import { mkdtempSync, readFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from './run-cli.js';

describe('azready rules docs', () => {
  it('writes one page per rule and an index, each with the failing example run through the engine', () => {
    const out = mkdtempSync(path.join(tmpdir(), 'azready-docs-'));
    const r = runCli(['rules', 'docs', '--output', out]);
    expect(r.status).toBe(0);
    const page = readFileSync(path.join(out, 'storage', 'min-tls.md'), 'utf8');
    expect(page).toContain('# storage/min-tls');
    expect(page).toContain('## Why it matters');
    expect(page).toContain('## Example that fails');
    expect(page).toMatch(/- \*\*fail\*\* \S+ \(fail[^)]*:\d+:\d+\): /);
    const index = readFileSync(path.join(out, 'README.md'), 'utf8');
    expect(index).toContain('[storage/min-tls](storage/min-tls.md)');
  });

  it('says when pages are stale with --check', () => {
    const out = mkdtempSync(path.join(tmpdir(), 'azready-docs-'));
    const r = runCli(['rules', 'docs', '--output', out, '--check']);
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(/page\(s\) are stale/);
    expect(existsSync(path.join(out, 'README.md'))).toBe(false);
  });
});
