// azready.yaml settings that shape the inputs: include/exclude for folder scans, and parameters files
// per template (scan() with ScanOptions.project).
import { cpSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadProjectConfig } from '../../src/config/load-project-config.js';
import { scan } from '../../src/scan.js';

const E2E = path.resolve('test', 'fixtures', 'e2e');
const pack = { rules: [path.join(E2E, 'pack')], profile: path.join(E2E, 'profile.yaml') };

function project(config: string): { dir: string; run: (paths: string[]) => ReturnType<typeof scan> } {
  const dir = mkdtempSync(path.join(tmpdir(), 'azready-project-'));
  for (const sub of ['infra', 'infra/legacy', 'params']) mkdirSync(path.join(dir, sub), { recursive: true });
  cpSync(path.join(E2E, 'inputs', 'storage.json'), path.join(dir, 'infra', 'storage.json'));
  cpSync(path.join(E2E, 'inputs', 'storage.json'), path.join(dir, 'infra', 'legacy', 'old.json'));
  cpSync(path.join(E2E, 'inputs', 'storage.parameters.json'), path.join(dir, 'params', 'prod.json'));
  writeFileSync(path.join(dir, 'azready.yaml'), config);
  const loaded = loadProjectConfig(path.join(dir, 'azready.yaml'));
  if (!loaded.config) throw new Error(JSON.stringify(loaded.diagnostics));
  const cfg = loaded.config;
  return { dir, run: (paths) => scan({ paths, ...pack, project: cfg }) };
}

describe('azready.yaml inputs', () => {
  it('pairs templates with parameters files by path or glob, relative to the file', () => {
    const { dir, run } = project("exclude: ['**/legacy/**']\nparameters:\n  'infra/*.json': params/prod.json\n");
    const out = run([path.join(dir, 'infra')]);
    if (!out.ok) throw new Error('config');
    expect(out.report.results.filter((r) => r.outcome === 'unknown')).toEqual([]);
    const names = (results: typeof out.report.results) => [...new Set(results.filter((r) => r.resource.type === 'Microsoft.Storage/storageAccounts').map((r) => r.resource.name))].sort();
    expect(names(out.report.results)).toEqual(['contosolake', 'contosologs']);
    // Without the pairing the prefix has no value: the names are unknown.
    const without = project("exclude: ['**/legacy/**']\n").run([path.join(dir, 'infra')]);
    if (!without.ok) throw new Error('config');
    expect(names(without.report.results).every((n) => n.startsWith('{unknown name'))).toBe(true);
  });

  it('reads only included files of a folder scan, without the excluded ones; named files always', () => {
    const { dir, run } = project("include: ['infra/**']\nexclude: ['**/legacy/**']\n");
    const walked = run([dir]);
    if (!walked.ok) throw new Error('config');
    expect(walked.report.inputs.map((i) => path.relative(dir, i.path))).toEqual([path.join('infra', 'storage.json')]);
    const named = run([path.join(dir, 'infra', 'legacy', 'old.json')]);
    if (!named.ok) throw new Error('config');
    expect(named.report.inputs).toHaveLength(1);
  });

  it('lets the profile and rule folders come from the file, flags adding rule folders', () => {
    const { dir } = project(`profile: ${path.join(E2E, 'profile.yaml')}\nrules: [${path.join(E2E, 'pack')}]\n`);
    const loaded = loadProjectConfig(path.join(dir, 'azready.yaml'));
    const out = scan({ paths: [path.join(dir, 'infra', 'storage.json')], project: loaded.config });
    if (!out.ok) throw new Error(JSON.stringify(out.diagnostics));
    expect(out.report.profile.name).toBe('e2e');
    expect(out.report.rules.every((r) => r.id.startsWith('e2e/'))).toBe(true);
  });
});
