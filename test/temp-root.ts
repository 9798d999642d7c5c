// Vitest global setup: every temporary folder a test makes (they all go through os.tmpdir()) is
// created under one folder for the run, removed when the run ends. Without it each run left a few
// hundred folders behind in the system's temporary directory.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

export default function setup(): () => void {
  const root = mkdtempSync(path.join(tmpdir(), 'azready-tests-'));
  const previous = process.env.TMPDIR;
  // Workers and the CLI processes tests spawn inherit the environment, and os.tmpdir() reads it.
  process.env.TMPDIR = root;
  return () => {
    if (previous === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = previous;
    rmSync(root, { recursive: true, force: true });
  };
}
