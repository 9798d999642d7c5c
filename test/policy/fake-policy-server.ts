// A local Microsoft.Authorization policy REST API (api-version 2025-03-01): PUT/GET definitions and
// initiatives at subscription and management-group scope, built-ins, assignment lists paged with nextLink.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface FakePolicyServer {
  url: string;
  store: Map<string, Record<string, unknown>>;
  requests: { method: string; path: string; auth: boolean }[];
  close(): Promise<void>;
}

export async function startFakePolicyServer(seed: Record<string, Record<string, unknown>> = {}, pageSize = 1): Promise<FakePolicyServer> {
  const store = new Map(Object.entries(seed).map(([k, v]) => [k.toLowerCase(), v]));
  const requests: FakePolicyServer['requests'] = [];
  let url = '';
  const server: Server = createServer((req, res) => {
    const u = new URL(req.url ?? '/', 'http://x');
    requests.push({ method: req.method ?? '', path: u.pathname, auth: /^Bearer \S+/.test(String(req.headers.authorization ?? '')) });
    const send = (status: number, body: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
    };
    if (u.searchParams.get('api-version') !== '2025-03-01') return send(400, { error: { code: 'InvalidApiVersion', message: 'api-version 2025-03-01 expected' } });
    if (!requests.at(-1)!.auth) return send(401, { error: { code: 'AuthenticationFailed', message: 'no token' } });
    const key = decodeURIComponent(u.pathname).toLowerCase();
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      if (req.method === 'PUT') {
        const parsed = JSON.parse(body) as { properties: Record<string, unknown> };
        const name = u.pathname.split('/').pop()!;
        const type = /policysetdefinitions/.test(key) ? 'Microsoft.Authorization/policySetDefinitions' : 'Microsoft.Authorization/policyDefinitions';
        const doc = { id: decodeURIComponent(u.pathname), name, type, properties: { ...parsed.properties, metadata: { ...(parsed.properties.metadata as object), createdBy: 'someone' } } };
        store.set(key, doc);
        return send(201, doc); // the service answers 201 to every PUT of a definition
      }
      if (req.method !== 'GET') return send(405, { error: { code: 'MethodNotAllowed', message: req.method } });
      if (key.endsWith('/policyassignments')) {
        const scope = key.slice(0, -'/providers/microsoft.authorization/policyassignments'.length);
        const all = [...store.entries()].filter(([k]) => k.startsWith(scope + '/providers/microsoft.authorization/policyassignments/')).map(([, v]) => v);
        const skip = Number(u.searchParams.get('$skiptoken') ?? 0);
        const next = skip + pageSize < all.length ? `${url}${u.pathname}?api-version=2025-03-01&$skiptoken=${skip + pageSize}` : undefined;
        return send(200, { value: all.slice(skip, skip + pageSize), ...(next ? { nextLink: next } : {}) });
      }
      const doc = store.get(key);
      return doc ? send(200, doc) : send(404, { error: { code: 'PolicyDefinitionNotFound', message: `${u.pathname} not found` } });
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { url, store, requests, close: () => new Promise((r) => server.close(() => r())) };
}
