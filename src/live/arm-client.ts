// ARM GETs for what Resource Graph does not index (diagnostic settings, blob services, firewall
// rules…), on the same endpoint and credential as the query. Lists follow nextLink, but only on
// the audit's own endpoint, so the token is never sent anywhere else.
import type { TokenCredential } from '@azure/core-auth';
import { createDefaultHttpClient, createHttpHeaders, createPipelineFromOptions, createPipelineRequest, type HttpClient, type Pipeline } from '@azure/core-rest-pipeline';
import type { ArmEndpoint } from './arm-endpoint.js';
import { authPolicy } from './credential.js';
import { HttpError, sleep, withRetry, type RetryOptions } from './retry.js';

export interface ArmClientStats {
  requests: number;
  retries: number;
}

export class ArmClient {
  readonly stats: ArmClientStats = { requests: 0, retries: 0 };
  private readonly pipeline: Pipeline;
  private readonly httpClient: HttpClient = createDefaultHttpClient();
  /** After a 429 every worker waits: ARM throttles per subscription, not per request. */
  private pausedUntil = 0;

  constructor(
    credential: TokenCredential,
    private readonly arm: ArmEndpoint,
    private readonly retry: RetryOptions,
    userAgent = 'azready',
  ) {
    this.pipeline = createPipelineFromOptions({ retryOptions: { maxRetries: 0 }, redirectOptions: { maxRetries: 0 }, userAgentOptions: { userAgentPrefix: userAgent } });
    this.pipeline.addPolicy(authPolicy(credential, arm.scope, arm.insecure), { phase: 'Sign' });
  }

  /** GET one resource; undefined when it does not exist (404). */
  async get(resourcePath: string, apiVersion: string): Promise<Record<string, unknown> | undefined> {
    const body = await this.send(this.url(resourcePath, apiVersion));
    return body === undefined ? undefined : (body as Record<string, unknown>);
  }

  /** GET a collection (`{ value, nextLink }`), every page; an absent parent gives []. */
  async list(resourcePath: string, apiVersion: string): Promise<Record<string, unknown>[]> {
    const out: Record<string, unknown>[] = [];
    let url: string | undefined = this.url(resourcePath, apiVersion);
    for (let page = 0; url && page < 1000; page++) {
      const body = (await this.send(url)) as { value?: unknown; nextLink?: unknown } | undefined;
      if (!body) break;
      if (Array.isArray(body.value)) out.push(...(body.value as Record<string, unknown>[]));
      url = typeof body.nextLink === 'string' && body.nextLink ? this.sameEndpoint(body.nextLink) : undefined;
    }
    return out;
  }

  private url(resourcePath: string, apiVersion: string): string {
    return `${this.arm.endpoint}${encodeURI(resourcePath)}?api-version=${encodeURIComponent(apiVersion)}`;
  }

  private sameEndpoint(link: string): string | undefined {
    try {
      return new URL(link).origin === new URL(this.arm.endpoint).origin ? link : undefined;
    } catch {
      return undefined;
    }
  }

  private send(url: string): Promise<unknown> {
    return withRetry(async () => {
      const pause = this.pausedUntil - Date.now();
      if (pause > 0) await (this.retry.sleep ?? sleep)(pause);
      this.stats.requests++;
      const request = createPipelineRequest({ url, method: 'GET', allowInsecureConnection: this.arm.insecure, headers: createHttpHeaders({ accept: 'application/json' }) });
      const response = await this.pipeline.sendRequest(this.httpClient, request);
      if (response.status === 404) return undefined;
      let body: unknown;
      try {
        body = response.bodyAsText ? JSON.parse(response.bodyAsText) : undefined;
      } catch {
        body = undefined;
      }
      if (response.status >= 400) {
        const err = (body as { error?: { code?: string; message?: string } } | undefined)?.error;
        throw new HttpError(err?.message ?? `HTTP ${response.status}`, response.status, err?.code, response.headers);
      }
      return body ?? {};
    }, this.retry, (failure, delayMs) => {
      this.stats.retries++;
      if (failure.status === 429) this.pausedUntil = Math.max(this.pausedUntil, Date.now() + delayMs);
    });
  }
}
