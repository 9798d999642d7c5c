// `azready scan` with several formats, `azready report convert` and `azready report diff`, run
// as a user would (the built CLI).
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { spawn } from 'node:child_process';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Report } from '../../src/report/report.js';
import { E2E, E2E_CONFIG, ROOT, runCli } from './run-cli.js';

const inputs = path.join(E2E, 'inputs');
const tmp = () => mkdtempSync(path.join(tmpdir(), 'azready-cli-'));

describe('azready scan --format (repeatable)', () => {
  it('writes azready.<ext> per format into --output-dir', () => {
    const dir = tmp();
    const r = runCli(['scan', inputs, ...E2E_CONFIG, '-f', 'json', '-f', 'markdown', '-f', 'html', '-f', 'sarif', '-f', 'junit', '-f', 'csv', '-f', 'console', '--output-dir', dir]);
    expect(r.status, r.stderr).toBe(0);
    expect(readdirSync(dir).sort()).toEqual(['azready.csv', 'azready.html', 'azready.json', 'azready.md', 'azready.sarif', 'azready.txt', 'azready.xml']);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(`azready: wrote ${path.join(dir, 'azready.sarif')}`);
    const report = JSON.parse(readFileSync(path.join(dir, 'azready.json'), 'utf8')) as Report;
    expect(readFileSync(path.join(dir, 'azready.md'), 'utf8')).toContain(`## azready: ${report.summary.score} / 100`);
    expect(readFileSync(path.join(dir, 'azready.txt'), 'utf8')).toContain(`Score ${report.summary.score} / 100`);
    expect(JSON.parse(readFileSync(path.join(dir, 'azready.sarif'), 'utf8'))).toMatchObject({ version: '2.1.0' });
  });

  it('writes one format to --output and keeps console the default', () => {
    const dir = tmp();
    const out = path.join(dir, 'sub', 'scan.sarif');
    expect(runCli(['scan', inputs, ...E2E_CONFIG, '--format', 'sarif', '--output', out]).status).toBe(0);
    expect(existsSync(out)).toBe(true);
    expect(runCli(['scan', inputs, ...E2E_CONFIG]).stdout).toMatch(/^azready .* · profile e2e/);
    const md = runCli(['scan', inputs, ...E2E_CONFIG, '--format', 'markdown']);
    expect(md.stdout).toContain('[test/fixtures/e2e/inputs/storage.json:18](test/fixtures/e2e/inputs/storage.json#L18)');
  });

  it('writes the format --output names by its extension when --format is not given', () => {
    const dir = tmp();
    const sarif = path.join(dir, 'azready.sarif');
    expect(runCli(['scan', inputs, ...E2E_CONFIG, '--output', sarif]).status).toBe(0);
    expect(JSON.parse(readFileSync(sarif, 'utf8'))).toMatchObject({ version: '2.1.0' });
    const json = path.join(dir, 'report.json');
    expect(runCli(['scan', inputs, ...E2E_CONFIG, '-o', json]).status).toBe(0);
    expect((JSON.parse(readFileSync(json, 'utf8')) as Report).summary.score).toBe(47.2);
    // --format wins, and a name without a known extension keeps console.
    const txt = path.join(dir, 'forced.sarif');
    expect(runCli(['scan', inputs, ...E2E_CONFIG, '-f', 'console', '-o', txt]).status).toBe(0);
    expect(readFileSync(txt, 'utf8')).toMatch(/^azready .* · profile e2e/);
    const log = path.join(dir, 'scan.log');
    expect(runCli(['scan', inputs, ...E2E_CONFIG, '-o', log]).status).toBe(0);
    expect(readFileSync(log, 'utf8')).toMatch(/^azready .* · profile e2e/);
    // The same for report convert, diff and trend.
    const csv = path.join(dir, 'findings.csv');
    expect(runCli(['report', 'convert', json, '-o', csv]).status).toBe(0);
    expect(readFileSync(csv, 'utf8')).toMatch(/^ruleId,outcome,/);
    const diff = path.join(dir, 'diff.md');
    expect(runCli(['report', 'diff', json, json, '-o', diff]).status).toBe(0);
    expect(readFileSync(diff, 'utf8')).toContain('| Pillar | Before | After | Change |');
    const trend = path.join(dir, 'trend.json');
    expect(runCli(['report', 'trend', json, '-o', trend]).status).toBe(0);
    expect(JSON.parse(readFileSync(trend, 'utf8'))).toMatchObject({ points: [expect.objectContaining({ score: 47.2 })] });
  });

  it('takes one value per --format (paths may follow it) or a comma-separated list', () => {
    const md = runCli(['scan', '--format', 'markdown', inputs, ...E2E_CONFIG]);
    expect(md.status, md.stderr).toBe(0);
    expect(md.stdout).toMatch(/^## azready: /);
    const dir = tmp();
    expect(runCli(['scan', '-f', 'sarif,junit', inputs, ...E2E_CONFIG, '--output-dir', dir]).status).toBe(0);
    expect(readdirSync(dir).sort()).toEqual(['azready.sarif', 'azready.xml']);
  });

  it('exits 2 for several formats without --output-dir, or --output with --output-dir', () => {
    const several = runCli(['scan', inputs, ...E2E_CONFIG, '-f', 'json', '-f', 'html']);
    expect(several.status).toBe(2);
    expect(several.stderr).toContain('2 formats (json, html) need --output-dir DIR');
    const both = runCli(['scan', inputs, ...E2E_CONFIG, '-f', 'json', '--output', 'x.json', '--output-dir', 'out']);
    expect(both.status).toBe(2);
    expect(runCli(['scan', inputs, ...E2E_CONFIG, '-f', 'pdf']).status).toBe(2);
  });
});

describe('azready report convert', () => {
  it('re-renders a saved report as HTML, SARIF and Markdown', () => {
    const dir = tmp();
    const json = path.join(dir, 'report.json');
    expect(runCli(['scan', inputs, ...E2E_CONFIG, '--format', 'json', '--output', json]).status).toBe(0);
    const html = path.join(dir, 'report.html');
    const r = runCli(['report', 'convert', json, '--format', 'html', '--output', html]);
    expect(r.status, r.stderr).toBe(0);
    expect(readFileSync(html, 'utf8')).toMatch(/^<!DOCTYPE html>[\s\S]*Your next three fixes/);
    const direct = runCli(['scan', inputs, ...E2E_CONFIG, '--format', 'markdown']).stdout;
    const converted = runCli(['report', 'convert', json, '--format', 'markdown']).stdout;
    // Same report, same text (except the generation time in the footer).
    const strip = (s: string) => s.replace(/<sub>.*<\/sub>/, '');
    expect(strip(converted)).toBe(strip(direct));
    expect(JSON.parse(runCli(['report', 'convert', json, '--format', 'sarif']).stdout)).toMatchObject({ version: '2.1.0' });
  });

  it('exits 2 with a clear message for a file that is not a report', () => {
    const dir = tmp();
    const bad = path.join(dir, 'bad.json');
    writeFileSync(bad, JSON.stringify({ schemaVersion: '1.0', results: 'none' }));
    const r = runCli(['report', 'convert', bad, '--format', 'html']);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(`azready: ${bad}: not an azready report (reports/schema/report.schema.json):`);
    expect(r.stderr).toContain("must have required property 'summary'");
    expect(r.stdout).toBe('');
    const missing = runCli(['report', 'convert', path.join(dir, 'nope.json')]);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain('cannot read the file (ENOENT)');
  });
});

describe('a report that cannot be written', () => {
  it('exits 2 with the reason for report convert, diff and trend', () => {
    const dir = tmp();
    const saved = path.join('reports', 'examples', 'quickstart', 'azready.json');
    const blocker = path.join(dir, 'file');
    writeFileSync(blocker, '');
    const out = path.join(blocker, 'report.html');
    for (const args of [['report', 'convert', saved, '-f', 'html'], ['report', 'diff', saved, saved], ['report', 'trend', saved]]) {
      const r = runCli([...args, '--output', out]);
      expect(r.status, args.join(' ')).toBe(2);
      expect(r.stderr).toBe(`azready: cannot write ${out}: ${blocker} (or a folder above it) is a file, not a folder (EEXIST)\n`);
    }
    const folder = path.join(dir, 'new-folder') + '/';
    const r = runCli(['report', 'convert', saved, '--output', folder]);
    expect(r.status).toBe(2);
    expect(r.stderr).toBe(`azready: cannot write ${folder}: it names a folder; give a file name\n`);
    expect(existsSync(folder)).toBe(false);
  });
});

describe('a reader that closes the pipe early (azready … | head)', () => {
  it('ends the run quietly with its own exit code', async () => {
    // A report large enough not to fit in the pipe's buffer.
    const dir = tmp();
    const big = JSON.parse(readFileSync(path.join('reports', 'examples', 'quickstart', 'azready.json'), 'utf8')) as Report;
    big.results = Array.from({ length: 40 }, () => big.results).flat();
    const file = path.join(dir, 'big.json');
    writeFileSync(file, JSON.stringify(big));
    for (const args of [['report', 'convert', file, '-f', 'json'], ['rules', 'list', '--format', 'json']]) {
      const child = spawn(process.execPath, [path.join(ROOT, 'bin', 'run.js'), ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
      let stderr = '';
      child.stderr.setEncoding('utf8').on('data', (c: string) => (stderr += c));
      child.stdout.once('data', () => child.stdout.destroy());
      const status = await new Promise<number | null>((resolve) => child.on('close', resolve));
      expect(stderr, args.join(' ')).toBe('');
      expect(status, args.join(' ')).toBe(0);
    }
  });
});

describe('azready report diff', () => {
  it('lists fixed, new and still-failing results and the score change', () => {
    const dir = tmp();
    const before = path.join(dir, 'before.json');
    const after = path.join(dir, 'after.json');
    expect(runCli(['scan', inputs, ...E2E_CONFIG, '--format', 'json', '--output', before]).status).toBe(0);
    // "After": the snapshot alone, so the template's failures are gone.
    expect(runCli(['scan', path.join(inputs, 'snapshot.json'), ...E2E_CONFIG, '--format', 'json', '--output', after]).status).toBe(0);
    const console = runCli(['report', 'diff', before, after]);
    expect(console.status, console.stderr).toBe(0);
    expect(console.stdout).toMatch(/^Score 47\.2 → [\d.]+ \(\+[\d.]+\)/);
    expect(console.stdout).toContain('Fixed (4)');
    expect(console.stdout).toMatch(/CRITICAL e2e\/public-blob {2}contosologs {2}test\/fixtures\/e2e\/inputs\/storage\.json:30 {2}\(now absent\)/);
    expect(console.stdout).toContain('New (0)');
    expect(console.stdout).toContain('Still failing (3)');
    const json = JSON.parse(runCli(['report', 'diff', before, after, '--format', 'json']).stdout) as { fixed: unknown[]; new: unknown[]; stillFailing: unknown[]; score: { before: number } };
    expect(json).toMatchObject({ score: { before: 47.2 } });
    expect([json.fixed.length, json.new.length, json.stillFailing.length]).toEqual([4, 0, 3]);
    const md = runCli(['report', 'diff', before, after, '--format', 'markdown']).stdout;
    expect(md).toContain('| Pillar | Before | After | Change |');
    expect(md).toContain('<summary><strong>Fixed</strong> (4)</summary>');
  });

  it('notes arguments given in the wrong order (the later report first)', () => {
    const dir = tmp();
    const saved = JSON.parse(readFileSync(path.join('reports', 'examples', 'quickstart', 'azready.json'), 'utf8')) as Report;
    const older = path.join(dir, 'week1.json');
    const newer = path.join(dir, 'week2.json');
    writeFileSync(older, JSON.stringify({ ...saved, generatedAt: '2026-01-01T00:00:00.000Z' }));
    writeFileSync(newer, JSON.stringify({ ...saved, generatedAt: '2026-01-08T00:00:00.000Z' }));
    const swapped = runCli(['report', 'diff', newer, older]);
    expect(swapped.status).toBe(0);
    expect(swapped.stderr).toBe(`azready: note: ${newer} (2026-01-08T00:00:00.000Z) was generated after ${older} (2026-01-01T00:00:00.000Z); report diff takes the earlier report first, so "fixed" and "new" may be swapped\n`);
    expect(runCli(['report', 'diff', older, newer]).stderr).toBe('');
  });

  it('exits 2 when either file is not a report', () => {
    const dir = tmp();
    const bad = path.join(dir, 'x.json');
    writeFileSync(bad, '[]');
    const r = runCli(['report', 'diff', bad, bad]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('not an azready report');
  });
});

describe('azready report trend', () => {
  const saved = (generatedAt: string) => JSON.stringify({ ...(JSON.parse(readFileSync(path.join('reports', 'examples', 'quickstart', 'azready.json'), 'utf8')) as Report), generatedAt });

  it('reads a folder with one --output-dir per run (reports in subfolders), oldest first, and notes other JSON files', () => {
    const dir = tmp();
    for (const [run, at] of [['run-2', '2026-02-01T00:00:00.000Z'], ['run-1', '2026-01-01T00:00:00.000Z']]) {
      mkdirSync(path.join(dir, run));
      writeFileSync(path.join(dir, run, 'azready.json'), saved(at));
    }
    writeFileSync(path.join(dir, 'notes.json'), '{"a": 1}');
    const r = runCli(['report', 'trend', dir, '--format', 'json']);
    expect(r.status, r.stderr).toBe(0);
    const trend = JSON.parse(r.stdout) as { points: { file: string; fixed?: number }[] };
    expect(trend.points.map((p) => path.basename(path.dirname(p.file)))).toEqual(['run-1', 'run-2']);
    expect(trend.points[1].fixed).toBe(0);
    expect(r.stderr).toContain(`skipped ${path.join(dir, 'notes.json')}: not an azready report`);
  });

  it('counts a report named both directly and through its folder once', () => {
    const dir = tmp();
    writeFileSync(path.join(dir, 'azready.json'), saved('2026-01-01T00:00:00.000Z'));
    const r = runCli(['report', 'trend', dir, path.join(dir, 'azready.json'), '--format', 'json']);
    expect((JSON.parse(r.stdout) as { points: unknown[] }).points).toHaveLength(1);
  });

  it('exits 2 for a named file that is not a report, and for a folder without one', () => {
    const dir = tmp();
    writeFileSync(path.join(dir, 'notes.json'), '{"a": 1}');
    expect(runCli(['report', 'trend', path.join(dir, 'notes.json')]).status).toBe(2);
    const empty = tmp();
    const r = runCli(['report', 'trend', empty]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('no azready report found');
  });
});
