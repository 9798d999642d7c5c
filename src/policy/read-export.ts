// Writes and reads the folder `azready policy export` produces: definitions/<name>.json,
// initiatives/<name>.json (the built-in file shape) and not-exportable.json.
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { ExportResult, PolicyFile } from './export-rules.js';

export function writeExport(result: ExportResult, dir: string): string[] {
  const files: string[] = [];
  const put = (rel: string, data: unknown) => {
    const file = path.join(dir, rel);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, JSON.stringify(data, null, 2) + '\n');
    files.push(file);
  };
  for (const d of result.definitions) put(`definitions/${d.name}.json`, d);
  put(`initiatives/${result.initiative.name}.json`, result.initiative);
  put('not-exportable.json', result.notExportable);
  return files;
}

export function loadPolicyFiles(dir: string): { definitions: PolicyFile[]; initiatives: PolicyFile[] } {
  const read = (sub: string) => {
    const d = path.join(dir, sub);
    if (!existsSync(d)) return [];
    return readdirSync(d).filter((f) => f.endsWith('.json')).sort().map((f) => JSON.parse(readFileSync(path.join(d, f), 'utf8')) as PolicyFile);
  };
  return { definitions: read('definitions'), initiatives: read('initiatives') };
}
