// Builds dist/yaml-cache.json: every bundled rule and profile YAML, parsed and validated now so
// that a scan does not load the YAML parser or compile JSON Schemas at start-up.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

process.env.AZREADY_NO_YAML_CACHE = '1';
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { loadValidatedYaml } = await import('../dist/core/validated-yaml.js');
const { yamlCacheKey, YAML_CACHE_FILE } = await import('../dist/core/yaml-cache.js');
const { ruleSchema } = await import('../dist/rules/rule-schema.js');
const { profileSchema } = await import('../dist/profiles/profile-schema.js');
await import('../dist/rules/load-rules.js'); // registers the condition schema

function yamlFiles(dir) {
  const out = [];
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...yamlFiles(full));
    else if (/\.ya?ml$/.test(e.name)) out.push(full);
  }
  return out;
}

const cache = {};
let skipped = 0;
for (const [dir, schema, code] of [['rules', ruleSchema, 'rules'], ['profiles', profileSchema, 'profiles']]) {
  for (const file of yamlFiles(path.join(root, dir))) {
    const text = readFileSync(file, 'utf8');
    const loaded = loadValidatedYaml(file, text, schema, code);
    if (loaded.value === undefined || loaded.diagnostics.length) {
      skipped++;
      continue;
    }
    cache[yamlCacheKey(text, schema.$id)] = loaded.value;
  }
}
writeFileSync(path.join(root, 'dist', YAML_CACHE_FILE), JSON.stringify(cache));
console.log(`${YAML_CACHE_FILE}: ${Object.keys(cache).length} files${skipped ? `, ${skipped} with problems left out (they are reported when loaded)` : ''}`);
