// Retries for Resource Graph and ARM calls: 429, 408 and 5xx (not 501/505) and dropped connections
// are retried with exponential backoff, or after the server's Retry-After when it sends one.
// The SDK pipelines run with their own retry switched off so that one policy decides.

export interface RetryOptions {
  /** Retries after the first attempt. */
  maxRetries: number;
  /** First backoff delay; doubled on each retry. */
  baseDelayMs: number;
  /** No wait is longer than this (Retry-After included). */
  maxDelayMs: number;
  sleep?: (ms: number) => Promise<void>;
}

export const DEFAULT_RETRY: RetryOptions = { maxRetries: 5, baseDelayMs: 1000, maxDelayMs: 60_000 };

interface HeaderBag {
  get(name: string): string | undefined;
}

/** What went wrong with one HTTP call, read from a RestError or a plain Error. */
export interface HttpFailure {
  status?: number;
  /** `error.code` of an ARM error body, or a transport code such as REQUEST_SEND_ERROR. */
  code?: string;
  message: string;
  headers?: HeaderBag;
}

export class HttpError extends Error implements HttpFailure {
  constructor(
    message: string,
    readonly status?: number,
    readonly code?: string,
    readonly headers?: HeaderBag,
  ) {
    super(message);
    this.name = 'HttpError';
  }
}

export function httpFailure(e: unknown): HttpFailure {
  if (e instanceof HttpError) return e;
  const err = e as { statusCode?: number; code?: string; message?: string; response?: { headers?: HeaderBag } };
  return { status: err?.statusCode, code: err?.code, message: String(err?.message ?? e), headers: err?.response?.headers };
}

export function isRetryable(f: HttpFailure): boolean {
  // No status: only a dropped or refused connection is worth another try (not a credential error).
  if (f.status === undefined) return f.code === 'REQUEST_SEND_ERROR' || /^E(CONNRESET|CONNREFUSED|TIMEDOUT|PIPE|AI_AGAIN)$/.test(f.code ?? '');
  return f.status === 429 || f.status === 408 || (f.status >= 500 && f.status !== 501 && f.status !== 505);
}

/** Retry-After in any of the three forms Azure uses, in milliseconds. */
export function retryAfterMs(headers: HeaderBag | undefined, now = Date.now()): number | undefined {
  if (!headers) return undefined;
  for (const name of ['retry-after-ms', 'x-ms-retry-after-ms']) {
    const v = Number(headers.get(name));
    if (headers.get(name) !== undefined && Number.isFinite(v) && v >= 0) return v;
  }
  const ra = headers.get('retry-after');
  if (ra === undefined) return undefined;
  if (/^\d+(\.\d+)?$/.test(ra.trim())) return Number(ra) * 1000;
  const date = Date.parse(ra);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/** `hh:mm:ss` (x-ms-user-quota-resets-after) in milliseconds. */
export function parseHhMmSs(text: string | undefined): number | undefined {
  const m = /^(\d+):(\d{1,2}):(\d{1,2}(?:\.\d+)?)$/.exec(text?.trim() ?? '');
  return m ? ((Number(m[1]) * 60 + Number(m[2])) * 60 + Number(m[3])) * 1000 : undefined;
}

export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Runs `fn`, retrying retryable failures; `onRetry` hears about each wait. */
export async function withRetry<T>(fn: () => Promise<T>, options: RetryOptions, onRetry?: (failure: HttpFailure, delayMs: number, attempt: number) => void): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await fn();
    } catch (e) {
      const f = httpFailure(e);
      if (attempt > options.maxRetries || !isRetryable(f)) throw e;
      const backoff = options.baseDelayMs * 2 ** (attempt - 1) * (0.8 + Math.random() * 0.4);
      // A throttled Resource Graph call without Retry-After still says when the quota resets.
      const quotaReset = f.status === 429 ? parseHhMmSs(f.headers?.get('x-ms-user-quota-resets-after')) : undefined;
      const delay = Math.min(options.maxDelayMs, retryAfterMs(f.headers) ?? quotaReset ?? backoff);
      onRetry?.(f, delay, attempt);
      await (options.sleep ?? sleep)(delay);
    }
  }
}
