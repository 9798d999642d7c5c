// The audit's credential and the policy that signs requests with it. AZREADY_ACCESS_TOKEN (a
// pre-fetched bearer token, for CI) wins over DefaultAzureCredential. Tokens are only ever put
// in the Authorization header: never printed, logged or written to a snapshot.
import type { AccessToken, TokenCredential } from '@azure/core-auth';
import { bearerTokenAuthenticationPolicy, type PipelinePolicy } from '@azure/core-rest-pipeline';
import type { CloudName } from './arm-endpoint.js';

export const ACCESS_TOKEN_ENV = 'AZREADY_ACCESS_TOKEN';

/** A credential that hands out one token fetched elsewhere (`az account get-access-token`). */
export function staticTokenCredential(token: string): TokenCredential {
  return {
    getToken: async (): Promise<AccessToken> => ({ token, expiresOnTimestamp: Date.now() + 3600_000, tokenType: 'Bearer' }),
  };
}

/** Where a sovereign cloud signs users in (AZURE_AUTHORITY_HOST still wins, as the SDK documents). */
const AUTHORITY_HOSTS: Record<CloudName, string> = {
  AzureCloud: 'https://login.microsoftonline.com',
  AzureUSGovernment: 'https://login.microsoftonline.us',
  AzureChinaCloud: 'https://login.chinacloudapi.cn',
};

/** The token from the environment, or DefaultAzureCredential (loaded only when needed). */
export async function auditCredential(env: NodeJS.ProcessEnv = process.env, cloud: CloudName = 'AzureCloud'): Promise<{ credential: TokenCredential; source: string }> {
  const token = env[ACCESS_TOKEN_ENV]?.trim();
  if (token) return { credential: staticTokenCredential(token.replace(/^Bearer\s+/i, '')), source: ACCESS_TOKEN_ENV };
  const { DefaultAzureCredential } = await import('@azure/identity');
  return { credential: new DefaultAzureCredential({ authorityHost: env.AZURE_AUTHORITY_HOST || AUTHORITY_HOSTS[cloud] }), source: 'DefaultAzureCredential' };
}

export const AUTH_POLICY_NAME = 'azreadyLoopbackBearer';

/**
 * Signs requests with the credential. Over https this is the SDK's own bearer policy; for a loopback
 * http endpoint (test servers) that policy refuses to run, so a minimal one caches the token instead.
 */
export function authPolicy(credential: TokenCredential, scope: string, insecure: boolean): PipelinePolicy {
  if (!insecure) return bearerTokenAuthenticationPolicy({ credential, scopes: [scope] });
  let cached: AccessToken | null = null;
  return {
    name: AUTH_POLICY_NAME,
    async sendRequest(request, next) {
      if (!cached || cached.expiresOnTimestamp - Date.now() < 120_000) {
        cached = await credential.getToken(scope, { abortSignal: request.abortSignal });
        if (!cached) throw new Error('the credential returned no access token');
      }
      request.headers.set('authorization', `Bearer ${cached.token}`);
      return next(request);
    },
  };
}
