import { mkdirSync, mkdtempSync, realpathSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { relativePath } from '../../src/formatters/relative-path.js';

describe('relativePath', () => {
  it('makes paths under the working directory relative, with / separators', () => {
    expect(relativePath(path.join('/repo', 'infra', 'main.bicep'), '/repo')).toBe('infra/main.bicep');
    expect(relativePath('/elsewhere/main.bicep', '/repo')).toBe('/elsewhere/main.bicep');
  });

  it('sees through a symbolic link to the working directory (a scan of /tmp/x where /tmp/x is a link)', () => {
    const root = realpathSync(mkdtempSync(path.join(tmpdir(), 'azready-relpath-')));
    const real = path.join(root, 'repo');
    mkdirSync(path.join(real, 'infra'), { recursive: true });
    const link = path.join(root, 'link');
    symlinkSync(real, link);
    expect(relativePath(path.join(link, 'infra', 'main.bicep'), real)).toBe('infra/main.bicep');
  });
});
