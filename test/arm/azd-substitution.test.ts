// azd placeholders in parameters files: filled from the environment or their default, else unknown.
import { describe, expect, it } from 'vitest';
import { coerceSubstituted, substituteAzd } from '../../src/arm/azd-substitution.js';

describe('substituteAzd', () => {
  const env = { AZURE_ENV_NAME: 'demo' };

  it('fills variables and defaults, inside text too', () => {
    expect(substituteAzd('${AZURE_ENV_NAME}', env)).toEqual({ value: 'demo', substituted: true });
    expect(substituteAzd('rg-${AZURE_ENV_NAME}-${REGION=weu}', env)).toEqual({ value: 'rg-demo-weu', substituted: true });
    expect(substituteAzd('plain text', env)).toEqual({ value: 'plain text', substituted: false });
  });

  it('leaves a variable without a value or default unknown, naming it', () => {
    const out = substituteAzd('${AZURE_LOCATION}', env);
    expect(out.value).toMatchObject({ kind: 'unknown', reason: expect.stringContaining('set AZURE_LOCATION'), type: 'string' });
  });
});

describe('coerceSubstituted', () => {
  it('gives substituted text the parameter’s declared type, as azd does', () => {
    expect(coerceSubstituted('false', 'bool')).toBe(false);
    expect(coerceSubstituted('3', 'int')).toBe(3);
    expect(coerceSubstituted('["a"]', 'array')).toEqual(['a']);
    expect(coerceSubstituted('3', 'string')).toBe('3');
    expect(coerceSubstituted('maybe', 'bool')).toBe('maybe');
  });
});
