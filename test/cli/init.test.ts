// `azready init` through the built CLI: what it writes, and that it never overwrites without --force.
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { loadProjectConfig } from '../../src/config/load-project-config.js';
import { ROOT, runCli } from './run-cli.js';

function repo(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'azready-init-'));
  mkdirSync(path.join(dir, 'infra'));
  cpSync(path.join(ROOT, 'examples', 'quickstart', 'main.json'), path.join(dir, 'infra', 'main.json'));
  return dir;
}

describe('azready init (built CLI)', () => {
  it('writes a commented azready.yaml with the detected folders, and both CI files', () => {
    const dir = repo();
    const r = runCli(['init'], { cwd: dir });
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('Templates: 1 (in infra); profile: baseline');
    for (const f of ['azready.yaml', '.github/workflows/azready.yml', 'azure-pipelines.yml']) expect(r.stdout).toContain(`wrote    ${f}`);
    const config = loadProjectConfig(path.join(dir, 'azready.yaml'));
    expect(config.diagnostics).toEqual([]);
    expect(config.config).toMatchObject({ profile: 'baseline', include: ['infra/**'], failOn: 'high' });
    expect(readFileSync(path.join(dir, 'azready.yaml'), 'utf8')).toMatch(/^# suppressions:/m);

    const workflow = parse(readFileSync(path.join(dir, '.github/workflows/azready.yml'), 'utf8')) as { jobs: { azready: { steps: { run?: string; uses?: string; with?: Record<string, string> }[] } } };
    const steps = workflow.jobs.azready.steps;
    expect(steps.map((s) => s.run).filter(Boolean)).toEqual([
      'npx azready scan . --format sarif,markdown --output-dir azready-results',
      'cat azready-results/azready.md >> "$GITHUB_STEP_SUMMARY"',
    ]);
    expect(steps.find((s) => s.uses?.startsWith('github/codeql-action/upload-sarif'))?.with).toMatchObject({ sarif_file: 'azready-results/azready.sarif' });

    const pipeline = parse(readFileSync(path.join(dir, 'azure-pipelines.yml'), 'utf8')) as { steps: { script?: string; task?: string; inputs?: Record<string, string> }[] };
    expect(pipeline.steps.find((s) => s.script)?.script).toContain('--format junit');
    // The gate is azready.yaml's failOn: a flag here would win over it, and editing it would change nothing.
    expect(pipeline.steps.find((s) => s.script)?.script).not.toContain('--fail-on');
    expect(pipeline.steps.find((s) => s.task === 'PublishTestResults@2')?.inputs).toMatchObject({ testResultsFormat: 'JUnit', testResultsFiles: 'azready-results/azready.xml' });

    // The written configuration drives a scan.
    const scan = runCli(['scan', '.', '--format', 'json'], { cwd: dir });
    expect(scan.stderr).toContain('using azready.yaml');
    expect(scan.status).toBe(1);
  });

  it('says how to scan with the new azready.yaml, which is read from the working folder upwards', () => {
    const dir = repo();
    expect(runCli(['init'], { cwd: dir }).stdout).toContain('\nNext: azready scan (reads azready.yaml), then commit the files.\n');
    const parent = path.dirname(dir);
    const other = runCli(['init', path.basename(dir), '--force'], { cwd: parent });
    expect(other.stdout).toContain(`\nNext: cd ${path.basename(dir)} && azready scan (reads azready.yaml), then commit the files.\n`);
  });

  it('exits 2 with the reason when DIR is a file', () => {
    const dir = repo();
    const r = runCli(['init', 'infra/main.json'], { cwd: dir });
    expect(r.status).toBe(2);
    expect(r.stderr).toBe('azready: cannot write into infra/main.json: infra/main.json (or a folder above it) is a file, not a folder (EEXIST)\n');
  });

  it('keeps existing files unless --force, and says what it replaced', () => {
    const dir = repo();
    writeFileSync(path.join(dir, 'azready.yaml'), 'profile: mine\n');
    const r = runCli(['init'], { cwd: dir });
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('kept     azready.yaml: it exists (--force replaces it)');
    expect(readFileSync(path.join(dir, 'azready.yaml'), 'utf8')).toBe('profile: mine\n');
    expect(existsSync(path.join(dir, 'azure-pipelines.yml'))).toBe(true);
    const forced = runCli(['init', '--force'], { cwd: dir });
    expect(forced.stdout).toContain('replaced azready.yaml (--force)');
    expect(forced.stdout).toContain('replaced azure-pipelines.yml (--force)');
    expect(readFileSync(path.join(dir, 'azready.yaml'), 'utf8')).toContain('profile: baseline');
  });

  it('detects a scenario profile from the resource types', () => {
    const dir = repo();
    writeFileSync(path.join(dir, 'infra', 'ml.bicep'), "resource ws 'Microsoft.MachineLearningServices/workspaces@2024-04-01' = {\n  name: 'ws'\n  location: 'westus'\n}\n");
    const r = runCli(['init', '--json'], { cwd: dir });
    expect(JSON.parse(r.stdout)).toMatchObject({ detected: { profile: 'ml-scoring', folders: ['infra'], templates: 2 } });
  });
});
