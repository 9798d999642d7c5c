// The published schema of azready.yaml is the one the CLI validates with, and it accepts the
// README's example configuration.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { publishedConfigSchema } from '../../src/config/published-config-schema.js';

const FILE = path.join('reports', 'schema', 'config.schema.json');

describe('reports/schema/config.schema.json', () => {
  it('is current (regenerate with: npm run build && node scripts/write-config-schema.js)', () => {
    expect(readFileSync(FILE, 'utf8')).toBe(publishedConfigSchema());
  });

  it('accepts the README example and rejects an unknown key', () => {
    const validate = new Ajv({ allErrors: true }).compile(JSON.parse(readFileSync(FILE, 'utf8')) as object);
    const readme = readFileSync('README.md', 'utf8');
    const example = /## Configuration: azready\.yaml[\s\S]*?```yaml\n([\s\S]*?)```/.exec(readme)![1];
    expect(validate(parse(example)), JSON.stringify(validate.errors)).toBe(true);
    expect(validate({ profile: 'baseline', failon: 'high' })).toBe(false);
  });
});
