import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { isFile, isFolder, jsonFilesUnder } from '../../src/core/file-system.js';

describe('file-system', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'azready-fs-'));
  mkdirSync(path.join(dir, 'b'));
  mkdirSync(path.join(dir, '.hidden'));
  mkdirSync(path.join(dir, 'node_modules'));
  for (const f of ['b/two.JSON', 'a.json', 'notes.txt', '.hidden/x.json', 'node_modules/y.json']) writeFileSync(path.join(dir, f), '{}');

  it('lists the JSON files of a folder and its subfolders in name order, skipping hidden folders and node_modules', () => {
    expect(jsonFilesUnder(dir).map((f) => path.relative(dir, f))).toEqual(['a.json', path.join('b', 'two.JSON')]);
  });

  it('tells files from folders, and a missing path from both', () => {
    expect([isFile(path.join(dir, 'a.json')), isFolder(path.join(dir, 'a.json'))]).toEqual([true, false]);
    expect([isFile(path.join(dir, 'b')), isFolder(path.join(dir, 'b'))]).toEqual([false, true]);
    expect([isFile(path.join(dir, 'none')), isFolder(path.join(dir, 'none'))]).toEqual([false, false]);
  });
});
