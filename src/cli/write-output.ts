// Writes command output to stdout or to the file `--output` names (creating its folder). A file
// that cannot be written is an error value with a plain reason: the command exits 2 with it, not
// with a stack trace and exit code 1, which CI would read as a failed gate.
import { mkdirSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ignoreClosedPipe } from './ignore-closed-pipe.js';

export type WriteOutcome = { ok: true } | { ok: false; message: string };

export function writeOutput(text: string, output?: string): WriteOutcome {
  if (!output || output === '-') {
    ignoreClosedPipe();
    process.stdout.write(text);
    return { ok: true };
  }
  if (/[\\/]$/.test(output)) return { ok: false, message: `cannot write ${output}: it names a folder; give a file name` };
  const folder = path.dirname(path.resolve(output));
  try {
    mkdirSync(folder, { recursive: true });
  } catch (e) {
    return { ok: false, message: `cannot write ${output}: ${reason(e, path.dirname(output), 'folder')}` };
  }
  try {
    writeFileSync(output, text);
  } catch (e) {
    return { ok: false, message: `cannot write ${output}: ${reason(e, path.dirname(output), 'file')}` };
  }
  return { ok: true };
}

/**
 * Checks, before a long run, that `file` can be written later: its folder exists or is created,
 * and it is not a folder itself (an audit's --save-snapshot is written at the end).
 */
export function prepareOutputFile(file: string): WriteOutcome {
  if (/[\\/]$/.test(file)) return { ok: false, message: `cannot write ${file}: it names a folder; give a file name` };
  try {
    mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  } catch (e) {
    return { ok: false, message: `cannot write ${file}: ${reason(e, path.dirname(file), 'folder')}` };
  }
  if (statSync(file, { throwIfNoEntry: false })?.isDirectory()) return { ok: false, message: `cannot write ${file}: it is a folder; give a file name` };
  return { ok: true };
}

/** Creates the folder a command writes into (`policy pull --output DIR`), or says why it cannot. */
export function prepareOutputFolder(dir: string): WriteOutcome {
  try {
    mkdirSync(dir, { recursive: true });
  } catch (e) {
    return { ok: false, message: `cannot write into ${dir}: ${reason(e, dir, 'folder')}` };
  }
  return { ok: true };
}

function reason(e: unknown, folder: string, creating: 'folder' | 'file'): string {
  const code = (e as NodeJS.ErrnoException).code;
  switch (code) {
    case 'EACCES':
    case 'EPERM':
    case 'EROFS':
      return `permission denied (${code})`;
    case 'EISDIR':
      return 'it is a folder; give a file name';
    case 'EEXIST':
    case 'ENOTDIR':
      return `${folder} (or a folder above it) is a file, not a folder (${code})`;
    case 'ENOENT':
      return `${creating === 'folder' ? 'its folder' : 'the file'} cannot be created there (${code})`;
    case 'ENOSPC':
      return 'no space left on the device (ENOSPC)';
    default:
      return e instanceof Error ? e.message : String(e);
  }
}

/** Prints a failed write (`azready: cannot write …`) and sets exit code 2; true when it failed. */
export function writeFailed(outcome: WriteOutcome): boolean {
  if (outcome.ok) return false;
  process.stderr.write(`azready: ${outcome.message}\n`);
  process.exitCode = 2;
  return true;
}
