// Paths as the file-based formats print them: relative to the working directory, with forward
// slashes, so a report reads the same on every machine and links resolve inside the repository.
import { realpathSync } from 'node:fs';
import path from 'node:path';

/** `file` relative to `cwd` with `/` separators; unchanged when it lies outside `cwd` or no `cwd` is given. */
export function relativePath(file: string, cwd?: string): string {
  let p = file;
  if (cwd && path.isAbsolute(file)) {
    const r = inside(cwd, file) ?? inside(realDir(cwd), path.join(realDir(path.dirname(file)), path.basename(file)));
    if (r) p = r;
  }
  return p.split(path.sep).join('/');
}

function inside(cwd: string, file: string): string | undefined {
  const r = path.relative(cwd, file);
  return r && !r.startsWith('..') && !path.isAbsolute(r) ? r : undefined;
}

/**
 * A folder's path with symbolic links resolved, once per folder: a scan given `/tmp/x` (a link, or
 * macOS's /tmp) runs in the resolved working directory, and its findings must still be relative.
 */
const realDirs = new Map<string, string>();

function realDir(dir: string): string {
  let real = realDirs.get(dir);
  if (real === undefined) {
    try {
      real = realpathSync(dir);
    } catch {
      real = dir;
    }
    realDirs.set(dir, real);
  }
  return real;
}

/** A result's parameters file(s) (`a.bicepparam, b.json`), each relative to `cwd` as file paths are printed. */
export function relativeParameters(parameters: string, cwd?: string): string {
  return parameters
    .split(', ')
    .map((f) => relativePath(f, cwd))
    .join(', ');
}
