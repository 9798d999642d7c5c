// Paths as the file-based formats print them: relative to the working directory, with forward
// slashes, so a report reads the same on every machine and links resolve inside the repository.
import path from 'node:path';

/** `file` relative to `cwd` with `/` separators; unchanged when it lies outside `cwd` or no `cwd` is given. */
export function relativePath(file: string, cwd?: string): string {
  let p = file;
  if (cwd && path.isAbsolute(file)) {
    const r = path.relative(cwd, file);
    if (r && !r.startsWith('..') && !path.isAbsolute(r)) p = r;
  }
  return p.split(path.sep).join('/');
}

/** A result's parameters file(s) (`a.bicepparam, b.json`), each relative to `cwd` as file paths are printed. */
export function relativeParameters(parameters: string, cwd?: string): string {
  return parameters
    .split(', ')
    .map((f) => relativePath(f, cwd))
    .join(', ');
}
