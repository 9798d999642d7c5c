// azready.yaml: found upward from the working folder (or given with --config), validated with a
// JSON Schema, with every path resolved against the file's folder. Errors name file:line:column.
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { diagnostic, type Diagnostic } from '../core/diagnostic.js';
import type { SourceRange } from '../core/source-range.js';
import { loadValidatedYaml } from '../core/validated-yaml.js';
import type { FailOn } from '../gate.js';
import type { Severity } from '../rules/rule.js';
import { CONFIG_SCHEMA } from './config-schema.js';

export const CONFIG_FILE_NAMES = ['azready.yaml', 'azready.yml'];

/** One `suppressions:` entry, with where it is written. */
export interface ConfigSuppression {
  rule: string;
  resource?: string;
  /** Glob on the parameters file a template result was evaluated with. */
  parameters?: string;
  reason: string;
  expires?: string;
  location: SourceRange;
}

export interface ProjectConfig {
  file: string;
  /** The folder every relative path in the file is resolved against. */
  dir: string;
  /** A bundled profile name, or a profile file resolved against `dir`. */
  profile?: string;
  /** Globs relative to `dir` that folder scans keep or drop. */
  include: string[];
  exclude: string[];
  /** Template path or glob (relative to `dir`) → parameters file (resolved). */
  parameters: { template: string; file: string }[];
  /** Extra rule pack folders, resolved. */
  rules: string[];
  /** Per-rule settings; `location` is where azready.yaml writes the rule id. */
  overrides: Record<string, { disabled?: boolean; severity?: Severity; location?: SourceRange }>;
  suppressions: ConfigSuppression[];
  failOn?: FailOn;
  minScore?: number;
}

interface RawConfig {
  profile?: string;
  include?: string[];
  exclude?: string[];
  parameters?: Record<string, string>;
  rules?: string[];
  overrides?: Record<string, { disabled?: boolean; severity?: Severity }>;
  suppressions?: { rule: string; resource?: string; parameters?: string; reason: string; expires?: string }[];
  failOn?: FailOn;
  minScore?: number;
}

/** The nearest azready.yaml (or .yml) in `from` or a folder above it. */
export function findProjectConfig(from: string): string | undefined {
  let dir = path.resolve(from);
  for (;;) {
    for (const name of CONFIG_FILE_NAMES) {
      const file = path.join(dir, name);
      if (existsSync(file) && statSync(file).isFile()) return file;
    }
    const up = path.dirname(dir);
    if (up === dir) return undefined;
    dir = up;
  }
}

export function loadProjectConfig(file: string): { config?: ProjectConfig; diagnostics: Diagnostic[] } {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    return { diagnostics: [diagnostic('config/unreadable', 'error', `${file}: cannot read the configuration (${(e as NodeJS.ErrnoException).code ?? 'error'})`)] };
  }
  const loaded = loadValidatedYaml<RawConfig | null>(file, text, CONFIG_SCHEMA, 'config');
  if (!('value' in loaded) || loaded.diagnostics.length) return { diagnostics: loaded.diagnostics };
  const raw = loaded.value ?? {};
  const dir = path.dirname(path.resolve(file));
  const diagnostics: Diagnostic[] = [];
  const suppressions: ConfigSuppression[] = [];
  (raw.suppressions ?? []).forEach((s, i) => {
    if (!s.reason.trim()) {
      diagnostics.push(diagnostic('config/suppression-reason', 'error', `suppressions.${i} needs a reason: say why the finding is accepted (a ticket, an owner)`, loaded.locate(['suppressions', i, 'reason'])));
      return;
    }
    if (s.expires !== undefined && !isDate(s.expires)) {
      diagnostics.push(diagnostic('config/suppression-expires', 'error', `suppressions.${i}.expires must be a date written YYYY-MM-DD`, loaded.locate(['suppressions', i, 'expires'])));
      return;
    }
    suppressions.push({ rule: s.rule, ...(s.resource ? { resource: s.resource } : {}), ...(s.parameters ? { parameters: s.parameters } : {}), reason: s.reason.trim(), ...(s.expires ? { expires: s.expires } : {}), location: loaded.locate(['suppressions', i]) });
  });
  const resolve = (p: string) => path.resolve(dir, p);
  const config: ProjectConfig = {
    file,
    dir,
    ...(raw.profile ? { profile: /[/\\]|\.ya?ml$/i.test(raw.profile) ? resolve(raw.profile) : raw.profile } : {}),
    include: raw.include ?? [],
    exclude: raw.exclude ?? [],
    parameters: Object.entries(raw.parameters ?? {}).map(([template, params]) => ({ template, file: resolve(params) })),
    rules: (raw.rules ?? []).map(resolve),
    overrides: Object.fromEntries(Object.entries(raw.overrides ?? {}).map(([id, o]) => [id, { ...o, location: loaded.locate(['overrides', id]) }])),
    suppressions,
    ...(raw.failOn ? { failOn: raw.failOn } : {}),
    ...(raw.minScore !== undefined ? { minScore: raw.minScore } : {}),
  };
  return diagnostics.length ? { diagnostics } : { config, diagnostics };
}

function isDate(s: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(s);
}
