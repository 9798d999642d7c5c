// Writes reports/schema/config.schema.json, the published JSON Schema of azready.yaml, from the
// schema the CLI validates with (dist/config/config-schema.js; run `npm run build` first).
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { publishedConfigSchema } from '../dist/config/published-config-schema.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const file = path.join(root, 'reports', 'schema', 'config.schema.json');
writeFileSync(file, publishedConfigSchema());
console.log(`wrote ${path.relative(root, file)}`);
