// The text of reports/schema/config.schema.json: the schema azready.yaml is validated with, as a
// draft-07 document editors can use (yaml-language-server `$schema` comment, VS Code settings).
import { CONFIG_SCHEMA } from './config-schema.js';

export function publishedConfigSchema(): string {
  return JSON.stringify({ $schema: 'http://json-schema.org/draft-07/schema#', ...CONFIG_SCHEMA }, null, 2) + '\n';
}
