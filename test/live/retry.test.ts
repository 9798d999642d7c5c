import { describe, expect, it } from 'vitest';
import { HttpError, isRetryable, parseHhMmSs, retryAfterMs, withRetry } from '../../src/live/retry.js';

const headers = (h: Record<string, string>) => ({ get: (n: string) => h[n] });

describe('retries', () => {
  it('reads Retry-After in its three forms', () => {
    expect(retryAfterMs(headers({ 'retry-after-ms': '250' }))).toBe(250);
    expect(retryAfterMs(headers({ 'x-ms-retry-after-ms': '40' }))).toBe(40);
    expect(retryAfterMs(headers({ 'retry-after': '3' }))).toBe(3000);
    expect(retryAfterMs(headers({ 'retry-after': 'Thu, 01 Jan 2026 00:00:10 GMT' }), Date.parse('2026-01-01T00:00:00Z'))).toBe(10_000);
    expect(retryAfterMs(headers({}))).toBeUndefined();
  });

  it('reads the quota reset time', () => {
    expect(parseHhMmSs('00:00:05')).toBe(5000);
    expect(parseHhMmSs('01:02:03.5')).toBe(3_723_500);
    expect(parseHhMmSs('soon')).toBeUndefined();
  });

  it('retries throttling, timeouts, server errors and dropped connections only', () => {
    for (const status of [429, 408, 500, 502, 503, 504]) expect(isRetryable({ status, message: '' })).toBe(true);
    for (const status of [400, 401, 403, 404, 501, 505]) expect(isRetryable({ status, message: '' })).toBe(false);
    expect(isRetryable({ code: 'ECONNRESET', message: '' })).toBe(true);
    expect(isRetryable({ message: 'CredentialUnavailableError' })).toBe(false);
  });

  it('waits as told, then gives up after maxRetries', async () => {
    const waits: number[] = [];
    let calls = 0;
    const fail = () => {
      calls++;
      throw new HttpError('throttled', 429, 'RateLimiting', headers({ 'x-ms-user-quota-resets-after': '00:00:02' }));
    };
    await expect(withRetry(async () => fail(), { maxRetries: 2, baseDelayMs: 1, maxDelayMs: 60_000, sleep: async (ms) => void waits.push(ms) })).rejects.toThrow('throttled');
    expect(calls).toBe(3);
    expect(waits).toEqual([2000, 2000]);
  });
});
