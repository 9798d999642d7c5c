// Golden files: compared byte for byte, rewritten when AZREADY_UPDATE_GOLDEN=1 (review the diff).
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';

const DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), 'golden');

export function expectGolden(name: string, actual: string): void {
  const file = path.join(DIR, name);
  if (process.env.AZREADY_UPDATE_GOLDEN === '1') {
    mkdirSync(DIR, { recursive: true });
    writeFileSync(file, actual);
    return;
  }
  if (!existsSync(file)) throw new Error(`missing golden file ${path.relative(process.cwd(), file)}; run with AZREADY_UPDATE_GOLDEN=1 to create it`);
  expect(actual, `differs from golden/${name} (AZREADY_UPDATE_GOLDEN=1 rewrites it)`).toBe(readFileSync(file, 'utf8'));
}
