// Generates src/policy/aliases/<Namespace>.json, the bundled Azure Policy alias table for the
// providers the rule packs cover. Sources, in order of preference (each adds what the earlier lack):
//   --evaluator-snapshot DIR  a git snapshot of JanneMattila/azure-policy-evaluator (MIT, (c) 2023 Janne
//                       Mattila): src/AzurePolicyEvaluator/Resources/policy-aliases.gz, `alias,defaultPath`
//                       lines dumped from Azure with Get-AzPolicyAlias (2024-05): exact default paths;
//   --linter-dump DIR   per-namespace `<Namespace>.aliases.json` files as in Azure/azure-policy-linter
//                       (src/PolicyLinter.Core/ResourceTypesAndAliases/, MIT, Microsoft): exact paths;
//   --corpus DIR        the Azure/azure-policy repository (MIT, Microsoft): every alias its built-in
//                       definitions use (newer than the dump), with the mechanical alias mapping's path.
// To keep the files small, a path equal to the mechanical mapping (src/engine/alias.ts) is stored as 1,
// and `properties.<rest>` with every array element's `properties` made explicit (sub-resource arrays:
// `securityRules[*].access` → `properties.securityRules[*].properties.access`) as 2.
// Usage: npm run build && node scripts/generate-policy-aliases.js --evaluator-snapshot \
//   /work/.mirror/JanneMattila+azure-policy-evaluator/repo --corpus ../shared/corpus/azure-policy
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { mechanicalAliasPath } = await import('../dist/engine/alias.js');

export const NAMESPACES = [
  'Microsoft.Storage', 'Microsoft.KeyVault', 'Microsoft.EventHub', 'Microsoft.Synapse', 'Microsoft.DataFactory',
  'Microsoft.StreamAnalytics', 'Microsoft.MachineLearningServices', 'Microsoft.Purview', 'Microsoft.ContainerRegistry',
  'Microsoft.ContainerInstance', 'Microsoft.DocumentDB', 'Microsoft.Insights', 'Microsoft.OperationalInsights',
  'Microsoft.Network', 'Microsoft.Web', 'Microsoft.Sql', 'Microsoft.DBforPostgreSQL', 'Microsoft.DBforMySQL',
];

/**
 * Path fixes for aliases whose path the mechanical rule gets wrong, for the derived table only
 * (a linter dump carries the exact paths). `…/blobServices/default.x` names the `default` child's
 * own `properties.x`.
 */
function derivedPath(alias) {
  const type = alias.slice(0, alias.lastIndexOf('/'));
  const rest = alias.slice(alias.lastIndexOf('/') + 1);
  const m = /^default\.(.+)$/i.exec(rest);
  if (m && /\/(blobServices|fileServices|queueServices|tableServices)$/i.test(type)) return 'properties.' + m[1];
  return mechanicalAliasPath(alias, type);
}

/** Encoding 2 (src/policy/alias-table.ts decodes it the same way). */
function subResourcePath(rest) {
  return 'properties.' + rest.replace(/\[\*\]\.(?!(name|id|type|etag)(\.|\[|$))/gi, '[*].properties.');
}

const args = process.argv.slice(2);
const opt = (name) => { const i = args.indexOf(name); return i >= 0 ? args[i + 1] : undefined; };
const corpus = opt('--corpus');
const dump = opt('--linter-dump');
const evaluator = opt('--evaluator-snapshot');
if (!corpus && !dump && !evaluator) {
  console.error('usage: node scripts/generate-policy-aliases.js [--evaluator-snapshot GIT_DIR] [--linter-dump DIR] [--corpus AZURE_POLICY_REPO]');
  process.exit(2);
}

/** namespace → alias → path */
const table = new Map(NAMESPACES.map((n) => [n.toLowerCase(), new Map()]));
const sources = [];

function namespaceOf(alias) {
  return alias.split('/')[0].toLowerCase();
}

if (evaluator) {
  const file = 'src/AzurePolicyEvaluator/Resources/policy-aliases.gz';
  const commit = execFileSync('git', ['--git-dir', evaluator, 'rev-parse', 'HEAD'], { encoding: 'utf8' }).trim();
  const gz = execFileSync('git', ['--git-dir', evaluator, 'show', `HEAD:${file}`], { maxBuffer: 64 << 20 });
  sources.push({ name: `JanneMattila/azure-policy-evaluator ${file} @ ${commit} (Get-AzPolicyAlias dump)`, license: 'MIT (c) 2023 Janne Mattila', kind: 'exact default paths' });
  for (const line of gunzipSync(gz).toString('utf8').split(/\r?\n/)) {
    const comma = line.indexOf(',');
    if (comma < 0) continue;
    const name = line.slice(0, comma);
    const p = line.slice(comma + 1);
    const ns = table.get(namespaceOf(name));
    // Aliases into arrays nested three deep are references expanded by the API (…[*].subnet.ipConfigurations[*]…),
    // never in a template: left out to keep the table small (the linter calls them deeply nested).
    if (ns && p && name.split('/').length >= 3 && (name.match(/\[\*\]/g) ?? []).length <= 2) ns.set(name, p);
  }
}

if (dump) {
  sources.push({ name: 'Azure/azure-policy-linter src/PolicyLinter.Core/ResourceTypesAndAliases', license: 'MIT (Microsoft Corporation)', kind: 'exact paths' });
  for (const ns of NAMESPACES) {
    const file = path.join(dump, `${ns}.aliases.json`);
    if (!existsSync(file)) continue;
    const data = JSON.parse(readFileSync(file, 'utf8'));
    for (const rt of data.resourceTypes ?? []) {
      for (const a of rt.aliases ?? []) {
        const p = typeof a.defaultPath === 'string' ? a.defaultPath : a.defaultPath?.path;
        if (a.name && p) table.get(ns.toLowerCase()).set(a.name, p);
      }
    }
  }
}

if (corpus) {
  sources.push({ name: 'Azure/azure-policy built-in-policies (aliases the built-in definitions use; paths by the mechanical mapping)', license: 'MIT (Microsoft Corporation)', kind: 'derived' });
  const found = new Set();
  const visit = (v, key) => {
    if (typeof v === 'string') {
      if (key === 'field' && !v.startsWith('[')) found.add(v);
      for (const m of v.matchAll(/\b(?:field|current)\('([^']+)'\)/g)) found.add(m[1]);
    } else if (Array.isArray(v)) v.forEach((x) => visit(x));
    else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) visit(x, k);
  };
  const walk = (dir) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, e.name);
      if (e.isDirectory()) walk(full);
      else if (e.name.endsWith('.json')) {
        try {
          visit(JSON.parse(readFileSync(full, 'utf8')));
        } catch {
          /* not JSON: skipped */
        }
      }
    }
  };
  walk(path.join(corpus, 'built-in-policies'));
  const lowerKeys = new Map();
  for (const alias of [...found].sort()) {
    if (!/^[A-Za-z]+\.[A-Za-z.]+\/[^/]+\/.+/.test(alias)) continue;
    const ns = table.get(namespaceOf(alias));
    if (!ns) continue;
    lowerKeys.set(ns, lowerKeys.get(ns) ?? new Set([...ns.keys()].map((k) => k.toLowerCase())));
    if (lowerKeys.get(ns).has(alias.toLowerCase())) continue;
    const p = derivedPath(alias);
    if (p) ns.set(alias, p);
  }
}

const outDir = path.join(root, 'src/policy/aliases');
let total = 0;
for (const ns of NAMESPACES) {
  const entries = [...table.get(ns.toLowerCase())].sort(([a], [b]) => a.localeCompare(b));
  total += entries.length;
  /** type (after the namespace) → alias rest → path, or 1 when the mechanical mapping gives it */
  const types = {};
  for (const [name, p] of entries) {
    const cut = name.lastIndexOf('/');
    const type = name.slice(0, cut);
    const rest = name.slice(cut + 1);
    const key = type.slice(ns.length + 1);
    (types[key] ??= {})[rest] = mechanicalAliasPath(name, type) === p ? 1 : subResourcePath(rest) === p ? 2 : p;
  }
  const head = JSON.stringify({ namespace: ns, generatedBy: 'scripts/generate-policy-aliases.js', sources, count: entries.length }).slice(0, -1);
  const body = Object.entries(types).map(([t, v]) => `${JSON.stringify(t)}:${JSON.stringify(v)}`).join(',\n');
  writeFileSync(path.join(outDir, `${ns}.json`), `${head},\n"types":{\n${body}\n}}\n`);
}
console.log(`wrote ${total} aliases for ${NAMESPACES.length} namespaces to ${path.relative(process.cwd(), outDir)}`);
