// Locates the shared oracle corpus (../shared/corpus next to the repository) for Bicep parser tests.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const CORPUS_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '../../../shared/corpus');

export interface CorpusEntry {
  bicep: string;
  kind: 'baseline' | 'avm' | 'avm-test';
  expectErrors: boolean;
  format: 'bicep' | 'bicepparam';
  diagnostics?: string;
}

/** The manifest entries, or undefined when the corpus is not checked out beside the repository. */
export function loadCorpus(): CorpusEntry[] | undefined {
  const manifest = join(CORPUS_DIR, 'manifest.json');
  if (!existsSync(manifest)) return undefined;
  return JSON.parse(readFileSync(manifest, 'utf8')) as CorpusEntry[];
}

export function readCorpusFile(relative: string): string {
  return readFileSync(join(CORPUS_DIR, relative), 'utf8');
}
