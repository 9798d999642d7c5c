import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { findProjectConfig, loadProjectConfig } from '../../src/config/load-project-config.js';
import { loadConfig } from '../../src/scan.js';
import { formatDiagnostic } from '../../src/core/diagnostic.js';

function write(text: string, name = 'azready.yaml'): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'azready-config-'));
  const file = path.join(dir, name);
  writeFileSync(file, text);
  return file;
}

describe('loadProjectConfig', () => {
  it('reads every setting and resolves paths against the file', () => {
    const file = write(`profile: profiles/team.yaml
include: ['infra/**']
exclude: ['**/legacy/**']
parameters:
  infra/main.json: infra/main.prod.parameters.json
rules: [custom-rules]
overrides:
  storage/geo-redundant: { severity: high }
  storage/lifecycle-management: { disabled: true }
suppressions:
  - rule: storage/no-public-blob-access
    resource: publicassets*
    reason: public product images (WEB-7)
    expires: 2027-06-30
failOn: high
minScore: 70
`);
    const dir = path.dirname(file);
    const { config, diagnostics } = loadProjectConfig(file);
    expect(diagnostics).toEqual([]);
    expect(config).toMatchObject({
      dir,
      profile: path.join(dir, 'profiles/team.yaml'),
      include: ['infra/**'],
      exclude: ['**/legacy/**'],
      parameters: [{ template: 'infra/main.json', file: path.join(dir, 'infra/main.prod.parameters.json') }],
      rules: [path.join(dir, 'custom-rules')],
      overrides: { 'storage/geo-redundant': { severity: 'high', location: { file, startLine: 8, startColumn: 3 } }, 'storage/lifecycle-management': { disabled: true, location: { file, startLine: 9 } } },
      suppressions: [{ rule: 'storage/no-public-blob-access', resource: 'publicassets*', reason: 'public product images (WEB-7)', expires: '2027-06-30', location: { file, startLine: 11 } }],
      failOn: 'high',
      minScore: 70,
    });
  });

  it('keeps a bundled profile name as a name', () => {
    expect(loadProjectConfig(write('profile: data-lakehouse\n')).config?.profile).toBe('data-lakehouse');
  });

  it('accepts a file with only comments', () => {
    expect(loadProjectConfig(write('# nothing yet\n')).config).toMatchObject({ suppressions: [], include: [] });
  });

  it('points at the override of a rule that is not loaded', () => {
    const file = write('overrides:\n  storage/nope: { disabled: true }\n');
    const loaded = loadProjectConfig(file);
    const config = loadConfig('baseline', [], loaded.config!.overrides);
    expect(config.diagnostics.map(formatDiagnostic)).toContain(`${file}:2:3 warning config/unknown-rule: azready.yaml overrides 'storage/nope', which is not a loaded rule; check the id (azready rules list)`);
  });

  it('says a file that is a list must be a mapping of settings', () => {
    const file = write('- profile\n- baseline\n');
    expect(loadProjectConfig(file).diagnostics.map(formatDiagnostic)).toEqual([`${file}:1:1 error config/schema: the document must be a mapping`]);
  });

  it('rejects a suppression without a reason at its file:line:column', () => {
    const file = write(`suppressions:
  - rule: storage/tls
    resource: x
`);
    const { config, diagnostics } = loadProjectConfig(file);
    expect(config).toBeUndefined();
    expect(diagnostics.map(formatDiagnostic)).toEqual([`${file}:2:5 error config/schema: suppressions.0 is missing the required property 'reason'`]);
  });

  it('rejects a blank reason and a date that is not YYYY-MM-DD', () => {
    const file = write(`suppressions:
  - rule: a/b
    reason: "  "
  - rule: a/c
    reason: ok
    expires: 31/12/2026
`);
    const { diagnostics } = loadProjectConfig(file);
    expect(diagnostics.map((d) => [d.code, d.location?.startLine, d.location?.startColumn])).toEqual([
      ['config/suppression-reason', 3, 5],
      ['config/suppression-expires', 6, 5],
    ]);
  });

  it('names unknown settings and wrong values with their position', () => {
    const file = write(`failOn: severe
overrides:
  a/b: { severity: huge }
colour: blue
`);
    const messages = loadProjectConfig(file).diagnostics.map(formatDiagnostic);
    expect(messages).toEqual(expect.arrayContaining([
      `${file}:1:1 error config/schema: failOn must be one of "critical", "high", "medium", "low", "none"`,
      expect.stringMatching(/:3:10 error config\/schema: overrides\.a\/b\.severity must be one of/),
      `${file}:4:1 error config/schema: the document has an unknown property 'colour'`,
    ]));
  });

  it('reports YAML syntax errors', () => {
    expect(loadProjectConfig(write('profile: [unclosed\n')).diagnostics[0].code).toBe('config/yaml-syntax');
  });
});

describe('findProjectConfig', () => {
  it('finds azready.yaml in the folder or above, nearest first', () => {
    const file = write('profile: baseline\n');
    const dir = path.dirname(file);
    const deep = path.join(dir, 'a', 'b');
    mkdirSync(deep, { recursive: true });
    expect(findProjectConfig(deep)).toBe(file);
    writeFileSync(path.join(dir, 'a', 'azready.yml'), '');
    expect(findProjectConfig(deep)).toBe(path.join(dir, 'a', 'azready.yml'));
  });
});
