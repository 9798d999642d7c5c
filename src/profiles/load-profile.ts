// Loads a profile by bundled name or by file path, resolving `extends` (cycles reported), and
// selects the rules it applies.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { diagnostic, type Diagnostic } from '../core/diagnostic.js';
import { packageRoot } from '../core/package-root.js';
import { loadValidatedYaml } from '../core/validated-yaml.js';
import type { Rule } from '../rules/rule.js';
import { PILLARS } from '../rules/rule.js';
import { DEFAULT_SEVERITY_WEIGHTS, type Level, type Profile } from './profile.js';
import { profileSchema } from './profile-schema.js';

type ProfileFile = Partial<Omit<Profile, 'extends' | 'file'>> & { name: string; title: string; description: string; extends?: string | string[] };

const DEFAULT_LEVELS: Level[] = [
  { name: 'ready', minScore: 85 },
  { name: 'nearly-ready', minScore: 70 },
  { name: 'needs-work', minScore: 50 },
  { name: 'not-ready', minScore: 0 },
];

export function builtinProfilesDir(): string {
  return path.join(packageRoot(), 'profiles');
}

export function listProfileFiles(): string[] {
  const dir = builtinProfilesDir();
  if (!existsSync(dir)) return [];
  return readdirSync(dir).filter((f) => /\.ya?ml$/.test(f)).sort().map((f) => path.join(dir, f));
}

/** `nameOrFile` is a bundled profile name (`baseline`) or a path to a YAML file. */
export function loadProfile(nameOrFile: string): { profile?: Profile; diagnostics: Diagnostic[] } {
  return load(nameOrFile, []);
}

function resolveFile(nameOrFile: string): string | undefined {
  if (/\.ya?ml$/i.test(nameOrFile) || nameOrFile.includes('/') || nameOrFile.includes(path.sep)) return existsSync(nameOrFile) ? nameOrFile : undefined;
  for (const ext of ['.yaml', '.yml']) {
    const f = path.join(builtinProfilesDir(), nameOrFile + ext);
    if (existsSync(f)) return f;
  }
  return undefined;
}

function load(nameOrFile: string, chain: string[]): { profile?: Profile; diagnostics: Diagnostic[] } {
  const file = resolveFile(nameOrFile);
  if (!file) {
    const known = listProfileFiles().map((f) => path.basename(f).replace(/\.ya?ml$/, ''));
    return { diagnostics: [diagnostic('profiles/not-found', 'error', `no profile '${nameOrFile}'; use one of ${known.join(', ') || '(none bundled)'} or a path to a profile YAML file`)] };
  }
  const key = path.resolve(file);
  if (chain.includes(key)) {
    return { diagnostics: [diagnostic('profiles/extends-cycle', 'error', `the profile ${file} extends itself through ${chain.map((c) => path.basename(c)).join(' → ')}`)] };
  }
  const loaded = loadValidatedYaml<ProfileFile>(file, readFileSync(file, 'utf8'), profileSchema, 'profiles');
  const raw = loaded.value;
  if (!raw) return { diagnostics: loaded.diagnostics };
  const diagnostics = [...loaded.diagnostics];
  const parents: Profile[] = [];
  for (const p of [raw.extends ?? []].flat()) {
    // A path in `extends` is relative to the profile that names it.
    const looksLikePath = /\.ya?ml$/i.test(p) || p.includes('/');
    const base = load(looksLikePath && !path.isAbsolute(p) ? path.join(path.dirname(file), p) : p, [...chain, key]);
    diagnostics.push(...base.diagnostics);
    if (base.profile) parents.push(base.profile);
  }
  const merged: Profile = {
    name: raw.name,
    title: raw.title,
    description: raw.description.trim(),
    extends: parents.flatMap((p) => [...p.extends, p.name]),
    select: mergeSelect([...parents.map((p) => p.select), raw.select ?? {}]),
    exclude: { ids: [...parents.flatMap((p) => p.exclude.ids ?? []), ...(raw.exclude?.ids ?? [])] },
    overrides: Object.assign({}, ...parents.map((p) => p.overrides), raw.overrides ?? {}),
    severityWeights: Object.assign({}, DEFAULT_SEVERITY_WEIGHTS, ...parents.map((p) => p.severityWeights), raw.severityWeights ?? {}),
    pillarWeights: Object.assign(Object.fromEntries(PILLARS.map((p) => [p, 1])), ...parents.map((p) => p.pillarWeights), raw.pillarWeights ?? {}),
    levels: [...(raw.levels ?? parents.at(-1)?.levels ?? DEFAULT_LEVELS)].sort((a, b) => b.minScore - a.minScore),
    requiredComponents: [...parents.flatMap((p) => p.requiredComponents), ...(raw.requiredComponents ?? [])],
    file,
  };
  if (!merged.levels.some((l) => l.minScore === 0)) {
    diagnostics.push(diagnostic('profiles/levels', 'error', 'the lowest level must have minScore 0 so that every score has a level', loaded.locate(['levels'])));
  }
  return { profile: merged, diagnostics };
}

function mergeSelect(list: Profile['select'][]): Profile['select'] {
  const out: Profile['select'] = {};
  for (const s of list) {
    for (const k of ['ids', 'services', 'tags', 'pillars'] as const) {
      if (s[k]) (out[k] as string[] | undefined) = [...new Set([...((out[k] as string[] | undefined) ?? []), ...(s[k] as string[])])];
    }
  }
  return out;
}

/** The rules a profile applies, with its severity overrides; an empty selection takes all. */
export function selectRules(rules: Rule[], profile: Profile): Rule[] {
  const s = profile.select;
  const any = s.ids || s.services || s.tags || s.pillars;
  const excluded = new Set(profile.exclude.ids ?? []);
  return rules
    .filter((r) => !excluded.has(r.id) && !profile.overrides[r.id]?.disabled)
    .filter((r) => {
      if (!any) return true;
      const service = r.id.split('/')[0];
      return Boolean(
        s.ids?.includes(r.id) || s.services?.includes(service) || s.tags?.some((t) => r.tags.includes(t)) || s.pillars?.includes(r.pillar),
      );
    })
    .map((r) => {
      const o = profile.overrides[r.id];
      return o?.severity ? { ...r, severity: o.severity } : r;
    });
}
