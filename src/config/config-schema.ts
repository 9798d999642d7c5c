// JSON Schema of azready.yaml, the project configuration (README "Configuration").

const severity = { enum: ['critical', 'high', 'medium', 'low'] };

export const CONFIG_SCHEMA = {
  $id: 'https://azready.dev/schemas/config-1.json',
  // An empty file (only comments) is a valid configuration.
  type: ['object', 'null'],
  additionalProperties: false,
  properties: {
    profile: { type: 'string', minLength: 1 },
    include: { type: 'array', items: { type: 'string', minLength: 1 } },
    exclude: { type: 'array', items: { type: 'string', minLength: 1 } },
    parameters: { type: 'object', additionalProperties: { type: 'string', minLength: 1 } },
    rules: { type: 'array', items: { type: 'string', minLength: 1 } },
    overrides: {
      type: 'object',
      additionalProperties: {
        type: 'object',
        additionalProperties: false,
        minProperties: 1,
        properties: { disabled: { type: 'boolean' }, severity },
      },
    },
    suppressions: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['rule', 'reason'],
        properties: {
          rule: { type: 'string', minLength: 1 },
          resource: { type: 'string', minLength: 1 },
          reason: { type: 'string' },
          expires: { type: 'string' },
        },
      },
    },
    failOn: { enum: ['critical', 'high', 'medium', 'low', 'none'] },
    minScore: { type: 'number', minimum: 0, maximum: 100 },
  },
} as const;
