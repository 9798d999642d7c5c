// Where the installed package lives, so the bundled rules/, profiles/ and reports/schema/ are
// found from both src/ (tests) and dist/ (the CLI).
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

let cached: string | undefined;

export function packageRoot(): string {
  if (cached) return cached;
  let dir = path.dirname(fileURLToPath(import.meta.url));
  while (!existsSync(path.join(dir, 'package.json'))) {
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error('azready: cannot find its package.json');
    dir = parent;
  }
  cached = dir;
  return dir;
}
