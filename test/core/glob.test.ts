import { describe, expect, it } from 'vitest';
import { globToRegExp } from '../../src/core/glob.js';

describe('globToRegExp', () => {
  it.each([
    ['infra/**', 'infra/a/b.json', true],
    ['infra/**', 'other/a.json', false],
    ['**/legacy/**', 'legacy/x.bicep', true],
    ['**/legacy/**', 'infra/legacy/x.bicep', true],
    ['*.json', 'a/b.json', false],
    ['*.{json,bicep}', 'main.bicep', true],
    ['main.?son', 'main.json', true],
    ['storage/*', 'storage/min-tls', true],
    ['a.b', 'axb', false],
  ])('%s matches %s: %s', (pattern, text, expected) => {
    expect(globToRegExp(pattern).test(text)).toBe(expected);
  });

  it('ignores case when asked (resource ids)', () => {
    expect(globToRegExp('**/storageAccounts/lake*', { ignoreCase: true }).test('/subscriptions/x/resourceGroups/rg/providers/Microsoft.Storage/STORAGEACCOUNTS/LakeOne')).toBe(true);
  });
});
