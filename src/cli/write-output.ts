// Writes command output to stdout or to the file `--output` names (creating its folder).
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export function writeOutput(text: string, output?: string): void {
  if (!output || output === '-') {
    process.stdout.write(text);
    return;
  }
  mkdirSync(path.dirname(path.resolve(output)), { recursive: true });
  writeFileSync(output, text);
}
