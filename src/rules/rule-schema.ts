// JSON Schema of a rule file. Conditions are the Azure Policy rule language plus relations and
// set-level counts; a bad rule fails when the pack loads, with file, line and column.
import { OPERATORS } from '../engine/operators.js';

const operatorProps = Object.fromEntries(OPERATORS.map((o) => [o, {}]));
const stringList = { type: 'array', items: { type: 'string' } };
const typeOrTypes = { anyOf: [{ type: 'string', minLength: 1 }, { ...stringList, minItems: 1 }] };

export const conditionSchema = {
  $id: 'https://azready.dev/schemas/condition.json',
  type: 'object',
  properties: {
    allOf: { type: 'array', minItems: 1, items: { $ref: '#' } },
    anyOf: { type: 'array', minItems: 1, items: { $ref: '#' } },
    not: { $ref: '#' },
    field: { type: 'string', minLength: 1 },
    value: {},
    count: {
      type: 'object',
      properties: {
        field: { type: 'string', pattern: '\\[\\*\\]|^\\$' },
        value: {},
        name: { type: 'string', pattern: '^[A-Za-z0-9]+$' },
        related: { enum: ['child', 'extension', 'inheritedExtension', 'referencedBy', 'references'] },
        type: typeOrTypes,
        via: { type: 'string' },
        resources: { type: 'object', properties: { type: typeOrTypes, where: { $ref: '#' } }, additionalProperties: false },
        distinct: { type: 'object', properties: { type: typeOrTypes, field: { type: 'string' }, where: { $ref: '#' } }, required: ['field'], additionalProperties: false },
        where: { $ref: '#' },
      },
      additionalProperties: false,
    },
    ...operatorProps,
    in: { type: 'array' },
    notIn: { type: 'array' },
    like: { type: 'string' },
    notLike: { type: 'string' },
    match: { type: 'string' },
    notMatch: { type: 'string' },
    matchInsensitively: { type: 'string' },
    notMatchInsensitively: { type: 'string' },
    exists: { anyOf: [{ type: 'boolean' }, { enum: ['true', 'false'] }] },
  },
  additionalProperties: false,
  oneOf: [
    { required: ['allOf'] },
    { required: ['anyOf'] },
    { required: ['not'] },
    { required: ['field'] },
    { required: ['value'] },
    { required: ['count'] },
  ],
} as const;

export const ruleSchema = {
  $id: 'https://azready.dev/schemas/rule.json',
  type: 'object',
  required: ['id', 'title', 'pillar', 'severity', 'expect', 'rationale', 'remediation', 'references', 'frameworks', 'tags'],
  properties: {
    id: { type: 'string', pattern: '^[a-z0-9-]+/[a-z0-9-]+$' },
    title: { type: 'string', minLength: 5 },
    pillar: { enum: ['security', 'reliability', 'cost', 'disaster-recovery', 'operations'] },
    severity: { enum: ['critical', 'high', 'medium', 'low'] },
    scope: { enum: ['resource', 'set'] },
    resourceType: typeOrTypes,
    when: { $ref: 'https://azready.dev/schemas/condition.json' },
    expect: { $ref: 'https://azready.dev/schemas/condition.json' },
    defaults: {
      type: 'array',
      items: {
        type: 'object',
        required: ['path', 'value'],
        properties: {
          path: { type: 'string' },
          value: {},
          apiVersions: { type: 'object', properties: { from: { type: 'string' }, before: { type: 'string' } }, additionalProperties: false },
        },
        additionalProperties: false,
      },
    },
    message: { type: 'string' },
    rationale: { type: 'string', minLength: 10 },
    remediation: {
      type: 'object',
      required: ['text'],
      properties: { text: { type: 'string', minLength: 5 }, bicep: { type: 'string' } },
      additionalProperties: false,
    },
    references: { type: 'array', items: { type: 'string', pattern: '^https://' } },
    frameworks: {
      type: 'object',
      properties: { mcsb: stringList, waf: stringList, azurePolicy: stringList },
      additionalProperties: false,
    },
    tags: stringList,
  },
  additionalProperties: false,
  if: { properties: { scope: { const: 'set' } }, required: ['scope'] },
  then: { not: { required: ['resourceType'] } },
  else: { required: ['resourceType'] },
} as const;
