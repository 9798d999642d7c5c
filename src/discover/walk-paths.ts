// Expands the paths a user gave into candidate files: folders are walked (skipping node_modules,
// .git and what .gitignore files exclude), files are taken as given.
import { readdirSync, readFileSync, statSync, existsSync } from 'node:fs';
import path from 'node:path';
import ignore, { type Ignore } from 'ignore';
import { diagnostic, type Diagnostic } from '../core/diagnostic.js';

const CANDIDATE = /\.(json|jsonc|bicep|bicepparam|csv)$/i;
const ALWAYS_SKIPPED = new Set(['node_modules', '.git']);

export interface WalkResult {
  /** Files named explicitly or found in folders, sorted for stable output. */
  files: { path: string; explicit: boolean }[];
  diagnostics: Diagnostic[];
}

interface IgnoreLayer {
  base: string;
  rules: Ignore;
}

export function walkPaths(inputs: string[]): WalkResult {
  const files: WalkResult['files'] = [];
  const diagnostics: Diagnostic[] = [];
  const seen = new Set<string>();
  for (const input of inputs) {
    if (!existsSync(input)) {
      diagnostics.push(diagnostic('input/not-found', 'error', `${input}: no such file or folder; check the path`));
      continue;
    }
    const stat = statSync(input);
    if (stat.isFile()) {
      const abs = path.resolve(input);
      if (!seen.has(abs)) files.push({ path: input, explicit: true });
      seen.add(abs);
    } else if (stat.isDirectory()) {
      const found: string[] = [];
      walk(input, ancestorsIgnore(input), found);
      for (const f of found.sort()) {
        const abs = path.resolve(f);
        if (!seen.has(abs)) files.push({ path: f, explicit: false });
        seen.add(abs);
      }
    }
  }
  return { files, diagnostics };
}

function walk(dir: string, layers: IgnoreLayer[], out: string[]): void {
  const own = readIgnore(dir);
  const active = own ? [...layers, own] : layers;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (ALWAYS_SKIPPED.has(entry.name)) continue;
    const full = path.join(dir, entry.name);
    if (isIgnored(active, full, entry.isDirectory())) continue;
    if (entry.isDirectory()) walk(full, active, out);
    else if (entry.isFile() && CANDIDATE.test(entry.name)) out.push(full);
  }
}

function readIgnore(dir: string): IgnoreLayer | undefined {
  const file = path.join(dir, '.gitignore');
  if (!existsSync(file)) return undefined;
  return { base: path.resolve(dir), rules: ignore().add(readFileSync(file, 'utf8')) };
}

/** .gitignore files above the walked folder, up to the repository root, also apply. */
function ancestorsIgnore(dir: string): IgnoreLayer[] {
  const layers: IgnoreLayer[] = [];
  let current = path.resolve(dir);
  for (;;) {
    const parent = path.dirname(current);
    if (parent === current) break;
    current = parent;
    const layer = readIgnore(current);
    if (layer) layers.unshift(layer);
    if (existsSync(path.join(current, '.git'))) break;
  }
  return layers;
}

function isIgnored(layers: IgnoreLayer[], full: string, isDir: boolean): boolean {
  const abs = path.resolve(full);
  for (const l of layers) {
    const rel = path.relative(l.base, abs);
    if (!rel || rel.startsWith('..')) continue;
    const p = rel.split(path.sep).join('/') + (isDir ? '/' : '');
    if (l.rules.ignores(p)) return true;
  }
  return false;
}
