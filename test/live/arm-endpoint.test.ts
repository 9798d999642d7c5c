import { describe, expect, it } from 'vitest';
import { resolveArmEndpoint } from '../../src/live/arm-endpoint.js';

describe('ARM endpoint', () => {
  it('uses the cloud endpoint and token audience', () => {
    expect(resolveArmEndpoint()).toEqual({ endpoint: 'https://management.azure.com', scope: 'https://management.azure.com/.default', insecure: false });
    expect(resolveArmEndpoint('AzureUSGovernment')).toMatchObject({ endpoint: 'https://management.usgovcloudapi.net', scope: 'https://management.usgovcloudapi.net/.default' });
    expect(resolveArmEndpoint('AzureChinaCloud')).toMatchObject({ endpoint: 'https://management.chinacloudapi.cn' });
  });

  it.each(['http://127.0.0.1:8080', 'http://127.4.5.6', 'http://localhost:3000/', 'http://[::1]:9000'])('accepts plain http on the loopback host %s', (url) => {
    expect(resolveArmEndpoint('AzureCloud', url)).toMatchObject({ insecure: true, scope: 'https://management.azure.com/.default' });
  });

  it.each([
    ['http://example.com', /only for loopback hosts/],
    ['http://10.0.0.1:8080', /only for loopback hosts/],
    ['http://127.0.0.1.example.com', /only for loopback hosts/],
    ['http://localhost.evil.com', /only for loopback hosts/],
    ['ftp://127.0.0.1', /must be an https URL/],
    ['not a url', /is not a URL/],
    ['https://user:pw@arm.example.com', /credentials/],
  ])('refuses %s', (url, message) => {
    expect(resolveArmEndpoint('AzureCloud', url)).toEqual({ error: expect.stringMatching(message) });
  });

  it('keeps an https proxy endpoint with a base path', () => {
    expect(resolveArmEndpoint('AzureCloud', 'https://proxy.example.com/arm/')).toMatchObject({ endpoint: 'https://proxy.example.com/arm', insecure: false });
  });
});
