// Small questions about the file system that several commands ask: is this path a file or a
// folder, and which JSON files does a folder hold.
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';

export function isFile(p: string): boolean {
  try {
    return statSync(p).isFile();
  } catch {
    return false;
  }
}

export function isFolder(p: string): boolean {
  try {
    return statSync(p).isDirectory();
  } catch {
    return false;
  }
}

/** The .json files of a folder and its subfolders, in name order; hidden folders and node_modules are skipped. */
export function jsonFilesUnder(folder: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(folder, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    if (entry.name === 'node_modules' || entry.name.startsWith('.')) continue;
    const full = path.join(folder, entry.name);
    if (entry.isDirectory()) out.push(...jsonFilesUnder(full));
    else if (entry.name.toLowerCase().endsWith('.json')) out.push(full);
  }
  return out;
}
