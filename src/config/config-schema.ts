// JSON Schema of azready.yaml, the project configuration (README "Configuration"). Published as
// reports/schema/config.schema.json for editors (test/config/config-schema-published.test.ts keeps
// the two equal); the descriptions are what an editor shows on hover.

const severity = { enum: ['critical', 'high', 'medium', 'low'], description: 'rule severity' };
const globs = (description: string) => ({ type: 'array', items: { type: 'string', minLength: 1 }, description });

export const CONFIG_SCHEMA = {
  $id: 'https://azready.dev/schemas/config-1.json',
  title: 'azready.yaml',
  description: 'azready project configuration. Paths and globs are relative to this file; command-line flags win over it.',
  // An empty file (only comments) is a valid configuration.
  type: ['object', 'null'],
  additionalProperties: false,
  properties: {
    profile: { type: 'string', minLength: 1, description: 'profile name (baseline, data-lakehouse, ml-scoring, cross-region, hybrid) or path to a profile YAML file' },
    include: globs('only inputs matching one of these globs are scanned'),
    exclude: globs('inputs matching one of these globs are not scanned'),
    parameters: {
      type: 'object',
      additionalProperties: { type: 'string', minLength: 1 },
      description: 'parameters file (JSON or .bicepparam) per template: template path or glob → parameters file',
    },
    rules: globs('extra rule folders, added to the built-in rules'),
    overrides: {
      type: 'object',
      description: 'per rule id: disable the rule or change its severity',
      additionalProperties: {
        type: 'object',
        additionalProperties: false,
        minProperties: 1,
        properties: { disabled: { type: 'boolean', description: 'do not evaluate the rule' }, severity },
      },
    },
    suppressions: {
      type: 'array',
      description: 'accepted findings; each needs a reason and may expire',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['rule', 'reason'],
        properties: {
          rule: { type: 'string', minLength: 1, description: 'rule id or glob of ids' },
          resource: { type: 'string', minLength: 1, description: 'glob on the resource name, full name (parent/child) or id; every resource when absent' },
          parameters: { type: 'string', minLength: 1, description: 'glob on the name (or path) of the parameters file the template was evaluated with, e.g. *.dev.bicepparam; every evaluation when absent' },
          reason: { type: 'string', description: 'why the finding is accepted (required, shown in reports)' },
          expires: { type: 'string', description: 'last day (YYYY-MM-DD, UTC) the suppression holds; after it the finding counts again' },
        },
      },
    },
    failOn: { enum: ['critical', 'high', 'medium', 'low', 'none'], description: 'exit 1 when a rule of this severity or higher fails' },
    minScore: { type: 'number', minimum: 0, maximum: 100, description: 'exit 1 when the overall score is below this' },
  },
} as const;
