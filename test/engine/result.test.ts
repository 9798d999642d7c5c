// How reports name a result's resource: the parameters file appears only where one template was
// evaluated with several, and keys tell those results apart.
import { describe, expect, it } from 'vitest';
import { resourceKey, resourceLabeler, type RuleResult } from '../../src/engine/result.js';

const result = (id: string, name: string, parameters?: string): RuleResult => ({
  ruleId: 'storage/min-tls',
  outcome: 'fail',
  severity: 'high',
  pillar: 'security',
  resource: { id, type: 'Microsoft.Storage/storageAccounts', name, ...(parameters ? { parameters } : {}) },
  message: '',
});

describe('resourceLabeler', () => {
  it('names the parameters file only for a resource evaluated with several', () => {
    const results = [result('/s/a', 'sta', 'dev.bicepparam'), result('/s/a', 'sta', 'prod.bicepparam'), result('/s/b', 'stb', 'dev.bicepparam')];
    const label = resourceLabeler(results);
    expect(results.map((r) => label(r.resource))).toEqual(['sta [dev.bicepparam]', 'sta [prod.bicepparam]', 'stb']);
  });

  it('leaves names alone when no parameters file is involved', () => {
    const results = [result('/s/a', 'sta'), result('/S/A', 'sta')];
    expect(results.map((r) => resourceLabeler(results)(r.resource))).toEqual(['sta', 'sta']);
  });
});

describe('resourceKey', () => {
  it('folds the id’s case and tells parameters files apart', () => {
    expect(resourceKey(result('/S/A', 'sta').resource)).toBe(resourceKey(result('/s/a', 'sta').resource));
    expect(resourceKey(result('/s/a', 'sta', 'dev.bicepparam').resource)).not.toBe(resourceKey(result('/s/a', 'sta', 'prod.bicepparam').resource));
  });
});
