// Which Azure Resource Manager endpoint an audit talks to: a named cloud, or `--arm-endpoint`.
// Plain http is accepted only for loopback hosts, so a token never leaves the machine unencrypted.

export type CloudName = 'AzureCloud' | 'AzureUSGovernment' | 'AzureChinaCloud';

export const CLOUDS: Record<CloudName, { endpoint: string; scope: string }> = {
  AzureCloud: { endpoint: 'https://management.azure.com', scope: 'https://management.azure.com/.default' },
  AzureUSGovernment: { endpoint: 'https://management.usgovcloudapi.net', scope: 'https://management.usgovcloudapi.net/.default' },
  AzureChinaCloud: { endpoint: 'https://management.chinacloudapi.cn', scope: 'https://management.chinacloudapi.cn/.default' },
};

export interface ArmEndpoint {
  /** Origin plus optional base path, without a trailing slash. */
  endpoint: string;
  /** The token scope (audience) of the cloud. */
  scope: string;
  /** True for http on a loopback host (test servers, local proxies). */
  insecure: boolean;
}

/** Resolves the endpoint, or explains why `--arm-endpoint` is refused. */
export function resolveArmEndpoint(cloud: CloudName = 'AzureCloud', override?: string): ArmEndpoint | { error: string } {
  const { endpoint, scope } = CLOUDS[cloud];
  if (!override) return { endpoint, scope, insecure: false };
  let url: URL;
  try {
    url = new URL(override);
  } catch {
    return { error: `--arm-endpoint '${override}' is not a URL (expected e.g. https://management.azure.com)` };
  }
  if (url.username || url.password) return { error: '--arm-endpoint must not contain credentials' };
  if (url.search || url.hash) return { error: '--arm-endpoint must not have a query or fragment' };
  const base = `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
  if (url.protocol === 'https:') return { endpoint: base, scope, insecure: false };
  if (url.protocol === 'http:') {
    if (isLoopback(url.hostname)) return { endpoint: base, scope, insecure: true };
    return { error: `--arm-endpoint ${url.origin} uses plain http; http is accepted only for loopback hosts (127.0.0.0/8, localhost, [::1]) because the request carries an access token. Use https.` };
  }
  return { error: `--arm-endpoint must be an https URL (got ${url.protocol.replace(/:$/, '')})` };
}

export function isLoopback(hostname: string): boolean {
  const h = hostname.toLowerCase();
  if (h === 'localhost' || h === '[::1]' || h === '::1') return true;
  const m = /^127\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(h);
  return !!m && m.slice(1).every((x) => Number(x) <= 255);
}
