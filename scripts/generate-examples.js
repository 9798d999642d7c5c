// Regenerates reports/examples/: the report of every example deployment in every file format,
// deterministically (fixed time, paths relative to the repository root, the package's version), so
// the committed files change only when the output does. test/examples/examples.test.ts fails when
// they are stale.
//
// An example is a folder under examples/ with templates in it (examples/quickstart), or each
// subfolder of one without (examples/data-lakehouse/starter). Its profile: the azready.yaml in the
// example (or its parent example folder) when there is one, otherwise the bundled profile named like
// the example folder, otherwise baseline.
//
// Usage: node scripts/generate-examples.js [--out DIR]   (after npm run build; or `npm run examples`)
import { existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
/** The time every example report says it was generated. */
const NOW = new Date('2026-01-01T00:00:00.000Z');
const FORMATS = ['json', 'markdown', 'html', 'sarif', 'junit', 'csv'];
const TEMPLATE = /\.(json|bicep|bicepparam)$/i;

const outArg = process.argv.indexOf('--out');
const out = path.resolve(outArg > 0 ? process.argv[outArg + 1] : path.join(root, 'reports', 'examples'));

// Paths in the reports are relative to the repository root, whatever folder this runs from.
process.chdir(root);
const { renderReport, scan, FORMAT_EXTENSIONS, loadProjectConfig } = await import('../dist/index.js');

const dirs = (p) => readdirSync(p, { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name).sort();
const hasTemplates = (p) => readdirSync(p, { withFileTypes: true }).some((e) => e.isFile() && TEMPLATE.test(e.name));

const examples = [];
for (const name of dirs('examples')) {
  const top = path.posix.join('examples', name);
  if (hasTemplates(top)) examples.push({ dir: top, top });
  else for (const sub of dirs(top)) if (hasTemplates(path.posix.join(top, sub))) examples.push({ dir: path.posix.join(top, sub), top });
}

rmSync(out, { recursive: true, force: true });
let failed = false;
for (const { dir, top } of examples) {
  const configFile = [dir, top].map((d) => path.join(d, 'azready.yaml')).find((f) => existsSync(f));
  let project;
  if (configFile) {
    const loaded = loadProjectConfig(configFile);
    if (!loaded.config) {
      for (const d of loaded.diagnostics) console.error(`${configFile}: ${d.severity} ${d.code}: ${d.message}`);
      failed = true;
      continue;
    }
    project = loaded.config;
  }
  const named = path.basename(top);
  const profile = project?.profile ? undefined : existsSync(path.join('profiles', `${named}.yaml`)) ? named : undefined;
  const outcome = scan({ paths: [dir], profile, project, now: NOW });
  if (!outcome.ok) {
    for (const d of outcome.diagnostics) console.error(`${dir}: ${d.severity} ${d.code}: ${d.message}`);
    failed = true;
    continue;
  }
  const rel = path.posix.relative('examples', dir);
  const target = path.join(out, ...rel.split('/'));
  mkdirSync(target, { recursive: true });
  // Markdown links go from reports/examples/<example>/ back up to the repository root.
  const options = { cwd: root, color: false, linkBase: '../'.repeat(2 + rel.split('/').length) };
  for (const format of FORMATS) writeFileSync(path.join(target, `azready.${FORMAT_EXTENSIONS[format]}`), renderReport(outcome.report, format, options));
  const { score, level } = outcome.report.summary;
  console.log(`${dir}: ${outcome.report.profile.name} profile, score ${score ?? 'n/a'} (${level}) → ${path.relative(root, target)}`);
}
if (failed) process.exitCode = 1;
