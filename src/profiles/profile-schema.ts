// JSON Schema of a profile file (profiles/<name>.yaml).

const pillarEnum = ['security', 'reliability', 'cost', 'disaster-recovery', 'operations'];
const severityEnum = ['critical', 'high', 'medium', 'low'];
const strings = { type: 'array', items: { type: 'string' } };
const weight = { type: 'number', minimum: 0 };

export const profileSchema = {
  $id: 'https://azready.dev/schemas/profile.json',
  type: 'object',
  required: ['name', 'title', 'description'],
  properties: {
    name: { type: 'string', pattern: '^[a-z0-9-]+$' },
    title: { type: 'string' },
    description: { type: 'string' },
    extends: { anyOf: [{ type: 'string' }, strings] },
    select: {
      type: 'object',
      properties: { ids: strings, services: strings, tags: strings, pillars: { type: 'array', items: { enum: pillarEnum } } },
      additionalProperties: false,
    },
    exclude: { type: 'object', properties: { ids: strings }, additionalProperties: false },
    overrides: {
      type: 'object',
      additionalProperties: {
        type: 'object',
        properties: { severity: { enum: severityEnum }, weight, disabled: { type: 'boolean' } },
        additionalProperties: false,
      },
    },
    severityWeights: { type: 'object', properties: Object.fromEntries(severityEnum.map((s) => [s, weight])), additionalProperties: false },
    pillarWeights: { type: 'object', properties: Object.fromEntries(pillarEnum.map((p) => [p, weight])), additionalProperties: false },
    levels: {
      type: 'array',
      minItems: 1,
      items: { type: 'object', required: ['name', 'minScore'], properties: { name: { type: 'string' }, minScore: { type: 'number', minimum: 0, maximum: 100 } }, additionalProperties: false },
    },
    requiredComponents: {
      type: 'array',
      items: {
        type: 'object',
        required: ['type', 'description'],
        properties: { type: { anyOf: [{ type: 'string' }, strings] }, description: { type: 'string' } },
        additionalProperties: false,
      },
    },
  },
  additionalProperties: false,
} as const;
