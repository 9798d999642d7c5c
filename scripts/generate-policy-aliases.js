// Generates src/policy/aliases/<Namespace>.json, the bundled Azure Policy alias table for the
// providers of the four scenarios. Sources, in order of preference:
//   --linter-dump DIR   per-namespace `<Namespace>.aliases.json` files as in Azure/azure-policy-linter
//                       (src/PolicyLinter.Core/ResourceTypesAndAliases/, MIT, Microsoft): exact paths;
//   --corpus DIR        the Azure/azure-policy repository (MIT, Microsoft): every alias its built-in
//                       definitions use, with the path from azready's mechanical alias mapping.
// Usage: npm run build && node scripts/generate-policy-aliases.js --corpus ../shared/corpus/azure-policy [--linter-dump DIR]
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { mechanicalAliasPath } = await import('../dist/engine/alias.js');

export const NAMESPACES = [
  'Microsoft.Storage', 'Microsoft.KeyVault', 'Microsoft.EventHub', 'Microsoft.Synapse', 'Microsoft.DataFactory',
  'Microsoft.StreamAnalytics', 'Microsoft.MachineLearningServices', 'Microsoft.Purview', 'Microsoft.ContainerRegistry',
  'Microsoft.ContainerInstance', 'Microsoft.DocumentDB', 'Microsoft.Insights', 'Microsoft.OperationalInsights',
  'Microsoft.Network', 'Microsoft.Web', 'Microsoft.Sql',
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

const args = process.argv.slice(2);
const opt = (name) => { const i = args.indexOf(name); return i >= 0 ? args[i + 1] : undefined; };
const corpus = opt('--corpus');
const dump = opt('--linter-dump');
if (!corpus && !dump) {
  console.error('usage: node scripts/generate-policy-aliases.js --corpus AZURE_POLICY_REPO [--linter-dump DIR]');
  process.exit(2);
}

/** namespace → alias → path */
const table = new Map(NAMESPACES.map((n) => [n.toLowerCase(), new Map()]));
const sources = [];

function namespaceOf(alias) {
  return alias.split('/')[0].toLowerCase();
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
  for (const alias of [...found].sort()) {
    if (!/^[A-Za-z]+\.[A-Za-z.]+\/[^/]+\/.+/.test(alias)) continue;
    const ns = table.get(namespaceOf(alias));
    if (!ns || [...ns.keys()].some((k) => k.toLowerCase() === alias.toLowerCase())) continue;
    const p = derivedPath(alias);
    if (p) ns.set(alias, p);
  }
}

const outDir = path.join(root, 'src/policy/aliases');
let total = 0;
for (const ns of NAMESPACES) {
  const entries = [...table.get(ns.toLowerCase())].sort(([a], [b]) => a.localeCompare(b));
  total += entries.length;
  const doc = {
    namespace: ns,
    generatedBy: 'scripts/generate-policy-aliases.js',
    sources,
    // alias → ARM path (the alias's defaultPath)
    aliases: Object.fromEntries(entries),
  };
  writeFileSync(path.join(outDir, `${ns}.json`), JSON.stringify(doc, null, 0).replace(/,"aliases":\{/, ',\n"aliases":{\n').replace(/","(?=[A-Z])/g, '",\n"') + '\n');
}
console.log(`wrote ${total} aliases for ${NAMESPACES.length} namespaces to ${path.relative(process.cwd(), outDir)}`);
