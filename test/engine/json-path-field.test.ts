import { describe, expect, it } from 'vitest';
import { evaluateCondition } from '../../src/engine/evaluate-condition.js';
import { checkJsonPath } from '../../src/engine/json-path-field.js';
import { ResourceSet } from '../../src/model/resource-set.js';
import { Unknown } from '../../src/core/unknown.js';
import { res } from '../helpers.js';

const factory = res({
  type: 'Microsoft.DataFactory/factories/linkedservices',
  name: 'adf/sql',
  properties: {
    type: 'AzureSqlDatabase',
    typeProperties: {
      connectionString: 'Server=x;',
      password: { type: 'SecureString', value: 'p@ss' },
      nested: { inner: { password: { type: 'AzureKeyVaultSecret', secretName: 's' } } },
    },
  },
});

function run(resource = factory, cond: object) {
  return evaluateCondition(cond, { resource, set: new ResourceSet([resource]), current: [], values: new Map() });
}

describe('JSONPath fields', () => {
  it('selects recursively and applies the operator to every match', () => {
    const r = run(factory, { field: '$..password.type', equals: 'AzureKeyVaultSecret' });
    expect(r.truth).toBe('false');
    expect(r.evidence).toEqual({ path: 'properties.typeProperties.password.type', actual: 'SecureString' });
  });

  it('counts matches', () => {
    expect(run(factory, { count: { field: '$..password' }, equals: 2 }).truth).toBe('true');
    expect(run(factory, { count: { field: '$..secretName' }, greater: 0 }).truth).toBe('true');
  });

  it('is vacuously true with no match', () => {
    expect(run(factory, { field: '$..apiKey', equals: 'x' }).truth).toBe('true');
  });

  it('treats an Unknown match as unknown', () => {
    const r = res({ type: 'T/x', name: 'a', properties: { password: new Unknown('from a Key Vault reference') } });
    // Even `exists` is unknown: the expression may still evaluate to null.
    expect(run(r, { field: '$..password', exists: true })).toMatchObject({ truth: 'unknown' });
    expect(run(r, { field: '$..password', equals: 'x' })).toMatchObject({ truth: 'unknown', reason: expect.stringContaining('Key Vault reference') });
  });

  it('refuses filter and script expressions', () => {
    expect(checkJsonPath('$..[?(@.type=="SecureString")]')).toMatch(/never execute code/);
    expect(checkJsonPath('$.properties.a')).toBeUndefined();
  });
});
